#include "sources/archivereader.h"

#include <QFile>
#include <QStringDecoder>

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <clocale>
#include <memory>
#include <optional>

#include <locale.h>

namespace passlane {

namespace {

struct ArchiveDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};

QString archiveError(archive *a)
{
    const char *msg = archive_error_string(a);
    return msg ? QString::fromUtf8(msg) : QStringLiteral("unknown archive error");
}

/// libarchive converts entry names with the calling thread's locale; under LC_ALL=C a non-ASCII
/// name fails to convert and comes back empty. For the time of one read this thread uses
/// C.UTF-8 (thread-local: other threads keep theirs), so names arrive as the archive's bytes.
class Utf8LocaleScope {
public:
    Utf8LocaleScope()
    {
        static const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(nullptr));
        if (utf8)
            m_previous = ::uselocale(utf8);
    }
    ~Utf8LocaleScope()
    {
        if (m_previous)
            ::uselocale(m_previous);
    }
    Utf8LocaleScope(const Utf8LocaleScope &) = delete;
    Utf8LocaleScope &operator=(const Utf8LocaleScope &) = delete;

private:
    locale_t m_previous = nullptr;
};

/// Inflates a gzip stream for libarchive with zlib, checking what libarchive's own gzip filter
/// does not: each member's CRC-32 and length, data after the last member, and the total size.
/// After the tar end marker it is drained, so corruption anywhere in the file is found.
class GzipStream {
public:
    explicit GzipStream(const QByteArray &in) : m_buffer(256 * 1024, Qt::Uninitialized)
    {
        m_zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        m_zs.avail_in = uInt(in.size());
        m_ok = inflateInit2(&m_zs, 16 + MAX_WBITS) == Z_OK;
        if (!m_ok)
            m_error = QStringLiteral("cannot start gzip decompression");
    }
    ~GzipStream() { inflateEnd(&m_zs); }
    GzipStream(const GzipStream &) = delete;
    GzipStream &operator=(const GzipStream &) = delete;

    static la_ssize_t read(archive *, void *self, const void **buffer)
    {
        return static_cast<GzipStream *>(self)->next(buffer);
    }

    /// Reads to the end of the stream, discarding output. False on corruption.
    bool drain()
    {
        const void *ignored = nullptr;
        la_ssize_t n = 0;
        while ((n = next(&ignored)) > 0) {
        }
        return n == 0;
    }

    const QString &error() const { return m_error; }

private:
    la_ssize_t next(const void **buffer)
    {
        if (!m_error.isEmpty())
            return -1;
        while (!m_done) {
            m_zs.next_out = reinterpret_cast<Bytef *>(m_buffer.data());
            m_zs.avail_out = uInt(m_buffer.size());
            const int rc = inflate(&m_zs, Z_NO_FLUSH);
            const qint64 produced = m_buffer.size() - qint64(m_zs.avail_out);
            if (rc == Z_STREAM_END) {
                if (m_zs.avail_in == 0) {
                    m_done = true;
                } else if (m_zs.avail_in >= 2 && m_zs.next_in[0] == 0x1f && m_zs.next_in[1] == 0x8b) {
                    inflateReset(&m_zs); // another member (pigz, concatenated files)
                } else if (std::all_of(m_zs.next_in, m_zs.next_in + m_zs.avail_in, [](Bytef b) { return b == 0; })) {
                    m_done = true; // zero padding that some tools append
                } else {
                    return fail(QStringLiteral("unexpected data after the end of the gzip stream"));
                }
            } else if (rc == Z_BUF_ERROR && m_zs.avail_in == 0) {
                return fail(QStringLiteral("the gzip stream is truncated"));
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                return fail(QStringLiteral("corrupt gzip data (%1)")
                                .arg(m_zs.msg ? QString::fromLatin1(m_zs.msg) : QStringLiteral("error %1").arg(rc)));
            }
            m_total += produced;
            if (m_total > limits::sourceTotal)
                return fail(QStringLiteral("archive expands to more than %1 MiB").arg(limits::sourceTotal / limits::MiB));
            if (produced > 0) {
                *buffer = m_buffer.constData();
                return la_ssize_t(produced);
            }
        }
        return 0;
    }
    la_ssize_t fail(const QString &message)
    {
        m_error = message;
        return -1;
    }

    z_stream m_zs{};
    QByteArray m_buffer;
    qint64 m_total = 0;
    bool m_ok = false;
    bool m_done = false;
    QString m_error;
};

bool isGzip(const QByteArray &bytes)
{
    return bytes.size() >= 2 && uchar(bytes[0]) == 0x1f && uchar(bytes[1]) == 0x8b;
}

} // namespace

