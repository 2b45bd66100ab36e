#include "oob/oobregistry.h"
#include "oob/oobsql.h"

#include "common/safefile.h"
#include "common/yamlcheck.h"

#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace passlane {

namespace {

QString lineOf(const YAML::Mark &mark)
{
    return mark.is_null() ? QString() : QStringLiteral("line %1: ").arg(mark.line + 1);
}

/// Reads one entry; returns an error message (with line) or the migration.
Result<OobMigration> readEntry(const YAML::Node &node, const QString &path)
{
    if (!node.IsMap())
        return Result<OobMigration>::failure(path, lineOf(node.Mark()) + QStringLiteral("expected a mapping (one OOB migration)"));
    OobMigration m;
    m.source = path;
    auto intField = [&](const char *key, bool required, std::optional<int> &out) -> std::optional<QString> {
        const YAML::Node v = node[key];
        if (!v || v.IsNull()) {
            if (required)
                return lineOf(node.Mark()) + QStringLiteral("missing '%1'").arg(QLatin1String(key));
            return std::nullopt;
        }
        const QString shown = v.IsScalar() ? QString::fromStdString(v.Scalar()) : QStringLiteral("<not a single value>");
        try {
            out = v.as<int>();
        } catch (const YAML::Exception &) {
            return lineOf(v.Mark()) + QStringLiteral("'%1' is not an integer: '%2'").arg(QLatin1String(key), shown);
        }
        // Ids start at 1; versions are never negative.
        if (*out < (qstrcmp(key, "id") == 0 ? 1 : 0))
            return lineOf(v.Mark()) + QStringLiteral("'%1' is out of range: '%2'").arg(QLatin1String(key), shown);
        return std::nullopt;
    };
    auto text = [&](const char *key) {
        const YAML::Node v = node[key];
        return v && v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
    };
    auto flag = [&](const char *key, bool &out) -> std::optional<QString> {
        const YAML::Node v = node[key];
        if (!v || v.IsNull())
            return std::nullopt;
        try {
            out = v.as<bool>();
        } catch (const YAML::Exception &) {
            return lineOf(v.Mark()) + QStringLiteral("'%1' is not true or false: '%2'")
                                          .arg(QLatin1String(key), v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString());
        }
        return std::nullopt;
    };
    std::optional<int> id, im, in, dm, dn;
    for (auto problem : {intField("id", true, id), intField("introduced_version_major", true, im),
                         intField("introduced_version_minor", true, in),
                         intField("deprecated_version_major", false, dm),
                         intField("deprecated_version_minor", false, dn),
                         flag("non_destructive", m.nonDestructive), flag("is_enterprise", m.isEnterprise)}) {
        if (problem)
            return Result<OobMigration>::failure(path, *problem);
    }
    if (dm.has_value() != dn.has_value())
        return Result<OobMigration>::failure(
            path, lineOf(node.Mark()) + QStringLiteral("deprecated_version_major and deprecated_version_minor must be given together"));
    m.id = *id;
    m.team = text("team");
    m.component = text("component");
    m.description = text("description");
    m.introduced = {*im, *in};
    if (dm)
        m.deprecated = MinorVersion{*dm, *dn};
    return m;
}

QString optMinor(const std::optional<MinorVersion> &v)
{
    return v ? v->toString() : QStringLiteral("none");
}

/// Differences that matter for planning, as "field a vs b" phrases.
QStringList differences(const OobMigration &a, const OobMigration &b)
{
    QStringList d;
    if (a.introduced != b.introduced)
        d << QStringLiteral("introduced %1 vs %2").arg(a.introduced.toString(), b.introduced.toString());
    if (a.deprecated != b.deprecated)
        d << QStringLiteral("deprecated %1 vs %2").arg(optMinor(a.deprecated), optMinor(b.deprecated));
    if (a.nonDestructive != b.nonDestructive)
        d << QStringLiteral("non_destructive %1 vs %2")
                 .arg(a.nonDestructive ? u"true" : u"false", b.nonDestructive ? u"true" : u"false");
    return d;
}

Finding conflict(const OobMigration &kept, const OobMigration &other, const QStringList &diffs)
{
    Finding f;
    f.severity = Severity::Warning;
    f.kind = QStringLiteral("oob-conflict");
    f.id = kept.id;
    f.file = other.source;
    if (other.firstSeen)
        f.release = other.firstSeen->toString();
    f.message = QStringLiteral("OOB migration %1: %2 (%3) disagrees with %4; using %2")
                    .arg(QString::number(kept.id), kept.source, diffs.join(QStringLiteral(", ")), other.source);
    return f;
}

} // namespace

