#include "schemareader.h"

namespace passlane {

namespace {

// Namespaces to describe: user schemas only.
const char *const kUserNs = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                            "AND n.nspname NOT LIKE 'pg_temp%'";
// Objects that belong to an extension (CREATE EXTENSION pg_trgm adds functions to public).
const char *const kNotExt = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %1 AND d.deptype = 'e')";

QString q(const char *sql, const QString &oidExpr = {})
{
    QString s = QString::fromLatin1(sql).replace(QLatin1String("$NS"), QString::fromLatin1(kUserNs));
    if (!oidExpr.isEmpty())
        s.replace(QLatin1String("$NOTEXT"), QString::fromLatin1(kNotExt).arg(oidExpr));
    return s;
}

bool bookkeeping(const QString &name)
{
    return name.contains(QLatin1String("migration_logs"));
}

} // namespace

Result<DbSchema> SchemaReader::take(PgSession &session)
{
    DbSchema schema;
    auto add = [&](const QString &type, const QString &name, const QString &def) {
        if (bookkeeping(name))
            return;
        schema.objects.insert(type + u':' + name, DbObject{type, name, def, {}});
    };
    // Columns, in attnum order: tables compare by column definitions and by order.
    auto cols = session.rows(q("SELECT n.nspname || '.' || c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
                               "a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated "
                               "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                               "JOIN pg_namespace n ON n.oid = c.relnamespace "
                               "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
                               "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND $NS AND $NOTEXT "
                               "ORDER BY 1, a.attnum", QStringLiteral("c.oid")));
    if (!cols)
        return cols.error();
    for (const QStringList &r : cols.value()) {
        const QString table = r.at(0);
        if (bookkeeping(table))
            continue;
        QString def = r.at(2);
        if (r.at(3) == u"true")
            def += QStringLiteral(" NOT NULL");
        if (!r.at(4).isEmpty())
            def += QStringLiteral(" DEFAULT ") + r.at(4);
        if (!r.at(5).isEmpty())
            def += QStringLiteral(" IDENTITY ") + r.at(5);
        const QString key = QStringLiteral("table:") + table;
        DbObject &t = schema.objects[key];
        t.type = QStringLiteral("table");
        t.name = table;
        t.columns.append(r.at(1));
        t.definition += (t.definition.isEmpty() ? QString() : QStringLiteral(", ")) + r.at(1) + u' ' + def;
        add(QStringLiteral("column"), table + u'.' + r.at(1), def);
    }
    struct Query {
        const char *type;
        const char *sql;
        const char *oid;
    };
    const Query queries[] = {
        {"index", "SELECT n.nspname || '.' || c.relname, pg_get_indexdef(c.oid) FROM pg_index i "
                  "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE $NS AND $NOTEXT", "i.indrelid"},
        {"constraint", "SELECT n.nspname || '.' || cl.relname || '.' || co.conname, pg_get_constraintdef(co.oid) "
                       "FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid "
                       "JOIN pg_namespace n ON n.oid = co.connamespace WHERE $NS AND $NOTEXT", "co.conrelid"},
        {"view", "SELECT n.nspname || '.' || c.relname, "
                 "CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || pg_get_viewdef(c.oid) "
                 "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE c.relkind IN ('v', 'm') AND $NS AND $NOTEXT", "c.oid"},
        {"function", "SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid) FROM pg_proc p "
                     "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p', 'w') AND $NS AND $NOTEXT",
         "p.oid"},
        {"aggregate", "SELECT p.oid::regprocedure::text, 'aggregate' FROM pg_proc p "
                      "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'a' AND $NS AND $NOTEXT", "p.oid"},
        {"trigger", "SELECT n.nspname || '.' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE NOT t.tgisinternal AND $NS AND $NOTEXT", "t.tgrelid"},
        {"sequence", "SELECT n.nspname || '.' || c.relname, format('%s start %s increment %s min %s max %s cycle %s', "
                     "format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle) "
                     "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
                     "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE $NS AND $NOTEXT", "c.oid"},
        {"type", "SELECT n.nspname || '.' || t.typname, CASE t.typtype WHEN 'e' THEN 'enum (' || "
                 "(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e "
                 "WHERE e.enumtypid = t.oid) || ')' WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod) "
                 "ELSE 'composite' END FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                 "WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c "
                 "WHERE c.oid = t.typrelid AND c.relkind = 'c'))) AND $NS AND $NOTEXT", "t.oid"},
        {"extension", "SELECT e.extname, e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql'", nullptr},
        {"schema", "SELECT n.nspname, n.nspname FROM pg_namespace n WHERE $NS AND n.nspname <> 'public'", nullptr},
    };
    for (const Query &query : queries) {
        auto rows = session.rows(q(query.sql, query.oid ? QString::fromLatin1(query.oid) : QString()));
        if (!rows)
            return Error{rows.error().file, QStringLiteral("%1 snapshot: %2").arg(QString::fromLatin1(query.type), rows.error().message)};
        for (const QStringList &r : rows.value())
            add(QString::fromLatin1(query.type), r.at(0), r.at(1));
    }
    return schema;
}

} // namespace passlane
