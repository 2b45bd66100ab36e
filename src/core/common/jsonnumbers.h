#pragma once

#include <QJsonArray>

namespace passlane {

/// Ids (migration or OOB ids, any integer type) as a JSON array of integers. Every report and
/// export writes id lists through this one function.
template <typename List>
QJsonArray jsonNumbers(const List &ids)
{
    QJsonArray a;
    for (auto id : ids)
        a.append(qint64(id));
    return a;
}

} // namespace passlane
