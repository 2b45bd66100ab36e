#include "signalcancel.h"

#include <atomic>
#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace passlane {

namespace {

std::atomic<int> g_signal{0};
std::atomic<bool> g_active{false};
int g_pipe[2] = {-1, -1};
struct sigaction g_oldInt;
struct sigaction g_oldTerm;

static_assert(std::atomic<int>::is_always_lock_free, "the signal flag must be lock-free");

extern "C" void passlaneOnSignal(int sig)
{
    const int saved = errno;
    int expected = 0;
    if (!g_signal.compare_exchange_strong(expected, sig)) {
        // Second signal: the user insists. Default disposition, then let it take effect.
        ::signal(sig, SIG_DFL);
        ::raise(sig);
    } else if (g_pipe[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
    }
    errno = saved;
}

} // namespace

SignalCancel::SignalCancel()
{
    bool expected = false;
    if (!g_active.compare_exchange_strong(expected, true))
        return; // another instance owns the handlers
    g_signal = 0;
    if (::pipe(g_pipe) == 0) {
        for (int fd : g_pipe) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
    } else {
        g_pipe[0] = g_pipe[1] = -1;
    }
    struct sigaction sa = {};
    sa.sa_handler = passlaneOnSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, &g_oldInt);
    ::sigaction(SIGTERM, &sa, &g_oldTerm);
    m_installed = true;
}

SignalCancel::~SignalCancel()
{
    if (!m_installed)
        return;
    ::sigaction(SIGINT, &g_oldInt, nullptr);
    ::sigaction(SIGTERM, &g_oldTerm, nullptr);
    for (int &fd : g_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    g_active = false;
}

bool SignalCancel::requested() const
{
    return m_installed && g_signal.load() != 0;
}

int SignalCancel::signalNumber() const
{
    return m_installed ? g_signal.load() : 0;
}

std::function<bool()> SignalCancel::canceledFunction() const
{
    if (!m_installed)
        return [] { return false; };
    return [] { return g_signal.load() != 0; };
}

int SignalCancel::readFd() const
{
    return m_installed ? g_pipe[0] : -1;
}

int SignalCancel::exitCode() const
{
    const int sig = signalNumber();
    return sig ? 128 + sig : 1;
}

} // namespace passlane
