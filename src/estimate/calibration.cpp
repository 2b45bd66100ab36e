#include "estimate/calibration.h"

#include "common/safefile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSysInfo>

#include <cmath>

namespace passlane {

namespace {

constexpr qint64 kMaxCalibrationBytes = 1024 * 1024;
constexpr int kFormatVersion = 1;

QString formatName() { return QStringLiteral("passlane-calibration"); }

} // namespace

Calibration Calibration::defaults()
{
    // docs/time-model.md explains each figure: orders of magnitude for a small server with the
    // table in cache, chosen so that an unknown machine is neither hours off nor flat.
    Calibration c;
    c.costs.insert(StatementClass::MetadataOnly, ClassCost{50, 0});
    c.costs.insert(StatementClass::TableRewrite, ClassCost{100, 10});
    c.costs.insert(StatementClass::FullScanUnderLock, ClassCost{50, 1.5});
    c.costs.insert(StatementClass::IndexBuild, ClassCost{100, 4});
    c.costs.insert(StatementClass::ConcurrentIndexBuild, ClassCost{200, 10});
    c.costs.insert(StatementClass::Backfill, ClassCost{50, 20});
    return c;
}

ClassCost Calibration::cost(StatementClass c) const
{
    const auto it = costs.constFind(c);
    if (it != costs.cend())
        return *it;
    return defaults().costs.value(c);
}

QString Calibration::describe() const
{
    if (!measured)
        return QStringLiteral("documented defaults");
    QStringList parts;
    if (!machine.isEmpty())
        parts << machine;
    if (!server.isEmpty())
        parts << server;
    if (measuredAt.isValid())
        parts << measuredAt.toUTC().date().toString(Qt::ISODate);
    return parts.isEmpty() ? QStringLiteral("calibrated") : QStringLiteral("calibrated on ") + parts.join(QStringLiteral(", "));
}

QString Calibration::defaultPath()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share/passlane");
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    host.replace(QLatin1Char('/'), QLatin1Char('_'));
    return base + QStringLiteral("/calibration/") + host + QStringLiteral(".json");
}

Status Calibration::save(const QString &path) const
{
    QJsonObject costsJson;
    for (StatementClass c : allStatementClasses()) {
        const ClassCost k = cost(c);
        costsJson.insert(statementClassName(c),
                         QJsonObject{{QStringLiteral("fixed_ms"), k.fixedMs}, {QStringLiteral("ms_per_thousand_rows"), k.msPerThousandRows}});
    }
    QJsonObject root{{QStringLiteral("format"), formatName()},
                     {QStringLiteral("version"), kFormatVersion},
                     {QStringLiteral("measured"), measured},
                     {QStringLiteral("machine"), machine},
                     {QStringLiteral("server"), server},
                     {QStringLiteral("rows_per_table"), double(rowsPerTable)},
                     {QStringLiteral("per_migration_ms"), perMigrationMs},
                     {QStringLiteral("costs"), costsJson}};
    if (measuredAt.isValid())
        root.insert(QStringLiteral("measured_at"), measuredAt.toUTC().toString(Qt::ISODateWithMs));
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return Status::failure(path, QStringLiteral("cannot create the folder %1").arg(dir));
    return writeFileAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

Result<Calibration> Calibration::load(const QString &path)
{
    const Result<QByteArray> bytes = readRegularFile(path, kMaxCalibrationBytes, QStringLiteral("calibration"));
    if (!bytes)
        return bytes.error();
    auto fail = [&path](const QString &message) { return Result<Calibration>::failure(path, message); };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (doc.isNull())
        return fail(QStringLiteral("not a calibration file: JSON error at byte %1: %2")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(QStringLiteral("not a calibration file: the top level is not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != formatName())
        return fail(QStringLiteral("not a calibration file: \"format\" is not \"%1\"").arg(formatName()));
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version != kFormatVersion)
        return fail(QStringLiteral("calibration format version %1 is not supported (this Passlane reads %2)")
                        .arg(version)
                        .arg(kFormatVersion));
    const QJsonValue costsValue = root.value(QStringLiteral("costs"));
    if (!costsValue.isObject())
        return fail(QStringLiteral("\"costs\" is missing or not an object"));
    const QJsonObject costsJson = costsValue.toObject();

    Calibration c;
    c.file = path;
    c.measured = root.value(QStringLiteral("measured")).toBool(true);
    c.machine = root.value(QStringLiteral("machine")).toString();
    c.server = root.value(QStringLiteral("server")).toString();
    c.rowsPerTable = qint64(root.value(QStringLiteral("rows_per_table")).toDouble(0));
    const QString at = root.value(QStringLiteral("measured_at")).toString();
    if (!at.isEmpty()) {
        c.measuredAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (!c.measuredAt.isValid())
            return fail(QStringLiteral("\"measured_at\" is not an ISO 8601 time: %1").arg(at));
    }
    // Files written before the per-migration figure was measured lack it: the default stands.
    const QJsonValue perMigration = root.value(QStringLiteral("per_migration_ms"));
    if (!perMigration.isUndefined()) {
        if (!perMigration.isDouble() || perMigration.toDouble() < 0 || !std::isfinite(perMigration.toDouble()))
            return fail(QStringLiteral("\"per_migration_ms\" must be a finite number, not negative"));
        c.perMigrationMs = perMigration.toDouble();
    }
    for (auto it = costsJson.begin(); it != costsJson.end(); ++it) {
        if (!statementClassFromName(it.key()))
            return fail(QStringLiteral("costs: unknown statement class \"%1\"").arg(it.key()));
    }
    for (StatementClass k : allStatementClasses()) {
        const QString name = statementClassName(k);
        const QJsonValue v = costsJson.value(name);
        if (!v.isObject())
            return fail(QStringLiteral("costs: no entry for \"%1\"").arg(name));
        const QJsonObject o = v.toObject();
        const QJsonValue fixed = o.value(QStringLiteral("fixed_ms"));
        const QJsonValue perRows = o.value(QStringLiteral("ms_per_thousand_rows"));
        if (!fixed.isDouble() || !perRows.isDouble())
            return fail(QStringLiteral("costs.%1: \"fixed_ms\" and \"ms_per_thousand_rows\" must be numbers").arg(name));
        if (fixed.toDouble() < 0 || perRows.toDouble() < 0 || !std::isfinite(fixed.toDouble()) || !std::isfinite(perRows.toDouble()))
            return fail(QStringLiteral("costs.%1: costs must be finite and not negative").arg(name));
        c.costs.insert(k, ClassCost{fixed.toDouble(), perRows.toDouble()});
    }
    return c;
}

} // namespace passlane
