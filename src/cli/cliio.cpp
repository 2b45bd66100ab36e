#include "cliio.h"

#include <QSaveFile>

#include <cstdio>

namespace passlane::cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "passlane-cli: %s\n", qUtf8Printable(message));
}

bool writeOutput(const QByteArray &data, const QString &outFile)
{
    if (outFile.isEmpty() || outFile == u"-") {
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    QSaveFile file(outFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        printError(outFile + QStringLiteral(": cannot write: ") + file.errorString());
        return false;
    }
    return true;
}

} // namespace passlane::cli
