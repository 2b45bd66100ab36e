#pragma once

#include "releases/release.h"

#include <QString>

#include <memory>

// Small hand-made releases for graph and stitcher tests.
namespace passlane::test {

inline MigrationPtr mig(qint64 id, QList<qint64> parents, const char *up = "SELECT 1;", const QString &name = {})
{
    auto m = std::make_shared<Migration>();
    m->id = id;
    m->parents = parents;
    m->upQuery = QByteArray(up);
    m->downQuery = QByteArray("SELECT 0;");
    m->name = name.isEmpty() ? QStringLiteral("m%1").arg(id) : name;
    m->path = QStringLiteral("frontend/%1_m").arg(id);
    return m;
}

inline QMap<qint64, MigrationPtr> schemaOf(const QList<MigrationPtr> &ms)
{
    QMap<qint64, MigrationPtr> out;
    for (const MigrationPtr &m : ms)
        out.insert(m->id, m);
    return out;
}

inline ReleasePtr rel(const char *version, const QMap<QString, QList<MigrationPtr>> &schemas)
{
    auto r = std::make_shared<Release>();
    r->version = *Version::parse(QString::fromLatin1(version));
    r->source = QStringLiteral("synthetic-v") + QLatin1String(version);
    for (auto it = schemas.cbegin(); it != schemas.cend(); ++it) {
        SchemaSnapshot s;
        s.name = it.key();
        s.migrations = schemaOf(*it);
        r->schemas.insert(it.key(), s);
    }
    return r;
}

} // namespace passlane::test
