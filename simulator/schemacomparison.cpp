#include "schemacomparison.h"

#include <QRegularExpression>
#include <QSet>

namespace passlane {

QString SchemaComparison::normalize(const QString &definition)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QRegularExpression aroundPunct(QStringLiteral("\\s*([(),;=<>+*/|-])\\s*"));
    QString s = definition;
    s.replace(space, QStringLiteral(" "));
    s.replace(aroundPunct, QStringLiteral("\\1"));
    return s.trimmed();
}

SchemaComparisonResult SchemaComparison::compare(const DbSchema &left, const DbSchema &right, const QString &schema,
                                                 const QString &leftLabel, const QString &rightLabel)
{
    SchemaComparisonResult result;
    result.schema = schema;
    result.left = leftLabel;
    result.right = rightLabel;
    using Kind = SchemaDifference::Kind;
    QSet<QString> keys;
    for (auto it = left.objects.cbegin(); it != left.objects.cend(); ++it)
        keys.insert(it.key());
    for (auto it = right.objects.cbegin(); it != right.objects.cend(); ++it)
        keys.insert(it.key());
    QStringList sorted(keys.cbegin(), keys.cend());
    sorted.sort();
    // Columns of tables that only one side has are covered by the table's own difference.
    auto tableOnlyOnOneSide = [&](const DbObject &column) {
        const QString table = column.name.section(u'.', 0, -2);
        const QString key = QStringLiteral("table:") + table;
        return left.objects.contains(key) != right.objects.contains(key);
    };
    for (const QString &key : sorted) {
        const auto l = left.objects.constFind(key);
        const auto r = right.objects.constFind(key);
        const bool inLeft = l != left.objects.cend(), inRight = r != right.objects.cend();
        const DbObject &obj = inLeft ? *l : *r;
        if (obj.type == u"column" && tableOnlyOnOneSide(obj))
            continue;
        if (!inLeft) {
            result.differences.append(SchemaDifference{Kind::Missing, r->type, r->name, {}, r->definition});
            continue;
        }
        if (!inRight) {
            result.differences.append(SchemaDifference{Kind::Extra, l->type, l->name, l->definition, {}});
            continue;
        }
        if (l->type == u"table") {
            // Column definitions are compared one by one; the table itself only reports order.
            if (l->columns != r->columns && QSet<QString>(l->columns.cbegin(), l->columns.cend())
                                               == QSet<QString>(r->columns.cbegin(), r->columns.cend()))
                result.differences.append(SchemaDifference{Kind::ColumnOrderOnly, l->type, l->name,
                                                           l->columns.join(QStringLiteral(", ")),
                                                           r->columns.join(QStringLiteral(", "))});
            continue;
        }
        if (l->definition == r->definition)
            continue;
        const Kind kind = normalize(l->definition) == normalize(r->definition) ? Kind::WhitespaceOnly : Kind::DefinitionChanged;
        result.differences.append(SchemaDifference{kind, l->type, l->name, l->definition, r->definition});
    }
    return result;
}

} // namespace passlane
