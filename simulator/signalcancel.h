#pragma once

#include <functional>

namespace passlane {

/// Turns SIGINT and SIGTERM into a cancel request for the duration of a run, so the run can roll
/// back the migration in progress and drop its scratch databases instead of dying with them.
/// The handler only does async-signal-safe things: it sets an atomic flag and writes one byte to a
/// self-pipe (readFd(), for an event loop's socket notifier). A second signal restores the default
/// disposition and re-raises it: a run that does not stop can still be killed at once.
/// One instance at a time; the previous handlers come back when it is destroyed.
class SignalCancel {
public:
    SignalCancel();
    ~SignalCancel();
    SignalCancel(const SignalCancel &) = delete;
    SignalCancel &operator=(const SignalCancel &) = delete;

    bool installed() const { return m_installed; }
    bool requested() const;  ///< a signal arrived
    int signalNumber() const; ///< the first signal received, 0 when none
    /// For Progress::canceled (true once a signal arrived; combine with the caller's own cancel).
    std::function<bool()> canceledFunction() const;
    int readFd() const;      ///< readable once a signal arrived; -1 when not installed
    /// The conventional exit status after the signal: 128 + its number (130 for SIGINT), or 1.
    int exitCode() const;

private:
    bool m_installed = false;
};

} // namespace passlane
