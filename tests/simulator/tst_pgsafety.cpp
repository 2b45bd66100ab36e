// PostgreSQL execution that trusts nothing by default, on a real server (tests/support/pgcluster.sh):
// connection options reach libpq, scratch names are never adopted, migrations run as a role that
// is not a superuser, statements that reach outside the database are refused before anything
// runs, signals and lost connections are reported as what they are, an owned database is locked,
// and a mistyped schema is an error. Hostile migrations are generated into a temporary folder.
#include "plan/planner.h"
#include "simsupport.h"
#include "simulator/liveinspector.h"
#include "simulator/postgresbackend.h"
#include "simulator/scratchdatabase.h"
#include "simulator/signalcancel.h"
#include "simulator/simulation.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <thread>

#include <unistd.h>

using namespace passlane;
using passlane::test::ver;

namespace {

/// One generated migration of schema `main`, shipped from release `since` on.
struct Crafted {
    qint64 id;
    QString since;
    QString up;
    QString metadata; ///< extra metadata.yaml lines ("privileged: true")
};

/// Writes releases 1.0.0 and 1.1.0 (each with every migration shipped by then, chained by parents)
/// and loads them like any source.
Result<Catalog> craftedCatalog(const QString &dir, const QList<Crafted> &migrations)
{
    for (const QString &version : {QStringLiteral("1.0.0"), QStringLiteral("1.1.0")}) {
        qint64 parent = 0;
        for (const Crafted &m : migrations) {
            if (*Version::parse(m.since) > *Version::parse(version))
                continue;
            const QString folder = QStringLiteral("%1/v%2/migrations/main/%3_m").arg(dir, version).arg(m.id);
            if (!QDir().mkpath(folder))
                return Error{folder, QStringLiteral("cannot create")};
            auto write = [&](const QString &name, const QString &text) {
                QFile f(folder + u'/' + name);
                return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) == text.toUtf8().size();
            };
            const QString meta = QStringLiteral("name: m%1\nparents: [%2]\n%3\n")
                                     .arg(m.id).arg(parent ? QString::number(parent) : QString(), m.metadata);
            if (!write(QStringLiteral("up.sql"), m.up) || !write(QStringLiteral("down.sql"), QStringLiteral("SELECT 1;\n"))
                || !write(QStringLiteral("metadata.yaml"), meta))
                return Error{folder, QStringLiteral("cannot write")};
            parent = m.id;
        }
    }
    LoadRequest request;
    request.sources << dir;
    return loadCatalog(request);
}

Result<Catalog> sampleCatalog()
{
    LoadRequest load;
    load.sources << QStringLiteral(PASSLANE_SOURCE_DIR "/resources/sample/releases");
    load.oobFiles << QStringLiteral(PASSLANE_SOURCE_DIR "/resources/sample/oobmigrations.yaml");
    return loadCatalog(load);
}

Crafted initialTable()
{
    return Crafted{1000000001, QStringLiteral("1.0.0"), QStringLiteral("CREATE TABLE t (id int);\n"), {}};
}

QStringList names(PgSession &admin, const QString &sql)
{
    QStringList out;
    auto rows = admin.rows(sql);
    if (rows) {
        for (const QStringList &r : rows.value())
            out << r.value(0);
    }
    return out;
}

QStringList scratchDatabases(PgSession &admin)
{
    return names(admin, QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'passlane\\_scratch\\_%' ORDER BY 1"));
}

QStringList executionRoles(PgSession &admin)
{
    return names(admin, QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname LIKE 'passlane\\_exec\\_%' ORDER BY 1"));
}

/// Waits until a session of another run executes a statement containing `needle`; its pid, or 0.
int waitForQuery(PgSession &observer, const QString &needle)
{
    for (int i = 0; i < 200; ++i) {
        auto pid = observer.scalar(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND pid <> "
                                                  "pg_backend_pid() AND query LIKE %1 LIMIT 1")
                                       .arg(PgSession::quoteLiteral(u'%' + needle + u'%')));
        if (pid && !pid.value().isEmpty())
            return pid.value().toInt();
        QThread::msleep(50);
    }
    return 0;
}

void dropDatabases(PgSession &admin, const QStringList &names)
{
    for (const QString &name : names) {
        if (ScratchDatabase::isScratchName(name))
            admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(PgSession::quoteIdent(name)));
    }
}

} // namespace

