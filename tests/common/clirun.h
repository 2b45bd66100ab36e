#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// Runs the real passlane-cli binary of this build (PASSLANE_BINARY_DIR is set by CMake).
namespace passlane::test {

struct CliRun {
    int exitCode = -1; ///< -1: it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

/// Where and how the process runs: a working folder, extra environment ("NAME=value"), a limit
/// after which it is killed and counts as not finished.
struct CliOptions {
    QString workDir;
    QStringList env;
    int timeoutMs = 300000;
};

inline CliRun runCli(const QStringList &args, const CliOptions &options)
{
    QProcess p;
    if (!options.workDir.isEmpty())
        p.setWorkingDirectory(options.workDir);
    if (!options.env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &kv : options.env)
            e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        p.setProcessEnvironment(e);
    }
    p.start(QStringLiteral(PASSLANE_BINARY_DIR "/src/cli/passlane-cli"), args);
    CliRun r;
    if (!p.waitForFinished(options.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline CliRun runCli(const QStringList &args, int timeoutMs = 300000)
{
    return runCli(args, CliOptions{{}, {}, timeoutMs});
}

} // namespace passlane::test
