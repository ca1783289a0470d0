// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace driftdesk {

/// Sets the organisation and application names that the GUI and driftctl share, which decide
/// where the embedded workspace file and settings live.
void applyApplicationIdentity();

} // namespace driftdesk
