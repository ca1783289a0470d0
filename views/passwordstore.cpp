// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace driftdesk::views {

const QString PasswordStore::service = QStringLiteral("DriftDesk");

namespace {

/// Starts a job and calls `finished` with it when it ends, if `context` still exists.
template <typename Job, typename Finished>
void startJob(Job* job, const QString& key, QObject* context, Finished finished)
{
    // Never fall back to storing the secret in a plain file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [guard, job, finished](QKeychain::Job*) {
                         if (guard)
                             finished(job);
                     });
    job->start();
}

} // namespace

PasswordStore::PasswordStore(QObject* parent)
    : QObject(parent)
{
}

void PasswordStore::read(const QString& key, QObject* context,
                         std::function<void(std::optional<QString>, QString)> done)
{
    auto* job = new QKeychain::ReadPasswordJob(service);
    startJob(job, key, context, [done](QKeychain::ReadPasswordJob* finished) {
        if (finished->error() == QKeychain::NoError)
            done(finished->textData(), QString());
        else if (finished->error() == QKeychain::EntryNotFound)
            done(std::nullopt, QString());
        else
            done(std::nullopt, finished->errorString());
    });
}

void PasswordStore::write(const QString& key, const QString& password, QObject* context,
                          std::function<void(QString)> done)
{
    auto* job = new QKeychain::WritePasswordJob(service);
    job->setTextData(password);
    startJob(job, key, context, [done](QKeychain::WritePasswordJob* finished) {
        done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
    });
}

void PasswordStore::remove(const QString& key, QObject* context, std::function<void(QString)> done)
{
    auto* job = new QKeychain::DeletePasswordJob(service);
    startJob(job, key, context, [done](QKeychain::DeletePasswordJob* finished) {
        const bool gone = finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound;
        done(gone ? QString() : finished->errorString());
    });
}

} // namespace driftdesk::views
