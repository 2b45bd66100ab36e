#include "releases/staticchecks.h"

#include "sql/sqllexer.h"

#include <algorithm>
#include <utility>

namespace passlane {

namespace {

/// A run of keywords to find as consecutive words.
struct WordRun {
    QList<QByteArray> words;
    QByteArray text;
};

QList<WordRun> wordRuns(std::initializer_list<const char *> texts)
{
    QList<WordRun> out;
    for (const char *t : texts)
        out.append(WordRun{QByteArray(t).split(' '), QByteArray(t)});
    return out;
}

bool isUntrusted(const QByteArray &language)
{
    const QByteArray lower = language.toLower();
    for (const char *l : untrustedLanguages)
        if (lower == l)
            return true;
    return false;
}

/// The whole scan as a token-by-token state machine: constant memory, one pass.
class Scanner {
public:
    explicit Scanner(StaticChecks::SqlScan &out) : m_out(out) {}

    void feed(const SqlToken &t)
    {
        if (t.kind != SqlToken::Kind::Semicolon)
            m_out.empty = false;
        std::rotate(m_recent, m_recent + 1, m_recent + recentSize);
        m_recent[recentSize - 1] = t;
        if (t.kind == SqlToken::Kind::Word)
            matchRuns(t);
        reach(t);
    }

private:
    static constexpr int recentSize = 4;

    bool endsWith(const WordRun &run) const
    {
        const qsizetype k = run.words.size();
        for (qsizetype i = 0; i < k; ++i)
            if (!m_recent[recentSize - k + i].isWord(run.words.at(i)))
                return false;
        return true;
    }

    void matchRuns(const SqlToken &t)
    {
        static const QList<WordRun> concurrent = wordRuns({"CREATE INDEX CONCURRENTLY", "CREATE UNIQUE INDEX CONCURRENTLY"});
        static const QList<WordRun> privileged = [] {
            QList<WordRun> runs;
            for (const char *p : privilegedStatements)
                runs += wordRuns({p});
            return runs;
        }();
        if (!m_out.concurrentIndex)
            for (const WordRun &run : concurrent)
                m_out.concurrentIndex = m_out.concurrentIndex || endsWith(run);
        for (const WordRun &run : privileged)
            if (endsWith(run) && !m_out.privileged.contains(run.text))
                m_out.privileged.append(run.text);
        if (t.isWord("DATABASE") && m_recent[recentSize - 2].isWord("DROP"))
            add(t.line, QStringLiteral("DROP DATABASE removes a whole database, not objects inside this one"));
        else if (t.isWord("SYSTEM") && m_recent[recentSize - 2].isWord("ALTER"))
            add(t.line, QStringLiteral("ALTER SYSTEM rewrites the server's configuration file"));
    }

    void add(int line, const QString &what) { m_out.outside.append(StaticChecks::OutsideReach{line, what}); }

    /// COPY ... TO/FROM PROGRAM or a server file, LOAD, and untrusted languages in CREATE ... and
    /// DO. A statement starts after ';' (top level or in a DO body) or after the PL/pgSQL block
    /// words BEGIN, THEN, ELSE and LOOP.
    void reach(const SqlToken &t)
    {
        if (t.kind == SqlToken::Kind::Semicolon) {
            m_lead = Lead::None;
            m_expect = Expect::Nothing;
            m_depth = 0;
            m_atStart = true;
            m_index = 0;
            return;
        }
        const bool start = m_atStart;
        m_atStart = t.isWord("BEGIN") || t.isWord("THEN") || t.isWord("ELSE") || t.isWord("LOOP");
        const int index = start ? 0 : ++m_index;
        if (start)
            m_index = 0;
        const Expect expect = m_expect;
        m_expect = Expect::Nothing;
        switch (expect) {
        case Expect::CopyTarget:
            if (t.isWord("PROGRAM"))
                add(t.line, QStringLiteral("COPY ... %1 PROGRAM runs a shell command on the database server").arg(m_copyDirection));
            else if (t.kind == SqlToken::Kind::String)
                add(t.line, QStringLiteral("COPY ... %1 '%2' %3 a file on the database server")
                                .arg(m_copyDirection, QString::fromUtf8(t.value()),
                                     m_copyDirection == u"FROM" ? QStringLiteral("reads") : QStringLiteral("writes")));
            return;
        case Expect::LoadFile:
            if (t.kind == SqlToken::Kind::String)
                add(t.line, QStringLiteral("LOAD '%1' loads a library from the database server's file system")
                                .arg(QString::fromUtf8(t.value())));
            return;
        case Expect::Language:
            if (isUntrusted(t.value()))
                add(t.line, QStringLiteral("%1 ... LANGUAGE %2: code in an untrusted language runs with the database "
                                           "server's operating-system rights")
                                .arg(m_lead == Lead::Do ? QStringLiteral("DO") : QStringLiteral("CREATE"),
                                     QString::fromUtf8(t.value())));
            return;
        case Expect::Extension:
            if (t.isWord("IF") || t.isWord("NOT") || t.isWord("EXISTS")) {
                m_expect = Expect::Extension;
            } else if (isUntrusted(t.value())) {
                add(t.line, QStringLiteral("CREATE EXTENSION %1 installs an untrusted language").arg(QString::fromUtf8(t.value())));
            }
            return;
        case Expect::Nothing:
            break;
        }
        if (t.isPunctuation('('))
            ++m_depth;
        else if (t.isPunctuation(')') && m_depth > 0)
            --m_depth;
        if (start) {
            m_lead = t.isWord("COPY") ? Lead::Copy : t.isWord("CREATE") ? Lead::Create : t.isWord("DO") ? Lead::Do : Lead::None;
            if (t.isWord("LOAD"))
                m_expect = Expect::LoadFile;
            return;
        }
        if (m_depth != 0)
            return;
        if (m_lead == Lead::Copy && (t.isWord("TO") || t.isWord("FROM"))) {
            m_copyDirection = t.isWord("TO") ? QStringLiteral("TO") : QStringLiteral("FROM");
            m_expect = Expect::CopyTarget;
            m_lead = Lead::None; // only the first TO/FROM outside parentheses names the target
        } else if ((m_lead == Lead::Create || m_lead == Lead::Do) && t.isWord("LANGUAGE")) {
            m_expect = Expect::Language;
        } else if (m_lead == Lead::Create && index == 1 && t.isWord("EXTENSION")) {
            m_expect = Expect::Extension;
        }
    }

