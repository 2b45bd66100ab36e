#include "common/safefile.h"

#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace passlane {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a directory");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

QString sizeText(qint64 bytes)
{
    if (bytes >= limits::MiB)
        return QStringLiteral("%1 MiB").arg(double(bytes) / double(limits::MiB), 0, 'f', bytes % limits::MiB ? 1 : 0);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString errnoText(int err) { return QString::fromLocal8Bit(std::strerror(err)); }

/// Closes the descriptor on every return path.
struct FdGuard {
    int fd = -1;
    ~FdGuard()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

QString nonRegularKind(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || S_ISREG(st.st_mode))
        return {};
    return kindOf(st.st_mode);
}

Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes, const QString &what)
{
    const QString name = what.isEmpty() ? QStringLiteral("file") : what;
    if (path.startsWith(u':')) { // a Qt resource (the bundled sample): part of the program itself
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result<QByteArray>::failure(path, QStringLiteral("cannot open %1: %2").arg(name, file.errorString()));
        if (file.size() > maxBytes)
            return Result<QByteArray>::failure(path, QStringLiteral("%1 is too large (%2; the limit is %3)")
                                                         .arg(name, sizeText(file.size()), sizeText(maxBytes)));
        return file.readAll();
    }
    if (path.startsWith(QLatin1String(":/"))) {
        // A Qt resource compiled into the program (the bundled sample): bounded, never a device.
        QFile resource(path);
        if (!resource.open(QIODevice::ReadOnly))
            return Result<QByteArray>::failure(path, QStringLiteral("cannot open %1: %2").arg(name, resource.errorString()));
        if (resource.size() > maxBytes)
            return Result<QByteArray>::failure(path, QStringLiteral("%1 is too large").arg(name));
        return resource.readAll();
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused after fstat anyway.
    FdGuard fd{::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (fd.fd < 0)
        return Result<QByteArray>::failure(path, QStringLiteral("cannot open %1: %2").arg(name, errnoText(errno)));
    struct stat st {};
    if (::fstat(fd.fd, &st) != 0)
        return Result<QByteArray>::failure(path, QStringLiteral("cannot read %1: %2").arg(name, errnoText(errno)));
    if (!S_ISREG(st.st_mode))
        return Result<QByteArray>::failure(
            path, QStringLiteral("cannot read %1: it is %2, not a regular file").arg(name, kindOf(st.st_mode)));
    const auto tooLarge = [&](qint64 size) {
        return Result<QByteArray>::failure(
            path, QStringLiteral("%1 is too large (%2; the limit is %3)").arg(name, sizeText(size), sizeText(maxBytes)));
    };
    if (qint64(st.st_size) > maxBytes)
        return tooLarge(qint64(st.st_size));
    // Back to blocking reads for a regular file (O_NONBLOCK has no effect on them, but be plain).
    ::fcntl(fd.fd, F_SETFL, ::fcntl(fd.fd, F_GETFL) & ~O_NONBLOCK);

    QByteArray data;
    data.resize(qsizetype(st.st_size));
    qint64 got = 0;
    for (;;) {
        if (got == data.size()) {
            // The file may have grown since fstat: read on, within the limit plus one byte.
            if (got > maxBytes)
                return tooLarge(got);
            data.resize(qsizetype(std::min<qint64>(maxBytes + 1, std::max<qint64>(got * 2, got + 65536))));
        }
        const ssize_t n = ::read(fd.fd, data.data() + got, size_t(data.size() - got));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return Result<QByteArray>::failure(path, QStringLiteral("cannot read %1: %2").arg(name, errnoText(errno)));
        }
        if (n == 0)
            break;
        got += n;
    }
    if (got > maxBytes)
        return tooLarge(got);
    data.truncate(qsizetype(got));
    return data;
}

Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    if (path.isEmpty())
        return Status::failure(path, QStringLiteral("cannot write: no file name given"));
    const QString kind = nonRegularKind(path);
    if (!kind.isEmpty())
        return Status::failure(path, QStringLiteral("refusing to write: it is %1, not a regular file").arg(kind));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(path, QStringLiteral("cannot write: ") + file.errorString());
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Status::failure(path, QStringLiteral("cannot write: ") + why);
    }
    if (!file.commit())
        return Status::failure(path, QStringLiteral("cannot save: ") + file.errorString());
    return success();
}

} // namespace passlane
