#include "releases/metadataparser.h"

#include <QtTest>

using namespace passlane;

namespace {
QStringList kindsOf(const Findings &findings)
{
    QStringList kinds;
    for (const Finding &f : findings)
        kinds.append(severityName(f.severity) + u':' + f.kind);
    return kinds;
}
} // namespace

class TestMetadataParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QList<qint64>>("parents");
        QTest::addColumn<QString>("flags"); // p=privileged n=nonIdempotent c=concurrent b=bestEffort
        QTest::addColumn<QStringList>("findings");

        QTest::newRow("flow list") << QByteArray("name: add table\nparents: [3, 1]\n") << u"add table"_qs
                                   << QList<qint64>{1, 3} << QString() << QStringList();
        QTest::newRow("block list") << QByteArray("name: x\nparents:\n  - 10\n  - 2\n") << u"x"_qs
                                    << QList<qint64>{2, 10} << QString() << QStringList();
        QTest::newRow("empty parents") << QByteArray("name: root\nparents: []\n") << u"root"_qs << QList<qint64>{}
                                       << QString() << QStringList();
        QTest::newRow("all flags")
            << QByteArray("name: f\nparents: [1]\nprivileged: true\nnonIdempotent: true\ncreateIndexConcurrently: true\n"
                          "bestEffortTerminateBlockingTransactions: true\n")
            << u"f"_qs << QList<qint64>{1} << u"pncb"_qs << QStringList();
        QTest::newRow("parent alias") << QByteArray("name: a\nparent: 1754683409\n") << u"a"_qs
                                      << QList<qint64>{1754683409} << QString() << QStringList{u"warning:parent-alias"_qs};
        QTest::newRow("unknown key") << QByteArray("name: a\nparents: [1]\nprivilegd: true\n") << u"a"_qs
                                     << QList<qint64>{1} << QString() << QStringList{u"warning:unknown-key"_qs};
        QTest::newRow("not a map") << QByteArray("- 1\n- 2\n") << QString() << QList<qint64>{} << QString()
                                   << QStringList{u"error:invalid-metadata"_qs};
        QTest::newRow("scalar document") << QByteArray("just text") << QString() << QList<qint64>{} << QString()
                                         << QStringList{u"error:invalid-metadata"_qs};
        QTest::newRow("non-integer parent") << QByteArray("name: a\nparents: [1, abc, 2.5]\n") << u"a"_qs
                                            << QList<qint64>{1} << QString()
                                            << QStringList{u"error:invalid-metadata"_qs, u"error:invalid-metadata"_qs};
        QTest::newRow("parents is a map") << QByteArray("name: a\nparents: {x: 1}\n") << u"a"_qs << QList<qint64>{}
                                          << QString() << QStringList{u"error:invalid-metadata"_qs};
        QTest::newRow("bad flag") << QByteArray("name: a\nprivileged: maybe\n") << u"a"_qs << QList<qint64>{} << QString()
                                  << QStringList{u"error:invalid-metadata"_qs};
        QTest::newRow("broken yaml") << QByteArray("name: [unclosed\nparents: [1\n") << QString() << QList<qint64>{}
                                     << QString() << QStringList{u"error:invalid-metadata"_qs};
        QTest::newRow("empty file") << QByteArray() << QString() << QList<qint64>{} << QString() << QStringList();
        QTest::newRow("comments") << QByteArray("# REMOVED\nname: c\nparents: [5] # why\n") << u"c"_qs
                                  << QList<qint64>{5} << QString() << QStringList();
        QTest::newRow("duplicate parents") << QByteArray("parents: [5, 5, 4]\n") << QString() << QList<qint64>{4, 5}
                                           << QString() << QStringList();
    }
    void parse()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, name);
        QFETCH(QList<qint64>, parents);
        QFETCH(QString, flags);
        QFETCH(QStringList, findings);
        const MigrationMetadata md = MetadataParser::parse(yaml, u"x/metadata.yaml"_qs);
        QCOMPARE(md.name, name);
        QCOMPARE(md.parents, parents);
        QCOMPARE(md.privileged, flags.contains(u'p'));
        QCOMPARE(md.nonIdempotent, flags.contains(u'n'));
        QCOMPARE(md.createIndexConcurrently, flags.contains(u'c'));
        QCOMPARE(md.bestEffortTerminateBlockingTransactions, flags.contains(u'b'));
        QCOMPARE(kindsOf(md.findings), findings);
        for (const Finding &f : md.findings)
            QCOMPARE(f.file, u"x/metadata.yaml"_qs); // every finding names the file
    }

    void brokenYamlNamesTheLine()
    {
        const auto md = MetadataParser::parse(QByteArray("name: a\nparents: [1\nother: 2\n"), u"m.yaml"_qs);
        QCOMPARE(md.findings.size(), 1);
        QVERIFY2(md.findings.first().message.contains(u"line "), qPrintable(md.findings.first().message));
    }
};

QTEST_GUILESS_MAIN(TestMetadataParser)
#include "tst_metadataparser.moc"
