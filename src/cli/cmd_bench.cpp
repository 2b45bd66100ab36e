#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runBench(const QStringList &)
{
    printError(QStringLiteral("'bench' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
