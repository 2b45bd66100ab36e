#include "postgresexecutor.h"

#include "liveinspector.h"
#include "sqlscript.h"

#include <QElapsedTimer>

#include <algorithm>

namespace passlane {

namespace {

QByteArray lit(const QString &s)
{
    return PgSession::quoteLiteral(s).toUtf8();
}

bool commitsInside(const QByteArray &sql)
{
    for (const SqlStatement &st : SqlScript::split(sql, true)) {
        const QString t = st.text.simplified().toUpper();
        if (t.startsWith(QLatin1String("COMMIT")) || t == u"END" || t.startsWith(QLatin1String("ROLLBACK")))
            return true;
    }
    return false;
}

QString describe(const PgExecResult &r)
{
    QString msg = r.message;
    if (!r.sqlState.isEmpty())
        msg += QStringLiteral(" (SQLSTATE %1)").arg(r.sqlState);
    if (!r.detail.isEmpty())
        msg += QStringLiteral(": ") + r.detail;
    return msg;
}

} // namespace

Status PostgresExecutor::createBookkeeping()
{
    const PgExecResult r = m_session.execRaw(
        "CREATE TABLE IF NOT EXISTS migration_logs ("
        " id SERIAL PRIMARY KEY, migration_logs_schema_version integer NOT NULL, schema text NOT NULL,"
        " version integer NOT NULL, up bool NOT NULL, started_at timestamptz NOT NULL, finished_at timestamptz,"
        " success boolean, error_message text, backfilled boolean NOT NULL DEFAULT FALSE)");
    if (!r.ok)
        return Status(Error{m_session.info().display(), r.message});
    return success();
}

PgExecResult PostgresExecutor::runStatements(const QByteArray &sql, int *line)
{
    // CREATE INDEX CONCURRENTLY cannot run in the implicit transaction of a multi-statement
    // query string: send the file's statements one at a time.
    const QString text = QString::fromUtf8(sql);
    for (const SqlStatement &st : SqlScript::split(text)) {
        PgExecResult r = m_session.execRaw(st.text.toUtf8(), m_canceled);
        if (!r.ok) {
            *line = st.line + (r.position > 0 ? SqlScript::lineAt(st.text, r.position - 1) - 1 : 0);
            return r;
        }
    }
    return {};
}

int PostgresExecutor::locateFailure(const QByteArray &sql)
{
    // The error had no position (a runtime error). The failed transaction left nothing behind, so
    // replay statement by statement inside a transaction that is always rolled back.
    if (commitsInside(sql))
        return 0;
    int line = 0;
    if (!m_session.execRaw("BEGIN").ok)
        return 0;
    for (const SqlStatement &st : SqlScript::split(sql)) {
        const PgExecResult r = m_session.execRaw(st.text.toUtf8());
        if (!r.ok) {
            line = st.line + (r.position > 0 ? SqlScript::lineAt(st.text, r.position - 1) - 1 : 0);
            break;
        }
    }
    m_session.execRaw("ROLLBACK");
    return line;
}

MigrationOutcome PostgresExecutor::execute(const QString &schema, const Migration &m, bool up,
                                           bool outsideTransaction, bool injectFailure, bool superuser)
{
    MigrationOutcome out;
    if (m.privileged && !superuser) {
        out.status = MigrationOutcome::Status::Manual;
        return out;
    }
    const QString what = QStringLiteral("%1 %2").arg(schema).arg(m.id);
    auto lost = [&](const PgExecResult &r, const QString &consequence) {
        out.status = MigrationOutcome::Status::ConnectionLost;
        out.error = QStringLiteral("connection lost during %1 (%2); %3").arg(what, r.message, consequence);
        return out;
    };
    const QByteArray &sql = up ? m.upQuery : m.downQuery;
    QElapsedTimer timer;
    timer.start();
    // Transactional migrations log inside their own transaction (BEGIN and the log row in one
    // round trip, the outcome and COMMIT in another): a crash rolls both back, exactly as the
    // migration itself. Migrations outside a transaction commit their log row first, so a crash
    // leaves it dirty (success NULL), as the product's migrator does.
    const QByteArray insert =
        "INSERT INTO migration_logs (migration_logs_schema_version, schema, version, up, started_at) VALUES (2, "
        + lit(schema) + ", " + QByteArray::number(m.id) + ", " + (up ? "true" : "false")
        + ", clock_timestamp()) RETURNING id::text || '|' || started_at::text";
    PgExecResult r = m_session.execRaw(outsideTransaction ? insert : "BEGIN;\n" + insert);
    if (!r.ok) {
        if (r.connectionLost)
            return lost(r, QStringLiteral("nothing of it ran"));
        if (!outsideTransaction)
            m_session.execRaw("ROLLBACK");
        out.status = MigrationOutcome::Status::Failed;
        out.error = QStringLiteral("cannot write migration_logs: %1").arg(r.message);
        return out;
    }
    const QByteArray logId = r.firstValue.section(u'|', 0, 0).toUtf8();
    const QByteArray startedAt = lit(r.firstValue.section(u'|', 1));
    const QByteArray where = " WHERE id = " + logId;
    const QByteArray done = "UPDATE migration_logs SET finished_at = clock_timestamp(), success = true" + where;
    int line = 0;
    bool committing = false;
    if (outsideTransaction) {
        r = runStatements(sql, &line);
        if (r.ok && injectFailure)
            r = m_session.execRaw("DO $$ BEGIN RAISE EXCEPTION 'passlane: injected failure'; END $$");
        if (r.ok)
            r = m_session.execRaw(done);
    } else {
        r = m_session.execRaw(sql, m_canceled);
        if (!r.ok && r.position > 0)
            line = SqlScript::lineAt(QString::fromUtf8(sql), r.position - 1);
        if (r.ok && injectFailure)
            r = m_session.execRaw("DO $$ BEGIN RAISE EXCEPTION 'passlane: injected failure'; END $$");
        if (r.ok) {
            committing = true;
            r = m_session.execRaw(done + ";\nCOMMIT");
        } else if (!r.connectionLost) {
            m_session.execRaw("ROLLBACK");
            if (line == 0 && !injectFailure && !r.canceled)
                line = locateFailure(sql);
        }
    }
    out.durationMs = (timer.nsecsElapsed() + 500000) / 1000000;
    if (r.ok)
        return out;
    const QString at = line > 0 ? QStringLiteral(" at line %1").arg(line) : QString();
    if (r.connectionLost) {
        // No failed row: the server still has whatever it committed, and nothing else.
        if (committing)
            return lost(r, QStringLiteral("it was being committed, so the server may or may not have kept it: "
                                          "check migration_logs"));
        if (outsideTransaction)
            return lost(r, QStringLiteral("it runs outside a transaction: its statements before the one%1 stay "
                                          "committed and migration_logs keeps its unfinished row (dirty)").arg(at));
        return lost(r, QStringLiteral("the transaction was rolled back by the server: the schema and migration_logs "
                                      "are as they were before it"));
    }
    if (r.canceled) {
        out.status = MigrationOutcome::Status::Canceled;
        if (!outsideTransaction) {
            out.error = QStringLiteral("canceled during %1: its transaction was rolled back").arg(what);
            return out;
        }
        out.error = QStringLiteral("canceled during %1%2: it runs outside a transaction, so the statements before stay "
                                   "committed").arg(what, at);
        m_session.execRaw("UPDATE migration_logs SET finished_at = clock_timestamp(), success = false, error_message = "
                          + lit(out.error) + where);
        return out;
    }
    out.status = MigrationOutcome::Status::Failed;
    out.error = describe(r);
    out.sqlState = r.sqlState;
    out.line = line;
    // The row may be gone with the rollback, or committed by the file part-way: upsert it.
    m_session.execRaw("INSERT INTO migration_logs (id, migration_logs_schema_version, schema, version, up, started_at, "
                      "finished_at, success, error_message) VALUES (" + logId + ", 2, " + lit(schema) + ", "
                      + QByteArray::number(m.id) + ", " + (up ? "true" : "false") + ", " + startedAt
                      + ", clock_timestamp(), false, " + lit(out.error) + ") ON CONFLICT (id) DO UPDATE SET "
                      "finished_at = EXCLUDED.finished_at, success = false, error_message = EXCLUDED.error_message");
    return out;
}

QList<qint64> PostgresExecutor::releaseOrder(const SchemaSnapshot &snapshot)
{
    QMap<qint64, int> pending;
    QMap<qint64, QList<qint64>> children;
    for (const MigrationPtr &m : snapshot.migrations) {
        int n = 0;
        for (qint64 p : m->parents) {
            if (snapshot.migrations.contains(p)) {
                ++n;
                children[p].append(m->id);
            }
        }
        pending.insert(m->id, n);
    }
    QList<qint64> ready, order;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        if (*it == 0)
            ready.append(it.key());
    }
    while (!ready.isEmpty()) {
        std::sort(ready.begin(), ready.end(), std::greater<>()); // smallest id last: pop it
        const qint64 id = ready.takeLast();
        order.append(id);
        for (qint64 c : children.value(id)) {
            if (--pending[c] == 0)
                ready.append(c);
        }
    }
    return order;
}

