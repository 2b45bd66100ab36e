#pragma once

#include "bundledsample.h"
#include "catalog/catalog.h"
#include "fixtures.h"

#include <QStandardPaths>
#include <QtTest>

#include <memory>

namespace passlane::test {

/// Settings go to a throwaway location, never the user's.
inline void isolatePlanningSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PasslaneTest"));
    QCoreApplication::setApplicationName(QStringLiteral("PasslanePlanningTest"));
}

/// The bundled sample (8 releases, 3 schemas, OOB 1-4), loaded through the core.
inline std::shared_ptr<const Catalog> loadBundledSample()
{
    LoadRequest request;
    request.sources = {bundledSamplePath()};
    request.oobFiles = {bundledSampleOobPath()};
    Result<Catalog> catalog = loadCatalog(request);
    if (!catalog) {
        qWarning() << catalog.error().toString();
        return nullptr;
    }
    return std::make_shared<const Catalog>(std::move(catalog).value());
}

/// The real Sourcegraph snapshots with the what-if registry of the 6.x era; loaded once per
/// test binary (70 archives take seconds).
inline std::shared_ptr<const Catalog> loadSourcegraph(const QString &fixtures)
{
    static std::shared_ptr<const Catalog> cached;
    if (cached)
        return cached;
    LoadRequest request;
    request.sources = {fixtures + QStringLiteral("/releases")};
    request.oobFiles = {fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")};
    Result<Catalog> catalog = loadCatalog(request);
    if (!catalog) {
        qWarning() << catalog.error().toString();
        return nullptr;
    }
    cached = std::make_shared<const Catalog>(std::move(catalog).value());
    return cached;
}

} // namespace passlane::test
