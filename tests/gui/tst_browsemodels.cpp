// The browse models over the bundled sample, checked by QAbstractItemModelTester.
#include "bundledsample.h"
#include "catalog/catalog.h"
#include "models/findingsfiltermodel.h"
#include "models/findingsmodel.h"
#include "models/releasetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace passlane;

class TestBrowseModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void releaseModelPassesTester();
    void releaseRolesDescribeEachRelease();
    void releasesSortNumerically();
    void findingsModelPassesTester();
    void findingsFilterByKindSeverityText();

private:
    std::shared_ptr<const Catalog> m_catalog;
};

void TestBrowseModels::initTestCase()
{
    LoadRequest request;
    request.sources = {bundledSamplePath()};
    request.oobFiles = {bundledSampleOobPath()};
    auto result = loadCatalog(request);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    m_catalog = std::make_shared<const Catalog>(std::move(result).value());
    QCOMPARE(m_catalog->releases.size(), 8);
}

void TestBrowseModels::releaseModelPassesTester()
{
    ReleaseTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_catalog);
    QCOMPARE(model.rowCount(), 8);
    QSortFilterProxyModel proxy;
    proxy.setSortRole(ReleaseTableModel::SortRole);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(0, Qt::DescendingOrder);
    proxy.setFilterFixedString(QStringLiteral("2."));
    model.setCatalog(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestBrowseModels::releaseRolesDescribeEachRelease()
{
    ReleaseTableModel model;
    model.setCatalog(m_catalog);
    QCOMPARE(model.schemas(), (QStringList{QStringLiteral("main"), QStringLiteral("search"), QStringLiteral("telemetry")}));
    const int row = model.rowOf(*Version::parse(u"1.2.0"));
    QVERIFY(row >= 0);
    const QModelIndex index = model.index(row, 0);
    QCOMPARE(index.data(ReleaseTableModel::VersionRole).toString(), QStringLiteral("1.2.0"));
    QCOMPARE(index.data(ReleaseTableModel::DateRole).toString(), QStringLiteral("2025-03-18"));
    const QVariantMap counts = index.data(ReleaseTableModel::SchemaCountsRole).toMap();
    QCOMPARE(counts.value(QStringLiteral("telemetry")).toInt(), 1); // created at 1.2.0
    QCOMPARE(counts.value(QStringLiteral("main")).toInt(), 9); // 1, 2, 3, 10, 11, 12, 20, 21, 22
    // telemetry does not exist before 1.2.0: no bounds there.
    const QVariantMap roots = model.index(0, 0).data(ReleaseTableModel::RootsRole).toMap();
    QVERIFY(!roots.contains(QStringLiteral("telemetry")));
    QVERIFY(roots.contains(QStringLiteral("main")));
    const QVariantMap leaves = index.data(ReleaseTableModel::LeavesRole).toMap();
    QVERIFY(!leaves.value(QStringLiteral("main")).toList().isEmpty());
    QCOMPARE(model.headerData(ReleaseTableModel::FirstSchemaColumn, Qt::Horizontal).toString(), QStringLiteral("main"));
}

void TestBrowseModels::releasesSortNumerically()
{
    // Versions compare by number: 1.10.0 sorts after 1.9.0, which text order gets wrong.
    auto catalog = std::make_shared<Catalog>();
    for (const char *v : {"1.9.0", "1.10.0", "1.2.0"}) {
        auto release = std::make_shared<Release>();
        release->version = *Version::parse(QString::fromLatin1(v));
        catalog->releases.append(release);
    }
    ReleaseTableModel model;
    model.setCatalog(catalog);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ReleaseTableModel::SortRole);
    proxy.sort(ReleaseTableModel::VersionColumn, Qt::AscendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.index(r, 0).data().toString();
    QCOMPARE(order, (QStringList{QStringLiteral("1.2.0"), QStringLiteral("1.9.0"), QStringLiteral("1.10.0")}));
}

void TestBrowseModels::findingsModelPassesTester()
{
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(m_catalog->findings);
    QCOMPARE(model.rowCount(), m_catalog->findings.size());
    QVERIFY2(model.rowCount() > 0, "the sample is built to produce findings");
    FindingsFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(FindingsModel::SeverityColumn);
    proxy.setKind(model.kinds().first());
    proxy.setText(QStringLiteral("x"));
    proxy.setSeverity(int(Severity::Error));
    model.setFindings({});
}

void TestBrowseModels::findingsFilterByKindSeverityText()
{
    FindingsModel model;
    model.setFindings(m_catalog->findings);
    FindingsFilterModel proxy;
    proxy.setSourceModel(&model);
    for (const QString &kind : model.kinds()) {
        proxy.setKind(kind);
        const auto expected = std::count_if(m_catalog->findings.cbegin(), m_catalog->findings.cend(),
                                            [&](const Finding &f) { return f.kind == kind; });
        QCOMPARE(proxy.rowCount(), int(expected));
    }
    proxy.setKind({});
    proxy.setSeverity(int(Severity::Error));
    for (int r = 0; r < proxy.rowCount(); ++r)
        QCOMPARE(proxy.index(r, 0).data(FindingsModel::SeverityRole).toInt(), int(Severity::Error));
    proxy.setSeverity(std::nullopt);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    // The edited migration of the sample: found by id text.
    proxy.setText(QStringLiteral("1000000021"));
    QVERIFY(proxy.rowCount() >= 1);
    bool sawEdited = false;
    for (int r = 0; r < proxy.rowCount(); ++r)
        sawEdited |= proxy.index(r, 0).data(FindingsModel::KindRole).toString() == u"edited-migration";
    QVERIFY(sawEdited);
    proxy.setText(QStringLiteral("no finding says this"));
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_MAIN(TestBrowseModels)
#include "tst_browsemodels.moc"
