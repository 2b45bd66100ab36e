#pragma once

#include "catalog/catalog.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

/// Runs loadCatalog on a worker thread (QtConcurrent::run with a QPromise) and reports
/// progress; cancel() asks the core to stop. Only the latest request reports back.
class CatalogLoader : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        std::shared_ptr<const passlane::Catalog> catalog;
        QString error;
    };

    explicit CatalogLoader(QObject *parent = nullptr);
    ~CatalogLoader() override;

    void start(const passlane::LoadRequest &request);
    void cancel();
    bool isRunning() const { return m_busy; } ///< until the result has been announced

Q_SIGNALS:
    void started();
    void progress(int value, int maximum, const QString &what);
    void loaded(std::shared_ptr<const passlane::Catalog> catalog, qint64 milliseconds);
    void failed(const QString &message);
    void canceled();

private:
    void onFinished();

    QFutureWatcher<Outcome> m_watcher;
    qint64 m_startedAt = 0;
    bool m_busy = false;
};