class TestPgSafety : public QObject {
    Q_OBJECT
    QString m_dsn;
    PgConnectionInfo m_server;
    std::unique_ptr<PgSession> m_admin;
    QStringList m_scratchBefore;

    SimulationRequest request() const
    {
        SimulationRequest r;
        r.backend = SimulationBackend::Postgres;
        r.dsn = m_dsn;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        PASSLANE_REQUIRE_PG(dsn);
        m_dsn = dsn;
        auto server = PgConnectionInfo::parse(dsn);
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().toString()));
        m_server = server.value();
        auto admin = PgSession::open(m_server);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().toString()));
        m_admin = std::move(admin).value();
        QVERIFY(m_admin->isSuperuser());
    }

    void init()
    {
        m_scratchBefore = scratchDatabases(*m_admin);
    }

    void cleanup()
    {
        ScratchDatabase::setRandomSourceForTesting({});
        // Whatever a test made, it must not leave execution roles behind.
        QCOMPARE(executionRoles(*m_admin), QStringList());
    }

    void connectionStringsAreParsedByLibpq_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QString>("value");
        QTest::newRow("key=value sslmode") << QStringLiteral("host=/tmp port=5 user=u sslmode=verify-full") << QStringLiteral("sslmode")
                                           << QStringLiteral("verify-full");
        QTest::newRow("quoted options") << QStringLiteral("host=/tmp options='-c search_path=a\\'b'") << QStringLiteral("options")
                                        << QStringLiteral("-c search_path=a'b");
        QTest::newRow("uri query") << QStringLiteral("postgresql://u:secret@h:6543/db?application_name=x&sslrootcert=/r.crt")
                                   << QStringLiteral("sslrootcert") << QStringLiteral("/r.crt");
        QTest::newRow("uri password") << QStringLiteral("postgresql://u:s%40cret@h/db") << QStringLiteral("password")
                                      << QStringLiteral("s@cret");
        QTest::newRow("uri socket host") << QStringLiteral("postgresql:///db?host=/var/run/pg") << QStringLiteral("host")
                                         << QStringLiteral("/var/run/pg");
    }
    void connectionStringsAreParsedByLibpq()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, keyword);
        QFETCH(QString, value);
        auto info = PgConnectionInfo::parse(dsn);
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message));
        QCOMPARE(info->value(keyword), value);
        // Round trip through the key=value form keeps every keyword.
        auto again = PgConnectionInfo::parse(info->conninfo());
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        for (const auto &[key, v] : info->options())
            QCOMPARE(again->value(key), v);
        QVERIFY(!info->display().contains(QLatin1String("secret")));
        QVERIFY(!info->display().contains(QLatin1String("cret")));
    }

    void unknownKeywordIsAnError()
    {
        auto info = PgConnectionInfo::parse(QStringLiteral("host=/tmp sslmod=require password=hunter2"));
        QVERIFY(!info.ok());
        QVERIFY2(info.error().message.contains(QLatin1String("sslmod")), qPrintable(info.error().message));
        QVERIFY(!info.error().message.contains(QLatin1String("hunter2")));
    }

    void sslVerifyFullRefusesAServerWithoutTls()
    {
        // The test cluster has no TLS. psql refuses sslmode=verify-full; so must every connection.
        const PgConnectionInfo tcp = m_server.with(QStringLiteral("host"), QStringLiteral("127.0.0.1"))
                                         .with(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
        auto session = PgSession::open(tcp);
        QVERIFY(!session.ok());
        QVERIFY2(session.error().message.contains(QLatin1String("server does not support SSL, but SSL was required")),
                 qPrintable(session.error().message));
        QVERIFY(session.error().toString().contains(QLatin1String("sslmode=verify-full")));
        // A whole run: refused before anything is created.
        SimulationRequest r = request();
        r.dsn = tcp.conninfo();
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable()});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        auto result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QLatin1String("SSL")), qPrintable(result.error().message));
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
        // Without the option the same address connects (so the refusal is the option's doing).
        QVERIFY(PgSession::open(tcp.with(QStringLiteral("sslmode"), QString())).ok());
    }

    void applicationNameReachesTheServer()
    {
        const QString name = QStringLiteral("passlane_probe_%1").arg(QCoreApplication::applicationPid());
        auto session = PgSession::open(m_server.with(QStringLiteral("application_name"), name));
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        auto seen = m_admin->scalar(QStringLiteral("SELECT application_name FROM pg_stat_activity WHERE pid = %1")
                                        .arg(session.value()->backendPid()));
        QVERIFY2(seen.ok(), qPrintable(seen.ok() ? QString() : seen.error().toString()));
        QCOMPARE(seen.value(), name);
    }

    void inspectionStaysReadOnlyWhateverTheOptions()
    {
        // A user's own options cannot switch the inspection's read-only default off.
        auto scratch = ScratchDatabase::create(m_server, QStringLiteral("ro"));
        QVERIFY2(scratch.ok(), qPrintable(scratch.ok() ? QString() : scratch.error().toString()));
        {
            auto owner = PgSession::open(scratch.value()->info());
            QVERIFY2(owner.ok(), qPrintable(owner.ok() ? QString() : owner.error().toString()));
            QVERIFY(owner.value()->exec(QStringLiteral("CREATE TABLE probe (x int)")).ok());
        }
        const PgConnectionInfo hostile =
            scratch.value()->info().with(QStringLiteral("options"), QStringLiteral("-c default_transaction_read_only=off"));
        auto ro = PgSession::open(hostile, true);
        QVERIFY2(ro.ok(), qPrintable(ro.ok() ? QString() : ro.error().toString()));
        const PgExecResult write = ro.value()->execRaw("INSERT INTO probe VALUES (1)");
        QVERIFY(!write.ok);
        QCOMPARE(write.sqlState, QStringLiteral("25006"));
    }

    void scratchNameCollisionLeavesTheOtherDatabaseAlone()
    {
        // Someone else's database carries the name the generator is about to produce.
        const QString foreign = QStringLiteral("passlane_scratch_00000000000000aa_main");
        QVERIFY(m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(foreign)).ok());
        QVERIFY(m_admin->exec(QStringLiteral("CREATE DATABASE %1").arg(foreign)).ok());
        const auto dropForeign = qScopeGuard([&] { m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(foreign)); });
        auto exists = [&] {
            auto r = m_admin->scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(foreign));
            return r && r.value() == u"1";
        };
        QList<quint64> sequence{0xaa, 0xbb};
        ScratchDatabase::setRandomSourceForTesting([&] { return sequence.isEmpty() ? quint64(0xcc) : sequence.takeFirst(); });
        {
            auto scratch = ScratchDatabase::create(m_server, QStringLiteral("main"));
            QVERIFY2(scratch.ok(), qPrintable(scratch.ok() ? QString() : scratch.error().message));
            QCOMPARE(scratch.value()->name(), QStringLiteral("passlane_scratch_00000000000000bb_main"));
            QVERIFY(scratch.value()->drop().ok());
        }
        QVERIFY(exists());
        // Every name taken: creation fails, and nothing is dropped.
        ScratchDatabase::setRandomSourceForTesting([] { return quint64(0xaa); });
        {
            auto scratch = ScratchDatabase::create(m_server, QStringLiteral("main"));
            QVERIFY(!scratch.ok());
            QVERIFY2(scratch.error().message.contains(foreign), qPrintable(scratch.error().message));
        }
        QVERIFY(exists());
        // A whole run under the same collision: its databases get other names, the foreign one stays.
        sequence = {0xaa, 0xbb};
        ScratchDatabase::setRandomSourceForTesting([&] { return sequence.isEmpty() ? quint64(0xcc) : sequence.takeFirst(); });
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable()});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        auto result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, request());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY2(result->completed, qPrintable(result->failure));
        QVERIFY(!result->databases.contains(foreign));
        QVERIFY(exists());
        // A name that no longer belongs to the database the tool created is not dropped either.
        ScratchDatabase::setRandomSourceForTesting({});
        auto scratch = ScratchDatabase::create(m_server, QStringLiteral("main"));
        QVERIFY2(scratch.ok(), qPrintable(scratch.ok() ? QString() : scratch.error().toString()));
        const QString name = scratch.value()->name();
        QVERIFY(m_admin->exec(QStringLiteral("DROP DATABASE %1").arg(name)).ok());
        QVERIFY(m_admin->exec(QStringLiteral("CREATE DATABASE %1").arg(name)).ok());
        const Status dropped = scratch.value()->drop();
        QVERIFY(!dropped.ok());
        QVERIFY(dropped.error().message.contains(QLatin1String("no longer")));
        QCOMPARE(names(*m_admin, QStringLiteral("SELECT datname FROM pg_database WHERE datname = '%1'").arg(name)),
                 QStringList{name});
        scratch.value()->keep();
        QVERIFY(m_admin->exec(QStringLiteral("DROP DATABASE %1").arg(name)).ok());
    }

    void migrationsRunWithoutSuperuserByDefault()
    {
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(),
                                      {initialTable(),
                                       Crafted{1000000002, QStringLiteral("1.1.0"), QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"),
                                               QStringLiteral("privileged: true")},
                                       Crafted{1000000003, QStringLiteral("1.1.0"),
                                               QStringLiteral("CREATE TABLE who AS SELECT current_user::text AS u, "
                                                              "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS s;\n"),
                                               {}}});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        SimulationRequest r = request();
        r.keepDatabase = true;
        auto result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const auto drop = qScopeGuard([&] { dropDatabases(*m_admin, result->databases); });
        QVERIFY2(result->completed, qPrintable(result->failure));
        QCOMPARE(result->manualSteps.size(), 1);
        QCOMPARE(result->manualSteps.first().id, 1000000002);
        auto session = PgSession::open(m_server.withDatabase(result->databases.value(0)));
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        auto who = session.value()->rows(QStringLiteral("SELECT u, s FROM who"));
        QVERIFY(who.ok() && who->size() == 1);
        QVERIFY2(who->first().at(0).startsWith(QLatin1String("passlane_exec_")), qPrintable(who->first().at(0)));
        QCOMPARE(who->first().at(1), QStringLiteral("false"));
        // The kept database went back to the connected role with the throwaway role.
        auto owner = m_admin->scalar(QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %1")
                                         .arg(PgSession::quoteLiteral(result->databases.value(0))));
        QCOMPARE(owner.value(), m_server.user());
        QCOMPARE(session.value()->scalar(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).value(),
                 QStringLiteral("0"));
        session.value().reset();

        // Superuser execution, asked for: the privileged migration runs too.
        r.superuser = true;
        auto super = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY2(super.ok(), qPrintable(super.ok() ? QString() : super.error().toString()));
        const auto dropSuper = qScopeGuard([&] { dropDatabases(*m_admin, super->databases); });
        QVERIFY(super->completed);
        QVERIFY(super->manualSteps.isEmpty());
        auto superSession = PgSession::open(m_server.withDatabase(super->databases.value(0)));
        QVERIFY2(superSession.ok(), qPrintable(superSession.ok() ? QString() : superSession.error().toString()));
        QCOMPARE(superSession.value()->scalar(QStringLiteral("SELECT u FROM who")).value(), m_server.user());
    }

    void superuserExecutionNeedsASuperuser()
    {
        m_admin->exec(QStringLiteral("DROP ROLE IF EXISTS passlane_test_plain"));
        QVERIFY(m_admin->exec(QStringLiteral("CREATE ROLE passlane_test_plain LOGIN CREATEDB")).ok());
        const auto dropRole = qScopeGuard([&] { m_admin->exec(QStringLiteral("DROP ROLE IF EXISTS passlane_test_plain")); });
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable()});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        SimulationRequest r = request();
        r.dsn = m_server.withUser(QStringLiteral("passlane_test_plain"), {}).conninfo();
        r.superuser = true;
        auto result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QLatin1String("not a superuser")), qPrintable(result.error().message));
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
    }

    void statementsOutsideTheDatabase_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("metadata");
        QTest::addColumn<QString>("refusal");
        QTest::addColumn<QString>("statement"); // named by the refusal
        const QString probe = QDir::tempPath() + QStringLiteral("/passlane-probe-") + QUuid::createUuid().toString(QUuid::Id128);
        // DROP DATABASE cannot run in a transaction: it gets the one-statement-at-a-time path.
        QTest::newRow("drop database") << QStringLiteral("CREATE INDEX CONCURRENTLY IF NOT EXISTS t_id ON t (id);\n"
                                                         "DROP DATABASE passlane_victim;\n")
                                       << QStringLiteral("createIndexConcurrently: true") << QStringLiteral("must be owner")
                                       << QStringLiteral("DROP DATABASE");
        QTest::newRow("copy to program") << QStringLiteral("COPY (SELECT 1) TO PROGRAM 'touch %1';\n").arg(probe)
                                         << QString() << QStringLiteral("pg_execute_server_program")
                                         << QStringLiteral("PROGRAM");
        QTest::newRow("copy to a server file") << QStringLiteral("COPY (SELECT 1) TO '%1';\n").arg(probe) << QString()
                                               << QStringLiteral("pg_write_server_files") << QStringLiteral("a file");
    }
    void statementsOutsideTheDatabase()
    {
        QFETCH(QString, sql);
        QFETCH(QString, metadata);
        QFETCH(QString, refusal);
        QFETCH(QString, statement);
        const QString probe = sql.section(QStringLiteral("passlane-probe-"), 1).section(u'\'', 0, 0);
        const QString probePath = probe.isEmpty() ? QString() : QDir::tempPath() + QStringLiteral("/passlane-probe-") + probe;
        QVERIFY(m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS passlane_victim")).ok());
        QVERIFY(m_admin->exec(QStringLiteral("CREATE DATABASE passlane_victim")).ok());
        const auto dropVictim = qScopeGuard([&] { m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS passlane_victim")); });
        auto victimExists = [&] {
            return names(*m_admin, QStringLiteral("SELECT datname FROM pg_database WHERE datname = 'passlane_victim'")).size() == 1;
        };
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable(), Crafted{1000000002, QStringLiteral("1.1.0"), sql, metadata}});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        bool flagged = false;
        for (const Finding &f : catalog->findings)
            flagged = flagged || (f.kind == u"outside-database" && f.schema == u"main" && f.id == 1000000002);
        QVERIFY2(flagged, "the static checks must report the statement as an outside-database finding");

        // Default: refused before anything runs.
        auto refused = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, request());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("main migration 1000000002")), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QLatin1String("outside the database")));
        QVERIFY2(refused.error().message.contains(statement), qPrintable(refused.error().message));
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
        QVERIFY(victimExists());

        // Allowed, but still without superuser rights: the server refuses the statement itself.
        SimulationRequest r = request();
        r.allowOutsideDatabase = true;
        auto allowed = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY2(allowed.ok(), qPrintable(allowed.ok() ? QString() : allowed.error().toString()));
        const auto drop = qScopeGuard([&] { dropDatabases(*m_admin, allowed->databases); });
        QVERIFY(!allowed->completed);
        QVERIFY2(allowed->failure.contains(refusal), qPrintable(allowed->failure));
        QVERIFY(victimExists());
        if (!probePath.isEmpty())
            QVERIFY2(!QFile::exists(probePath), qPrintable(probePath));
    }

    void signalRollsBackAndDropsTheScratchDatabases_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void signalRollsBackAndDropsTheScratchDatabases()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable(), Crafted{1000000002, QStringLiteral("1.1.0"),
                                                                   QStringLiteral("CREATE TABLE half (x int);\nSELECT pg_sleep(60);\n"), {}}});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        SignalCancel cancel;
        QVERIFY(cancel.installed());
        Progress progress{{}, cancel.canceledFunction()};
        std::optional<Result<SimulationResult>> result;
        QElapsedTimer timer;
        timer.start();
        std::thread run([&] { result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, request(), progress); });
        const int pid = waitForQuery(*m_admin, QStringLiteral("pg_sleep(60)"));
        if (pid)
            ::kill(::getpid(), signal);
        run.join();
        QVERIFY(pid != 0);
        QVERIFY2(timer.elapsed() < 30000, "the running statement was not interrupted");
        QVERIFY(result && result->ok());
        const SimulationResult &r = result->value();
        QVERIFY(r.canceled);
        QVERIFY(!r.completed);
        QVERIFY2(r.failure.contains(QLatin1String("canceled during main 1000000002")), qPrintable(r.failure));
        QVERIFY(r.failure.contains(QLatin1String("rolled back")));
        QVERIFY(!r.databasesKept);
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore); // its databases are gone
        QCOMPARE(cancel.signalNumber(), signal);
        QCOMPARE(cancel.exitCode(), 128 + signal);
        char byte = 0;
        QCOMPARE(::read(cancel.readFd(), &byte, 1), ssize_t(1)); // the self-pipe woke
    }

    void lostConnectionIsNotAFailedMigration()
    {
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable(), Crafted{1000000002, QStringLiteral("1.1.0"),
                                                                   QStringLiteral("CREATE TABLE half (x int);\nSELECT pg_sleep(60);\n"), {}}});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        std::optional<Result<SimulationResult>> result;
        std::thread run([&] { result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, request()); });
        const int pid = waitForQuery(*m_admin, QStringLiteral("pg_sleep(60)"));
        if (pid)
            m_admin->exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
        run.join();
        QVERIFY(pid != 0);
        QVERIFY(result && result->ok());
        const SimulationResult &r = result->value();
        const auto drop = qScopeGuard([&] { dropDatabases(*m_admin, r.databases); });
        QVERIFY(!r.completed);
        QVERIFY(!r.canceled);
        QVERIFY(!r.dirty);
        QCOMPARE(r.totals.migrationsFailed, 0);
        QVERIFY2(r.failure.startsWith(QLatin1String("connection lost during main 1000000002")), qPrintable(r.failure));
        QVERIFY(r.failure.contains(QLatin1String("rolled back by the server")));
        QVERIFY(r.databasesKept);
        // The kept database has no row for it, failed or otherwise, and nothing of its SQL.
        auto session = PgSession::open(m_server.withDatabase(r.databases.value(0)));
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        QCOMPARE(session.value()->scalar(QStringLiteral("SELECT count(*) FROM migration_logs WHERE version = 1000000002")).value(),
                 QStringLiteral("0"));
        QCOMPARE(session.value()->scalar(QStringLiteral("SELECT to_regclass('half') IS NULL")).value(), QStringLiteral("true"));
        for (const MigrationLogRow &row : r.migrationLogs)
            QVERIFY(row.version != 1000000002);
    }

    void secondRunOnAnOwnedDatabaseIsLocked()
    {
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable(), Crafted{1000000002, QStringLiteral("1.1.0"),
                                                                   QStringLiteral("SELECT pg_sleep(3);\n"), {}}});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        auto owned = ScratchDatabase::create(m_server, QStringLiteral("owned"));
        QVERIFY2(owned.ok(), qPrintable(owned.ok() ? QString() : owned.error().toString()));
        SimulationRequest r = request();
        r.database = owned.value()->name();
        r.iOwnThisDatabase = true;
        r.schemas = {QStringLiteral("main")};
        // A superuser connection must say so for a database it names.
        auto refused = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("--superuser")), qPrintable(refused.error().message));
        r.superuser = true;
        std::optional<Result<SimulationResult>> first;
        std::thread run([&] { first = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r); });
        const int pid = waitForQuery(*m_admin, QStringLiteral("pg_sleep(3)"));
        auto second = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        run.join();
        QVERIFY(pid != 0);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message.contains(QLatin1String("another Passlane run")), qPrintable(second.error().message));
        QVERIFY(first && first->ok());
        QVERIFY2(first->value().completed, qPrintable(first->value().failure));
        // The lock goes with the run.
        auto third = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error().toString()));
        QVERIFY(third->completed);
        QCOMPARE(third->totals.migrationsApplied, 0);
    }

    void unknownSchemaIsAnError_data()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(SimulationBackend::Sqlite);
        QTest::newRow("postgres") << int(SimulationBackend::Postgres);
    }
    void unknownSchemaIsAnError()
    {
        QFETCH(int, backend);
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {initialTable()});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        SimulationRequest r = request();
        r.backend = SimulationBackend(backend);
        r.schemas = {QStringLiteral("mian")};
        auto result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, r);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QLatin1String("'mian'")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QLatin1String("has main")));
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
    }

    void bundledSampleRunsEndToEnd_data()
    {
        QTest::addColumn<QStringList>("schemas");
        QTest::newRow("main") << QStringList{QStringLiteral("main")};
        QTest::newRow("search") << QStringList{QStringLiteral("search")};
        QTest::newRow("main and search") << QStringList{QStringLiteral("main"), QStringLiteral("search")};
    }
    void bundledSampleRunsEndToEnd()
    {
        // Every id of the bundled sample fits migration_logs.version (integer): its multi-version
        // upgrade runs on PostgreSQL to the end, and its scratch databases are dropped after.
        QFETCH(QStringList, schemas);
        auto catalog = sampleCatalog();
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        const Planner planner(catalog->graph, catalog->oob);
        auto plan = planner.plan(ver("1.0.0"), ver("2.1.0"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        SimulationRequest r = request();
        r.superuser = true; // main 1000000010 creates the pg_trgm extension
        r.schemas = schemas;
        auto result = Simulation::run(catalog.value(), plan.value(), r);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY2(result->completed, qPrintable(result->failure));
        QSet<QString> logged;
        for (const MigrationLogRow &row : result->migrationLogs)
            logged.insert(row.schema);
        QCOMPARE(logged, QSet<QString>(schemas.cbegin(), schemas.cend()));
        int planned = 0; // every migration the plan runs in these schemas
        for (const PlanStep &step : plan->steps) {
            for (const QString &schema : schemas)
                planned += int(step.schemas.value(schema).size());
        }
        QVERIFY(planned > 0);
        QCOMPARE(result->totals.migrationsApplied, planned);
        QVERIFY(!result->databasesKept);
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
    }

    void bundledSampleTelemetryStopsWhereItsLintSays()
    {
        // The sample's deliberate mistake: telemetry 2000000002 creates an index CONCURRENTLY
        // without the flag, so it runs in a transaction and PostgreSQL refuses it, as the
        // product's migrator would. The run stops there and keeps the database for inspection.
        auto catalog = sampleCatalog();
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        const Planner planner(catalog->graph, catalog->oob);
        auto plan = planner.plan(ver("1.0.0"), ver("2.1.0"));
        QVERIFY(plan.ok());
        SimulationRequest r = request();
        r.superuser = true;
        r.schemas = {QStringLiteral("telemetry")};
        auto result = Simulation::run(catalog.value(), plan.value(), r);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        dropDatabases(*m_admin, result->databases);
        QVERIFY(!result->completed);
        QVERIFY2(result->failure.contains(QLatin1String("telemetry migration 2000000002")), qPrintable(result->failure));
        QVERIFY2(result->failure.contains(QLatin1String("25001")), qPrintable(result->failure));
        bool predicted = false;
        for (const Finding &f : catalog->findings)
            predicted = predicted || (f.kind == u"concurrent-flag-mismatch" && f.id == std::optional<qint64>(2000000002));
        QVERIFY(predicted);
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
    }

    void setupFailureLeavesNothingBehind()
    {
        // The start release itself fails to install: nothing to inspect, so nothing is kept, and
        // the advice does not blame privileges that played no part.
        QTemporaryDir dir;
        auto catalog = craftedCatalog(dir.path(), {Crafted{1000000001, QStringLiteral("1.0.0"),
                                                           QStringLiteral("SELECT 1/0;\n"), {}}});
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        auto result = Simulation::runStops(catalog.value(), ver("1.0.0"), {ver("1.1.0")}, request());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY(!result->completed);
        QVERIFY2(result->failure.contains(QLatin1String("division by zero")), qPrintable(result->failure));
        QVERIFY(!result->databasesKept);
        QVERIFY2(!result->operatorAdvice.contains(QLatin1String("superuser")), qPrintable(result->operatorAdvice));
        QCOMPARE(scratchDatabases(*m_admin), m_scratchBefore);
    }
};

QTEST_GUILESS_MAIN(TestPgSafety)
#include "tst_pgsafety.moc"
