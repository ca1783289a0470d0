// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace testsupport {

/// What one driftctl process left behind.
struct DriftctlOutput
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;

    nlohmann::json json() const { return nlohmann::json::parse(out.toStdString()); }
};

/// Runs the real driftctl program against one database, as an administrator would.
class Driftctl
{
public:
    Driftctl(QString program, QString url);

    /// Runs `driftctl --db URL args...` to its end, with `extraEnvironment` added.
    DriftctlOutput run(const QStringList& args,
                       const QProcessEnvironment& extraEnvironment = {}) const;

    /// Runs a command that must exit with `expected`; prints its output otherwise.
    DriftctlOutput expect(int expected, const QStringList& args) const;

private:
    QString m_program;
    QString m_url;
};

} // namespace testsupport
