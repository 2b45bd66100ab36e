#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

// Runs the real passlane-cli binary of this build (PASSLANE_BINARY_DIR is set by CMake).
namespace passlane::test {

struct CliRun {
    int exitCode = -1; ///< -1: it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(QStringLiteral(PASSLANE_BINARY_DIR "/src/cli/passlane-cli"), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace passlane::test
