// The time model on real releases: OOB ETAs observed between two exports of one instance (figures
// worked by hand), the earliest start of the next standard hop, the two roads for a real pair,
// the simulation run on the same estimates, and evidence labels with and without table statistics.

#include "catalog/catalog.h"
#include "clirun.h"
#include "fixtures.h"
#include "scenario/evaluate.h"
#include "simulator/customerexport.h"
#include "simulator/timeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;

namespace {

const QDateTime kT0(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);

Version v(const char *text)
{
    return Version::parse(QString::fromLatin1(text)).value();
}

/// An export of `state` with OOB 22 at `progress` last updated at `updated`, taken at `exportedAt`,
/// with table statistics when `rows` > 0.
QByteArray exportJson(StartState state, double progress, const QDateTime &updated, const QDateTime &exportedAt, qint64 rows,
                      const QString &otherTable = QStringLiteral("users"))
{
    for (OobRow &r : state.oob)
        if (r.id == 22) {
            r.progress = progress;
            r.created = kT0.addDays(-30);
            r.lastUpdated = updated;
        }
    QJsonObject root = QJsonDocument::fromJson(CustomerExport::toJson(state, QStringLiteral("acme"))).object();
    root.insert(QStringLiteral("exported_at"), exportedAt.toString(Qt::ISODate));
    if (rows > 0)
        root.insert(QStringLiteral("tables"),
                    QJsonArray{QJsonObject{{QStringLiteral("schema"), QStringLiteral("frontend")},
                                           {QStringLiteral("table_name"), QStringLiteral("user_repo_permissions")},
                                           {QStringLiteral("estimated_rows"), double(rows)},
                                           {QStringLiteral("total_bytes"), 1000000.0}},
                               QJsonObject{{QStringLiteral("schema"), QStringLiteral("frontend")},
                                           {QStringLiteral("table_name"), otherTable},
                                           {QStringLiteral("estimated_rows"), 250000.0},
                                           {QStringLiteral("total_bytes"), 1000000.0}}});
    return QJsonDocument(root).toJson();
}

bool write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestTimeModel : public QObject {
    Q_OBJECT
    std::shared_ptr<const Catalog> m_catalog;
    QString m_fixtures;

    Scenario scenario(const char *from, const char *to) const
    {
        Scenario s;
        s.project.sources = {m_fixtures + QStringLiteral("/releases")};
        s.project.oobFiles = {m_fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")};
        s.from = v(from);
        s.to = v(to);
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixtures = passlane::test::sourcegraphFixtures();
        if (m_fixtures.isEmpty())
            return;
        LoadRequest request;
        request.sources = {m_fixtures + QStringLiteral("/releases")};
        request.oobFiles = {m_fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml")};
        auto catalog = loadCatalog(request);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        m_catalog = std::make_shared<const Catalog>(std::move(catalog).value());
    }

    void componentTables_data()
    {
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<bool>("prefix");
        QTest::newRow("frontend") << QStringLiteral("frontend-db.changesets") << QStringLiteral("frontend") << QStringLiteral("changesets") << false;
        QTest::newRow("hyphen") << QStringLiteral("frontend-db.user-credentials") << QStringLiteral("frontend") << QStringLiteral("user_credentials") << false;
        QTest::newRow("wildcard") << QStringLiteral("codeintel-db.lsif_data_*") << QStringLiteral("codeintel") << QStringLiteral("lsif_data_") << true;
        QTest::newRow("any schema") << QStringLiteral("db.insights_settings_migration_jobs") << QString() << QStringLiteral("insights_settings_migration_jobs") << false;
        QTest::newRow("table.column") << QStringLiteral("lsif_uploads.num_references") << QString() << QStringLiteral("lsif_uploads") << false;
    }

    void componentTables()
    {
        QFETCH(QString, component);
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(bool, prefix);
        const OobComponentTables t = OobComponentTables::parse(component);
        QCOMPARE(t.schema, schema);
        QCOMPARE(t.table, table);
        QCOMPARE(t.prefix, prefix);
    }

    // OOB 22 (frontend-db.user_repo_permissions, deprecated at 6.2) seen at 20 % at T0 and at 50 %
    // at T0 + 10 h: 30 points in 10 h = 3.0 %/h. The remaining 50 % take 50 / 3 = 16.67 h
    // = 16 h 40 m, so it completes at T0 + 26 h 40 m = 2026-11-03 10:40 UTC. The export was taken at
    // T0 + 12 h (the reference time). The hop 6.0 -> 6.1 waits for nothing (21, deprecated at 6.0,
    // is done on a running 6.0) and starts at once; the hop 6.1 -> 6.2 must wait for OOB 22:
    // its earliest start is 2026-11-03 10:40 UTC, 14 h 40 m after the export.
    void observedEtaAndNextHop()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QTemporaryDir dir;
        auto state = StartState::fromRelease(*m_catalog, v("6.0.2687"), 0.0, kT0.addDays(-30));
        QVERIFY(state.ok());
        const QString previous = dir.filePath(QStringLiteral("acme-before.json"));
        const QString current = dir.filePath(QStringLiteral("acme-now.json"));
        QVERIFY(write(previous, exportJson(*state, 0.2, kT0, kT0, 0)));
        QVERIFY(write(current, exportJson(*state, 0.5, kT0.addSecs(10 * 3600), kT0.addSecs(12 * 3600), 4000000)));

        Scenario s = scenario("6.0.2687", "6.2.3841");
        s.from.reset();
        s.start.kind = ScenarioStart::Kind::ExportFile;
        s.start.exportFile = current;
        s.start.previousExport = previous;
        s.simulation = SimulationRequest{};
        const Result<Evaluation> e = evaluate(s, m_catalog);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
        QVERIFY(e->time);
        const TimeModel &t = *e->time;

        const OobEta &eta = t.oob.value(22);
        QVERIFY(eta.observedPerHour);
        QCOMPARE(qRound(*eta.observedPerHour * 1000), 30); // 3.0 %/h
        QCOMPARE(eta.rateText, QStringLiteral("observed 3.0 %/h since 2026-11-02 08:00"));
        QCOMPARE(eta.remaining.ms, qint64(16 * 3600 + 40 * 60) * 1000);
        QCOMPARE(eta.remaining.kind(), EvidenceKind::Observed);
        QCOMPARE(eta.completeAt, std::optional<QDateTime>(QDateTime(QDate(2026, 11, 3), QTime(10, 40), Qt::UTC)));

        const Road &standard = t.roads.standard;
        QCOMPARE(standard.hops.size(), 2);
        QCOMPARE(standard.hops[0].earliestStartMs, qint64(0));
        QCOMPARE(standard.hops[0].earliestStart, std::optional<QDateTime>(kT0.addSecs(12 * 3600)));
        QCOMPARE(standard.hops[1].waitsFor, QList<int>{22});
        QCOMPARE(standard.hops[1].earliestStartMs, qint64(14 * 3600 + 40 * 60) * 1000);
        QCOMPARE(standard.hops[1].earliestStart, std::optional<QDateTime>(QDateTime(QDate(2026, 11, 3), QTime(10, 40), Qt::UTC)));
        QVERIFY2(standard.hops[1].startBasis.contains(QStringLiteral("observed 3.0 %/h")), qPrintable(standard.hops[1].startBasis));

        // The multi-version road waits for the same 16 h 40 m at its 6.1 stop, offline; and the
        // rehearsal, run on the same model, waits just as long.
        const Road &multi = t.roads.multiVersion;
        QCOMPARE(multi.hops.size(), 2);
        QCOMPARE(multi.hops[0].waitsFor, QList<int>{22});
        QCOMPARE(multi.hops[0].oobWait.ms, eta.remaining.ms);
        QVERIFY(e->simulation);
        QCOMPARE(e->simulation->totals.oobWaitMs, eta.remaining.ms);
        // Table statistics: the OOB's rows and the schema estimates rest on customer data.
        QVERIFY(t.tableStats);
        QCOMPARE(e->simulation->totals.schemaMs, multi.hops[0].schema.ms + multi.hops[1].schema.ms);
    }

    // Without a second observation nor table statistics: the documented default model and unknown
    // rows, both said; the model's rows give the ETA.
    void assumedEta()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        Scenario s = scenario("6.0.2687", "6.2.3841");
        s.project.defaultProgress.rows = 300000; // 600 batches of 500 rows every 3 s = 1800 s
        const Result<Evaluation> e = evaluate(s, m_catalog);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
        const OobEta &eta = e->time->oob.value(22);
        QVERIFY(!eta.observedPerHour);
        QCOMPARE(eta.rateText, QStringLiteral("assumed 500 rows / 3 s"));
        QCOMPARE(eta.remaining.ms, qint64(1800) * 1000);
        QCOMPARE(eta.remaining.kind(), EvidenceKind::DocumentedDefault);
        QVERIFY(!eta.completeAt); // no observation time: offsets only
        // A running 6.0 has registered OOB 22: it runs in the background from the start, so the
        // hop to 6.2 may start 1800 s after the start, the first hop's downtime included.
        QVERIFY(e->time->roads.standard.hops[0].schema.ms < 1800 * 1000);
        QCOMPARE(e->time->roads.standard.hops[1].earliestStartMs, qint64(1800) * 1000);
    }

    void twoRoadsOnRealReleases_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("5.9.45 -> 7.2.1943") << QStringLiteral("5.9.45") << QStringLiteral("7.2.1943");
        QTest::newRow("6.0.0 -> 6.5.2654") << QStringLiteral("6.0.0") << QStringLiteral("6.5.2654");
    }

