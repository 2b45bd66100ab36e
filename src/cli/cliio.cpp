#include "cliio.h"

#include "common/safefile.h"

#include <QFileInfo>

#include <cstdio>

namespace passlane::cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "passlane-cli: %s\n", qUtf8Printable(message));
}

bool writeOutput(const QByteArray &data, const QString &outFile)
{
    if (outFile.isEmpty() || outFile == u"-") {
        // A full disk or closed pipe behind stdout is a failure too, not a silent exit 0.
        if (std::fwrite(data.constData(), 1, size_t(data.size()), stdout) != size_t(data.size())
            || std::fflush(stdout) != 0) {
            printError(QStringLiteral("cannot write to standard output"));
            return false;
        }
        return true;
    }
    const Status written = writeFileAtomically(outFile, data);
    if (!written) {
        printError(written.error().toString());
        return false;
    }
    // stderr, so that it never mixes with a report on stdout.
    std::fprintf(stderr, "wrote %s\n", qUtf8Printable(QFileInfo(outFile).absoluteFilePath()));
    return true;
}

} // namespace passlane::cli
