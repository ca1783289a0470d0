// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace driftdesk {

/// Serialises a JSON value as RFC 8785 (JSON Canonicalization Scheme) text in UTF-8:
/// object members sorted by the UTF-16 code units of their names, no insignificant white
/// space, strings escaped minimally and numbers written as ECMAScript writes doubles.
/// Integers beyond 2^53 cannot be represented exactly in JCS and are written as the nearest
/// double, as the RFC requires.
std::string canonicalJson(const nlohmann::json& value);

/// Writes one double the way ECMAScript's Number.prototype.toString does (RFC 8785, 3.2.2.3).
/// Throws std::domain_error for NaN and infinities, which JSON cannot hold.
std::string canonicalNumber(double value);

} // namespace driftdesk
