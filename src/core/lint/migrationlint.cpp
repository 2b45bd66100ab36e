#include "lint/migrationlint.h"

#include "sql/sqllexer.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace passlane {

namespace {

/// One statement of the file, comments replaced by a space.
struct Statement {
    QString text;
    int line = 1;
};

QList<Statement> statementsOf(const QByteArray &sql)
{
    QList<Statement> out;
    SqlLexer lexer(sql);
    while (const auto st = lexer.nextStatement())
        out.append(Statement{QString::fromUtf8(SqlLexer::withoutComments(st->text)).trimmed(), st->line});
    return out;
}

QString unquote(QString name)
{
    name = name.trimmed();
    if (name.endsWith(u';'))
        name.chop(1);
    // public.foo -> foo; "Foo" -> Foo
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot >= 0)
        name = name.mid(dot + 1);
    name.remove(u'"');
    return name.toLower();
}

const QRegularExpression &re(const char *pattern)
{
    // Patterns are compiled once per call site through the static in each caller.
    static thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QString::fromLatin1(pattern),
                                                      QRegularExpression::CaseInsensitiveOption
                                                          | QRegularExpression::DotMatchesEverythingOption));
    return *it;
}

} // namespace

Findings MigrationLint::lint(const QString &schema, const Migration &m, const QString &release)
{
    // Definitions are shared across releases and runs: lint each distinct file once per process.
    static QMutex mutex;
    static QHash<QByteArray, Findings> cache;
    Findings findings;
    {
        QMutexLocker lock(&mutex);
        auto it = cache.constFind(m.upQuery);
        if (it != cache.cend()) {
            findings = *it;
        } else {
            lock.unlock();
            findings = lintSql(QString(), 0, m.upQuery);
            lock.relock();
            if (cache.size() > 50000)
                cache.clear();
            cache.insert(m.upQuery, findings);
        }
    }
    for (Finding &f : findings) {
        f.schema = schema;
        f.id = m.id;
        f.file = m.path;
        f.release = release;
    }
    return findings;
}

