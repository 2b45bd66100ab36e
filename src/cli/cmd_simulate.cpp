#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runSimulate(const QStringList &)
{
    printError(QStringLiteral("'simulate' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
