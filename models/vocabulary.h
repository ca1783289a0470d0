// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policytyperegistry.h"

#include <QString>

namespace driftdesk::models {

/// The words the database stores and driftctl, the exports and the README use (a finding's
/// status, severity, change type and resolution; a profile's status; a run's status and
/// outcome; a type's coverage status; a run's counter names), as the desktop application shows
/// them. In English they stay the stored words, so the two front ends read alike; other languages
/// translate them. A word this list does not know shows as it is stored.
QString displayWord(const QString& stored);

/// A policy or foundation type's label in the registry, as the desktop application shows it:
/// translated like the stored words; a label the list does not know shows as it is.
QString policyTypeLabel(const PolicyTypeInfo& type);

} // namespace driftdesk::models