Findings MigrationLint::lintSql(const QString &schema, qint64 id, const QByteArray &sql, const QString &file,
                                const QString &release)
{
    Findings findings;
    const QList<Statement> statements = statementsOf(sql);
    QSet<QString> created; // tables the file creates: locking them hurts nobody
    QList<int> commits;    // lines of COMMITs before the last statement: one finding per file
    Statement firstCommit;
    auto add = [&](const QString &kind, const Statement &st, const QString &message) {
        Finding f;
        f.severity = Severity::Warning;
        f.kind = kind;
        f.release = release;
        f.schema = schema;
        f.id = id;
        f.file = file;
        f.message = QStringLiteral("line %1: %2").arg(st.line).arg(message);
        findings.append(f);
    };
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Statement &st = statements.at(i);
        const QString text = st.text.simplified();
        const bool last = i == statements.size() - 1;

        if (auto m = re(R"(^CREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?))").match(text); m.hasMatch())
            created.insert(unquote(m.captured(1)));
        if (auto m = re(R"(^CREATE\s+(?:MATERIALIZED\s+VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?))").match(text); m.hasMatch())
            created.insert(unquote(m.captured(1)));

        if (re(R"(^(COMMIT|END)(\s+(WORK|TRANSACTION))?(\s+AND\s+(NO\s+)?CHAIN)?$)").match(text).hasMatch() && !last) {
            if (commits.isEmpty())
                firstCommit = st;
            commits.append(st.line);
            continue;
        }

        if (auto m = re(R"(^CREATE\s+(UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:(?:"[^"]+"|[\w$]+)\s+)?ON\s+(?:ONLY\s+)?((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?))").match(text); m.hasMatch()) {
            const QString table = unquote(m.captured(3));
            if (m.captured(2).isEmpty() && !created.contains(table))
                add(QStringLiteral("lock-heavy-ddl"), st,
                    QStringLiteral("CREATE INDEX on existing table %1 without CONCURRENTLY blocks writes for the whole build").arg(table));
            continue;
        }
        if (re(R"(^REINDEX\s+(?!.*CONCURRENTLY))").match(text).hasMatch()) {
            add(QStringLiteral("lock-heavy-ddl"), st, QStringLiteral("REINDEX without CONCURRENTLY locks the table"));
            continue;
        }
        if (re(R"(^(VACUUM\s+.*FULL|CLUSTER)\b)").match(text).hasMatch()) {
            add(QStringLiteral("lock-heavy-ddl"), st, QStringLiteral("'%1' rewrites the table under an ACCESS EXCLUSIVE lock").arg(text.left(40)));
            continue;
        }
        auto alter = re(R"(^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?((?:"[^"]+"|[\w$]+)(?:\.(?:"[^"]+"|[\w$]+))?)\s+(.*)$)").match(text);
        if (!alter.hasMatch())
            continue;
        const QString table = unquote(alter.captured(1));
        const QString actions = alter.captured(2);
        if (created.contains(table))
            continue;
        // ALTER TABLE may hold several comma-separated actions; check each clause.
        const QStringList clauses = actions.split(re(R"(,\s*(?=(ADD|ALTER|DROP|VALIDATE|RENAME|SET|OWNER)\b))"));
        for (const QString &clause : clauses) {
            if (auto m = re(R"(^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?((?:"[^"]+"|[\w$]+))\s+(.*)$)").match(clause);
                m.hasMatch() && !re(R"(^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)$)").match(m.captured(1)).hasMatch()) {
                const QString rest = m.captured(2);
                const bool notNull = re(R"(\bNOT\s+NULL\b)").match(rest).hasMatch();
                const bool hasDefault = re(R"(\bDEFAULT\b|\bGENERATED\b|\bSERIAL\b|\bBIGSERIAL\b|\bSMALLSERIAL\b)").match(rest).hasMatch();
                if (notNull && !hasDefault)
                    add(QStringLiteral("not-null-without-default"), st,
                        QStringLiteral("ADD COLUMN %1 NOT NULL without a DEFAULT on existing table %2 fails when the table has rows")
                            .arg(unquote(m.captured(1)), table));
                continue;
            }
            if (re(R"(^ADD\s+(CONSTRAINT\s+\S+\s+)?(FOREIGN\s+KEY|CHECK)\b)").match(clause).hasMatch()
                && !re(R"(\bNOT\s+VALID\b)").match(clause).hasMatch()) {
                add(QStringLiteral("lock-heavy-ddl"), st,
                    QStringLiteral("adding a FOREIGN KEY/CHECK constraint to existing table %1 without NOT VALID scans it under lock").arg(table));
                continue;
            }
            if (re(R"(^ADD\s+(CONSTRAINT\s+\S+\s+)?(PRIMARY\s+KEY|UNIQUE)\b(?!.*USING\s+INDEX))").match(clause).hasMatch()) {
                add(QStringLiteral("lock-heavy-ddl"), st,
                    QStringLiteral("adding a PRIMARY KEY/UNIQUE constraint to existing table %1 builds an index under lock "
                                   "(build it CONCURRENTLY, then USING INDEX)").arg(table));
                continue;
            }
            if (re(R"(^ALTER\s+(COLUMN\s+)?\S+\s+(SET\s+DATA\s+)?TYPE\b)").match(clause).hasMatch()) {
                add(QStringLiteral("lock-heavy-ddl"), st,
                    QStringLiteral("changing a column type on existing table %1 may rewrite it under an ACCESS EXCLUSIVE lock").arg(table));
                continue;
            }
            if (re(R"(^ALTER\s+(COLUMN\s+)?\S+\s+SET\s+NOT\s+NULL\b)").match(clause).hasMatch()) {
                add(QStringLiteral("lock-heavy-ddl"), st,
                    QStringLiteral("SET NOT NULL on existing table %1 scans it under an ACCESS EXCLUSIVE lock").arg(table));
                continue;
            }
        }
    }
    if (!commits.isEmpty()) {
        QStringList lines;
        for (int l : commits)
            lines << QString::number(l);
        add(QStringLiteral("partial-commit"), firstCommit,
            QStringLiteral("'%1' commits part-way (%2 commit(s), lines %3): statements after it run in separate "
                           "transactions, so a failure leaves the migration half-applied (non-atomic)")
                .arg(firstCommit.text.simplified()).arg(commits.size()).arg(lines.join(QStringLiteral(", "))));
    }
    return findings;
}

Findings MigrationLint::lintPlan(const StitchedGraph &graph, const UpgradePlan &plan)
{
    Findings out;
    for (const PlanStep &step : plan.steps) {
        if (step.down)
            continue;
        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
            for (qint64 id : *it) {
                MigrationPtr m = graph.shippedDefinition(it.key(), id, step.release);
                if (!m)
                    m = graph.definition(it.key(), id);
                if (m)
                    out += lint(it.key(), *m, step.release.toString());
            }
        }
    }
    return out;
}

} // namespace passlane
