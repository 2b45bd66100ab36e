// SQLite simulations over the 70 real Sourcegraph releases and the what-if OOB registry:
// the long 5.8.1579 -> 7.2.1943 upgrade, customer exports, failure injection, the start-up rule,
// parallel runs and cancellation.
#include "plan/planner.h"
#include "simsupport.h"
#include "simulator/customerexport.h"
#include "lint/migrationlint.h"
#include "simulator/simulation.h"
#include "simulator/simulationreport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtConcurrent>

using namespace passlane;
using passlane::test::ver;

class TestSimulatorSqlite : public QObject {
    Q_OBJECT
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<Planner> m_planner;
    UpgradePlan m_longPlan;

    SimulationResult simulate(const UpgradePlan &plan, const SimulationRequest &request, const Progress &progress = {})
    {
        auto result = Simulation::run(*m_catalog, plan, request, progress);
        if (!result.ok())
            qWarning("%s", qPrintable(result.error().toString()));
        return result.ok() ? result.value() : SimulationResult{};
    }

    /// Ids each schema must run going from `from` to `to`.
    QSet<qint64> delta(const QString &schema, const Version &from, const Version &to) const
    {
        return m_catalog->graph.appliedAt(schema, to) - m_catalog->graph.appliedAt(schema, from);
    }

private Q_SLOTS:
    void initTestCase()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        auto catalog = passlane::test::loadRealCatalog(fixtures);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        m_catalog = std::make_unique<Catalog>(std::move(catalog).value());
        m_planner = std::make_unique<Planner>(m_catalog->graph, m_catalog->oob);
        auto plan = m_planner->plan(ver("5.8.1579"), ver("7.2.1943"));
        QVERIFY(plan.ok());
        m_longPlan = plan.value();
        QVERIFY(m_longPlan.steps.size() > 1);
    }

    void longUpgradeLogsEveryMigrationOnce()
    {
        SimulationRequest request; // default: 500 rows per 3 s, 0 rows => every OOB completes at once
        request.defaultProgress = OobProgressModel{100000, 500, 3.0};
        const SimulationResult r = simulate(m_longPlan, request);
        QVERIFY2(r.completed, qPrintable(r.failure));
        QVERIFY(!r.dirty);
        QCOMPARE(r.stops.size(), m_longPlan.steps.size());
        int expectedTotal = 0;
        for (const QString &schema : {QStringLiteral("frontend"), QStringLiteral("codeintel"), QStringLiteral("codeinsights")}) {
            const QSet<qint64> expected = delta(schema, ver("5.8.1579"), ver("7.2.1943"));
            QVERIFY(!expected.isEmpty());
            expectedTotal += expected.size();
            QMap<qint64, int> seen;
            for (const MigrationLogRow &row : r.migrationLogs) {
                if (row.schema == schema && row.finishedAt && *row.finishedAt > request.clockStart) {
                    QVERIFY(row.success.value_or(false));
                    QVERIFY(!row.backfilled);
                    ++seen[row.version];
                }
            }
            QCOMPARE(QSet<qint64>(seen.keyBegin(), seen.keyEnd()), expected);
            for (int n : seen)
                QCOMPARE(n, 1);
        }
        QCOMPARE(r.totals.migrationsApplied, expectedTotal);
        // Every stop but the target waited for its OOB migrations: 100000 rows at 500 per 3 s = 600 s each.
        qint64 waited = 0;
        for (qsizetype i = 0; i + 1 < r.totals.stops.size(); ++i) {
            const StopTotals &s = r.totals.stops.at(i);
            if (!s.waitedFor.isEmpty())
                QCOMPARE(s.oobWaitMs, qint64(600000));
            waited += s.oobWaitMs;
        }
        QVERIFY(waited > 0);
        QCOMPARE(r.totals.oobWaitMs, waited);
        QCOMPARE(r.totals.totalMs, r.totals.schemaMs + r.totals.oobWaitMs);
        for (qsizetype i = 1; i < r.timeline.size(); ++i)
            QVERIFY(r.timeline.at(i - 1).atMs <= r.timeline.at(i).atMs);
        QCOMPARE(r.timeline.last().kind, EventKind::Finished);
        // No OOB migration deprecated at or before 7.2 is left incomplete.
        for (const OobRow &row : r.oob) {
            if (row.deprecated() && *row.deprecated() <= MinorVersion{7, 2})
                QCOMPARE(row.progress, 1.0);
        }
        // The JSON report carries the timeline and round-trips through TimelineEvent::fromJson.
        const QJsonObject json = SimulationReport::toJsonObject(r);
        QCOMPARE(json.value(QLatin1String("timeline")).toArray().size(), r.timeline.size());
        const auto back = TimelineEvent::fromJson(json.value(QLatin1String("timeline")).toArray().last().toObject());
        QVERIFY(back && back->kind == EventKind::Finished);
        QVERIFY(SimulationReport::render(r, ReportFormat::Markdown).contains("Time per stop"));
        QVERIFY(SimulationReport::render(r, ReportFormat::Html).contains("<table>"));
    }

    void emptyTablesCostNothing()
    {
        SimulationRequest request;
        request.defaultProgress = OobProgressModel{0, 500, 3.0};
        const SimulationResult r = simulate(m_longPlan, request);
        QVERIFY(r.completed);
        QCOMPARE(r.totals.oobWaitMs, qint64(0));
        QCOMPARE(r.totals.totalMs, r.totals.schemaMs);
    }

    void thirtyHourMigration()
    {
        // One OOB migration over 18 million rows at 500 rows per 3 s: exactly 30 hours at its stop.
        const Stop *stop = nullptr;
        for (const Stop &s : m_longPlan.stops) {
            if (!s.oob.isEmpty() && !stop)
                stop = &s;
        }
        QVERIFY(stop);
        const int id = stop->oob.first();
        SimulationRequest request;
        request.defaultProgress = OobProgressModel{0, 500, 3.0};
        request.oobRows.insert(id, 18000000);
        QElapsedTimer timer;
        timer.start();
        const SimulationResult r = simulate(m_longPlan, request);
        QVERIFY(r.completed);
        QCOMPARE(r.totals.oobWaitMs, qint64(30) * 3600 * 1000);
        bool completedEvent = false;
        for (const TimelineEvent &e : r.timeline) {
            if (e.kind == EventKind::OobCompleted && e.oobId == id) {
                QCOMPARE(e.durationMs, qint64(30) * 3600 * 1000);
                completedEvent = true;
            }
        }
        QVERIFY(completedEvent);
    }

    void customerStateFromJson()
    {
        // A customer on 6.1.5633 exports its tables: OOB migrations part-way, one codeintel
        // migration of the release never applied (they ran a patch that lacked it).
        auto start = StartState::fromRelease(*m_catalog, ver("6.1.5633"), 0.4, QDateTime::currentDateTimeUtc());
        QVERIFY(start.ok());
        StartState state = start.value();
        qint64 missing = 0;
        for (qsizetype i = state.logs.size() - 1; i >= 0; --i) {
            if (state.logs.at(i).schema == u"codeintel" && !state.logs.at(i).backfilled) {
                missing = state.logs.at(i).version;
                state.logs.removeAt(i);
                break;
            }
        }
        QVERIFY(missing != 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("acme.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(CustomerExport::toJson(state, QStringLiteral("acme")));
        f.close();

        auto imported = CustomerExport::readFile(path);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
        QCOMPARE(imported->version, std::optional<Version>(ver("6.1.5633")));
        PlanOptions options;
        QMap<QString, QSet<qint64>> applied;
        for (const QString &schema : m_catalog->graph.schemas())
            applied.insert(schema, imported->applied(schema));
        options.applied = applied;
        auto plan = m_planner->plan(ver("6.1.5633"), ver("7.2.1943"), options);
        QVERIFY(plan.ok());
        SimulationRequest request;
        request.start = imported.value();
        request.defaultProgress = OobProgressModel{10000, 500, 3.0};
        const SimulationResult r = simulate(plan.value(), request);
        QVERIFY2(r.completed, qPrintable(r.failure));
        // The missing migration ran; nothing the customer had applied ran again.
        int missingRuns = 0;
        const QSet<qint64> had = imported->applied(QStringLiteral("frontend"));
        for (const MigrationLogRow &row : r.migrationLogs.mid(imported->logs.size())) {
            if (row.schema == u"codeintel" && row.version == missing)
                ++missingRuns;
            if (row.schema == u"frontend")
                QVERIFY(!had.contains(row.version));
        }
        QCOMPARE(missingRuns, 1);
        // OOB migrations at 40%: 6000 of 10000 rows left at 500 per 3 s = 36 s per wait.
        for (const StopTotals &s : r.totals.stops) {
            if (!s.waitedFor.isEmpty())
                QVERIFY(s.oobWaitMs == 36000 || s.oobWaitMs == 60000);
        }
    }

    void dirtyExportRefusesToProceed()
    {
        auto start = StartState::fromRelease(*m_catalog, ver("6.5.2654"), 1.0, QDateTime::currentDateTimeUtc());
        QVERIFY(start.ok());
        StartState state = start.value();
        state.logs.last().success.reset(); // crashed mid-migration
        state.logs.last().finishedAt.reset();
        SimulationRequest request;
        request.start = state;
        auto plan = m_planner->plan(ver("6.5.2654"), ver("7.2.1943"));
        QVERIFY(plan.ok());
        const SimulationResult r = simulate(plan.value(), request);
        QVERIFY(!r.completed);
        QVERIFY(r.dirty);
        QCOMPARE(r.totals.migrationsApplied, 0);
        QVERIFY(!r.findings.isEmpty());
        QCOMPARE(r.findings.first().kind, QStringLiteral("dirty-database"));
        QVERIFY(r.operatorAdvice.contains(QLatin1String("add-log")));
    }

    void injectedFailure_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<int>("index"); // position in the schema's first step
        QTest::newRow("frontend, first migration") << QStringLiteral("frontend") << 0;
        QTest::newRow("frontend, tenth migration") << QStringLiteral("frontend") << 9;
        QTest::newRow("codeintel, third migration") << QStringLiteral("codeintel") << 2;
    }
    void injectedFailure()
    {
        QFETCH(QString, schema);
        QFETCH(int, index);
        const QList<qint64> ids = m_longPlan.steps.first().schemas.value(schema);
        QVERIFY(ids.size() > index);
        const qint64 id = ids.at(index);
        SimulationRequest request;
        request.failures.append(FailureInjection{schema, id, {}});
        const SimulationResult r = simulate(m_longPlan, request);
        QVERIFY(!r.completed);
        QVERIFY(r.dirty);
        QCOMPARE(r.totals.migrationsFailed, 1);
        // The log shows the failed attempt last, and nothing ran after it.
        const MigrationLogRow &last = r.migrationLogs.last();
        QCOMPARE(last.schema, schema);
        QCOMPARE(last.version, id);
        QCOMPARE(last.success, std::optional<bool>(false));
        QVERIFY(!last.errorMessage.isEmpty());
        QCOMPARE(r.timeline.last().kind, EventKind::MigrationFailed);
        QVERIFY(r.resume.has_value());
        QCOMPARE(r.resume->migrationId, std::optional<qint64>(id));
        QCOMPARE(r.resume->remainingMigrations.first(), id);
        QCOMPARE(r.resume->remainingMigrations.size(), ids.size() - index);
        QCOMPARE(r.resume->lastGoodVersion, QStringLiteral("5.8.1579"));
        QCOMPARE(r.resume->remainingStops.size(), r.stops.size());
        QVERIFY(r.operatorAdvice.contains(QString::number(id)));
        QVERIFY(SimulationReport::render(r, ReportFormat::Markdown).contains("What an operator must do"));
    }

    void injectedOobFailure()
    {
        int oobId = 0;
        for (const PlanStep &s : m_longPlan.steps) {
            if (!s.oob.isEmpty() && !oobId)
                oobId = s.oob.first();
        }
        QVERIFY(oobId);
        SimulationRequest request;
        request.failures.append(FailureInjection{{}, {}, oobId});
        const SimulationResult r = simulate(m_longPlan, request);
        QVERIFY(!r.completed);
        QVERIFY(!r.dirty);
        QCOMPARE(r.timeline.last().kind, EventKind::OobFailed);
        QCOMPARE(r.resume->oobId, std::optional<int>(oobId));
    }

    void skippingStopsRefusesToStart()
    {
        // Straight to 7.2 without the planner's stops: OOB migrations deprecated on the way are
        // never completed, and the instance refuses to start at the target.
        SimulationRequest request;
        request.startOobProgress = 0.0;
        auto result = Simulation::runStops(*m_catalog, ver("5.8.1579"), {ver("7.2.1943")}, request);
        QVERIFY(result.ok());
        const SimulationResult &r = result.value();
        QVERIFY(r.refusedToStart);
        QVERIFY(!r.completed);
        QCOMPARE(r.timeline.last().kind, EventKind::StartupRefused);
        QVERIFY(!r.findings.isEmpty());
        QCOMPARE(r.findings.last().kind, QStringLiteral("startup-refused"));
    }

    void parallelRunsAgree()
    {
        SimulationRequest request;
        request.defaultProgress = OobProgressModel{5000, 500, 3.0};
        const QList<int> runs{0, 1, 2, 3};
        const QList<qint64> totals = QtConcurrent::blockingMapped(runs, [&](int) {
            auto r = Simulation::run(*m_catalog, m_longPlan, request);
            return r.ok() && r->completed ? r->totals.totalMs : qint64(-1);
        });
        QCOMPARE(totals.size(), 4);
        QVERIFY(totals.first() > 0);
        for (qint64 t : totals)
            QCOMPARE(t, totals.first());
    }

    void lintOfThePlan()
    {
        // Static lint of every file the long upgrade runs: real files commit part-way (COMMIT AND
        // CHAIN batches) and build indexes without CONCURRENTLY on existing tables.
        const Findings lint = MigrationLint::lintPlan(m_catalog->graph, m_longPlan);
        QSet<QString> kinds;
        QSet<QPair<QString, qint64>> planned;
        for (const PlanStep &s : m_longPlan.steps)
            for (auto it = s.schemas.cbegin(); it != s.schemas.cend(); ++it)
                for (qint64 id : *it)
                    planned.insert({it.key(), id});
        for (const Finding &f : lint) {
            kinds.insert(f.kind);
            QVERIFY(f.id);
            QVERIFY(planned.contains({f.schema, *f.id}));
            QVERIFY(!f.release.isEmpty());
        }
        QVERIFY(kinds.contains(QStringLiteral("partial-commit")));
        QVERIFY(kinds.contains(QStringLiteral("lock-heavy-ddl")));
        // The simulation reports the same findings (each migration linted once).
        const SimulationResult r = simulate(m_longPlan, SimulationRequest{});
        QCOMPARE(r.lint.size(), lint.size());
    }

    void cancellation()
    {
        int calls = 0;
        Progress progress;
        progress.report = [&](qint64, qint64, const QString &) { ++calls; };
        progress.canceled = [&] { return calls >= 5; };
        const SimulationResult r = simulate(m_longPlan, SimulationRequest{}, progress);
        QVERIFY(r.canceled);
        QVERIFY(!r.completed);
        QCOMPARE(r.totals.migrationsApplied, 5);
        QCOMPARE(r.timeline.last().kind, EventKind::Canceled);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorSqlite)
#include "tst_sqlite.moc"
