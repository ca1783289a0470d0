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

namespace {

/// A cell as a table shows it: control characters (line breaks, tabs) as spaces and at most
/// 80 characters, so one odd value cannot break the layout. CSV and JSON keep values whole.
QString displayCell(const QString& cell)
{
    QString text = cell;
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return elide(text, 80);
}

} // namespace

void TextTable::print(QTextStream& out) const
{
    QList<QStringList> rows;
    for (const QStringList& row : m_rows) {
        QStringList cells;
        for (const QString& cell : row)
            cells.append(displayCell(cell));
        rows.append(cells);
    }

    QList<int> widths;
    for (const QString& header : m_headers)
        widths.append(header.size());
    for (const QStringList& row : rows) {
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
    for (const QStringList& row : rows)
        printRow(row);
}

void printJson(QTextStream& out, const nlohmann::ordered_json& document)
{
    out << QString::fromStdString(document.dump(2)) << '\n';
}

QString elide(const QString& text, int width)
{
    if (text.size() <= width)
        return text;
    return text.left(width - 1) + QChar(0x2026);
}

QString indented(const std::string& text, int spaces)
{
    const QString margin(spaces, QLatin1Char(' '));
    QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'));
    for (QString& line : lines)
        line.prepend(margin);
    return lines.join(QLatin1Char('\n'));
}

} // namespace driftctl