Result<QList<OobMigration>> OobRegistry::parseYaml(const QByteArray &yaml, const QString &path)
{
    QList<OobMigration> out;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            return out; // an empty registry
        if (!root.IsSequence())
            return Result<QList<OobMigration>>::failure(
                path, lineOf(root.Mark()) + QStringLiteral("expected a list of OOB migrations"));
        if (const auto dup = findDuplicateYamlKey(root))
            return Result<QList<OobMigration>>::failure(path, dup->message());
        QSet<int> seen;
        for (const YAML::Node &node : root) {
            auto entry = readEntry(node, path);
            if (!entry)
                return entry.error();
            if (seen.contains(entry->id))
                return Result<QList<OobMigration>>::failure(
                    path, lineOf(node.Mark()) + QStringLiteral("duplicate id %1").arg(entry->id));
            seen.insert(entry->id);
            out.append(entry.value());
        }
    } catch (const YAML::Exception &e) {
        return Result<QList<OobMigration>>::failure(
            path, lineOf(e.mark) + QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return Result<QList<OobMigration>>::failure(path, QString::fromUtf8(e.what()));
    }
    return out;
}

Result<QList<OobMigration>> OobRegistry::readYamlFile(const QString &path)
{
    Result<QByteArray> bytes = readRegularFile(path, limits::registryFile, QStringLiteral("OOB registry"));
    if (!bytes)
        return bytes.error();
    return parseYaml(bytes.value(), path);
}

Result<OobRegistry> OobRegistry::build(const QStringList &yamlFiles, const QList<ReleasePtr> &releasesIn)
{
    OobRegistry reg;

    // 1. SQL registrations, scanned in version order; each definition once.
    QList<ReleasePtr> releases = releasesIn;
    std::stable_sort(releases.begin(), releases.end(),
                     [](const ReleasePtr &a, const ReleasePtr &b) { return a->version < b->version; });
    QMap<int, OobMigration> fromSql;
    QSet<const Migration *> scanned;
    for (const ReleasePtr &release : std::as_const(releases)) {
        for (const SchemaSnapshot &schema : release->schemas) {
            for (const MigrationPtr &mig : schema.migrations) {
                if (!mig || scanned.contains(mig.get()))
                    continue;
                scanned.insert(mig.get());
                const auto statements = parseOobSql(mig->upQuery);
                for (const OobSqlStatement &st : statements) {
                    const QString where = release->source.isEmpty() ? mig->path : release->source + u':' + mig->path;
                    auto it = fromSql.find(st.id);
                    if (st.kind == OobSqlStatement::Insert) {
                        OobMigration m;
                        m.id = st.id;
                        m.team = st.team.value_or(QString());
                        m.component = st.component.value_or(QString());
                        m.description = st.description.value_or(QString());
                        m.nonDestructive = st.nonDestructive.value_or(false);
                        m.isEnterprise = st.isEnterprise.value_or(false);
                        m.introduced = st.introduced.value_or(MinorVersion{});
                        m.deprecated = st.deprecated;
                        m.source = where;
                        m.firstSeen = release->version;
                        if (it == fromSql.end()) {
                            fromSql.insert(m.id, m);
                            continue;
                        }
                        // A re-registration (a squash replays the INSERT) that names no deprecation
                        // leaves the earlier UPDATE's deprecation alone: ON CONFLICT DO NOTHING.
                        if (!st.deprecated)
                            m.deprecated = it->deprecated;
                        if (const QStringList d = differences(*it, m); !d.isEmpty())
                            reg.m_findings.append(conflict(*it, m, d));
                    } else if (it != fromSql.end()) {
                        if (st.deprecated)
                            it->deprecated = st.deprecated;
                        else if (st.deprecatedCleared)
                            it->deprecated.reset();
                        if (st.introduced)
                            it->introduced = *st.introduced;
                        if (st.nonDestructive)
                            it->nonDestructive = *st.nonDestructive;
                    } else {
                        Finding f;
                        f.severity = Severity::Warning;
                        f.kind = QStringLiteral("oob-conflict");
                        f.id = st.id;
                        f.file = where;
                        f.release = release->version.toString();
                        f.message = QStringLiteral("UPDATE of OOB migration %1 before any registration of it").arg(st.id);
                        reg.m_findings.append(f);
                    }
                }
            }
        }
    }
    reg.m_migrations = fromSql;

    // 2. YAML files in order: each wins over SQL and over earlier files.
    for (const QString &path : yamlFiles) {
        auto entries = readYamlFile(path);
        if (!entries)
            return entries.error();
        for (OobMigration m : entries.value()) {
            auto it = reg.m_migrations.find(m.id);
            if (it != reg.m_migrations.end()) {
                if (const QStringList d = differences(m, *it); !d.isEmpty())
                    reg.m_findings.append(conflict(m, *it, d));
                m.firstSeen = it->firstSeen; // keep where SQL first registered it
            }
            reg.m_migrations.insert(m.id, m);
        }
    }

    // A window that closes before it opens can never be honoured by any plan.
    for (const OobMigration &m : std::as_const(reg.m_migrations)) {
        if (m.deprecated && *m.deprecated <= m.introduced) {
            Finding f;
            f.severity = Severity::Warning;
            f.kind = QStringLiteral("oob-invalid-window");
            f.id = m.id;
            f.file = m.source;
            f.message = QStringLiteral("OOB migration %1 is deprecated at %2, at or before its introduction (%3): "
                                       "no release ever runs it")
                            .arg(QString::number(m.id), m.deprecated->toString(), m.introduced.toString());
            reg.m_findings.append(f);
        }
    }
    return reg;
}

