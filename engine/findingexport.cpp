// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingexport.h"

#include "recordjson.h"

namespace driftdesk {

namespace {

QString cellText(const nlohmann::ordered_json& value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

} // namespace

QStringList findingExportColumns()
{
    QStringList columns;
    const auto row = toJson(Finding()); // items() refers to the object: keep it alive
    for (const auto& [key, value] : row.items())
        columns.append(QString::fromStdString(key));
    return columns;
}

QString csvField(const QString& input)
{
    // A spreadsheet would run a cell starting with =, +, -, @ as a formula; a leading
    // apostrophe keeps it text (numbers stay as they are).
    QString value = input;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    bool isNumber = false;
    value.toDouble(&isNumber);
    if (!value.isEmpty() && formulaStarts.contains(value.front()) && !isNumber)
        value.prepend(QLatin1Char('\''));

    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return value;
    value.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QByteArray findingsCsv(const QList<Finding>& findings)
{
    const QStringList columns = findingExportColumns();
    const auto line = [](const QStringList& cells) {
        QStringList quoted;
        for (const QString& cell : cells)
            quoted.append(csvField(cell));
        return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
    };

    QByteArray csv = line(columns);
    for (const Finding& finding : findings) {
        const auto json = toJson(finding);
        QStringList cells;
        for (const QString& column : columns)
            cells.append(cellText(json[column.toStdString()]));
        csv += line(cells);
    }
    return csv;
}

QByteArray findingsJson(const QList<Finding>& findings)
{
    auto array = nlohmann::ordered_json::array();
    for (const Finding& finding : findings)
        array.push_back(toJson(finding));
    return QByteArray::fromStdString(array.dump(2)) + '\n';
}

} // namespace driftdesk
