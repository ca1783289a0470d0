// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchdatabase.h"
#include "textdecoding.h"

#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace driftdesk;

class TestTextDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodings_data();
    void encodings();
    void realExportIsUtf16LeWithBom();
    void rejectsOddUtf16Length();
    void rejectsUnpairedSurrogate();
    void refusesWithAReason_data();
    void refusesWithAReason();
};

namespace {

QByteArray encode(const QString& text, QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(
        encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(text);
}

const QString sample = QString::fromUtf8("{\"displayName\": \"Gr\xc3\xbc\xc3\x9f"
                                         "e \xe2\x82\xac "
                                         "\xf0\x9f\x98\x80\"}\r\n");

} // namespace

void TestTextDecoding::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("utf-8") << encode(sample, QStringConverter::Utf8, false) << "UTF-8";
    QTest::newRow("utf-8 bom") << encode(sample, QStringConverter::Utf8, true) << "UTF-8 with BOM";
    QTest::newRow("utf-16le bom") << encode(sample, QStringConverter::Utf16LE, true)
                                  << "UTF-16LE with BOM";
    QTest::newRow("utf-16be bom") << encode(sample, QStringConverter::Utf16BE, true)
                                  << "UTF-16BE with BOM";
    QTest::newRow("utf-16le") << encode(sample, QStringConverter::Utf16LE, false) << "UTF-16LE";
    QTest::newRow("utf-16be") << encode(sample, QStringConverter::Utf16BE, false) << "UTF-16BE";
}

void TestTextDecoding::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    const DecodedText decoded = decodeExportText(bytes);
    QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
    QCOMPARE(decoded.encoding, encoding);
    QCOMPARE(QString::fromStdString(decoded.utf8), sample);
}

void TestTextDecoding::realExportIsUtf16LeWithBom()
{
    QFile file(testsupport::testDataPath(QStringLiteral(
        "oib/windows-v3.7/DriverUpdateProfiles/Win - OIB - WUfB Drivers - Ring 1 - Pilot - "
        "v3.0.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const DecodedText decoded = decodeExportText(file.readAll());
    QVERIFY(decoded.error.isEmpty());
    QCOMPARE(decoded.encoding, QStringLiteral("UTF-16LE with BOM"));
    QVERIFY(decoded.utf8.rfind("{\n", 0) == 0); // this copy has LF line ends
    QVERIFY(decoded.utf8.find("\"id\":  \"20572f16-c163-459f-9b9a-d521de925793\"")
            != std::string::npos);
}

void TestTextDecoding::rejectsOddUtf16Length()
{
    QByteArray bytes = encode(sample, QStringConverter::Utf16LE, true);
    bytes.chop(1);
    const DecodedText decoded = decodeExportText(bytes);
    QVERIFY(decoded.utf8.empty());
    QVERIFY2(decoded.error.contains(QLatin1String("odd number of bytes")),
             qPrintable(decoded.error));
}

void TestTextDecoding::rejectsUnpairedSurrogate()
{
    // "{\"a\":\"" then a lone high surrogate D800, then "\"}", UTF-16LE with BOM.
    QByteArray bytes("\xff\xfe", 2);
    for (const char c : QByteArray("{\"a\":\""))
        bytes.append(c).append('\0');
    bytes.append('\x00').append('\xd8');
    for (const char c : QByteArray("\"}"))
        bytes.append(c).append('\0');
    const DecodedText decoded = decodeExportText(bytes);
    QVERIFY(decoded.utf8.empty());
    QVERIFY2(decoded.error.contains(QLatin1String("unpaired surrogate at byte 12")),
             qPrintable(decoded.error));
}

void TestTextDecoding::refusesWithAReason_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QString utf32 = QStringLiteral("%1 text is not supported; save the export as UTF-8 or "
                                         "UTF-16");
    QTest::newRow("utf-32le bom") << encode(sample, QStringConverter::Utf32LE, true)
                                  << utf32.arg(u"UTF-32LE");
    QTest::newRow("utf-32be bom") << encode(sample, QStringConverter::Utf32BE, true)
                                  << utf32.arg(u"UTF-32BE");
    QTest::newRow("utf-32le") << encode(sample, QStringConverter::Utf32LE, false)
                              << utf32.arg(u"UTF-32LE");
    QTest::newRow("utf-32be") << encode(sample, QStringConverter::Utf32BE, false)
                              << utf32.arg(u"UTF-32BE");

    // UTF-16LE with BOM, each byte taken for a Latin-1 character and written as UTF-8.
    const QString mojibake = QString::fromLatin1(encode(sample, QStringConverter::Utf16LE, true));
    const QString wrongEncoding = QString::fromUtf8(
        "text starts with \"\xc3\xbf\xc3\xbe\": a UTF-16 file converted to UTF-8 from the wrong "
        "encoding; export it again");
    QTest::newRow("utf-16 as latin-1 to utf-8") << mojibake.toUtf8() << wrongEncoding;
    QTest::newRow("the same with a utf-8 bom")
        << encode(mojibake, QStringConverter::Utf8, true) << wrongEncoding;
    QTest::newRow("zero byte") << QByteArray("{\"a\": 1}\0", 9)
                               << QStringLiteral("text holds a zero byte at byte 8, which UTF-8 "
                                                 "JSON never does: binary data, or UTF-16 or "
                                                 "UTF-32 text that lost its byte-order mark");
}

void TestTextDecoding::refusesWithAReason()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const DecodedText decoded = decodeExportText(bytes);
    QCOMPARE(decoded.error, error);
    QVERIFY(decoded.utf8.empty());
}

QTEST_APPLESS_MAIN(TestTextDecoding)
#include "tst_textdecoding.moc"