QByteArray OobRegistry::headerComments(const QByteArray &yaml)
{
    qsizetype end = 0;
    qsizetype lastComment = 0;
    while (end < yaml.size()) {
        qsizetype eol = yaml.indexOf('\n', end);
        if (eol < 0)
            eol = yaml.size() - 1;
        const QByteArray line = yaml.mid(end, eol - end + 1).trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            break;
        end = eol + 1;
        if (line.startsWith('#'))
            lastComment = end;
    }
    QByteArray header = yaml.left(lastComment);
    if (!header.isEmpty() && !header.endsWith('\n'))
        header += '\n';
    return header;
}

QByteArray OobRegistry::toYaml() const
{
    YAML::Emitter out;
    out << YAML::BeginSeq;
    for (const OobMigration &m : m_migrations) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << m.id;
        out << YAML::Key << "team" << YAML::Value << m.team.toStdString();
        out << YAML::Key << "component" << YAML::Value << m.component.toStdString();
        out << YAML::Key << "description" << YAML::Value << m.description.toStdString();
        out << YAML::Key << "non_destructive" << YAML::Value << m.nonDestructive;
        out << YAML::Key << "is_enterprise" << YAML::Value << m.isEnterprise;
        out << YAML::Key << "introduced_version_major" << YAML::Value << m.introduced.major;
        out << YAML::Key << "introduced_version_minor" << YAML::Value << m.introduced.minor;
        if (m.deprecated) {
            out << YAML::Key << "deprecated_version_major" << YAML::Value << m.deprecated->major;
            out << YAML::Key << "deprecated_version_minor" << YAML::Value << m.deprecated->minor;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    if (m_migrations.isEmpty())
        bytes = "[]";
    bytes.append('\n');
    return bytes;
}

const OobMigration *OobRegistry::find(int id) const
{
    auto it = m_migrations.constFind(id);
    return it == m_migrations.cend() ? nullptr : &*it;
}

OobRegistry OobRegistry::withDeprecation(int id, std::optional<MinorVersion> deprecated) const
{
    OobRegistry copy = *this;
    auto it = copy.m_migrations.find(id);
    if (it != copy.m_migrations.end())
        it->deprecated = deprecated;
    return copy;
}

OobRegistry OobRegistry::withProposals(const DeprecationProposals &proposals) const
{
    OobRegistry copy = *this;
    for (const DeprecationProposal &p : proposals) {
        auto it = copy.m_migrations.find(p.oobId);
        if (it != copy.m_migrations.end())
            it->deprecated = p.deprecated;
    }
    return copy;
}

} // namespace passlane
