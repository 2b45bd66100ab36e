#pragma once

#include "sql/statementclass.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>

namespace passlane {

/// The statement classes of a catalog's migrations, each SQL text lexed once. Classification
/// depends on the SQL only, so front ends that evaluate the same catalog again and again (the GUI
/// on every lane drag) share one cache. Thread-safe; the keys share the catalog's bytes.
class StatementClassCache {
public:
    QList<ClassifiedStatement> classes(const QByteArray &sql) const;

private:
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, QList<ClassifiedStatement>> m_classes;
};

} // namespace passlane
