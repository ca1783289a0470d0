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

/// Text that may begin with U+FEFF (a policy's display name) crosses the database with a guard
/// character in front: Qt's UTF-8 decoding, which QPSQL reads text with, and SQLite's UTF-16
/// binding, which QSQLITE writes text with, both drop a U+FEFF at the very start of a string.
/// Bind guardedTextOrNull() as `substr(?, 2)`, select `guardedColumn(...)`, and read the value
/// with unguardedText().
inline QVariant guardedTextOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                          : QVariant(QLatin1Char('~') + text);
}

inline QString guardedColumn(const QString& column)
{
    return QStringLiteral("('~' || ") + column + QLatin1Char(')');
}

inline QString unguardedText(const QVariant& value)
{
    return value.isNull() ? QString() : value.toString().mid(1);
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
