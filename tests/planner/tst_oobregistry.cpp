// OOB registry: the product's YAML format, SQL registrations, conflicts, malformed input.
#include "fixtures.h"
#include "oob/oobregistry.h"
#include "oob/oobsql.h"
#include "synthetic.h"

#include <QtTest>

using namespace passlane;

class TestOobRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseYaml()
    {
        const QByteArray yaml = "- id: 42\n  team: skunkworks\n  component: db.skunk_payloads\n"
                                "  description: Re-encode <data> & more\n  non_destructive: true\n"
                                "  is_enterprise: false\n  introduced_version_major: 3\n  introduced_version_minor: 28\n"
                                "  deprecated_version_major: 3\n  deprecated_version_minor: 38\n"
                                "- id: 43\n  team: t\n  component: c\n  description: d\n  non_destructive: false\n"
                                "  introduced_version_major: 4\n  introduced_version_minor: 0\n";
        const auto parsed = OobRegistry::parseYaml(yaml, QStringLiteral("x.yaml"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), 2);
        const OobMigration &a = parsed->at(0);
        QCOMPARE(a.id, 42);
        QCOMPARE(a.description, QStringLiteral("Re-encode <data> & more"));
        QCOMPARE(a.introduced, (MinorVersion{3, 28}));
        QCOMPARE(a.deprecated, (std::optional<MinorVersion>(MinorVersion{3, 38})));
        QVERIFY(a.nonDestructive);
        QVERIFY(!parsed->at(1).deprecated);
        QVERIFY(!parsed->at(1).nonDestructive);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // must appear in the error
        QTest::newRow("syntax") << QByteArray("- id: 1\n  team: [unclosed\n") << "line ";
        QTest::newRow("not-a-list") << QByteArray("id: 1\n") << "line 1";
        QTest::newRow("id-not-int") << QByteArray("- id: one\n  introduced_version_major: 3\n  introduced_version_minor: 1\n")
                                    << "line 1: 'id' is not an integer";
        QTest::newRow("missing-introduced") << QByteArray("- id: 1\n  team: t\n") << "missing 'introduced_version_major'";
        QTest::newRow("half-deprecated") << QByteArray("- id: 1\n  introduced_version_major: 3\n  introduced_version_minor: 1\n"
                                                       "  deprecated_version_major: 3\n")
                                         << "together";
        QTest::newRow("bad-bool") << QByteArray("- id: 1\n  introduced_version_major: 3\n  introduced_version_minor: 1\n"
                                                "  non_destructive: maybe\n")
                                  << "line 4: 'non_destructive' is not true or false: 'maybe'";
        QTest::newRow("duplicate") << QByteArray("- id: 1\n  introduced_version_major: 3\n  introduced_version_minor: 1\n"
                                                 "- id: 1\n  introduced_version_major: 3\n  introduced_version_minor: 2\n")
                                   << "line 4: duplicate id 1";
    }
    void malformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const auto parsed = OobRegistry::parseYaml(yaml, QStringLiteral("bad.yaml"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().file, QStringLiteral("bad.yaml"));
        QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
    }

    void emptyFileIsEmptyRegistry()
    {
        const auto parsed = OobRegistry::parseYaml("# nothing yet\n", QStringLiteral("e.yaml"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed->isEmpty());
    }

    void sqlForms_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("introduced");
        QTest::addColumn<QString>("deprecated");
        // The seed's form: introduced as text, comments between values, ON CONFLICT.
        QTest::newRow("seed-insert") << QByteArray(
            "BEGIN;\nINSERT INTO out_of_band_migrations (id, team, component, description, introduced, non_destructive)\n"
            "VALUES (\n    42, -- consistent\n    'skunkworks', 'db.skunk_payloads', 'Re-encode our skunky data, it''s big',\n"
            "    '3.28.0', -- next minor\n    true\n)\nON CONFLICT DO NOTHING;\nCOMMIT;\n")
                                     << 1 << 42 << "3.28" << "";
        QTest::newRow("seed-update") << QByteArray("UPDATE out_of_band_migrations SET deprecated = '3.38.0' WHERE id = 42;")
                                     << 1 << 42 << "" << "3.38";
        QTest::newRow("column-form") << QByteArray(
            "INSERT INTO out_of_band_migrations (id, team, component, description, non_destructive, is_enterprise,\n"
            " introduced_version_major, introduced_version_minor)\nVALUES (17, 'code-insights', 'x', 'y', true, true, 4, 3)\n"
            "ON CONFLICT DO NOTHING;")
                                     << 1 << 17 << "4.3" << "";
        QTest::newRow("column-update-in") << QByteArray(
            "UPDATE out_of_band_migrations SET deprecated_version_major = 4, deprecated_version_minor = 0 WHERE id IN (1, 2);")
                                          << 2 << 1 << "" << "4.0";
        QTest::newRow("no-mention") << QByteArray("CREATE TABLE t (id int);") << 0 << 0 << "" << "";
        QTest::newRow("comment-only") << QByteArray("-- INSERT INTO out_of_band_migrations (id) VALUES (9);\nSELECT 1;")
                                      << 0 << 0 << "" << "";
    }
    void sqlForms()
    {
        QFETCH(QByteArray, sql);
        QFETCH(int, count);
        QFETCH(int, id);
        QFETCH(QString, introduced);
        QFETCH(QString, deprecated);
        const auto statements = parseOobSql(sql);
        QCOMPARE(statements.size(), count);
        if (!count)
            return;
        const OobSqlStatement &st = statements.first();
        QCOMPARE(st.id, id);
        QCOMPARE(st.introduced ? st.introduced->toString() : QString(), introduced);
        QCOMPARE(st.deprecated ? st.deprecated->toString() : QString(), deprecated);
    }

    void buildFromSqlAndYaml()
    {
        using passlane::test::makeRelease;
        // 6.0.0 registers 42 (non-destructive); 6.1.0 deprecates it at 6.5. The YAML says 6.6: conflict.
        auto r1 = std::make_shared<Release>(*makeRelease(QStringLiteral("6.0.0"), {{QStringLiteral("frontend"), {{1, {}}}}}));
        auto m = std::make_shared<Migration>(*r1->schemas[QStringLiteral("frontend")].migrations[1]);
        m->upQuery = "INSERT INTO out_of_band_migrations (id, team, component, description, introduced, non_destructive) "
                     "VALUES (42, 'team', 'db.t', 'desc', '6.0.0', true) ON CONFLICT DO NOTHING;";
        r1->schemas[QStringLiteral("frontend")].migrations[1] = m;
        auto r2 = std::make_shared<Release>(*r1);
        r2->version = Version{6, 1, 0};
        auto m2 = std::make_shared<Migration>();
        m2->id = 2;
        m2->parents = {1};
        m2->upQuery = "UPDATE out_of_band_migrations SET deprecated = '6.5.0' WHERE id = 42;";
        r2->schemas[QStringLiteral("frontend")].migrations.insert(2, m2);

        auto sqlOnly = OobRegistry::build({}, {r2, r1});
        QVERIFY(sqlOnly.ok());
        const OobMigration *found = sqlOnly->find(42);
        QVERIFY(found);
        QCOMPARE(found->introduced, (MinorVersion{6, 0}));
        QCOMPARE(found->deprecated, (std::optional<MinorVersion>(MinorVersion{6, 5})));
        QCOMPARE(found->firstSeen, (std::optional<Version>(Version{6, 0, 0})));
        QVERIFY(sqlOnly->findings().isEmpty());

        QTemporaryDir dir;
        const QString yamlPath = dir.filePath(QStringLiteral("oob.yaml"));
        QFile f(yamlPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("- id: 42\n  team: team\n  component: db.t\n  description: desc\n  non_destructive: true\n"
                "  introduced_version_major: 6\n  introduced_version_minor: 0\n"
                "  deprecated_version_major: 6\n  deprecated_version_minor: 6\n");
        f.close();
        auto both = OobRegistry::build({yamlPath}, {r1, r2});
        QVERIFY(both.ok());
        QCOMPARE(both->find(42)->deprecated, (std::optional<MinorVersion>(MinorVersion{6, 6}))); // YAML wins
        QCOMPARE(both->findings().size(), 1);
        QCOMPARE(both->findings().first().kind, QStringLiteral("oob-conflict"));
        QVERIFY(both->findings().first().message.contains(QLatin1String("6.5")));

        // Round trip through the product's format.
        const auto again = OobRegistry::parseYaml(both->toYaml(), QStringLiteral("rt.yaml"));
        QVERIFY(again.ok());
        QCOMPARE(again->size(), 1);
        QCOMPARE(again->first().deprecated, both->find(42)->deprecated);
    }

    void squashReplayKeepsDeprecation()
    {
        using passlane::test::makeRelease;
        // 6.0.0 registers 42, 6.1.0 deprecates it at 6.5, and 6.2.0 squashes 6.0.0's migration into
        // one that replays the INSERT without a deprecation (ON CONFLICT DO NOTHING): no conflict,
        // and the deprecation stands.
        const QByteArray insert = "INSERT INTO out_of_band_migrations (id, team, component, description, introduced, "
                                  "non_destructive) VALUES (42, 'team', 'db.t', 'desc', '6.0.0', true) "
                                  "ON CONFLICT DO NOTHING;";
        auto r1 = std::make_shared<Release>(*makeRelease(QStringLiteral("6.0.0"), {{QStringLiteral("frontend"), {{1, {}}}}}));
        auto m1 = std::make_shared<Migration>(*r1->schemas[QStringLiteral("frontend")].migrations[1]);
        m1->upQuery = insert;
        r1->schemas[QStringLiteral("frontend")].migrations[1] = m1;
        auto r2 = std::make_shared<Release>(*r1);
        r2->version = Version{6, 1, 0};
        auto m2 = std::make_shared<Migration>();
        m2->id = 2;
        m2->parents = {1};
        m2->upQuery = "UPDATE out_of_band_migrations SET deprecated = '6.5.0' WHERE id = 42;";
        r2->schemas[QStringLiteral("frontend")].migrations.insert(2, m2);
        auto r3 = std::make_shared<Release>(*r2);
        r3->version = Version{6, 2, 0};
        auto squashed = std::make_shared<Migration>(*m1);
        squashed->name = QStringLiteral("squashed migrations (unprivileged)");
        squashed->upQuery = "CREATE TABLE t (id int);\n" + insert;
        r3->schemas[QStringLiteral("frontend")].migrations[1] = squashed;

        const auto reg = OobRegistry::build({}, {r1, r2, r3});
        QVERIFY(reg.ok());
        QCOMPARE(reg->find(42)->deprecated, (std::optional<MinorVersion>(MinorVersion{6, 5})));
        QVERIFY2(reg->findings().isEmpty(), qPrintable(reg->findings().value(0).message));
    }

    void invalidWindowIsAFinding()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("oob.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("- id: 5\n  introduced_version_major: 6\n  introduced_version_minor: 4\n"
                "  deprecated_version_major: 6\n  deprecated_version_minor: 4\n");
        f.close();
        const auto reg = OobRegistry::build({path}, {});
        QVERIFY(reg.ok());
        QCOMPARE(reg->findings().size(), 1);
        QCOMPARE(reg->findings().first().kind, QStringLiteral("oob-invalid-window"));
        QCOMPARE(reg->findings().first().id, std::optional<qint64>(5));
    }

    void missingFileFails()
    {
        const auto r = OobRegistry::build({QStringLiteral("/nonexistent/oob.yaml")}, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("/nonexistent/oob.yaml"));
    }

    void realRegistries_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("deprecatedCount");
        // Counted by hand in the files: "- id:" lines, and entries carrying deprecated_version_major.
        QTest::newRow("3.3x-era") << "oobmigrations-3.3x-era.yaml" << 14 << 6;
        QTest::newRow("5.1-era") << "oobmigrations-5.1-era.yaml" << 17 << 14;
        QTest::newRow("whatif-6x") << "oobmigrations-whatif-6x.yaml" << 11 << 9;
    }
    void realRegistries()
    {
        PASSLANE_REQUIRE_FIXTURES(fixtures);
        QFETCH(QString, file);
        QFETCH(int, count);
        QFETCH(int, deprecatedCount);
        const auto parsed = OobRegistry::readYamlFile(fixtures + QStringLiteral("/oob/") + file);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), count);
        int deprecated = 0;
        for (const OobMigration &m : parsed.value())
            deprecated += m.deprecated.has_value();
        QCOMPARE(deprecated, deprecatedCount);
    }
};

QTEST_GUILESS_MAIN(TestOobRegistry)
#include "tst_oobregistry.moc"