Result<QList<qint64>> PostgresExecutor::install(const Release &release, const QString &schema, bool superuser,
                                                QList<ManualStep> *manual)
{
    const SchemaSnapshot *snap = release.schema(schema);
    if (!snap)
        return QList<qint64>();
    QList<qint64> done;
    for (qint64 id : releaseOrder(*snap)) {
        const Migration &m = *snap->migrations.value(id);
        if (m_canceled && m_canceled())
            return Error{m.path, QStringLiteral("installing %1 %2: canceled before migration %3")
                                     .arg(release.version.toString(), schema).arg(id)};
        const MigrationOutcome out = execute(schema, m, true, m.createIndexConcurrently, false, superuser);
        if (out.status == MigrationOutcome::Status::Canceled || out.status == MigrationOutcome::Status::ConnectionLost)
            return Error{m.path, QStringLiteral("installing %1 %2: %3").arg(release.version.toString(), schema, out.error)};
        if (out.status == MigrationOutcome::Status::Manual) {
            if (manual)
                manual->append(ManualStep{schema, id, QStringLiteral("privileged"), QString::fromUtf8(m.upQuery)});
            continue;
        }
        if (out.status == MigrationOutcome::Status::Failed) {
            return Error{m.path, QStringLiteral("installing %1 %2: migration %3 failed%4: %5")
                                     .arg(release.version.toString(), schema).arg(id)
                                     .arg(out.line > 0 ? QStringLiteral(" at line %1").arg(out.line) : QString(), out.error)};
        }
        done.append(id);
    }
    return done;
}

Status PostgresExecutor::backfill(const QString &schema, const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return success();
    QByteArray sql = "INSERT INTO migration_logs (migration_logs_schema_version, schema, version, up, started_at, "
                     "finished_at, success, backfilled) SELECT 2, " + lit(schema)
        + ", v, true, clock_timestamp(), clock_timestamp(), true, true FROM unnest(ARRAY[";
    for (qsizetype i = 0; i < ids.size(); ++i)
        sql += (i ? "," : "") + QByteArray::number(ids.at(i));
    sql += "]::integer[]) AS v";
    const PgExecResult r = m_session.execRaw(sql);
    if (!r.ok)
        return Status(Error{m_session.info().display(), r.message});
    return success();
}

Result<QList<MigrationLogRow>> PostgresExecutor::readLogs()
{
    return LiveInspector::readMigrationLogs(m_session);
}

} // namespace passlane
