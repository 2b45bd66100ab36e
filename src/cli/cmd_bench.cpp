#include "commands.h"
#include "cliio.h"

#include <cstdio>

namespace passlane::cli {

int runBench(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help") {
        std::printf("usage: passlane-cli bench load|plan|simulate|csv|scan|calibrate [OPTIONS] [SOURCE...]\n"
                    "Prints figures and ratios; targets are documented in the README.\n");
        return args.isEmpty() ? 2 : 0;
    }
    const QString what = args.first();
    const QStringList rest = args.mid(1);
    if (what == u"load")
        return benchLoad(rest);
    if (what == u"plan")
        return benchPlan(rest);
    if (what == u"simulate")
        return benchSimulate(rest);
    if (what == u"csv")
        return benchCsv(rest);
    if (what == u"scan")
        return benchScan(rest);
    if (what == u"calibrate")
        return benchCalibrate(rest);
    printError(QStringLiteral("unknown benchmark '%1' (load, plan, simulate, csv, scan, calibrate)").arg(what));
    return 2;
}

} // namespace passlane::cli
