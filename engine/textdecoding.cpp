// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecoding.h"

#include <QStringDecoder>

#include <algorithm>

namespace driftdesk {

namespace {

// Qt's UTF-16 decoder passes unpaired surrogates through; converting those to UTF-8 would store
// replacement characters, so they are refused here.
qsizetype firstUnpairedSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text.at(i);
        if (unit.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (unit.isSurrogate())
            return i;
    }
    return -1;
}

DecodedText decodeUtf16(QByteArrayView bytes, QStringConverter::Encoding encoding,
                        const QString& name)
{
    DecodedText result;
    result.encoding = name;
    if (bytes.size() % 2 != 0) {
        result.error
            = QStringLiteral("%1 text has an odd number of bytes (%2)").arg(name).arg(bytes.size());
        return result;
    }

    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    const qsizetype badUnit = firstUnpairedSurrogate(text);
    if (decoder.hasError() || badUnit >= 0) {
        result.error = QStringLiteral("%1 text is not valid: unpaired surrogate at byte %2")
                           .arg(name)
                           .arg(2 * std::max<qsizetype>(badUnit, 0));
        return result;
    }
    result.utf8 = text.toStdString();
    return result;
}

DecodedText refused(const QString& encoding, const QString& error)
{
    DecodedText result;
    result.encoding = encoding;
    result.error = error;
    return result;
}

} // namespace

DecodedText decodeExportText(const QByteArray& bytes)
{
    const auto byte = [&bytes](qsizetype i) { return static_cast<unsigned char>(bytes.at(i)); };
    const auto startsWith
        = [&bytes](const char* prefix) { return bytes.startsWith(QByteArrayView(prefix)); };

    // UTF-32 first: its byte-order marks begin like UTF-16's, and without one its zero bytes
    // would pass for UTF-16 text full of U+0000.
    const QString utf32Refused
        = QStringLiteral("%1 text is not supported; save the export as UTF-8 or UTF-16");
    if (startsWith("\xFF\xFE") && bytes.size() >= 4 && byte(2) == 0 && byte(3) == 0)
        return refused(QStringLiteral("UTF-32LE"), utf32Refused.arg(u"UTF-32LE"));
    if (bytes.size() >= 4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF)
        return refused(QStringLiteral("UTF-32BE"), utf32Refused.arg(u"UTF-32BE"));
    if (bytes.size() >= 4 && byte(0) != 0 && byte(1) == 0 && byte(2) == 0 && byte(3) == 0)
        return refused(QStringLiteral("UTF-32LE"), utf32Refused.arg(u"UTF-32LE"));
    if (bytes.size() >= 4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0 && byte(3) != 0)
        return refused(QStringLiteral("UTF-32BE"), utf32Refused.arg(u"UTF-32BE"));

    if (bytes.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE)
        return decodeUtf16(QByteArrayView(bytes).sliced(2), QStringConverter::Utf16LE,
                           QStringLiteral("UTF-16LE with BOM"));
    if (bytes.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF)
        return decodeUtf16(QByteArrayView(bytes).sliced(2), QStringConverter::Utf16BE,
                           QStringLiteral("UTF-16BE with BOM"));
    // Without a byte-order mark, a JSON text's first character is ASCII, so UTF-16 shows as a
    // zero byte beside it.
    if (bytes.size() >= 2 && byte(0) != 0 && byte(1) == 0)
        return decodeUtf16(bytes, QStringConverter::Utf16LE, QStringLiteral("UTF-16LE"));
    if (bytes.size() >= 2 && byte(0) == 0 && byte(1) != 0)
        return decodeUtf16(bytes, QStringConverter::Utf16BE, QStringLiteral("UTF-16BE"));

    const bool utf8Bom = startsWith("\xEF\xBB\xBF");
    const QByteArrayView text = QByteArrayView(bytes).sliced(utf8Bom ? 3 : 0);
    const QString encoding = utf8Bom ? QStringLiteral("UTF-8 with BOM") : QStringLiteral("UTF-8");

    // A UTF-16 file that a tool read as Latin-1 or Windows-1252 and wrote again as UTF-8 starts
    // with its byte-order mark turned into "ÿþ" or "þÿ"; its text is beyond repair.
    if (text.startsWith("\xC3\xBF\xC3\xBE") || text.startsWith("\xC3\xBE\xC3\xBF")) {
        return refused(encoding,
                       QStringLiteral("text starts with \"%1\": a UTF-16 file converted to "
                                      "UTF-8 from the wrong encoding; export it again")
                           .arg(QString::fromUtf8(text.first(4))));
    }

    // JSON in UTF-8 holds no zero byte; one means binary data, or UTF-16 or UTF-32 text the
    // checks above could not recognise, which the parser would report obscurely.
    const qsizetype zero = text.indexOf('\0');
    if (zero >= 0) {
        return refused(encoding,
                       QStringLiteral("text holds a zero byte at byte %1, which UTF-8 JSON never "
                                      "does: binary data, or UTF-16 or UTF-32 text that lost "
                                      "its byte-order mark")
                           .arg(zero + (utf8Bom ? 3 : 0)));
    }

    DecodedText result;
    result.encoding = encoding;
    result.utf8.assign(text.data(), static_cast<std::size_t>(text.size()));
    return result;
}

} // namespace driftdesk
