#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <archive.h>
#include <archive_entry.h>

// Writes small tar/tar.gz/zip archives for tests with libarchive (bad inputs are generated,
// never checked in).
namespace passlane::test {

struct ArchiveEntry {
    enum Type { File, Symlink, Hardlink, Directory };
    QString path;
    QByteArray data;
    Type type = File;
    QString target; ///< for links
};

enum class ArchiveFormat { TarGz, Tar, Zip };

inline bool writeArchive(const QString &file, const QList<ArchiveEntry> &entries, ArchiveFormat format = ArchiveFormat::TarGz)
{
    archive *a = archive_write_new();
    if (format == ArchiveFormat::Zip) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        if (format == ArchiveFormat::TarGz)
            archive_write_add_filter_gzip(a);
    }
    if (archive_write_open_filename(a, file.toLocal8Bit().constData()) != ARCHIVE_OK) {
        archive_write_free(a);
        return false;
    }
    bool ok = true;
    for (const ArchiveEntry &e : entries) {
        archive_entry *entry = archive_entry_new();
        const QByteArray path = e.path.toUtf8();
        archive_entry_set_pathname(entry, path.constData());
        archive_entry_set_perm(entry, 0644);
        const QByteArray target = e.target.toUtf8();
        switch (e.type) {
        case ArchiveEntry::File:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, e.data.size());
            break;
        case ArchiveEntry::Directory:
            archive_entry_set_filetype(entry, AE_IFDIR);
            archive_entry_set_perm(entry, 0755);
            break;
        case ArchiveEntry::Symlink:
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, target.constData());
            break;
        case ArchiveEntry::Hardlink:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, target.constData());
            break;
        }
        ok = ok && archive_write_header(a, entry) == ARCHIVE_OK;
        if (ok && e.type == ArchiveEntry::File && !e.data.isEmpty())
            ok = archive_write_data(a, e.data.constData(), size_t(e.data.size())) == e.data.size();
        archive_entry_free(entry);
    }
    ok = archive_write_close(a) == ARCHIVE_OK && ok;
    archive_write_free(a);
    return ok;
}

/// A well-formed migration folder's three files.
inline QList<ArchiveEntry> migrationEntries(const QString &schemaDir, qint64 id, const QList<qint64> &parents,
                                            const QByteArray &up = "CREATE TABLE t (id int);")
{
    QStringList ps;
    for (qint64 p : parents)
        ps.append(QString::number(p));
    const QString dir = schemaDir + u'/' + QString::number(id) + QStringLiteral("_m");
    return {{dir + QStringLiteral("/up.sql"), up},
            {dir + QStringLiteral("/down.sql"), "DROP TABLE t;"},
            {dir + QStringLiteral("/metadata.yaml"),
             "name: m\nparents: [" + ps.join(QStringLiteral(", ")).toUtf8() + "]\n"}};
}

} // namespace passlane::test
