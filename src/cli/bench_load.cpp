#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int benchLoad(const QStringList &)
{
    printError(QStringLiteral("'bench load' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
