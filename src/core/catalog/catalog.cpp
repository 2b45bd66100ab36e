#include "catalog/catalog.h"

#include "graph/releasegraph.h"
#include "releases/definitionstore.h"
#include "releases/findingmerger.h"
#include "releases/snapshotparser.h"
#include "sources/archivereader.h"
#include "sources/folderreader.h"
#include "sources/sourcescanner.h"

#include <QtConcurrent>

#include <atomic>

namespace passlane {

LoadRequest LoadRequest::fromProject(const Project &project)
{
    LoadRequest r;
    r.sources = project.sources;
    r.versionOverrides = project.versionOverrides;
    r.oobFiles = project.oobFiles;
    r.acceptedEdits = project.acceptedEdits;
    return r;
}

const Release *Catalog::release(const Version &v) const
{
    for (const ReleasePtr &r : releases)
        if (r->version == v)
            return r.get();
    return nullptr;
}

qsizetype Catalog::migrationCount() const
{
    qsizetype n = 0;
    for (const QString &s : graph.schemas())
        n += graph.definitions(s).size();
    return n;
}

namespace {

/// Reads one source and parses it; runs on a pool thread.
Result<ParsedRelease> loadOne(const ReleaseSource &source, DefinitionStore &store, LoadBudget &budget,
                              const Progress &progress, const std::atomic_bool &stop)
{
    if (stop.load() || progress.isCanceled())
        return Result<ParsedRelease>::failure(source.path, QStringLiteral("canceled"));
    Result<SourceTree> tree = source.isArchive ? ArchiveReader::read(source.path, &budget)
                                               : FolderReader::read(source.path, &budget);
    if (!tree)
        return tree.error();
    ParsedRelease parsed = SnapshotParser::parse(*tree, source.version, source.date, store);
    for (const SchemaSnapshot &s : parsed.release->schemas)
        parsed.findings.append(ReleaseGraph::check(*parsed.release, s));
    return parsed;
}

} // namespace

Result<Catalog> loadCatalog(const LoadRequest &request, const Progress &progress)
{
    using R = Result<Catalog>;
    QList<ReleaseSource> sources;
    for (const QString &path : request.sources) {
        auto scanned = SourceScanner::scan(path, request.versionOverrides);
        if (!scanned)
            return scanned.error();
        sources.append(*scanned);
    }
    if (sources.isEmpty())
        return R::failure(QString(), QStringLiteral("no sources given"));
    std::stable_sort(sources.begin(), sources.end(),
                     [](const ReleaseSource &a, const ReleaseSource &b) { return a.version < b.version; });

    FindingMerger merger;
    QList<ReleaseSource> unique;
    for (const ReleaseSource &s : sources) {
        if (!unique.isEmpty() && unique.last().version == s.version) {
            Finding f;
            f.severity = Severity::Warning;
            f.kind = QStringLiteral("duplicate-release");
            f.release = s.version.toString();
            f.file = s.path;
            f.message = QStringLiteral("release %1 is also read from %2; this copy is ignored")
                            .arg(s.version.toString(), unique.last().path);
            merger.addPlain(f);
            continue;
        }
        unique.append(s);
    }

    // Both cores: one task per source; identical contents are shared through the store.
    DefinitionStore store;
    LoadBudget budget; // limits::loadTotal of file contents across every source of this load
    std::atomic_bool stop{false};
    // A local pool: the caller may itself run on the global pool (the GUI loads off-thread), and
    // its destructor waits for every task before `store` goes away, even on early return.
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    QList<QFuture<Result<ParsedRelease>>> futures;
    futures.reserve(unique.size());
    for (const ReleaseSource &s : std::as_const(unique))
        futures.append(QtConcurrent::run(&pool, [&store, &budget, &progress, &stop, s] {
            return loadOne(s, store, budget, progress, stop);
        }));

    Catalog catalog;
    std::optional<Error> failure;
    const qint64 total = unique.size() + 2;
    for (qsizetype i = 0; i < futures.size(); ++i) {
        futures[i].waitForFinished();
        if (failure)
            continue;
        if (progress.isCanceled()) {
            stop = true;
            failure = Error{QString(), QStringLiteral("canceled")};
            continue;
        }
        Result<ParsedRelease> parsed = futures[i].takeResult();
        if (!parsed) {
            stop = true;
            failure = parsed.error();
            continue;
        }
        merger.add(unique[i].version, parsed->findings);
        catalog.releases.append(parsed->release);
        progress.update(i + 1, total, unique[i].path);
    }
    if (failure)
        return *failure;

    catalog.graph = StitchedGraph::build(catalog.releases, request.acceptedEdits);
    for (const Finding &f : catalog.graph.findings())
        merger.addPlain(f);
    progress.update(total - 1, total, QStringLiteral("stitched"));
    if (progress.isCanceled())
        return R::failure(QString(), QStringLiteral("canceled"));

    auto oob = OobRegistry::build(request.oobFiles, catalog.releases);
    if (!oob)
        return oob.error();
    catalog.oob = std::move(oob).value();
    for (const Finding &f : catalog.oob.findings())
        merger.addPlain(f);
    catalog.findings = merger.result();
    progress.update(total, total, QStringLiteral("done"));
    return catalog;
}

} // namespace passlane
