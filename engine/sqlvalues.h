// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

#include <optional>

namespace driftdesk {

/// A nullable id as a bound SQL value.
inline QVariant idValue(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}

/// A nullable text as a bound SQL value: empty text is stored as NULL.
inline QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// A text for a NOT NULL column: a null QString is stored as empty text, not NULL.
inline QVariant textValue(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

/// A WHERE clause built from optional filters; each condition binds its value.
struct SqlConditions
{
    QString sql;
    QVariantList values;

    void add(const char* column, const QVariant& value)
    {
        sql += QStringLiteral(" AND ") + QLatin1String(column) + QStringLiteral(" = ?");
        values.append(value);
    }
    void addIf(bool present, const char* column, const QVariant& value)
    {
        if (present)
            add(column, value);
    }
};

inline std::optional<qint64> optionalId(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace driftdesk
