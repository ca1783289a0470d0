// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace driftdesk {

/// The string held by a JSON string value, as a QString (empty for other values). Every
/// character is kept, a U+FEFF at the start too (QString::fromUtf8 would drop it as a BOM).
inline QString toQString(const nlohmann::json& value)
{
    if (!value.is_string())
        return {};
    const auto& text = value.get_ref<const std::string&>();
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
}

inline std::string toStdString(const QString& text)
{
    return text.toStdString();
}

inline nlohmann::json toJsonArray(const QStringList& values)
{
    auto array = nlohmann::json::array();
    for (const auto& value : values)
        array.push_back(value.toStdString());
    return array;
}

/// Parses JSON text read from a database column; an empty column is an empty object.
inline nlohmann::json parseJsonColumn(const QString& text)
{
    if (text.isEmpty())
        return nlohmann::json::object();
    return nlohmann::json::parse(text.toStdString());
}

/// Compact JSON text for a database column.
inline QString toJsonColumn(const nlohmann::json& value)
{
    return QString::fromStdString(value.dump());
}

} // namespace driftdesk
