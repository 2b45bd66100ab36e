#include "commands.h"
#include "cliio.h"

namespace passlane::cli {

int runStitch(const QStringList &)
{
    printError(QStringLiteral("'stitch' is not implemented yet"));
    return 2;
}

} // namespace passlane::cli
