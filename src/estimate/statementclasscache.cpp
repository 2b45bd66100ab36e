#include "estimate/statementclasscache.h"

#include <QMutexLocker>

namespace passlane {

QList<ClassifiedStatement> StatementClassCache::classes(const QByteArray &sql) const
{
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_classes.constFind(sql);
        if (it != m_classes.cend())
            return *it;
    }
    // Lexed outside the lock: two threads may classify the same text once each, never wait.
    QList<ClassifiedStatement> classified = classifyStatements(sql);
    QMutexLocker lock(&m_mutex);
    m_classes.insert(sql, classified);
    return classified;
}

} // namespace passlane
