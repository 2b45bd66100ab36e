#include "sources/folderreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace passlane {

Result<SourceTree> FolderReader::read(const QString &folder)
{
    using R = Result<SourceTree>;
    const QDir root(folder);
    if (!root.exists())
        return R::failure(folder, QStringLiteral("no such folder"));

    SourceTree tree;
    tree.source = folder;
    qint64 kept = 0;
    // No FollowSymlinks: a symlinked folder is listed as an entry but never descended into.
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = root.relativeFilePath(path);
        if (info.isSymLink()) {
            Finding f;
            f.severity = Severity::Error;
            f.kind = QStringLiteral("unsafe-entry");
            f.file = path;
            f.message = QStringLiteral("symbolic link in a source folder; not followed, skipped");
            tree.findings.append(f);
            continue;
        }
        if (info.isFile() && isSnapshotFile(rel))
            files.append(rel);
    }
    files.sort(); // deterministic order whatever the file system returns
    for (const QString &rel : files) {
        QFile file(root.filePath(rel));
        if (file.size() > sourcelimits::maxFileBytes) {
            Finding f;
            f.severity = Severity::Error;
            f.kind = QStringLiteral("file-too-large");
            f.file = file.fileName();
            f.message = QStringLiteral("%1 bytes, more than the limit of %2; skipped")
                            .arg(file.size()).arg(sourcelimits::maxFileBytes);
            tree.findings.append(f);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly))
            return R::failure(file.fileName(), QStringLiteral("cannot read: ") + file.errorString());
        QByteArray data = file.readAll();
        kept += data.size();
        if (kept > sourcelimits::maxSourceBytes)
            return R::failure(folder, QStringLiteral("more than %1 bytes of snapshot files").arg(sourcelimits::maxSourceBytes));
        tree.files.append(SourceFile{rel, std::move(data)});
    }
    return tree;
}

} // namespace passlane