    enum class Lead { None, Copy, Create, Do };
    enum class Expect { Nothing, CopyTarget, LoadFile, Language, Extension };

    StaticChecks::SqlScan &m_out;
    SqlToken m_recent[recentSize];
    Lead m_lead = Lead::None;
    Expect m_expect = Expect::Nothing;
    QString m_copyDirection;
    int m_depth = 0;
    int m_index = 0;
    bool m_atStart = true;
};

} // namespace

StaticChecks::SqlScan StaticChecks::scan(const QByteArray &sql)
{
    SqlScan out;
    Scanner scanner(out);
    // The rule for code inside strings, decided once for every check: the code a file executes
    // when it runs counts. A DO block's body runs right away, with the migrator's rights, so its
    // statements count (the real squashed privileged migrations install pg_stat_statements inside
    // a DO block). A function or procedure body does not run when it is created, and later runs
    // with its caller's rights, so it stays a string, as does dynamic SQL in EXECUTE '...'.
    SqlLexer::forEachExecutedToken(sql, [&scanner](const SqlToken &t) { scanner.feed(t); });
    return out;
}

bool StaticChecks::isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
            || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        p += extra + 1;
    }
    return true;
}

Findings StaticChecks::checkDefinition(const Migration &m, const Files &files)
{
    Findings out;
    const QString &upFile = files.up;
    const QString &downFile = files.down;
    const QString &metaFile = files.metadata;

    if (!isValidUtf8(m.upQuery))
        out.append(Finding::about(Severity::Warning, QLatin1String("non-utf8-sql"), upFile, QStringLiteral("up.sql is not valid UTF-8")));
    if (!isValidUtf8(m.downQuery))
        out.append(Finding::about(Severity::Warning, QLatin1String("non-utf8-sql"), downFile, QStringLiteral("down.sql is not valid UTF-8")));

    const SqlScan up = scan(m.upQuery);
    const SqlScan down = scan(m.downQuery);
    if (up.empty)
        out.append(Finding::about(Severity::Warning, QLatin1String("empty-up"), upFile, QStringLiteral("up.sql has no statements")));

    const bool concurrent = up.concurrentIndex;
    if (concurrent && !m.createIndexConcurrently)
        out.append(Finding::about(Severity::Error, QLatin1String("concurrent-flag-mismatch"), metaFile,
                         QStringLiteral("up.sql creates an index CONCURRENTLY but createIndexConcurrently is not set")));
    else if (!concurrent && m.createIndexConcurrently)
        out.append(Finding::about(Severity::Error, QLatin1String("concurrent-flag-mismatch"), metaFile,
                         QStringLiteral("createIndexConcurrently is set but up.sql creates no index CONCURRENTLY")));
    if (down.concurrentIndex)
        out.append(Finding::about(Severity::Error, QLatin1String("concurrent-index-in-down"), downFile,
                         QStringLiteral("down.sql creates an index CONCURRENTLY: downgrades are offline, create it plainly")));

    for (const auto &[file, found] : {std::pair{&upFile, &up}, std::pair{&downFile, &down}})
        for (const OutsideReach &r : found->outside)
            out.append(Finding::about(Severity::Error, QLatin1String("outside-database"), *file,
                                      QStringLiteral("line %1: %2").arg(r.line).arg(r.what)));

    QList<QByteArray> found = up.privileged;
    for (const QByteArray &s : down.privileged)
        if (!found.contains(s))
            found.append(s);
    if (!found.isEmpty() && !m.privileged)
        out.append(Finding::about(Severity::Error, QLatin1String("privileged-flag-mismatch"), metaFile,
                         QStringLiteral("needs a superuser (%1) but privileged is not set")
                             .arg(QString::fromLatin1(found.join(", ")))));
    else if (found.isEmpty() && m.privileged)
        out.append(Finding::about(Severity::Warning, QLatin1String("privileged-flag-mismatch"), metaFile,
                         QStringLiteral("privileged is set but no statement needs a superuser")));
    return out;
}

} // namespace passlane
