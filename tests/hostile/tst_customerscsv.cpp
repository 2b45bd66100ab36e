// CustomersCsv: the one reader of `version,instances` files.
#include "common/safefile.h"
#include "project/customerscsv.h"

#include "fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace passlane;

namespace {

/// "5.9.45=12 6.0.0=3": the parsed rows in order, for compact expectations.
QString rowsText(const QList<SourceWeight> &rows)
{
    QStringList out;
    for (const SourceWeight &w : rows)
        out << w.version.toString() + u'=' + QString::number(w.instances);
    return out.join(u' ');
}

} // namespace

class TestCustomersCsv : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("rows");  // expected rows, empty when an error is expected
        QTest::addColumn<QString>("error"); // expected error text (after "file: ")

        QTest::newRow("header and rows") << QByteArray("version,instances\n5.9.45,12\n6.0.0,3\n") << u"5.9.45=12 6.0.0=3"_qs << QString();
        QTest::newRow("no header") << QByteArray("5.9.45,12\n") << u"5.9.45=12"_qs << QString();
        QTest::newRow("crlf and bom") << QByteArray("\xEF\xBB\xBFversion,instances\r\n5.9.45,12\r\n6.0.0,3\r\n") << u"5.9.45=12 6.0.0=3"_qs << QString();
        QTest::newRow("quoted fields") << QByteArray("\"version\",\"instances\"\n\"5.9.45\",\"12\"\n") << u"5.9.45=12"_qs << QString();
        QTest::newRow("comments and blank lines") << QByteArray("# fleet, March\n\n  \nversion,instances\n# old\n5.9.45,1\n\n") << u"5.9.45=1"_qs << QString();
        QTest::newRow("spaces around cells") << QByteArray(" 5.9.45 , 12 \n") << u"5.9.45=12"_qs << QString();
        QTest::newRow("same version summed") << QByteArray("5.9.45,2\n6.0.0,1\nv5.9.45,3\n") << u"5.9.45=5 6.0.0=1"_qs << QString();
        QTest::newRow("zero instances") << QByteArray("5.9.45,0\n") << u"5.9.45=0"_qs << QString();
        QTest::newRow("no final newline") << QByteArray("5.9.45,7") << u"5.9.45=7"_qs << QString();
        QTest::newRow("empty file") << QByteArray() << QString() << QString();
        QTest::newRow("two billion twice does not wrap")
            << QByteArray("5.9.45,2000000000\n6.0.0,2000000000\n") << u"5.9.45=2000000000 6.0.0=2000000000"_qs << QString();

        QTest::newRow("bad version") << QByteArray("version,instances\n5.9.45,1\nsix,2\n") << QString() << u"line 3: 'six' is not a version"_qs;
        QTest::newRow("negative count") << QByteArray("5.9.45,-4\n") << QString() << u"line 1: '-4' is not an instance count"_qs;
        QTest::newRow("fractional count") << QByteArray("5.9.45,1.5\n") << QString() << u"line 1: '1.5' is not an instance count"_qs;
        QTest::newRow("missing count") << QByteArray("5.9.45\n") << QString() << u"line 1: expected 2 fields"_qs;
        QTest::newRow("empty count") << QByteArray("5.9.45,\n") << QString() << u"line 1: '' is not an instance count"_qs;
        QTest::newRow("extra column") << QByteArray("5.9.45,1,acme\n") << QString() << u"line 1: expected 2 fields (version,instances), found 3"_qs;
        QTest::newRow("count overflows int64")
            << QByteArray("5.9.45,99999999999999999999\n") << QString() << u"line 1: '99999999999999999999' is not an instance count"_qs;
        QTest::newRow("total overflows int64")
            << QByteArray("5.9.45,9223372036854775807\n6.0.0,1\n") << QString() << u"line 2: '1' instances make the total overflow"_qs;
        QTest::newRow("unclosed quote") << QByteArray("\"5.9.45,1\n") << QString() << u"line 1: a quoted field is not closed"_qs;
        QTest::newRow("header only once") << QByteArray("5.9.45,1\nversion,instances\n") << QString() << u"line 2: 'version' is not a version"_qs;
        QTest::newRow("crlf line numbers") << QByteArray("version,instances\r\n\r\n# c\r\n5.9.45,x\r\n") << QString() << u"line 4: 'x' is not an instance count"_qs;
    }
    void parse()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, rows);
        QFETCH(QString, error);
        const auto parsed = CustomersCsv::parse(csv, u"fleet.csv"_qs);
        if (error.isEmpty()) {
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
            QCOMPARE(rowsText(parsed.value()), rows);
        } else {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().file, u"fleet.csv"_qs);
            QVERIFY2(parsed.error().message.startsWith(error), qPrintable(parsed.error().message));
        }
    }

    void readFileRefusesNonRegular_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");
        QTest::newRow("/dev/zero") << u"/dev/zero"_qs << u"it is a character device, not a regular file"_qs;
        QTest::newRow("directory") << u"/tmp"_qs << u"it is a directory, not a regular file"_qs;
        QTest::newRow("fifo") << u"FIFO"_qs << u"it is a FIFO, not a regular file"_qs;
        QTest::newRow("missing") << u"/nonexistent/fleet.csv"_qs << u"cannot open customers CSV"_qs;
    }
    void readFileRefusesNonRegular()
    {
        QFETCH(QString, path);
        QFETCH(QString, error);
        if (path == u"FIFO") {
            path = m_dir.filePath(u"fleet.fifo"_qs);
            if (!QFileInfo::exists(path))
                QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        }
        QElapsedTimer timer;
        timer.start();
        const auto parsed = CustomersCsv::readFile(path);
        QVERIFY(timer.elapsed() < 1000); // never waits for a writer or reads an endless device
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().file, path);
        QVERIFY2(parsed.error().message.contains(error), qPrintable(parsed.error().toString()));
    }

    void readFileTooLarge()
    {
        // A sparse file past the limit: refused from its size, without reading it.
        const QString path = m_dir.filePath(u"huge.csv"_qs);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(limits::customersCsv + 1));
        f.close();
        const auto parsed = CustomersCsv::readFile(path);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(u"too large"_qs), qPrintable(parsed.error().toString()));
    }

    void readFileRealExample()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        const QString path = fixtures + u"/customers-example.csv"_qs;
        const auto parsed = CustomersCsv::readFile(path);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QVERIFY(parsed->size() >= 10);
        QCOMPARE(parsed->first().version.toString(), u"5.8.1579"_qs);
        QCOMPARE(parsed->first().instances, 3);
    }
};

QTEST_GUILESS_MAIN(TestCustomersCsv)
#include "tst_customerscsv.moc"
