#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace passlane;

namespace {
const QByteArray fullProject = R"(# a project
sources:
  - releases
  - /abs/snapshot.tar.gz
versionOverrides:
  snapshots/custom.tar.gz: 6.3.0
oobFiles: [oob/oobmigrations.yaml]
acceptedEdits:
  - {schema: frontend, id: 1711003437, release: 6.3.0}
progress:
  default: {rows: 1000, batchSize: 250, intervalSeconds: 1.5}
  overrides:
    - {oob: 17, rows: 5000000}
customers:
  - name: acme
    version: 6.1.376
    exportFile: exports/acme.json
    oobRows: {17: 123}
  - name: globex
proposals:
  - {oob: 17, deprecated: "6.5"}
  - {oob: 18, deprecated: null}
customersCsv: customers.csv
)";
} // namespace

class TestProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseFull()
    {
        const auto p = Project::parse(fullProject, u"/home/u/plans/x.passlane"_qs);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        QCOMPARE(p->sources, (QStringList{u"/home/u/plans/releases"_qs, u"/abs/snapshot.tar.gz"_qs}));
        QCOMPARE(p->versionOverrides.value(u"/home/u/plans/snapshots/custom.tar.gz"_qs).toString(), u"6.3.0"_qs);
        QCOMPARE(p->oobFiles, QStringList{u"/home/u/plans/oob/oobmigrations.yaml"_qs});
        QCOMPARE(p->acceptedEdits.size(), 1);
        QCOMPARE(p->acceptedEdits.first().id, 1711003437);
        QCOMPARE(p->acceptedEdits.first().release.toString(), u"6.3.0"_qs);
        QCOMPARE(p->defaultProgress.rows, 1000);
        QCOMPARE(p->defaultProgress.batchSize, 250);
        QCOMPARE(p->defaultProgress.intervalSeconds, 1.5);
        QCOMPARE(p->progressOverrides.value(17).rows, 5000000);
        QCOMPARE(p->progressOverrides.value(17).batchSize, 250); // inherits the default
        QCOMPARE(p->customers.size(), 2);
        QCOMPARE(p->customers[0].version->toString(), u"6.1.376"_qs);
        QCOMPARE(p->customers[0].exportFile, u"/home/u/plans/exports/acme.json"_qs);
        QCOMPARE(p->customers[0].oobRows.value(17), 123);
        QVERIFY(!p->customers[1].version);
        QCOMPARE(p->proposals.size(), 2);
        QCOMPARE(p->proposals[0].deprecated->toString(), u"6.5"_qs);
        QVERIFY(!p->proposals[1].deprecated);
        QCOMPARE(p->customersCsv, u"/home/u/plans/customers.csv"_qs);
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"plan.passlane"_qs);
        const auto p = Project::parse(fullProject, file);
        QVERIFY(p.ok());
        QVERIFY(p->save(file).ok());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY2(text.contains("- releases"), text.constData()); // stored relative to the file
        const auto again = Project::load(file);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(again->sources, p->sources);
        QCOMPARE(again->versionOverrides, p->versionOverrides);
        QCOMPARE(again->oobFiles, p->oobFiles);
        QCOMPARE(again->acceptedEdits.size(), 1);
        QCOMPARE(again->acceptedEdits.first().schema, u"frontend"_qs);
        QCOMPARE(again->defaultProgress.intervalSeconds, 1.5);
        QCOMPARE(again->progressOverrides.value(17).rows, 5000000);
        QCOMPARE(again->customers[0].oobRows, p->customers[0].oobRows);
        QCOMPARE(again->customers[0].exportFile, p->customers[0].exportFile);
        QCOMPARE(again->proposals[0].deprecated, p->proposals[0].deprecated);
        QVERIFY(!again->proposals[1].deprecated);
        QCOMPARE(again->customersCsv, p->customersCsv);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::newRow("broken yaml") << QByteArray("sources:\n  - a\n  b: [\n") << 3;
        QTest::newRow("sources not a list") << QByteArray("oobFiles: []\nsources: releases\n") << 2;
        QTest::newRow("bad version") << QByteArray("sources: []\nversionOverrides:\n  a.tar.gz: six\n") << 3;
        QTest::newRow("bad id") << QByteArray("acceptedEdits:\n  - {schema: frontend, id: x1, release: 6.0.0}\n") << 2;
        QTest::newRow("not a map") << QByteArray("- just\n- a list\n") << 1;
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        const auto p = Project::parse(yaml, u"/tmp/bad.passlane"_qs);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().file, u"/tmp/bad.passlane"_qs);
        QVERIFY2(p.error().message.startsWith(QStringLiteral("line %1:").arg(line)), qPrintable(p.error().message));
    }

    void saveKeepsOldFileOnFailure()
    {
        Project p;
        const auto status = p.save(u"/nonexistent-dir/x.passlane"_qs);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().file, u"/nonexistent-dir/x.passlane"_qs);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
