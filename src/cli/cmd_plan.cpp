#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runPlan(const QStringList &)
{
    printError(QStringLiteral("'plan' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
