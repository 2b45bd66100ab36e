#pragma once

#include "common/finding.h"
#include "common/progress.h"
#include "common/result.h"
#include "graph/stitchedgraph.h"
#include "oob/oobregistry.h"
#include "project/project.h"
#include "releases/release.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace passlane {

/// What to load: the inputs of the one-way flow sources -> releases -> stitched graph.
struct LoadRequest {
    QStringList sources;                     ///< archives, release folders, or folders of them
    QMap<QString, Version> versionOverrides; ///< source path -> version
    QStringList oobFiles;                    ///< oobmigrations.yaml files
    QList<AcceptedEdit> acceptedEdits;

    static LoadRequest fromProject(const Project &project);
};

/// Everything loaded and derived from a LoadRequest. A value: build it off the GUI thread,
/// then hand it over; nothing in it points back to the UI.
struct Catalog {
    QList<ReleasePtr> releases; ///< version order
    StitchedGraph graph;
    OobRegistry oob;
    Findings findings;          ///< loading, static checks, stitching and OOB registry, all together

    const Release *release(const Version &v) const;
    qsizetype migrationCount() const; ///< distinct definitions across schemas in the stitched graph
};

/// Reads, validates and stitches. Fails (naming the file) only when a source cannot be read at
/// all; everything wrong inside a readable source is a finding. Honors progress cancellation
/// (then fails with message "canceled").
Result<Catalog> loadCatalog(const LoadRequest &request, const Progress &progress = {});

} // namespace passlane
