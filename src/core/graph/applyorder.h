#pragma once

#include <QList>
#include <QMap>

namespace passlane {

/// The one order in which a schema's migrations are applied, the same as the product's
/// migrator: a depth-first walk from the root that visits children in descending id order and
/// records a migration once all of its children are recorded; the reverse of that record is the
/// order. Parents therefore always come before children, and of two unrelated migrations the
/// one on the smaller-id branch comes first. A step applies the migrations it needs in this
/// order (down steps in its reverse).
///
/// `parents` maps every id to its parents (parents outside the map are ignored). Several roots
/// are walked as children of one virtual root (descending id); ids only reachable through a
/// cycle (a graph finding elsewhere) are appended by ascending id so that nothing is lost.
QList<qint64> applyOrder(const QMap<qint64, QList<qint64>> &parents);

} // namespace passlane