bool ArchiveReader::isArchiveName(QStringView fileName)
{
    return fileName.endsWith(u".tar.gz", Qt::CaseInsensitive) || fileName.endsWith(u".tgz", Qt::CaseInsensitive)
        || fileName.endsWith(u".tar", Qt::CaseInsensitive) || fileName.endsWith(u".zip", Qt::CaseInsensitive);
}

Result<SourceTree> ArchiveReader::read(const QString &path, LoadBudget *budget)
{
    if (path.startsWith(u':')) { // a Qt resource (the bundled sample): part of the program
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result<SourceTree>::failure(path, QStringLiteral("cannot open archive: ") + file.errorString());
        return readMemory(file.readAll(), path, budget);
    }
    Result<QByteArray> bytes = readRegularFile(path, limits::archiveFile, QStringLiteral("archive"));
    if (!bytes)
        return bytes.error();
    return readMemory(bytes.value(), path, budget);
}

Result<SourceTree> ArchiveReader::readMemory(const QByteArray &bytes, const QString &name, LoadBudget *budget)
{
    using R = Result<SourceTree>;
    if (bytes.isEmpty())
        return R::failure(name, QStringLiteral("archive is empty"));
    const Utf8LocaleScope utf8Names;
    std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_gnutar(a.get());
    std::optional<GzipStream> gzip;
    int opened = ARCHIVE_OK;
    if (isGzip(bytes)) {
        gzip.emplace(bytes);
        opened = archive_read_open(a.get(), &*gzip, nullptr, &GzipStream::read, nullptr);
    } else {
        archive_read_support_filter_bzip2(a.get());
        archive_read_support_filter_xz(a.get());
        archive_read_support_format_zip(a.get());
        opened = archive_read_open_memory(a.get(), bytes.constData(), size_t(bytes.size()));
    }
    // Our own gzip check says more than libarchive's "read error" that follows it.
    const auto why = [&] { return gzip && !gzip->error().isEmpty() ? gzip->error() : archiveError(a.get()); };
    if (opened != ARCHIVE_OK)
        return R::failure(name, QStringLiteral("not a readable archive: ") + why());

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
            return R::failure(name, QStringLiteral("corrupt or truncated archive: ") + why());
        if (++entries > limits::archiveEntries)
            return R::failure(name, QStringLiteral("more than %1 entries").arg(limits::archiveEntries));

        // The name's own bytes (see Utf8LocaleScope), checked as UTF-8 here.
        const char *rawPath = archive_entry_pathname(entry);
        if (!rawPath) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("bad-file-name"), name,
                                                QStringLiteral("entry %1 has a name that cannot be read; skipped").arg(entries)));
            continue;
        }
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString path = utf8.decode(QByteArrayView(rawPath));
        if (utf8.hasError()) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("bad-file-name"), tree.displayPath(path),
                                                QStringLiteral("the entry name is not valid UTF-8; skipped")));
            continue;
        }
        while (path.startsWith(u"./"))
            path.remove(0, 2);
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR || path.endsWith(u'/'))
            continue;
        if (path.isEmpty() || isUnsafeEntryPath(path)) {
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
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > limits::sourceFile) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("file-too-large"), tree.displayPath(path),
                                               QStringLiteral("%1 bytes, more than the limit of %2; skipped")
                                                   .arg(archive_entry_size(entry)).arg(limits::sourceFile)));
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
                if (cap > limits::sourceFile) {
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
                return R::failure(name, QStringLiteral("corrupt or truncated archive at '%1': %2").arg(path, why()));
            len += qsizetype(n);
        }
        if (len > limits::sourceFile)
            tooLarge = true;
        data.resize(len);
        if (cap - len > 4096) // zip growth slack; tar sizes are exact
            data.squeeze();
        if (tooLarge) {
            tree.findings.append(Finding::about(Severity::Error, QLatin1String("file-too-large"), tree.displayPath(path),
                                               QStringLiteral("more than %1 bytes; skipped").arg(limits::sourceFile)));
            continue;
        }
        kept += data.size();
        if (kept > limits::sourceTotal)
            return R::failure(name, QStringLiteral("archive expands to more than %1 MiB").arg(limits::sourceTotal / limits::MiB));
        if (budget && !budget->take(data.size()))
            return R::failure(name, QStringLiteral("the sources of this load hold more than %1 MiB of snapshot files in total")
                                        .arg(budget->total() / limits::MiB));
        tree.files.append(SourceFile{path, std::move(data)});
    }
    // The tar end marker can come before the end of the compressed stream: read the rest so that
    // its CRC and length are checked too.
    if (gzip && !gzip->drain())
        return R::failure(name, QStringLiteral("corrupt archive: ") + gzip->error());
    return tree;
}

} // namespace passlane
