#pragma once

// Shared by the simulator tests: the real catalog (loaded once per test binary) and the
// PostgreSQL server from tests/support/pgcluster.sh.
#include "catalog/catalog.h"
#include "fixtures.h"
#include "simulator/pgconnection.h"

#include <QtTest>

#include <memory>

namespace passlane::test {

inline Version ver(const char *text)
{
    return *Version::parse(QString::fromLatin1(text));
}

/// The 70 real releases with the what-if OOB registry (eleven OOB migrations over 5.8 .. 7.2).
inline Result<Catalog> loadRealCatalog(const QString &fixtures)
{
    LoadRequest request;
    request.sources << fixtures + QStringLiteral("/releases");
    request.oobFiles << fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml");
    return loadCatalog(request);
}

/// PASSLANE_TEST_PG, parsed; empty when unset.
inline QString testPgDsn()
{
    return qEnvironmentVariable("PASSLANE_TEST_PG");
}

} // namespace passlane::test

/// Sets `var` to the PASSLANE_TEST_PG DSN; skips without it, fails under CI=true.
#define PASSLANE_REQUIRE_PG(var)                                                                   \
    const QString var = passlane::test::testPgDsn();                                              \
    do {                                                                                          \
        if (var.isEmpty()) {                                                                      \
            if (passlane::test::runningInCi())                                                    \
                QFAIL("PASSLANE_TEST_PG is unset and CI=true: start a server with "               \
                      "eval \"$(bash tests/support/pgcluster.sh start)\"");                       \
            QSKIP("PASSLANE_TEST_PG is unset; skipping real PostgreSQL test "                     \
                  "(eval \"$(bash tests/support/pgcluster.sh start)\")");                         \
        }                                                                                         \
    } while (false)
