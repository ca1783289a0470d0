// SPDX-License-Identifier: GPL-3.0-or-later
#include "driftctlprocess.h"

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
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(extraEnvironment);

    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(m_program, QStringList{QStringLiteral("--db"), m_url} + args);
    if (!process.waitForFinished(300000))
        qFatal("driftctl did not finish: %s", qPrintable(args.join(u' ')));
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

} // namespace testsupport
