#include "sources/folderreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace passlane {

namespace {

struct Listed {
    QString rel;     ///< '/'-separated, relative to the source root
    qint64 size = 0;
};

/// Walks a real folder with openat/fdopendir: names stay bytes until checked as UTF-8, and
/// every error is reported instead of skipped.
class Walker {
public:
    Walker(SourceTree &tree) : m_tree(tree) {}

    void walk(int dirFd, const QString &relDir, int depth)
    {
        DIR *dir = ::fdopendir(dirFd);
        if (!dir) {
            ::close(dirFd);
            unreadable(relDir, errno);
            return;
        }
        errno = 0;
        while (dirent *e = ::readdir(dir)) {
            const QByteArray raw(e->d_name);
            if (raw == "." || raw == "..")
                continue;
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString name = utf8.decode(raw);
            const QString rel = relDir.isEmpty() ? name : relDir + u'/' + name;
            if (utf8.hasError()) {
                add(QLatin1String("bad-file-name"), rel, QStringLiteral("the name is not valid UTF-8; skipped"));
                continue;
            }
            struct stat st {};
            if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
                add(QLatin1String("unreadable-entry"), rel,
                    QStringLiteral("cannot inspect: %1; skipped").arg(QString::fromLocal8Bit(std::strerror(errno))));
                continue;
            }
            if (S_ISLNK(st.st_mode)) {
                add(QLatin1String("unsafe-entry"), rel, QStringLiteral("symbolic link in a source folder; not followed, skipped"));
            } else if (S_ISDIR(st.st_mode)) {
                if (depth >= limits::folderDepth) {
                    add(QLatin1String("unreadable-entry"), rel,
                        QStringLiteral("more than %1 folder levels deep; skipped").arg(limits::folderDepth));
                    continue;
                }
                const int fd = ::openat(::dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (fd < 0)
                    unreadable(rel, errno);
                else
                    walk(fd, rel, depth + 1);
            } else if (isSnapshotFile(rel)) {
                if (S_ISREG(st.st_mode))
                    files.append(Listed{rel, qint64(st.st_size)});
                else
                    add(QLatin1String("unsafe-entry"), rel, QStringLiteral("not a regular file (a FIFO, device or socket); skipped"));
            }
            errno = 0;
        }
        if (errno != 0)
            unreadable(relDir, errno);
        ::closedir(dir);
    }

    QList<Listed> files;

private:
    void unreadable(const QString &rel, int err)
    {
        add(QLatin1String("unreadable-folder"), rel,
            QStringLiteral("cannot list this folder: %1; the migrations in it are not loaded")
                .arg(QString::fromLocal8Bit(std::strerror(err))));
    }
    void add(QLatin1String kind, const QString &rel, const QString &message)
    {
        m_tree.findings.append(Finding::about(Severity::Error, kind,
                                              rel.isEmpty() ? m_tree.source : m_tree.displayPath(rel), message));
    }

    SourceTree &m_tree;
};

/// Qt resources (the bundled sample) cannot be opened with POSIX calls; they are part of the
/// program, so QDirIterator's silent skipping cannot hide anything there.
QList<Listed> listResource(const QString &folder)
{
    QList<Listed> out;
    const QDir root(folder);
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = root.relativeFilePath(path);
        if (isSnapshotFile(rel))
            out.append(Listed{rel, it.fileInfo().size()});
    }
    return out;
}

} // namespace

Result<SourceTree> FolderReader::read(const QString &folderIn, LoadBudget *budget)
{
    using R = Result<SourceTree>;
    const QString folder = QDir::cleanPath(folderIn); // "releases/v1.0.0/" -> "releases/v1.0.0"
    const bool resource = folder.startsWith(u':');
    // Real folders are read by absolute path: nothing depends on how the caller spelled it.
    const QString root = resource ? folder : QFileInfo(folder).absoluteFilePath();
    if (!QFileInfo(root).isDir())
        return R::failure(folder, QStringLiteral("no such folder"));

    SourceTree tree;
    tree.source = folder;
    QList<Listed> files;
    if (resource) {
        files = listResource(root);
    } else {
        const int fd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return R::failure(folder, QStringLiteral("cannot list folder: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        Walker walker(tree);
        walker.walk(fd, QString(), 0);
        files = std::move(walker.files);
    }
    std::sort(files.begin(), files.end(), [](const Listed &a, const Listed &b) { return a.rel < b.rel; });

    qint64 kept = 0;
    for (const Listed &f : std::as_const(files)) {
        const QString path = root + u'/' + f.rel;
        if (f.size > limits::sourceFile) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("file-too-large"), tree.displayPath(f.rel),
                                                QStringLiteral("%1 bytes, more than the limit of %2; skipped")
                                                    .arg(f.size)
                                                    .arg(limits::sourceFile)));
            continue;
        }
        Result<QByteArray> data = resource ? [&]() -> Result<QByteArray> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error{path, QStringLiteral("cannot read: ") + file.errorString()};
            return file.readAll();
        }()
                                           : readRegularFile(path, limits::sourceFile);
        if (!data)
            return R::failure(tree.displayPath(f.rel), data.error().message);
        kept += data->size();
        if (kept > limits::sourceTotal)
            return R::failure(folder, QStringLiteral("more than %1 MiB of snapshot files").arg(limits::sourceTotal / limits::MiB));
        if (budget && !budget->take(data->size()))
            return R::failure(folder, QStringLiteral("the sources of this load hold more than %1 MiB of snapshot files in total")
                                          .arg(budget->total() / limits::MiB));
        tree.files.append(SourceFile{f.rel, std::move(data).value()});
    }
    return tree;
}

} // namespace passlane
