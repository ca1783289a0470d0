// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

namespace driftctl {

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{
}

void TextTable::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

void TextTable::print(QTextStream& out) const
{
    QList<int> widths;
    for (const QString& header : m_headers)
        widths.append(header.size());
    for (const QStringList& row : m_rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], static_cast<int>(row[i].size()));
    }

    const auto printRow = [&](const QStringList& cells) {
        QString line;
        for (int i = 0; i < cells.size(); ++i) {
            if (i > 0)
                line += QStringLiteral("  ");
            line += i + 1 < cells.size() ? cells[i].leftJustified(widths[i]) : cells[i];
        }
        out << line << '\n';
    };
    printRow(m_headers);
    for (const QStringList& row : m_rows)
        printRow(row);
}

void TextTable::printCsv(QTextStream& out) const
{
    const auto printRow = [&](const QStringList& cells) {
        QStringList quoted;
        for (const QString& cell : cells)
            quoted.append(csvField(cell));
        out << quoted.join(QLatin1Char(',')) << "\r\n";
    };
    printRow(m_headers);
    for (const QStringList& row : m_rows)
        printRow(row);
}

void printJson(QTextStream& out, const nlohmann::ordered_json& document)
{
    out << QString::fromStdString(document.dump(2)) << '\n';
}

QString csvField(const QString& value)
{
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString elide(const QString& text, int width)
{
    if (text.size() <= width)
        return text;
    return text.left(width - 1) + QChar(0x2026);
}

} // namespace driftctl
