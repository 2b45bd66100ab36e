#include "sources/archivereader.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace passlane {

namespace {

struct ArchiveDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};

QString archiveError(archive *a)
{
    const char *msg = archive_error_string(a);
    return msg ? QString::fromLocal8Bit(msg) : QStringLiteral("unknown archive error");
}

} // namespace

bool ArchiveReader::isArchiveName(QStringView fileName)
{
    return fileName.endsWith(u".tar.gz", Qt::CaseInsensitive) || fileName.endsWith(u".tgz", Qt::CaseInsensitive)
        || fileName.endsWith(u".tar", Qt::CaseInsensitive) || fileName.endsWith(u".zip", Qt::CaseInsensitive);
}

Result<SourceTree> ArchiveReader::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<SourceTree>::failure(path, QStringLiteral("cannot open archive: ") + file.errorString());
    if (file.size() > sourcelimits::maxSourceBytes)
        return Result<SourceTree>::failure(path, QStringLiteral("archive is larger than %1 bytes")
                                                     .arg(sourcelimits::maxSourceBytes));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Result<SourceTree>::failure(path, QStringLiteral("cannot read archive: ") + file.errorString());
    return readMemory(bytes, path);
}

Result<SourceTree> ArchiveReader::readMemory(const QByteArray &bytes, const QString &name)
{
    using R = Result<SourceTree>;
    if (bytes.isEmpty())
        return R::failure(name, QStringLiteral("archive is empty"));
    std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_bzip2(a.get());
    archive_read_support_filter_xz(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    archive_read_support_format_zip(a.get());
    // Names in these archives are UTF-8; saying so spares libarchive a locale conversion per entry.
    archive_read_set_options(a.get(), "hdrcharset=UTF-8");
    if (archive_read_open_memory(a.get(), bytes.constData(), size_t(bytes.size())) != ARCHIVE_OK)
        return R::failure(name, QStringLiteral("not a readable archive: ") + archiveError(a.get()));

    SourceTree tree;
    tree.source = name;
    tree.isArchive = true;
    qint64 kept = 0;
    qint64 entries = 0;
    archive_entry *entry = nullptr;
    for (;;) {
        const int rc = archive_read_next_header(a.get(), &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc == ARCHIVE_RETRY)
            continue;
        if (rc < ARCHIVE_WARN) // ARCHIVE_FAILED or ARCHIVE_FATAL: truncated or corrupt
            return R::failure(name, QStringLiteral("corrupt or truncated archive: ") + archiveError(a.get()));
        if (++entries > sourcelimits::maxEntries)
            return R::failure(name, QStringLiteral("more than %1 entries").arg(sourcelimits::maxEntries));

        const char *rawPath = archive_entry_pathname(entry);
        QString path = rawPath ? QString::fromUtf8(rawPath) : QString();
        while (path.startsWith(u"./"))
            path.remove(0, 2);
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR || path.isEmpty() || path.endsWith(u'/'))
            continue;
        if (isUnsafeEntryPath(path)) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("unsafe-entry"), name,
                                               QStringLiteral("entry '%1' has an absolute path or '..'; skipped").arg(path)));
            continue;
        }
        if (type == AE_IFLNK || archive_entry_hardlink(entry) || type != AE_IFREG) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("unsafe-entry"), tree.displayPath(path),
                                               QStringLiteral("link or special file in archive; not followed, skipped")));
            continue;
        }
        if (!isSnapshotFile(path))
            continue; // data is skipped by the next header read
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > sourcelimits::maxFileBytes) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("file-too-large"), tree.displayPath(path),
                                               QStringLiteral("%1 bytes, more than the limit of %2; skipped")
                                                   .arg(archive_entry_size(entry)).arg(sourcelimits::maxFileBytes)));
            continue;
        }

        // Read straight into the result buffer: the size is known for tar, often not for zip.
        QByteArray data;
        qsizetype len = 0;
        qsizetype cap = archive_entry_size_is_set(entry) ? qsizetype(archive_entry_size(entry)) + 1 : 65536;
        data.resize(cap);
        bool tooLarge = false;
        for (;;) {
            if (len == cap) {
                if (cap > sourcelimits::maxFileBytes) {
                    tooLarge = true;
                    break;
                }
                cap *= 2;
                data.resize(cap);
            }
            const la_ssize_t n = archive_read_data(a.get(), data.data() + len, size_t(cap - len));
            if (n == 0)
                break;
            if (n < 0)
                return R::failure(name, QStringLiteral("corrupt or truncated archive at '%1': %2")
                                            .arg(path, archiveError(a.get())));
            len += qsizetype(n);
        }
        if (len > sourcelimits::maxFileBytes)
            tooLarge = true;
        data.resize(len);
        if (cap - len > 4096) // zip growth slack; tar sizes are exact
            data.squeeze();
        if (tooLarge) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("file-too-large"), tree.displayPath(path),
                                               QStringLiteral("more than %1 bytes; skipped").arg(sourcelimits::maxFileBytes)));
            continue;
        }
        kept += data.size();
        if (kept > sourcelimits::maxSourceBytes)
            return R::failure(name, QStringLiteral("archive expands to more than %1 bytes").arg(sourcelimits::maxSourceBytes));
        tree.files.append(SourceFile{path, std::move(data)});
    }
    return tree;
}

} // namespace passlane
