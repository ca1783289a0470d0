// SPDX-License-Identifier: GPL-3.0-or-later
#include "driftctlprocess.h"

#include "scratchdatabase.h"

#include <QTest>

#include <QtGlobal>

namespace testsupport {

Driftctl::Driftctl(QString program, QString url)
    : m_program(std::move(program))
    , m_url(std::move(url))
{
}

DriftctlOutput Driftctl::run(const QStringList& args,
                             const QProcessEnvironment& extraEnvironment) const
{
    return finish(*start(args, extraEnvironment));
}

std::unique_ptr<QProcess> Driftctl::start(const QStringList& args,
                                          const QProcessEnvironment& extraEnvironment) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(extraEnvironment);

    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    process->start(m_program, QStringList{QStringLiteral("--db"), m_url} + args);
    return process;
}

DriftctlOutput Driftctl::finish(QProcess& process)
{
    if (!process.waitForFinished(300000))
        qFatal("driftctl did not finish: %s", qPrintable(process.arguments().join(u' ')));
    return {process.exitCode(), process.exitStatus(), process.readAllStandardOutput(),
            process.readAllStandardError()};
}

DriftctlOutput Driftctl::expect(int expected, const QStringList& args) const
{
    DriftctlOutput output = run(args);
    if (output.exitCode != expected || output.exitStatus != QProcess::NormalExit) {
        qWarning("driftctl %s exited %d\nstdout: %s\nstderr: %s", qPrintable(args.join(u' ')),
                 output.exitCode, output.out.constData(), output.err.constData());
    }
    return output;
}

QString oibWindowsRelease(const char* release)
{
    return testDataPath(QStringLiteral("oib/windows-") + QLatin1String(release));
}

void prepareReferenceAndFabrikam(const Driftctl& driftctl)
{
    const QList<QStringList> commands{
        {"tenant", "add", "--name", "Reference"},
        {"tenant", "add", "--name", "Fabrikam"},
        {"profile", "create", "--name", "OIB"},
        {"profile", "assign", "--profile", "OIB", "--tenant", "Fabrikam"},
        {"inventory", "import", "--tenant", "Reference", "--from", oibWindowsRelease("v3.6")},
        {"inventory", "import", "--tenant", "Fabrikam", "--from", oibWindowsRelease("v3.3")},
    };
    for (const QStringList& command : commands)
        QCOMPARE(driftctl.expect(0, command).exitCode, 0);
}

} // namespace testsupport
