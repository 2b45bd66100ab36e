#include "common/version.h"

#include <QtTest>

using namespace passlane;

class TestVersion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("plain") << u"6.3.0"_qs << true << u"6.3.0"_qs;
        QTest::newRow("v prefix") << u"v6.3.4167"_qs << true << u"6.3.4167"_qs;
        QTest::newRow("minor only") << u"6.3"_qs << true << u"6.3.0"_qs;
        QTest::newRow("spaces") << u" v5.9.17785 "_qs << true << u"5.9.17785"_qs;
        QTest::newRow("four parts") << u"6.3.0.1"_qs << false << QString();
        QTest::newRow("letters") << u"6.x.0"_qs << false << QString();
        QTest::newRow("empty") << QString() << false << QString();
        QTest::newRow("overflow") << u"6.3000000000.0"_qs << false << QString();
        QTest::newRow("negative") << u"-6.3.0"_qs << false << QString();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, normalized);
        const auto v = Version::parse(text);
        QCOMPARE(v.has_value(), valid);
        if (valid) {
            QCOMPARE(v->toString(), normalized);
            QCOMPARE(v->tag(), u'v' + normalized);
        }
    }

    void fromSourceName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::newRow("tarball") << u"migrations-v6.3.0.tar.gz"_qs << u"6.3.0"_qs;
        QTest::newRow("tgz") << u"migrations-v7.2.1943.tgz"_qs << u"7.2.1943"_qs;
        QTest::newRow("zip") << u"v6.1.376.zip"_qs << u"6.1.376"_qs;
        QTest::newRow("folder v") << u"v6.3.0"_qs << u"6.3.0"_qs;
        QTest::newRow("folder bare") << u"6.3.0"_qs << u"6.3.0"_qs;
        QTest::newRow("no version") << u"migrations.tar.gz"_qs << QString();
        QTest::newRow("readme") << u"RELEASES.txt"_qs << QString();
    }
    void fromSourceName()
    {
        QFETCH(QString, name);
        QFETCH(QString, version);
        const auto v = Version::fromSourceName(name);
        QCOMPARE(v ? v->toString() : QString(), version);
    }

    // Numeric order, not text order and not release-date order: 5.9.17785 shipped after 6.0.0
    // but is older; 5.10.0 is newer than 5.9.x.
    void ordering_data()
    {
        QTest::addColumn<QString>("older");
        QTest::addColumn<QString>("newer");
        QTest::newRow("numeric minor") << u"5.9.17785"_qs << u"5.10.0"_qs;
        QTest::newRow("patch after date") << u"5.9.17785"_qs << u"6.0.0"_qs;
        QTest::newRow("numeric patch") << u"6.1.376"_qs << u"6.1.1295"_qs;
        QTest::newRow("major") << u"6.12.5040"_qs << u"7.0.0"_qs;
    }
    void ordering()
    {
        QFETCH(QString, older);
        QFETCH(QString, newer);
        QVERIFY(*Version::parse(older) < *Version::parse(newer));
        QVERIFY(Version::parse(older)->minorVersion() <= Version::parse(newer)->minorVersion());
    }
};

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
