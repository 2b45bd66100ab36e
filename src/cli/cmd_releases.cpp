#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runReleases(const QStringList &)
{
    printError(QStringLiteral("'releases' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
