#include "catalogloader.h"

#include <QDateTime>
#include <QPromise>
#include <QtConcurrent>

using namespace passlane;

CatalogLoader::CatalogLoader(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &CatalogLoader::onFinished);
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this, [this](int value) {
        Q_EMIT progress(value, m_watcher.progressMaximum(), m_watcher.progressText());
    });
}

CatalogLoader::~CatalogLoader()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void CatalogLoader::start(const LoadRequest &request)
{
    if (m_watcher.isRunning()) {
        // The old job's result is dropped: the watcher follows the new future from here on.
        m_watcher.cancel();
    }
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_busy = true;
    auto job = [request](QPromise<Outcome> &promise) {
        Progress progress;
        progress.report = [&promise](qint64 done, qint64 total, const QString &what) {
            promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
            promise.setProgressValueAndText(int(std::min<qint64>(done, INT_MAX)), what);
        };
        progress.canceled = [&promise] { return promise.isCanceled(); };
        Result<Catalog> result = loadCatalog(request, progress);
        if (result)
            promise.addResult(Outcome{std::make_shared<const Catalog>(std::move(result).value()), {}});
        else
            promise.addResult(Outcome{nullptr, result.error().toString()});
    };
    m_watcher.setFuture(QtConcurrent::run(job));
    Q_EMIT started();
}

void CatalogLoader::cancel()
{
    m_watcher.cancel();
}

void CatalogLoader::onFinished()
{
    m_busy = false;
    const QFuture<Outcome> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        Q_EMIT canceled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.catalog)
        Q_EMIT loaded(outcome.catalog, QDateTime::currentMSecsSinceEpoch() - m_startedAt);
    else
        Q_EMIT failed(outcome.error);
}
