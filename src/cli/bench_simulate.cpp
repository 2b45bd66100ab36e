#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int benchSimulate(const QStringList &)
{
    printError(QStringLiteral("'bench simulate' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
