#include "releases/metadataparser.h"

#include "common/yamlcheck.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>

namespace passlane {

namespace {

QString lineOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? QStringLiteral(" (line %1)").arg(mark.line + 1) : QString();
}

QString scalarText(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QStringLiteral("<not a scalar>");
}

// Strict integer: digits only (an optional sign), so "12abc" or "1.5" are rejected.
std::optional<qint64> toId(const YAML::Node &node)
{
    if (!node.IsScalar())
        return std::nullopt;
    bool ok = false;
    const qint64 v = QString::fromStdString(node.Scalar()).trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

void readParents(const YAML::Node &value, const QString &key, const QString &file, MigrationMetadata &out)
{
    auto addOne = [&](const YAML::Node &item) {
        if (auto id = toId(item))
            out.parents.append(*id);
        else
            out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                                QStringLiteral("%1: '%2' is not an integer migration id%3")
                                                    .arg(key, scalarText(item), lineOf(item))));
    };
    if (value.IsNull())
        return;
    if (value.IsSequence()) {
        for (const auto &item : value)
            addOne(item);
    } else if (value.IsScalar()) {
        addOne(value);
    } else {
        out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                            QStringLiteral("%1 must be a list of migration ids%2").arg(key, lineOf(value))));
    }
}

void readFlag(const YAML::Node &value, const QString &key, const QString &file, bool &flag, MigrationMetadata &out)
{
    bool v = false;
    if (value.IsScalar() && YAML::convert<bool>::decode(value, v)) {
        flag = v;
        return;
    }
    out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                        QStringLiteral("%1: '%2' is not true or false%3").arg(key, scalarText(value), lineOf(value))));
}

} // namespace

const QStringList &MetadataParser::knownKeys()
{
    static const QStringList keys{QStringLiteral("name"), QStringLiteral("parents"), QStringLiteral("privileged"),
                                  QStringLiteral("nonIdempotent"), QStringLiteral("createIndexConcurrently"),
                                  QStringLiteral("bestEffortTerminateBlockingTransactions")};
    return keys;
}

MigrationMetadata MetadataParser::parse(const QByteArray &yaml, const QString &file)
{
    MigrationMetadata out;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
        if (root.IsNull())
            return out; // an empty file: no name, no parents
        if (!root.IsMap()) {
            out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                                QStringLiteral("metadata is not a map of keys to values")));
            return out;
        }
        // yaml-cpp keeps both entries of a repeated key and reads the first: say so.
        if (const auto dup = findDuplicateYamlKey(root))
            out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                                dup->message()));
        for (const auto &kv : root) {
            const QString key = kv.first.IsScalar() ? QString::fromStdString(kv.first.Scalar()) : QString();
            const YAML::Node &value = kv.second;
            if (key == u"name") {
                out.name = value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
            } else if (key == u"parents") {
                readParents(value, key, file, out);
            } else if (key == u"parent") {
                out.findings.append(Finding::about(Severity::Warning, QLatin1String("parent-alias"), file,
                                                    QStringLiteral("singular 'parent:'%1 read as 'parents:'").arg(lineOf(kv.first))));
                readParents(value, key, file, out);
            } else if (key == u"privileged") {
                readFlag(value, key, file, out.privileged, out);
            } else if (key == u"nonIdempotent") {
                readFlag(value, key, file, out.nonIdempotent, out);
            } else if (key == u"createIndexConcurrently") {
                readFlag(value, key, file, out.createIndexConcurrently, out);
            } else if (key == u"bestEffortTerminateBlockingTransactions") {
                readFlag(value, key, file, out.bestEffortTerminateBlockingTransactions, out);
            } else {
                out.findings.append(Finding::about(Severity::Warning, QLatin1String("unknown-key"), file,
                                                    QStringLiteral("unknown key '%1'%2 ignored").arg(key, lineOf(kv.first))));
            }
        }
    } catch (const YAML::Exception &e) {
        out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                            yamlLinePrefix(e.mark.line) + QStringLiteral("not valid YAML: ")
                                                + QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        out.findings.append(Finding::about(Severity::Error, QLatin1String("invalid-metadata"), file,
                                            QStringLiteral("cannot read metadata: %1").arg(QString::fromLocal8Bit(e.what()))));
    }
    std::sort(out.parents.begin(), out.parents.end());
    out.parents.erase(std::unique(out.parents.begin(), out.parents.end()), out.parents.end());
    return out;
}

} // namespace passlane
