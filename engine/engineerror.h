// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

namespace driftdesk {

/// An error the engine reports to its front ends: a message meant for the administrator,
/// naming the object or field at fault. Front ends catch it and show the message.
class EngineError : public std::runtime_error
{
public:
    explicit EngineError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    const QString& message() const { return m_message; }

private:
    QString m_message;
};

/// The named workspace does not exist (it can be created).
class WorkspaceNotFound : public EngineError
{
public:
    using EngineError::EngineError;
};

} // namespace driftdesk
