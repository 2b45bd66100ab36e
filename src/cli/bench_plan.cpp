#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int benchPlan(const QStringList &)
{
    printError(QStringLiteral("'bench plan' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
