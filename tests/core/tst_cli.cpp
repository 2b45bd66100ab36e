// passlane-cli releases|validate|stitch: JSON shapes and exit codes (0 ok, 1 error findings,
// 2 bad usage or unreadable input with one line naming the file).
#include "clirun.h"
#include "testarchives.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane::test;

namespace {

CliRun cli(const QStringList &args)
{
    return runCli(args, 120000);
}

const QString fe = QStringLiteral("migrations/frontend");

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_clean;  // a folder with two clean releases
    QString m_broken; // one release with a cycle

private Q_SLOTS:
    void initTestCase()
    {
        m_clean = m_dir.filePath(u"clean"_qs);
        QVERIFY(QDir().mkpath(m_clean));
        QVERIFY(writeArchive(m_clean + u"/migrations-v6.0.0.tar.gz"_qs, migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1})));
        QVERIFY(writeArchive(m_clean + u"/migrations-v6.1.0.tar.gz"_qs,
                             migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1}) + migrationEntries(fe, 3, {1})));
        m_broken = m_dir.filePath(u"migrations-v7.0.0.tar.gz"_qs);
        QVERIFY(writeArchive(m_broken, migrationEntries(fe, 1, {}) + migrationEntries(fe, 2, {1, 3}) + migrationEntries(fe, 3, {2})));
    }

    void releasesJson()
    {
        const CliRun r = cli({u"releases"_qs, u"--json"_qs, m_clean});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray releases = QJsonDocument::fromJson(r.out).object().value(u"releases"_qs).toArray();
        QCOMPARE(releases.size(), 2);
        QCOMPARE(releases.at(0).toObject().value(u"version"_qs).toString(), u"6.0.0"_qs);
        const QJsonObject frontend = releases.at(1).toObject().value(u"schemas"_qs).toObject().value(u"frontend"_qs).toObject();
        QCOMPARE(frontend.value(u"count"_qs).toInt(), 3);
        QCOMPARE(frontend.value(u"roots"_qs).toArray(), QJsonArray{1});
        QCOMPARE(frontend.value(u"leaves"_qs).toArray(), (QJsonArray{2, 3}));
    }

    void validateExitCodes_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("clean") << u"clean"_qs << QStringList{} << 0;
        QTest::newRow("cycle is an error") << u"broken"_qs << QStringList{} << 1;
        QTest::newRow("filtered to warnings of another kind") << u"broken"_qs << QStringList{u"--kind"_qs, u"empty-up"_qs} << 0;
        QTest::newRow("bad severity") << u"clean"_qs << QStringList{u"--severity"_qs, u"loud"_qs} << 2;
    }
    void validateExitCodes()
    {
        QFETCH(QString, which);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        const CliRun r = cli(QStringList{u"validate"_qs, u"--json"_qs} + extra + QStringList{which == u"clean" ? m_clean : m_broken});
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode == 2)
            return;
        const QJsonArray findings = QJsonDocument::fromJson(r.out).object().value(u"findings"_qs).toArray();
        if (exitCode == 1) {
            QCOMPARE(findings.size(), 1);
            const QJsonObject f = findings.at(0).toObject();
            QCOMPARE(f.value(u"kind"_qs).toString(), u"cycle"_qs);
            QCOMPARE(f.value(u"severity"_qs).toString(), u"error"_qs);
            QCOMPARE(f.value(u"release"_qs).toString(), u"7.0.0"_qs);
            QCOMPARE(f.value(u"schema"_qs).toString(), u"frontend"_qs);
            QVERIFY(f.value(u"message"_qs).toString().contains(u"2, 3"));
        }
    }

    void unreadableInput()
    {
        const CliRun r = cli({u"validate"_qs, m_dir.filePath(u"missing.tar.gz"_qs)});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.contains(m_dir.filePath(u"missing.tar.gz"_qs).toUtf8()));
    }

    void stitchOut()
    {
        const QString out = m_dir.filePath(u"stitched.json"_qs);
        const CliRun r = cli({u"stitch"_qs, u"--json"_qs, u"--out"_qs, out, m_clean});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject frontend = QJsonDocument::fromJson(f.readAll()).object().value(u"frontend"_qs).toObject();
        QCOMPARE(frontend.value(u"Definitions"_qs).toArray().size(), 3);
        const QJsonObject bounds = frontend.value(u"BoundsByRev"_qs).toObject();
        QCOMPARE(bounds.keys(), (QStringList{u"v6.0.0"_qs, u"v6.1.0"_qs}));
        QCOMPARE(bounds.value(u"v6.1.0"_qs).toObject().value(u"LeafIDs"_qs).toArray(), (QJsonArray{2, 3}));
        const CliRun human = cli({u"stitch"_qs, m_clean});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("frontend: 3 definitions"));
    }

    void bundledSampleByDefault()
    {
        const CliRun r = cli({u"releases"_qs, u"--json"_qs});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(r.out).object().value(u"releases"_qs).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