    void twoRoadsOnRealReleases()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QFETCH(QString, from);
        QFETCH(QString, to);
        Scenario s = scenario("6.0.0", "6.0.0");
        s.from = Version::parse(from);
        s.to = Version::parse(to);
        QVERIFY(s.from && s.to && m_catalog->release(*s.to));
        s.project.defaultProgress.rows = 1000000;
        const Result<Evaluation> e = evaluate(s, m_catalog);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
        const TwoRoads &roads = e->time->roads;
        QCOMPARE(roads.multiVersion.hops.size(), e->plan->steps.size());
        QCOMPARE(roads.standard.hops.size(), e->plan->standardPath.size());
        QVERIFY(roads.standard.hops.size() > 2);

        // Multi-version downtime = schema time + OOB waits at the stops.
        qint64 schema = 0, waits = 0;
        for (const RoadHop &h : roads.multiVersion.hops) {
            schema += h.schema.ms;
            waits += h.oobWait.ms;
            QCOMPARE(h.downtime.ms, h.schema.ms + h.oobWait.ms);
        }
        QCOMPARE(roads.multiVersion.downtime.ms, schema + waits);
        QVERIFY(waits > 0);
        // Each step's schema time is the sum of its migrations' estimates.
        for (qsizetype i = 0; i < e->plan->steps.size(); ++i) {
            qint64 sum = 0;
            const PlanStep &step = e->plan->steps[i];
            for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it)
                for (qint64 id : *it)
                    sum += e->time->migrations.value(it.key()).value(id).time.ms;
            QCOMPARE(roads.multiVersion.hops[i].schema.ms, sum);
        }
        // Standard hops: downtime is the hop's schema time only; they start in order.
        qint64 standardDowntime = 0;
        for (qsizetype i = 0; i < roads.standard.hops.size(); ++i) {
            const RoadHop &h = roads.standard.hops[i];
            QCOMPARE(h.downtime.ms, h.schema.ms);
            QCOMPARE(h.oobWait.ms, qint64(0));
            standardDowntime += h.downtime.ms;
            if (i > 0)
                QVERIFY(h.earliestStartMs >= roads.standard.hops[i - 1].earliestStartMs + roads.standard.hops[i - 1].schema.ms);
        }
        QCOMPARE(roads.standard.downtime.ms, standardDowntime);
        QVERIFY(roads.standard.calendarMs >= standardDowntime);
        // The reason names the deciding figure.
        const QString deciding = roads.recommended == TwoRoads::Choice::Standard ? formatDuration(roads.standard.longestHop.ms)
                                                                                 : formatDuration(roads.multiVersion.downtime.ms);
        QVERIFY2(roads.reason.contains(deciding), qPrintable(roads.reason + QStringLiteral(" / ") + deciding));
        qInfo("%s -> %s: multi-version downtime %s (schema %s, OOB waits %s); standard: %lld hops, downtime %s, longest %s, "
              "calendar %s; recommended %s: %s",
              qPrintable(from), qPrintable(to), qPrintable(roads.multiVersion.downtime.rangeText()), qPrintable(formatDuration(schema)),
              qPrintable(formatDuration(waits)), qlonglong(roads.standard.hops.size()), qPrintable(roads.standard.downtime.rangeText()),
              qPrintable(formatDuration(roads.standard.longestHop.ms)), qPrintable(formatDuration(roads.standard.calendarMs)),
              qPrintable(roadChoiceName(roads.recommended)), qPrintable(roads.reason));
    }

    // Inputs prepared once share their statement classes across evaluations (the GUI on every
    // drag): a cold cache, a warm one and none at all give the very same estimates.
    void sharedStatementClassesAnswerAlike()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const Scenario s = scenario("5.9.45", "7.2.1943");
        Result<ScenarioInputs> inputs = prepareInputs(s, m_catalog);
        QVERIFY(inputs.ok() && inputs->statementClasses);
        ScenarioInputs unshared = inputs.value();
        unshared.statementClasses.reset();
        const Result<Evaluation> cold = evaluate(s, inputs.value());
        const Result<Evaluation> warm = evaluate(s, inputs.value());
        const Result<Evaluation> fresh = evaluate(s, unshared);
        QVERIFY(cold.ok() && warm.ok() && fresh.ok());
        QVERIFY(fresh->time->migrations.size() == 3);
        for (const Evaluation *e : {&cold.value(), &warm.value()}) {
            QCOMPARE(e->time->migrations.keys(), fresh->time->migrations.keys());
            for (auto schema = fresh->time->migrations.cbegin(); schema != fresh->time->migrations.cend(); ++schema) {
                const auto &mine = e->time->migrations.value(schema.key());
                QCOMPARE(mine.keys(), schema->keys());
                for (auto m = schema->cbegin(); m != schema->cend(); ++m) {
                    QCOMPARE(mine.value(m.key()).time.ms, m->time.ms);
                    QCOMPARE(mine.value(m.key()).statements.size(), m->statements.size());
                }
            }
            QCOMPARE(e->time->roads.multiVersion.downtime.ms, fresh->time->roads.multiVersion.downtime.ms);
        }
    }

    // Evidence labels: no statistics -> documented defaults and unknown rows; statistics -> customer data.
    void evidenceLabels()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const Result<Evaluation> bare = evaluate(scenario("6.0.2687", "6.2.3841"), m_catalog);
        QVERIFY(bare.ok());
        const QString bareBasis = bare->time->roads.multiVersion.downtime.basisText();
        QVERIFY2(bareBasis.contains(QStringLiteral("rows: unknown (assumed empty)")), qPrintable(bareBasis));
        QVERIFY2(bareBasis.contains(QStringLiteral("costs: documented default")), qPrintable(bareBasis));
        QVERIFY(!bareBasis.contains(QStringLiteral("customer data")));
        QVERIFY(!bare->time->tableStats);

        // A frontend table the plan's migrations scale with gets statistics in the export.
        QString touched;
        for (const MigrationEstimate &m : bare->time->migrations.value(QStringLiteral("frontend")))
            for (const StatementEstimate &st : m.statements)
                if (touched.isEmpty() && !st.statement.tables.isEmpty())
                    touched = st.statement.tables.front();
        QVERIFY(!touched.isEmpty());

        QTemporaryDir dir;
        auto state = StartState::fromRelease(*m_catalog, v("6.0.2687"), 0.0, kT0);
        QVERIFY(state.ok());
        const QString current = dir.filePath(QStringLiteral("acme.json"));
        QVERIFY(write(current, exportJson(*state, 0.0, kT0, kT0, 4000000, touched)));
        Scenario s = scenario("6.0.2687", "6.2.3841");
        s.start.kind = ScenarioStart::Kind::ExportFile;
        s.start.exportFile = current;
        const Result<Evaluation> withStats = evaluate(s, m_catalog);
        QVERIFY2(withStats.ok(), qPrintable(withStats.ok() ? QString() : withStats.error().toString()));
        QVERIFY(withStats->time->tableStats);
        const QString basis = withStats->time->roads.multiVersion.downtime.basisText();
        QVERIFY2(basis.contains(QStringLiteral("rows: customer data")), qPrintable(basis));
        // OOB 22's rows come from its table: 4,000,000 rows at 500 per 3 s = 8,000 batches = 24,000 s.
        const OobEta &eta = withStats->time->oob.value(22);
        QCOMPARE(eta.model.rows, qint64(4000000));
        QCOMPARE(eta.remaining.ms, qint64(8000 * 3) * 1000);
        QVERIFY2(eta.remaining.basisText().contains(QStringLiteral("customer data (user_repo_permissions: 4,000,000 rows)")),
                 qPrintable(eta.remaining.basisText()));

        // A calibration file changes the cost label.
        Calibration c = Calibration::defaults();
        c.measured = true;
        c.machine = QStringLiteral("host-a");
        c.server = QStringLiteral("PostgreSQL 15.8");
        const QString calibration = dir.filePath(QStringLiteral("cal.json"));
        QVERIFY(c.save(calibration).ok());
        s.calibrationFile = calibration;
        const Result<Evaluation> calibrated = evaluate(s, m_catalog);
        QVERIFY(calibrated.ok());
        QVERIFY2(calibrated->time->roads.multiVersion.downtime.basisText().contains(QStringLiteral("costs: calibration (calibrated on host-a, PostgreSQL 15.8)")),
                 qPrintable(calibrated->time->roads.multiVersion.downtime.basisText()));
        // A bad calibration file fails the question, naming the file.
        QVERIFY(write(calibration, "{}"));
        const Result<Evaluation> bad = evaluate(s, m_catalog);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().file, calibration);
    }

    // The same question through passlane-cli: --previous-export gives the observed rate, the
    // report's JSON and Markdown carry the dates worked out above; a bad --calibration file is
    // refused naming it.
    void cliPreviousExportAndCalibration()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QTemporaryDir dir;
        auto state = StartState::fromRelease(*m_catalog, v("6.0.2687"), 0.0, kT0.addDays(-30));
        QVERIFY(state.ok());
        const QString previous = dir.filePath(QStringLiteral("before.json"));
        const QString current = dir.filePath(QStringLiteral("now.json"));
        QVERIFY(write(previous, exportJson(*state, 0.2, kT0, kT0, 0)));
        QVERIFY(write(current, exportJson(*state, 0.5, kT0.addSecs(10 * 3600), kT0.addSecs(12 * 3600), 4000000)));
        const QStringList base{QStringLiteral("plan"), m_fixtures + QStringLiteral("/releases"), QStringLiteral("--oob"),
                               m_fixtures + QStringLiteral("/oob/oobmigrations-whatif-6x.yaml"), QStringLiteral("--to"),
                               QStringLiteral("6.2.3841"), QStringLiteral("--state"), current, QStringLiteral("--previous-export"), previous};

        const auto json = passlane::test::runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject time = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("time")).toObject();
        const QJsonArray hops = time.value(QStringLiteral("standard")).toObject().value(QStringLiteral("hops")).toArray();
        QCOMPARE(hops.size(), 2);
        QCOMPARE(hops[1].toObject().value(QStringLiteral("earliest_start")).toString(), QStringLiteral("2026-11-03T10:40:00Z"));
        QCOMPARE(time.value(QStringLiteral("recommended")).toString(), QStringLiteral("standard"));
        const QJsonObject oob = time.value(QStringLiteral("oob")).toArray().at(0).toObject();
        QCOMPARE(oob.value(QStringLiteral("id")).toInt(), 22);
        QCOMPARE(oob.value(QStringLiteral("remaining")).toObject().value(QStringLiteral("evidence")).toString(), QStringLiteral("observed"));
        QCOMPARE(oob.value(QStringLiteral("complete_at")).toString(), QStringLiteral("2026-11-03T10:40:00Z"));

        const auto md = passlane::test::runCli(base + QStringList{QStringLiteral("--format"), QStringLiteral("markdown")});
        QVERIFY2(md.exitCode == 0, md.err.constData());
        QVERIFY(md.out.contains("## Time: two roads"));
        QVERIFY(md.out.contains("after OOB 22 completes (observed 3.0 %/h since 2026-11-02 08:00)"));
        QVERIFY(md.out.contains("Rows: customer data (table statistics of the start state)"));

        const QString calibration = dir.filePath(QStringLiteral("cal.json"));
        QVERIFY(write(calibration, "not json"));
        const auto bad = passlane::test::runCli(base + QStringList{QStringLiteral("--calibration"), calibration});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(calibration.toUtf8()), bad.err.constData());
    }

    // --migration-time: a flat time for every migration, the estimates set aside.
    void flatMigrationTime()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        Scenario s = scenario("6.0.2687", "6.2.3841");
        SimulationRequest r;
        r.flatMigrationTime = true;
        r.schemaMigrationMs = 1000;
        s.simulation = r;
        const Result<Evaluation> e = evaluate(s, m_catalog);
        QVERIFY(e.ok());
        QCOMPARE(e->simulation->totals.schemaMs, qint64(e->simulation->totals.migrationsApplied) * 1000);
    }
};

QTEST_GUILESS_MAIN(TestTimeModel)
#include "tst_timemodel.moc"
