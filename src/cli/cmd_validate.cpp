#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runValidate(const QStringList &)
{
    printError(QStringLiteral("'validate' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
