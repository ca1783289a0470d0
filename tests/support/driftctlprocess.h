// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <memory>

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

    /// Starts `driftctl --db URL args...` without waiting for it; see finish().
    std::unique_ptr<QProcess> start(const QStringList& args,
                                    const QProcessEnvironment& extraEnvironment = {}) const;

    /// Waits for a started process to end and collects what it left.
    static DriftctlOutput finish(QProcess& process);

private:
    QString m_program;
    QString m_url;
};

/// Where the copied OpenIntuneBaseline export of a Windows release lives, e.g. "v3.6".
QString oibWindowsRelease(const char* release);

/// Tenants Reference (OpenIntuneBaseline v3.6) and Fabrikam (v3.3) with their inventories,
/// and a profile "OIB" over every type assigned to Fabrikam.
void prepareReferenceAndFabrikam(const Driftctl& driftctl);

} // namespace testsupport
