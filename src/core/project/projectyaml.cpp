#include "project/projectyaml.h"

#include "common/yamlcheck.h"

#include <QDir>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <string>

namespace passlane::projectyaml {

namespace {

/// A malformed value: carries its line so the error can name it.
struct BadValue {
    int line;
    QString message;
};

std::string str(const QString &s) { return s.toStdString(); }
QString qstr(const YAML::Node &n) { return QString::fromStdString(n.Scalar()); }

int lineOf(const YAML::Node &n) { return n.Mark().line + 1; }

/// The value under `key` of the map `parent`; a missing key is an error naming the map's line
/// (yaml-cpp would throw "invalid node" without a line).
YAML::Node required(const YAML::Node &parent, const char *key, const char *what)
{
    const YAML::Node n = parent[key];
    if (!n || n.IsNull())
        throw BadValue{lineOf(parent), QStringLiteral("%1 has no '%2'").arg(QLatin1String(what), QLatin1String(key))};
    return n;
}

QString scalar(const YAML::Node &n, const char *what)
{
    if (!n.IsScalar())
        throw BadValue{lineOf(n), QStringLiteral("%1 must be a single value").arg(QLatin1String(what))};
    return qstr(n);
}

qint64 integer(const YAML::Node &n, const char *what, qint64 min = std::numeric_limits<qint64>::min(),
               qint64 max = std::numeric_limits<qint64>::max())
{
    bool ok = false;
    const QString text = scalar(n, what).trimmed();
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw BadValue{lineOf(n), QStringLiteral("%1 must be an integer from %2 to %3, not '%4'")
                                      .arg(QLatin1String(what)).arg(min).arg(max).arg(text)};
    return v;
}

/// An OOB id: a positive int (the registry's ids are ints).
int oobId(const YAML::Node &n, const char *what)
{
    return int(integer(n, what, 1, std::numeric_limits<int>::max()));
}

/// A finite number above zero: NaN, infinities and zero would make a project that simulates
/// forever or cannot be saved and reopened.
double positiveNumber(const YAML::Node &n, const char *what)
{
    bool ok = false;
    const QString text = scalar(n, what).trimmed();
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v <= 0)
        throw BadValue{lineOf(n), QStringLiteral("%1 must be a finite number above 0, not '%2'").arg(QLatin1String(what), text)};
    return v;
}

Version version(const YAML::Node &n, const char *what)
{
    const auto v = Version::parse(scalar(n, what));
    if (!v)
        throw BadValue{lineOf(n), QStringLiteral("%1 must be a version like 6.3.0").arg(QLatin1String(what))};
    return *v;
}

void expect(const YAML::Node &n, YAML::NodeType::value type, const char *what)
{
    if (n.Type() != type)
        throw BadValue{lineOf(n), QStringLiteral("%1 must be a %2").arg(QLatin1String(what),
                                                                         type == YAML::NodeType::Map ? QStringLiteral("map")
                                                                                                     : QStringLiteral("list"))};
}

QString absolute(const QString &baseDir, const QString &path)
{
    if (path.startsWith(u':')) // Qt resource
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

QString relative(const QString &baseDir, const QString &path)
{
    if (path.isEmpty() || path.startsWith(u':') || baseDir.isEmpty())
        return path;
    return QDir(baseDir).relativeFilePath(path);
}

QStringList pathList(const YAML::Node &n, const char *what, const QString &baseDir)
{
    QStringList out;
    if (!n || n.IsNull())
        return out;
    expect(n, YAML::NodeType::Sequence, what);
    for (const auto &item : n)
        out.append(absolute(baseDir, scalar(item, what)));
    return out;
}

OobProgressModel progressModel(const YAML::Node &n, OobProgressModel m)
{
    expect(n, YAML::NodeType::Map, "progress model");
    if (n["rows"])
        m.rows = integer(n["rows"], "rows", 0);
    if (n["batchSize"])
        m.batchSize = integer(n["batchSize"], "batchSize", 1);
    if (n["intervalSeconds"])
        m.intervalSeconds = positiveNumber(n["intervalSeconds"], "intervalSeconds");
    return m;
}

Project parseRoot(const YAML::Node &root, const QString &baseDir)
{
    Project p;
    if (root.IsNull())
        return p;
    expect(root, YAML::NodeType::Map, "a project file");
    p.sources = pathList(root["sources"], "sources", baseDir);
    p.oobFiles = pathList(root["oobFiles"], "oobFiles", baseDir);
    if (const auto n = root["versionOverrides"]; n && !n.IsNull()) {
        expect(n, YAML::NodeType::Map, "versionOverrides");
        for (const auto &kv : n)
            p.versionOverrides.insert(absolute(baseDir, scalar(kv.first, "source path")), version(kv.second, "version"));
    }
    if (const auto n = root["acceptedEdits"]; n && !n.IsNull()) {
        expect(n, YAML::NodeType::Sequence, "acceptedEdits");
        for (const auto &e : n) {
            expect(e, YAML::NodeType::Map, "an accepted edit");
            p.acceptedEdits.append(AcceptedEdit{scalar(required(e, "schema", "an accepted edit"), "schema"),
                                                integer(required(e, "id", "an accepted edit"), "id", 1),
                                                version(required(e, "release", "an accepted edit"), "release")});
        }
    }
    if (const auto n = root["progress"]; n && !n.IsNull()) {
        expect(n, YAML::NodeType::Map, "progress");
        if (n["default"])
            p.defaultProgress = progressModel(n["default"], p.defaultProgress);
        if (const auto o = n["overrides"]; o && !o.IsNull()) {
            expect(o, YAML::NodeType::Sequence, "progress overrides");
            for (const auto &e : o)
                p.progressOverrides.insert(oobId(required(e, "oob", "a progress override"), "oob"),
                                           progressModel(e, p.defaultProgress));
        }
    }
    if (const auto n = root["customers"]; n && !n.IsNull()) {
        expect(n, YAML::NodeType::Sequence, "customers");
        for (const auto &e : n) {
            expect(e, YAML::NodeType::Map, "a customer");
            CustomerState c;
            c.name = scalar(required(e, "name", "a customer"), "name");
            if (e["version"] && !e["version"].IsNull())
                c.version = version(e["version"], "version");
            if (e["exportFile"] && !e["exportFile"].IsNull())
                c.exportFile = absolute(baseDir, scalar(e["exportFile"], "exportFile"));
            if (const auto rows = e["oobRows"]; rows && !rows.IsNull()) {
                expect(rows, YAML::NodeType::Map, "oobRows");
                for (const auto &kv : rows)
                    c.oobRows.insert(oobId(kv.first, "oob id"), integer(kv.second, "rows", 0));
            }
            p.customers.append(c);
        }
    }
    if (const auto n = root["proposals"]; n && !n.IsNull()) {
        expect(n, YAML::NodeType::Sequence, "proposals");
        for (const auto &e : n) {
            expect(e, YAML::NodeType::Map, "a proposal");
            DeprecationProposal d;
            d.oobId = oobId(required(e, "oob", "a proposal"), "oob");
            if (const auto dep = e["deprecated"]; dep && !dep.IsNull()) {
                d.deprecated = MinorVersion::parse(scalar(dep, "deprecated"));
                if (!d.deprecated)
                    throw BadValue{lineOf(dep), QStringLiteral("deprecated must be a minor version like 6.5, not '%1'")
                                                    .arg(qstr(dep))};
            }
            p.proposals.append(d);
        }
    }
    if (const auto n = root["customersCsv"]; n && !n.IsNull())
        p.customersCsv = absolute(baseDir, scalar(n, "customersCsv"));
    if (const auto n = root["calibration"]; n && !n.IsNull())
        p.calibration = absolute(baseDir, scalar(n, "calibration"));
    return p;
}

void emitProgress(YAML::Emitter &out, const OobProgressModel &m)
{
    out << YAML::Key << "rows" << YAML::Value << m.rows;
    out << YAML::Key << "batchSize" << YAML::Value << m.batchSize;
    out << YAML::Key << "intervalSeconds" << YAML::Value << m.intervalSeconds;
}

} // namespace

Result<Project> parse(const QByteArray &yaml, const QString &file, const QString &baseDir)
{
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        if (const auto dup = findDuplicateYamlKey(root))
            return Result<Project>::failure(file, dup->message());
        Project p = parseRoot(root, baseDir);
        if (const Status valid = validate(p, file); !valid)
            return valid.error();
        return p;
    } catch (const BadValue &e) {
        return Result<Project>::failure(file, QStringLiteral("line %1: %2").arg(e.line).arg(e.message));
    } catch (const YAML::Exception &e) {
        return Result<Project>::failure(file, yamlLinePrefix(e.mark.line) + QStringLiteral("not valid YAML: ")
                                                  + QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return Result<Project>::failure(file, QString::fromLocal8Bit(e.what()));
    }
}

Status validate(const Project &p, const QString &file)
{
    const auto check = [&](const OobProgressModel &m, const QString &where) -> Status {
        if (!std::isfinite(m.intervalSeconds) || m.intervalSeconds <= 0)
            return Status::failure(file, QStringLiteral("%1: intervalSeconds must be a finite number above 0, not %2")
                                             .arg(where).arg(m.intervalSeconds));
        if (m.batchSize < 1)
            return Status::failure(file, QStringLiteral("%1: batchSize must be at least 1, not %2").arg(where).arg(m.batchSize));
        if (m.rows < 0)
            return Status::failure(file, QStringLiteral("%1: rows must not be negative, not %2").arg(where).arg(m.rows));
        return success();
    };
    if (Status s = check(p.defaultProgress, QStringLiteral("default progress")); !s)
        return s;
    for (auto it = p.progressOverrides.cbegin(); it != p.progressOverrides.cend(); ++it)
        if (Status s = check(*it, QStringLiteral("progress of OOB migration %1").arg(it.key())); !s)
            return s;
    for (const CustomerState &c : p.customers)
        for (auto it = c.oobRows.cbegin(); it != c.oobRows.cend(); ++it)
            if (*it < 0)
                return Status::failure(file, QStringLiteral("customer '%1': rows of OOB migration %2 must not be negative, not %3")
                                                 .arg(c.name).arg(it.key()).arg(*it));
    return success();
}

QByteArray emit(const Project &p, const QString &baseDir)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    for (const QString &s : p.sources)
        out << str(relative(baseDir, s));
    out << YAML::EndSeq;
    if (!p.versionOverrides.isEmpty()) {
        out << YAML::Key << "versionOverrides" << YAML::Value << YAML::BeginMap;
        for (auto it = p.versionOverrides.cbegin(); it != p.versionOverrides.cend(); ++it)
            out << YAML::Key << str(relative(baseDir, it.key())) << YAML::Value << str(it->toString());
        out << YAML::EndMap;
    }
    out << YAML::Key << "oobFiles" << YAML::Value << YAML::BeginSeq;
    for (const QString &s : p.oobFiles)
        out << str(relative(baseDir, s));
    out << YAML::EndSeq;
    if (!p.acceptedEdits.isEmpty()) {
        out << YAML::Key << "acceptedEdits" << YAML::Value << YAML::BeginSeq;
        for (const AcceptedEdit &e : p.acceptedEdits)
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "schema" << YAML::Value << str(e.schema)
                << YAML::Key << "id" << YAML::Value << e.id << YAML::Key << "release" << YAML::Value
                << str(e.release.toString()) << YAML::EndMap;
        out << YAML::EndSeq;
    }
    out << YAML::Key << "progress" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "default" << YAML::Value << YAML::Flow << YAML::BeginMap;
    emitProgress(out, p.defaultProgress);
    out << YAML::EndMap;
    if (!p.progressOverrides.isEmpty()) {
        out << YAML::Key << "overrides" << YAML::Value << YAML::BeginSeq;
        for (auto it = p.progressOverrides.cbegin(); it != p.progressOverrides.cend(); ++it) {
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "oob" << YAML::Value << it.key();
            emitProgress(out, *it);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    if (!p.customers.isEmpty()) {
        out << YAML::Key << "customers" << YAML::Value << YAML::BeginSeq;
        for (const CustomerState &c : p.customers) {
            out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << str(c.name);
            if (c.version)
                out << YAML::Key << "version" << YAML::Value << str(c.version->toString());
            if (!c.exportFile.isEmpty())
                out << YAML::Key << "exportFile" << YAML::Value << str(relative(baseDir, c.exportFile));
            if (!c.oobRows.isEmpty()) {
                out << YAML::Key << "oobRows" << YAML::Value << YAML::BeginMap;
                for (auto it = c.oobRows.cbegin(); it != c.oobRows.cend(); ++it)
                    out << YAML::Key << it.key() << YAML::Value << *it;
                out << YAML::EndMap;
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!p.proposals.isEmpty()) {
        out << YAML::Key << "proposals" << YAML::Value << YAML::BeginSeq;
        for (const DeprecationProposal &d : p.proposals) {
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "oob" << YAML::Value << d.oobId
                << YAML::Key << "deprecated" << YAML::Value;
            if (d.deprecated)
                out << YAML::DoubleQuoted << str(d.deprecated->toString());
            else
                out << YAML::Null;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!p.customersCsv.isEmpty())
        out << YAML::Key << "customersCsv" << YAML::Value << str(relative(baseDir, p.customersCsv));
    if (!p.calibration.isEmpty())
        out << YAML::Key << "calibration" << YAML::Value << str(relative(baseDir, p.calibration));
    out << YAML::EndMap;
    QByteArray data("# Passlane project\n");
    data.append(out.c_str(), qsizetype(out.size()));
    data.append('\n');
    return data;
}

} // namespace passlane::projectyaml
