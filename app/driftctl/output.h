// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

#include <string>

#include <nlohmann/json.hpp>

namespace driftctl {

/// Rows of text printed as an aligned table with a header line.
class TextTable
{
public:
    explicit TextTable(QStringList headers);
    void addRow(QStringList cells);
    void print(QTextStream& out) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

/// One JSON document, indented, followed by a newline.
void printJson(QTextStream& out, const nlohmann::ordered_json& document);

/// Text shortened to `width` characters with an ellipsis, for tables.
QString elide(const QString& text, int width);

/// Multi-line text (an indented JSON dump, say) with every line indented by `spaces`, so that
/// it reads as part of the field above it.
QString indented(const std::string& text, int spaces);

} // namespace driftctl
