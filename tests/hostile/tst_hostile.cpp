// Hostile inputs and outputs, through the core API and the passlane-cli binary: paths that are
// devices, FIFOs or folders; endless or huge files; corrupted archives; names the locale cannot
// represent; relative paths; duplicate keys and non-finite numbers. Nothing may be lost, hang,
// grow without bound, or be reported as success.
#include "clirun.h"
#include "findingkinds.h"
#include "catalog/catalog.h"
#include "common/safefile.h"
#include "oob/oobregistry.h"
#include "project/customerscsv.h"
#include "project/project.h"
#include "releases/metadataparser.h"
#include "sources/archivereader.h"
#include "sources/folderreader.h"

#include "simulator/customerexport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <clocale>

#include <sys/stat.h>
#include <unistd.h>

using namespace passlane;

namespace {

struct Entry {
    QByteArray path; ///< raw bytes: not necessarily UTF-8
    QByteArray data;
};

/// A ustar .tar.gz (names stored as raw bytes, like GNU tar and git archive do).
enum class Compression { Gzip, Xz, Bzip2 };

QByteArray tarArchive(const QList<Entry> &entries, Compression compression)
{
    archive *a = archive_write_new();
    archive_write_set_format_ustar(a);
    switch (compression) {
    case Compression::Gzip:
        archive_write_add_filter_gzip(a);
        break;
    case Compression::Xz:
        archive_write_add_filter_xz(a);
        break;
    case Compression::Bzip2:
        archive_write_add_filter_bzip2(a);
        break;
    }
    QByteArray out(4 * 1024 * 1024 + 64 * 1024, '\0');
    size_t used = 0;
    archive_write_open_memory(a, out.data(), size_t(out.size()), &used);
    for (const Entry &e : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_copy_pathname(entry, e.path.constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, e.data.size());
        archive_write_header(a, entry);
        archive_write_data(a, e.data.constData(), size_t(e.data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
    out.truncate(qsizetype(used));
    return out;
}

QByteArray tarGz(const QList<Entry> &entries)
{
    return tarArchive(entries, Compression::Gzip);
}

QList<Entry> migration(const QByteArray &folder, const QByteArray &parents)
{
    return {{"migrations/frontend/" + folder + "/up.sql", "CREATE TABLE t (id int);"},
            {"migrations/frontend/" + folder + "/down.sql", "DROP TABLE t;"},
            {"migrations/frontend/" + folder + "/metadata.yaml", "name: m\nparents: [" + parents + "]\n"}};
}

bool writeBytes(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

using passlane::test::CliRun;

/// The CLI with a one-minute limit: hostile input must never make it hang.
CliRun cli(const QStringList &args, const QString &workDir = {}, const QStringList &env = {})
{
    return passlane::test::runCli(args, {workDir, env, 60000});
}

} // namespace

using passlane::test::kinds;

class TestHostile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_fifo;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        // The C locale: the one in which libarchive cannot convert non-ASCII names.
        std::setlocale(LC_ALL, "C");
        QVERIFY(m_dir.isValid());
        m_fifo = path(u"pipe"_qs);
        QCOMPARE(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);
    }

    // --- writes -------------------------------------------------------------------------
    void writeRefusesNonRegular_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("kind");
        QTest::newRow("character device") << u"/dev/null"_qs << u"a character device"_qs;
        QTest::newRow("fifo") << u"FIFO"_qs << u"a FIFO"_qs;
        QTest::newRow("directory") << u"DIR"_qs << u"a directory"_qs;
    }
    void writeRefusesNonRegular()
    {
        QFETCH(QString, target);
        QFETCH(QString, kind);
        if (target == u"FIFO")
            target = m_fifo;
        if (target == u"DIR")
            target = m_dir.path();
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &before), 0);
        const Status s = writeFileAtomically(target, "report");
        QVERIFY(!s.ok());
        QCOMPARE(s.error().file, target);
        QVERIFY2(s.error().message.contains(kind), qPrintable(s.error().toString()));
        struct stat after {};
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &after), 0);
        QCOMPARE(after.st_mode, before.st_mode); // still what it was
        QCOMPARE(after.st_ino, before.st_ino);   // not replaced
    }

    void writeRegularAndNewFiles()
    {
        const QString existing = path(u"existing.json"_qs);
        QVERIFY(writeBytes(existing, "old"));
        QVERIFY(writeFileAtomically(existing, "new").ok());
        QCOMPARE(readRegularFile(existing, 100)->constData(), "new");
        const QString fresh = path(u"fresh.json"_qs);
        QVERIFY(writeFileAtomically(fresh, "x").ok());
        QVERIFY(QFileInfo(fresh).isFile());
        // Through a symlink the target file is written, the link stays.
        const QString link = path(u"link.json"_qs);
        QVERIFY(QFile::link(existing, link));
        QVERIFY(writeFileAtomically(link, "via link").ok());
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readRegularFile(existing, 100)->constData(), "via link");
    }

    void cliOutRefusesNonRegular_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("/dev/null") << u"/dev/null"_qs;
        QTest::newRow("fifo") << u"FIFO"_qs;
        QTest::newRow("directory") << u"DIR"_qs;
    }
    void cliOutRefusesNonRegular()
    {
        QFETCH(QString, target);
        if (target == u"FIFO")
            target = m_fifo;
        if (target == u"DIR")
            target = m_dir.path();
        const CliRun r = cli({u"stitch"_qs, u"--json"_qs, u"--out"_qs, target});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(target.toUtf8()) && r.err.contains("not a regular file"), r.err.constData());
        QVERIFY(!QFileInfo(target).isFile());
    }

    void cliOutDashIsStdout()
    {
        const CliRun r = cli({u"stitch"_qs, u"--json"_qs, u"--out"_qs, u"-"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.trimmed().startsWith('{'));
        QVERIFY(!QFileInfo::exists(QDir::current().filePath(u"-"_qs)));
    }

    // --- reads --------------------------------------------------------------------------
    void readersRefuseNonRegular_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("target");
        for (const QString &reader : {u"project"_qs, u"registry"_qs, u"csv"_qs, u"export"_qs, u"archive"_qs}) {
            QTest::addRow("%s /dev/zero", qPrintable(reader)) << reader << u"/dev/zero"_qs;
            QTest::addRow("%s fifo", qPrintable(reader)) << reader << u"FIFO"_qs;
            QTest::addRow("%s directory", qPrintable(reader)) << reader << u"DIR"_qs;
        }
    }
    void readersRefuseNonRegular()
    {
        QFETCH(QString, reader);
        QFETCH(QString, target);
        if (target == u"FIFO")
            target = m_fifo;
        if (target == u"DIR")
            target = m_dir.path();
        // A FIFO with no writer would block a reader forever: the suite's time limit catches that.
        std::optional<Error> error;
        if (reader == u"project") {
            if (auto r = Project::load(target); !r)
                error = r.error();
        } else if (reader == u"registry") {
            if (auto r = OobRegistry::readYamlFile(target); !r)
                error = r.error();
        } else if (reader == u"csv") {
            if (auto r = CustomersCsv::readFile(target); !r)
                error = r.error();
        } else if (reader == u"export") {
            if (auto r = CustomerExport::readFile(target); !r)
                error = r.error();
        } else {
            if (auto r = ArchiveReader::read(target); !r)
                error = r.error();
        }
        QVERIFY(error);
        QCOMPARE(error->file, target);
        QVERIFY2(error->message.contains(u"not a regular file"_qs), qPrintable(error->toString()));
    }

    void sizeLimits_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("project") << u"project"_qs << limits::projectFile;
        QTest::newRow("registry") << u"registry"_qs << limits::registryFile;
        QTest::newRow("csv") << u"csv"_qs << limits::customersCsv;
        QTest::newRow("export") << u"export"_qs << limits::customerExport;
    }
    void sizeLimits()
    {
        QFETCH(QString, reader);
        QFETCH(qint64, limit);
        // Sparse: over the limit on disk without writing it.
        const QString file = path(reader + u".big"_qs);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(limit + 1));
        f.close();
        std::optional<Error> error;
        if (reader == u"project") {
            if (auto r = Project::load(file); !r)
                error = r.error();
        } else if (reader == u"registry") {
            if (auto r = OobRegistry::readYamlFile(file); !r)
                error = r.error();
        } else if (reader == u"csv") {
            if (auto r = CustomersCsv::readFile(file); !r)
                error = r.error();
        } else {
            if (auto r = CustomerExport::readFile(file); !r)
                error = r.error();
        }
        QVERIFY(error);
        QVERIFY2(error->message.contains(u"too large"_qs), qPrintable(error->toString()));
    }

    void cliProjectNamingDevZeroFailsFast()
    {
        const QString dir = path(u"zero"_qs);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeBytes(dir + u"/migrations-v1.0.0.tar.gz"_qs, tarGz(migration("1_init", ""))));
        const QString project = dir + u"/zero.passlane"_qs;
        QVERIFY(writeBytes(project, "sources: [.]\noobFiles: [/dev/zero]\n"));
        const CliRun r = cli({u"releases"_qs, u"--project"_qs, project});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("/dev/zero") && r.err.contains("not a regular file"), r.err.constData());
    }

    // --- archives -----------------------------------------------------------------------
    void archiveNonAsciiNamesUnderCLocale()
    {
        const QByteArray bytes = tarGz(migration("1_init", "") + migration("2_caf\xc3\xa9", "1"));
        const auto tree = ArchiveReader::readMemory(bytes, u"v1.0.0.tar.gz"_qs);
        QVERIFY(tree.ok());
        QCOMPARE(tree->files.size(), 6);
        QVERIFY(tree->findings.isEmpty());
        // And through the binary, under LC_ALL=C.
        const QString dir = path(u"utf8"_qs);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeBytes(dir + u"/migrations-v1.0.0.tar.gz"_qs, bytes));
        const CliRun r = cli({u"releases"_qs, u"--json"_qs, dir}, {}, {u"LC_ALL=C"_qs, u"LANG=C"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\"count\": 2") || r.out.contains("\"count\":2"), r.out.constData());
    }

    void archiveNonUtf8NameIsAFinding()
    {
        const QByteArray bytes = tarGz(migration("1_init", "") + migration("2_bad\xff", "1"));
        const auto tree = ArchiveReader::readMemory(bytes, u"v1.0.0.tar.gz"_qs);
        QVERIFY(tree.ok());
        QCOMPARE(tree->files.size(), 3);
        QCOMPARE(kinds(tree->findings), QStringList(3, u"bad-file-name"_qs));
        QVERIFY(tree->findings.first().file.contains(u"2_bad"_qs));
    }

    void archiveCorruption_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("compression");
        QTest::addColumn<QString>("name");
        QTest::newRow("crc in the trailer") << u"crc"_qs << int(Compression::Gzip) << u"bad.tar.gz"_qs;
        QTest::newRow("length in the trailer") << u"length"_qs << int(Compression::Gzip) << u"bad.tar.gz"_qs;
        QTest::newRow("byte inside the deflate stream") << u"inside"_qs << int(Compression::Gzip) << u"bad.tar.gz"_qs;
        QTest::newRow("truncated") << u"truncated"_qs << int(Compression::Gzip) << u"bad.tar.gz"_qs;
        QTest::newRow("garbage after the stream") << u"garbage"_qs << int(Compression::Gzip) << u"bad.tar.gz"_qs;
        // xz and bzip2 carry their own checks; the reader must honour them too.
        QTest::newRow("xz: byte inside the stream") << u"inside"_qs << int(Compression::Xz) << u"bad.tar.xz"_qs;
        QTest::newRow("xz: check in the trailer") << u"crc"_qs << int(Compression::Xz) << u"bad.tar.xz"_qs;
        QTest::newRow("xz: truncated") << u"truncated"_qs << int(Compression::Xz) << u"bad.tar.xz"_qs;
        QTest::newRow("bzip2: byte inside the stream") << u"inside"_qs << int(Compression::Bzip2) << u"bad.tar.bz2"_qs;
        QTest::newRow("bzip2: truncated") << u"truncated"_qs << int(Compression::Bzip2) << u"bad.tar.bz2"_qs;
    }
    void archiveCorruption()
    {
        QFETCH(QString, how);
        QFETCH(int, compression);
        QFETCH(QString, name);
        QByteArray bytes = tarArchive(migration("1_init", "") + migration("2_next", "1"), Compression(compression));
        QVERIFY(ArchiveReader::readMemory(bytes, name).ok());
        if (how == u"crc")
            bytes[bytes.size() - 8] = char(bytes[bytes.size() - 8] ^ 0x55);
        else if (how == u"length")
            bytes[bytes.size() - 4] = char(bytes[bytes.size() - 4] ^ 0x01);
        else if (how == u"inside")
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        else if (how == u"truncated")
            bytes.chop(20);
        else
            bytes.append("trailing garbage");
        const auto tree = ArchiveReader::readMemory(bytes, name);
        QVERIFY2(!tree.ok(), "a corrupted archive was read as a release");
        QCOMPARE(tree.error().file, name);
    }

    void archiveLongIdIsAFinding()
    {
        const QString dir = path(u"longid"_qs);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeBytes(dir + u"/migrations-v1.0.0.tar.gz"_qs,
                           tarGz(migration("1_init", "") + migration("12345678901234567890_huge", "1"))));
        LoadRequest request;
        request.sources = {dir};
        const auto catalog = loadCatalog(request);
        QVERIFY(catalog.ok());
        QVERIFY(kinds(catalog->findings).contains(u"invalid-migration-id"_qs));
        for (const Finding &f : catalog->findings)
            if (f.kind == u"invalid-migration-id")
                QVERIFY2(f.file.contains(u"12345678901234567890_huge"_qs), qPrintable(f.file));
    }

    void archiveFileAndTotalLimits()
    {
        // One file over limits::sourceFile: a finding, the rest is read.
        const QByteArray big(limits::sourceFile + 1, 'x');
        auto entries = migration("1_init", "");
        entries.append({"migrations/frontend/2_big/up.sql", big});
        const QByteArray bytes = tarGz(entries);
        QVERIFY(bytes.size() < 1024 * 1024); // compresses well: the expansion is the attack
        const auto tree = ArchiveReader::readMemory(bytes, u"big.tar.gz"_qs);
        QVERIFY(tree.ok());
        QVERIFY(kinds(tree->findings).contains(u"file-too-large"_qs));
        QCOMPARE(tree->files.size(), 3);
        // The load's budget is shared by every source read with it.
        LoadBudget budget(100);
        const auto first = ArchiveReader::readMemory(tarGz(migration("1_init", "")), u"a.tar.gz"_qs, &budget);
        QVERIFY(first.ok());
        const auto second = ArchiveReader::readMemory(tarGz(migration("1_init", "")), u"b.tar.gz"_qs, &budget);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message.contains(u"in total"_qs), qPrintable(second.error().toString()));
    }

    // --- folders ------------------------------------------------------------------------
    void folderNonUtf8NameIsAFinding()
    {
        const QByteArray root = QFile::encodeName(path(u"badnames/v1.0.0/migrations/frontend"_qs));
        QVERIFY(QDir().mkpath(QFile::decodeName(root)));
        for (const QByteArray &folder : {QByteArray("1_init"), QByteArray("2_bad\xfe")}) {
            const QByteArray dir = root + '/' + folder;
            QCOMPARE(::mkdir(dir.constData(), 0755), 0);
            const QByteArray raw = dir + "/up.sql";
            FILE *f = std::fopen(raw.constData(), "w");
            QVERIFY(f);
            std::fputs("SELECT 1;", f);
            std::fclose(f);
        }
        const auto tree = FolderReader::read(path(u"badnames/v1.0.0"_qs));
        // QTemporaryDir cannot remove a name it cannot decode: remove it by its bytes.
        ::unlink(QByteArray(root + "/2_bad\xfe/up.sql").constData());
        ::rmdir(QByteArray(root + "/2_bad\xfe").constData());
        QVERIFY(tree.ok());
        QCOMPARE(tree->files.size(), 1);
        QCOMPARE(kinds(tree->findings), QStringList{u"bad-file-name"_qs});
    }

    void folderUnreadableIsAFinding()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: every folder can be listed");
        const QString locked = path(u"locked/v1.0.0/migrations/frontend/1_init"_qs);
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(writeBytes(locked + u"/up.sql"_qs, "SELECT 1;"));
        const QString schema = path(u"locked/v1.0.0/migrations/frontend"_qs);
        QVERIFY(QFile::setPermissions(schema, QFileDevice::Permissions()));
        const auto tree = FolderReader::read(path(u"locked/v1.0.0"_qs));
        QFile::setPermissions(schema, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(tree.ok());
        QCOMPARE(kinds(tree->findings), QStringList{u"unreadable-folder"_qs});
        QVERIFY(tree->findings.first().file.endsWith(u"migrations/frontend"_qs));
    }

    void relativeAndTrailingSlashFolders_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("folder of releases") << u"releases"_qs;
        QTest::newRow("folder of releases, slash") << u"releases/"_qs;
        QTest::newRow("release folder") << u"releases/v1.0.0"_qs;
        QTest::newRow("release folder, slash") << u"releases/v1.0.0/"_qs;
        QTest::newRow("dot") << u"."_qs;
    }
    void relativeAndTrailingSlashFolders()
    {
        QFETCH(QString, argument);
        const QString base = path(u"relative"_qs);
        const QString release = base + u"/releases/v1.0.0/migrations/frontend/1_init"_qs;
        if (!QFileInfo::exists(release)) {
            QVERIFY(QDir().mkpath(release));
            QVERIFY(writeBytes(release + u"/up.sql"_qs, "CREATE TABLE t (id int);"));
            QVERIFY(writeBytes(release + u"/down.sql"_qs, "DROP TABLE t;"));
            QVERIFY(writeBytes(release + u"/metadata.yaml"_qs, "name: init\nparents: []\n"));
        }
        const QString workDir = argument == u"." ? base + u"/releases/v1.0.0"_qs : base;
        const CliRun r = cli({u"releases"_qs, u"--json"_qs, argument}, workDir);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("1.0.0"), r.out.constData());
    }

    // --- YAML and numbers ---------------------------------------------------------------
    void projectRejects_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("duplicate key") << QByteArray("sources: []\noobFiles: []\nsources: [a]\n")
                                       << u"line 3: key 'sources' is given twice (first on line 1)"_qs;
        QTest::newRow("nan interval") << QByteArray("progress:\n  default: {rows: 10, batchSize: 5, intervalSeconds: .nan}\n")
                                      << u"line 2: intervalSeconds must be a finite number above 0, not '.nan'"_qs;
        QTest::newRow("inf interval") << QByteArray("progress:\n  default: {intervalSeconds: .inf}\n")
                                      << u"line 2: intervalSeconds must be a finite number above 0, not '.inf'"_qs;
        QTest::newRow("zero batch") << QByteArray("progress:\n  default: {batchSize: 0}\n")
                                    << u"line 2: batchSize must be an integer from 1 to"_qs;
        QTest::newRow("customer without name") << QByteArray("customers:\n  - version: 6.0.0\n")
                                               << u"line 2: a customer has no 'name'"_qs;
        QTest::newRow("oob id overflows int") << QByteArray("proposals:\n  - {oob: 99999999999, deprecated: '6.5'}\n")
                                              << u"line 2: oob must be an integer from 1 to 2147483647, not '99999999999'"_qs;
        QTest::newRow("broken yaml") << QByteArray("sources: [a\n") << u"line "_qs;
    }
    void projectRejects()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const auto p = Project::parse(yaml, u"p.passlane"_qs);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().file, u"p.passlane"_qs);
        QVERIFY2(p.error().message.startsWith(error), qPrintable(p.error().message));
        QVERIFY(!p.error().message.contains(u"line 0"_qs));
    }

    void projectSaveRefusesNonFinite()
    {
        const QString file = path(u"keep.passlane"_qs);
        Project good;
        QVERIFY(good.save(file).ok());
        const QByteArray before = *readRegularFile(file, limits::projectFile);
        Project bad;
        bad.progressOverrides.insert(7, OobProgressModel{10, 5, std::numeric_limits<double>::quiet_NaN()});
        const Status s = bad.save(file);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(u"OOB migration 7"_qs), qPrintable(s.error().toString()));
        QCOMPARE(*readRegularFile(file, limits::projectFile), before); // the old file is untouched
        QVERIFY(Project::load(file).ok());
    }

    void registryDuplicateKey()
    {
        const auto r = OobRegistry::parseYaml("- id: 1\n  team: a\n  id: 2\n  introduced_version_major: 3\n"
                                              "  introduced_version_minor: 1\n",
                                              u"oob.yaml"_qs);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, u"line 3: key 'id' is given twice (first on line 1)"_qs);
    }

    void metadataDuplicateKey()
    {
        const MigrationMetadata m = MetadataParser::parse("name: a\nprivileged: true\nprivileged: false\n", u"m.yaml"_qs);
        QVERIFY(kinds(m.findings).contains(u"invalid-metadata"_qs));
        QVERIFY(m.findings.first().message.contains(u"line 3: key 'privileged' is given twice"_qs));
    }

    // --- customer exports ---------------------------------------------------------------
    void exportRejects_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("error");
        const QByteArray logs = "id,schema,version,up,started_at,finished_at,success\n";
        QTest::newRow("version not a number") << logs + "1,frontend,abc,true,2024-01-01 00:00:00+00,,true\n"
                                              << u"line 2: version 'abc' is not a whole number"_qs;
        QTest::newRow("success not a boolean") << logs + "1,frontend,5,true,2024-01-01 00:00:00+00,,maybe\n"
                                               << u"line 2: success 'maybe' is not true or false"_qs;
        QTest::newRow("bad timestamp") << logs + "1,frontend,5,true,yesterday,,true\n"
                                       << u"line 2: started_at 'yesterday' is not a timestamp"_qs;
        QTest::newRow("too many fields") << logs + "1,frontend,5,true,2024-01-01 00:00:00+00,,true,extra\n"
                                         << u"line 2: 8 fields, but the header"_qs;
        QTest::newRow("unclosed quote") << logs + "1,\"frontend,5\n" << u"line 2: a quoted field is not closed"_qs;
        QTest::newRow("multi-line field keeps line numbers")
            << logs + "1,frontend,5,true,2024-01-01 00:00:00+00,,\"t\nrue\"\n2,frontend,x,true,,,\n"
            << u"line 2: success 't\nrue' is not true or false"_qs;
        QTest::newRow("json progress out of range")
            << QByteArray("{\"migration_logs\": [{\"schema\": \"frontend\", \"version\": 5}],"
                          " \"out_of_band_migrations\": [{\"id\": 1, \"introduced_version_major\": 5,"
                          " \"introduced_version_minor\": 1, \"progress\": 7}]}")
            << u"out_of_band_migrations[0]: progress '7' is not a number from 0 to 1"_qs;
        QTest::newRow("json duplicate oob id")
            << QByteArray("{\"migration_logs\": [{\"schema\": \"frontend\", \"version\": 5}],"
                          " \"out_of_band_migrations\": [{\"id\": 1, \"introduced_version_major\": 5, \"introduced_version_minor\": 1},"
                          " {\"id\": 1, \"introduced_version_major\": 5, \"introduced_version_minor\": 1}]}")
            << u"out_of_band_migrations: id 1 appears more than once"_qs;
        QTest::newRow("json row not an object")
            << QByteArray("{\"migration_logs\": [42]}") << u"migration_logs[0]: not an object"_qs;
    }
    void exportRejects()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, error);
        const auto state = CustomerExport::parse(data, u"export.csv"_qs);
        QVERIFY2(!state.ok(), "a malformed export was accepted");
        QCOMPARE(state.error().file, u"export.csv"_qs);
        QVERIFY2(state.error().message.startsWith(error), qPrintable(state.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
