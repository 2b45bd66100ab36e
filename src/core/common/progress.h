#pragma once

#include <QString>

#include <functional>

namespace passlane {

/// How long-running core work reports progress and learns that it should stop.
/// The GUI wires this to a QPromise (progress value + isCanceled); the CLI and tests leave it empty.
struct Progress {
    std::function<void(qint64 done, qint64 total, const QString &what)> report;
    std::function<bool()> canceled;

    void update(qint64 done, qint64 total, const QString &what = {}) const
    {
        if (report)
            report(done, total, what);
    }
    bool isCanceled() const { return canceled && canceled(); }
};

} // namespace passlane
