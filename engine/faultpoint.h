// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace driftdesk {

/// A place where a test may kill this process, to prove that no unit of work is ever left half
/// done. Inert unless the environment asks for it: DRIFTDESK_KILL_AT_FAULT_POINT=N sends the
/// process SIGKILL at the N-th point it reaches; DRIFTDESK_STOP_AT_FAULT_POINT=N stops it there
/// with SIGSTOP (until SIGCONT), so that a test can break something under it;
/// DRIFTDESK_COUNT_FAULT_POINTS=1 prints how many points it reached to stderr when it exits.
void faultPoint();

} // namespace driftdesk
