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

} // namespace

DecodedText decodeExportText(const QByteArray& bytes)
{
    const auto byte = [&bytes](qsizetype i) { return static_cast<unsigned char>(bytes.at(i)); };

    if (bytes.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE)
        return decodeUtf16(QByteArrayView(bytes).sliced(2), QStringConverter::Utf16LE,
                           QStringLiteral("UTF-16LE with BOM"));
    if (bytes.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF)
        return decodeUtf16(QByteArrayView(bytes).sliced(2), QStringConverter::Utf16BE,
                           QStringLiteral("UTF-16BE with BOM"));
    if (bytes.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
        DecodedText result;
        result.encoding = QStringLiteral("UTF-8 with BOM");
        result.utf8.assign(bytes.constData() + 3, static_cast<std::size_t>(bytes.size() - 3));
        return result;
    }

    // Without a byte-order mark, a JSON text's first character is ASCII, so UTF-16 shows as a
    // zero byte beside it.
    if (bytes.size() >= 2 && byte(0) != 0 && byte(1) == 0)
        return decodeUtf16(bytes, QStringConverter::Utf16LE, QStringLiteral("UTF-16LE"));
    if (bytes.size() >= 2 && byte(0) == 0 && byte(1) != 0)
        return decodeUtf16(bytes, QStringConverter::Utf16BE, QStringLiteral("UTF-16BE"));

    DecodedText result;
    result.encoding = QStringLiteral("UTF-8");
    result.utf8.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    return result;
}

} // namespace driftdesk
