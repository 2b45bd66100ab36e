#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runWindows(const QStringList &)
{
    printError(QStringLiteral("'windows' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
