// Golden folders: tests/data/core/<case>/input is loaded as a folder of release folders and
// dumped as text (releases, bounds, definitions, findings); <case>/expected.txt holds the
// hand-written expectation ('#' lines are comments).
#include "catalog/catalog.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace passlane;

namespace {

QString ids(const QList<qint64> &list)
{
    QStringList parts;
    for (qint64 id : list)
        parts.append(QString::number(id));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(u',');
}

QStringList dump(const Catalog &c)
{
    QStringList lines;
    for (const ReleasePtr &r : c.releases)
        lines.append(QStringLiteral("release ") + r->version.toString());
    const StitchedGraph &g = c.graph;
    for (const QString &schema : g.schemas())
        for (const Version &v : g.versions()) {
            const auto b = g.bounds(schema, v);
            lines.append(QStringLiteral("bounds %1 %2 ").arg(schema, v.toString())
                         + (b->preCreation ? QStringLiteral("pre-creation")
                                           : QStringLiteral("root=%1 leaves=%2").arg(b->rootId).arg(ids(b->leafIds))));
        }
    for (const QString &schema : g.schemas())
        for (const MigrationPtr &m : g.definitions(schema))
            lines.append(QStringLiteral("def %1 %2 parents=%3 introduced=%4")
                             .arg(schema).arg(m->id).arg(ids(m->parents), g.introducedIn(schema, m->id)->toString()));
    for (const Finding &f : c.findings)
        lines.append(QStringLiteral("finding %1 %2 %3 %4 %5")
                         .arg(severityName(f.severity), f.kind, f.release, f.schema,
                              f.id ? QString::number(*f.id) : QStringLiteral("-")));
    return lines;
}

} // namespace

class TestGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QDir root(QStringLiteral(PASSLANE_SOURCE_DIR "/tests/data/core"));
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(!cases.isEmpty());
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << root.filePath(name);
    }
    void golden()
    {
        QFETCH(QString, caseDir);
        LoadRequest request;
        request.sources = {caseDir + QStringLiteral("/input")};
        const auto catalog = loadCatalog(request);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().toString()));
        QFile expectedFile(caseDir + QStringLiteral("/expected.txt"));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        QStringList expected;
        for (const QString &line : QString::fromUtf8(expectedFile.readAll()).split(u'\n', Qt::SkipEmptyParts))
            if (!line.startsWith(u'#'))
                expected.append(line.trimmed());
        QStringList actual = dump(*catalog);
        // OOB findings belong to the registry's own tests.
        actual.erase(std::remove_if(actual.begin(), actual.end(), [](const QString &l) { return l.contains(u" oob-"); }),
                     actual.end());
        if (actual != expected)
            qWarning().noquote() << QStringLiteral("actual dump:\n") + actual.join(u'\n');
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
