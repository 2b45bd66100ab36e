#pragma once

#include "common/finding.h"
#include "common/version.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QList>

namespace passlane {

/// A finding plus the identity of the problem it describes: the same key in several releases
/// means the same problem carried along (an unchanged definition, a persisting graph defect).
struct KeyedFinding {
    Finding finding;
    QByteArray key;
};

/// Reports each problem once, at the first release (by version) that has it, and says in the
/// message how many releases carry it. Feed releases in any order; result() sorts.
class FindingMerger {
public:
    void add(const Version &release, const KeyedFinding &kf);
    void add(const Version &release, const QList<KeyedFinding> &kfs);
    /// Findings without a key or release are kept as they are.
    void addPlain(const Finding &f) { m_plain.append(f); }

    /// Merged findings: sorted by release version, schema, id, kind.
    Findings result() const;

private:
    struct Group {
        Finding first;
        Version firstVersion;
        Version lastVersion;
        QSet<Version> releases; ///< distinct releases: one release can report a key twice
    };
    QHash<QByteArray, Group> m_groups;
    Findings m_plain;
};

/// Sorts findings for display: release (as a version), schema, id, kind, file.
void sortFindings(Findings &findings);

} // namespace passlane
