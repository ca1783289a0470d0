// SPDX-License-Identifier: GPL-3.0-or-later
#include "canonicaljson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace driftdesk {

namespace {

// Object member names are ordered by UTF-16 code units. UTF-8 byte order equals code point
// order, which differs from UTF-16 order only where a supplementary character (a surrogate
// pair, 0xD800-0xDBFF) meets a character in U+E000..U+FFFF; comparing code units handles it.
std::u16string toUtf16(const std::string& utf8)
{
    std::u16string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        char32_t codePoint = lead;
        std::size_t length = 1;
        if (lead >= 0xF0) {
            length = 4;
            codePoint = lead & 0x07;
        } else if (lead >= 0xE0) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xC0) {
            length = 2;
            codePoint = lead & 0x1F;
        }
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
            codePoint = (codePoint << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += length;
        if (codePoint >= 0x10000) {
            codePoint -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (codePoint >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (codePoint & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(codePoint));
        }
    }
    return out;
}

bool isAscii(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void writeString(const std::string& text, std::string& out)
{
    static const char hexDigits[] = "0123456789abcdef";
    out.push_back('"');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out.push_back(hexDigits[byte >> 4]);
                out.push_back(hexDigits[byte & 0x0F]);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

void writeValue(const nlohmann::json& value, std::string& out);

void writeObject(const nlohmann::json& object, std::string& out)
{
    using Member = std::pair<const std::string*, const nlohmann::json*>;
    std::vector<Member> members;
    members.reserve(object.size());
    bool allAscii = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        members.emplace_back(&it.key(), &it.value());
        allAscii = allAscii && isAscii(it.key());
    }

    // nlohmann's default object type keeps names in byte order, which equals UTF-16 order
    // for ASCII names; only other names need sorting by code units.
    if (!allAscii) {
        std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
            return toUtf16(*a.first) < toUtf16(*b.first);
        });
    }

    out.push_back('{');
    bool first = true;
    for (const auto& [name, member] : members) {
        if (!first)
            out.push_back(',');
        first = false;
        writeString(*name, out);
        out.push_back(':');
        writeValue(*member, out);
    }
    out.push_back('}');
}

void writeValue(const nlohmann::json& value, std::string& out)
{
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::null:
        out += "null";
        break;
    case Type::boolean:
        out += value.get<bool>() ? "true" : "false";
        break;
    case Type::number_integer:
        out += canonicalNumber(static_cast<double>(value.get<std::int64_t>()));
        break;
    case Type::number_unsigned:
        out += canonicalNumber(static_cast<double>(value.get<std::uint64_t>()));
        break;
    case Type::number_float:
        out += canonicalNumber(value.get<double>());
        break;
    case Type::string:
        writeString(value.get_ref<const std::string&>(), out);
        break;
    case Type::array: {
        out.push_back('[');
        bool first = true;
        for (const auto& element : value) {
            if (!first)
                out.push_back(',');
            first = false;
            writeValue(element, out);
        }
        out.push_back(']');
        break;
    }
    case Type::object:
        writeObject(value, out);
        break;
    case Type::binary:
    case Type::discarded:
        throw std::domain_error("canonical JSON cannot hold binary or discarded values");
    }
}

} // namespace

std::string canonicalNumber(double value)
{
    if (std::isnan(value) || std::isinf(value))
        throw std::domain_error("JSON numbers cannot be NaN or infinite");
    if (value == 0)
        return "0"; // also for -0, as ECMAScript writes it

    // Shortest round-trip digits and decimal exponent, then ECMAScript's layout rules
    // (ECMA-262, Number::toString): digits d1..dk with value 0.d1..dk * 10^n.
    char buffer[64];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string scientific(buffer, result.ptr);

    std::string sign;
    if (scientific.front() == '-') {
        sign = "-";
        scientific.erase(0, 1);
    }
    const auto ePos = scientific.find('e');
    const int exponent = std::stoi(scientific.substr(ePos + 1));
    std::string digits = scientific.substr(0, ePos);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();

    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;
    std::string out = sign;
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits.substr(0, 1);
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += (n - 1 >= 0) ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

std::string canonicalJson(const nlohmann::json& value)
{
    std::string out;
    writeValue(value, out);
    return out;
}

} // namespace driftdesk
