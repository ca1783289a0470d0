// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace driftdesk::views {

/// Database passwords in the operating system's keychain (Secret Service on Linux, Keychain on
/// macOS, Credential Manager on Windows) through QtKeychain; never in settings files. Requests
/// are asynchronous: the keychain may ask the user to unlock it. Answers arrive through the
/// callbacks, in the thread of `context`, unless `context` is destroyed first.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    /// The keychain service name entries are filed under.
    static const QString service;

    explicit PasswordStore(QObject* parent = nullptr);

    /// The password stored under `key`: a value, nullopt when there is none, or an error.
    void read(const QString& key, QObject* context,
              std::function<void(std::optional<QString> password, QString error)> done);

    /// Stores (or replaces) a password; `done` gets an error message, empty on success.
    void write(const QString& key, const QString& password, QObject* context,
               std::function<void(QString error)> done);

    /// Forgets a password; forgetting one that is not stored is no error.
    void remove(const QString& key, QObject* context, std::function<void(QString error)> done);
};

} // namespace driftdesk::views
