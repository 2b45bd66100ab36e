#pragma once

#include <QDir>
#include <QString>
#include <QtTest>

// The real Sourcegraph snapshots live beside the project, never inside it:
// <source root>/../shared/fixtures/sourcegraph. PASSLANE_SOURCE_DIR is set by CMake.
namespace passlane::test {

inline QString sourcegraphFixtures()
{
    const QString override = qEnvironmentVariable("PASSLANE_FIXTURES");
    const QString dir = override.isEmpty()
        ? QDir::cleanPath(QStringLiteral(PASSLANE_SOURCE_DIR "/../shared/fixtures/sourcegraph"))
        : override;
    return QDir(dir).exists(QStringLiteral("releases")) ? dir : QString();
}

inline bool runningInCi()
{
    return qEnvironmentVariable("CI") == u"true";
}

} // namespace passlane::test

/// Sets `var` to the fixtures folder; skips the test when it is absent, fails under CI=true.
#define PASSLANE_REQUIRE_FIXTURES(var)                                                            \
    const QString var = passlane::test::sourcegraphFixtures();                                    \
    do {                                                                                          \
        if (var.isEmpty()) {                                                                      \
            if (passlane::test::runningInCi())                                                    \
                QFAIL("../shared/fixtures/sourcegraph is missing and CI=true: real-data tests "    \
                      "must run in CI");                                                          \
            QSKIP("../shared/fixtures/sourcegraph not found beside the source tree; skipping "    \
                  "real-data test");                                                              \
        }                                                                                         \
    } while (false)
