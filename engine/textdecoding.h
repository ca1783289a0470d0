// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace driftdesk {

/// The text of an exported file, converted to UTF-8 for the JSON parser.
struct DecodedText
{
    std::string utf8;
    QString encoding; ///< what was detected: "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", ...
    QString error; ///< empty when decoding succeeded
};

/// Decodes the bytes of an export file. Accepted: UTF-8 with or without a byte-order mark,
/// UTF-16LE and UTF-16BE with a byte-order mark, and UTF-16 without one when the text starts
/// with an ASCII character (as every JSON text does), detected from the zero bytes as RFC 4627
/// describes. UTF-8 is validated by the JSON parser; UTF-16 is validated here, so a lone
/// surrogate is an error rather than a replacement character. Refused with a message saying
/// why: UTF-32 (with or without a byte-order mark), UTF-16 that was re-encoded as UTF-8 from
/// the wrong encoding ("ÿþ" at the start), and UTF-8 text holding a zero byte.
DecodedText decodeExportText(const QByteArray& bytes);

} // namespace driftdesk
