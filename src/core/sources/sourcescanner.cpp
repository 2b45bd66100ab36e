#include "sources/sourcescanner.h"

#include "sources/archivereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace passlane {

namespace {

bool startsWithId(QStringView name)
{
    const qsizetype us = name.indexOf(u'_');
    if (us <= 0)
        return false;
    for (qsizetype i = 0; i < us; ++i)
        if (name[i] < u'0' || name[i] > u'9') // ASCII only: ids are parsed with toLongLong
            return false;
    return true;
}

std::optional<Version> overrideFor(const QString &path, const QMap<QString, Version> &overrides)
{
    if (overrides.isEmpty())
        return std::nullopt;
    const QFileInfo info(path);
    for (const QString &key : {path, info.absoluteFilePath(), QDir::cleanPath(path), info.fileName()}) {
        auto it = overrides.constFind(key);
        if (it != overrides.cend())
            return *it;
    }
    return std::nullopt;
}

std::optional<Version> versionOf(const QString &path, const QMap<QString, Version> &overrides)
{
    if (auto v = overrideFor(path, overrides))
        return v;
    // Absolute: "." or "releases/.." must name the folder itself, not an empty file name.
    const QFileInfo info(QFileInfo(path).absoluteFilePath());
    if (auto v = Version::fromSourceName(info.fileName()))
        return v;
    // ".../v6.3.0/migrations": the version is on the parent folder.
    if (info.isDir() && info.fileName() == u"migrations")
        return Version::fromSourceName(QFileInfo(info.absolutePath()).fileName());
    return std::nullopt;
}

QMap<Version, QString> datesIn(const QDir &dir)
{
    QFile file(dir.filePath(QStringLiteral("RELEASES.txt")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return SourceScanner::parseReleaseDates(file.read(1 << 20));
}

QString noVersionMessage()
{
    return QStringLiteral("cannot tell the release version: name it like migrations-v6.3.0.tar.gz or v6.3.0/, "
                          "or set a version override in the project");
}

} // namespace

bool SourceScanner::isReleaseFolder(const QString &folder)
{
    const QDir dir(folder);
    const QStringList subdirs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (subdirs.contains(QStringLiteral("migrations")))
        return true;
    for (const QString &name : dir.entryList(QDir::Files))
        if (startsWithId(name) && name.endsWith(u".up.sql"))
            return true;
    for (const QString &sub : subdirs) {
        const QDir schema(dir.filePath(sub));
        for (const QString &name : schema.entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot))
            if (startsWithId(name) || name == u"squashed.sql")
                return true;
    }
    return false;
}

QMap<Version, QString> SourceScanner::parseReleaseDates(const QByteArray &text)
{
    QMap<Version, QString> dates;
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const auto parts = QStringView(line).split(u' ', Qt::SkipEmptyParts);
        if (parts.size() < 2)
            continue;
        const auto v = Version::parse(parts[0]);
        if (v && parts[1].size() == 10 && parts[1][4] == u'-' && parts[1][7] == u'-')
            dates.insert(*v, parts[1].toString());
    }
    return dates;
}

Result<QList<ReleaseSource>> SourceScanner::scan(const QString &pathIn, const QMap<QString, Version> &overrides)
{
    using R = Result<QList<ReleaseSource>>;
    // "releases/v1.0.0/" -> "releases/v1.0.0": a trailing slash would leave no name to read a version from.
    const QString path = pathIn.isEmpty() ? pathIn : QDir::cleanPath(pathIn);
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(path, QStringLiteral("no such file or folder"));

    if (info.isFile()) {
        if (!ArchiveReader::isArchiveName(info.fileName()))
            return R::failure(path, QStringLiteral("not a snapshot archive (.tar.gz, .tgz, .tar or .zip) nor a folder"));
        const auto v = versionOf(path, overrides);
        if (!v)
            return R::failure(path, noVersionMessage());
        return QList<ReleaseSource>{ReleaseSource{path, true, *v, datesIn(info.absoluteDir()).value(*v)}};
    }

    if (isReleaseFolder(path)) {
        const auto v = versionOf(path, overrides);
        if (!v)
            return R::failure(path, noVersionMessage());
        return QList<ReleaseSource>{ReleaseSource{path, false, *v, datesIn(info.absoluteDir()).value(*v)}};
    }

    // A folder of many snapshots.
    const QDir dir(path);
    const QMap<Version, QString> dates = datesIn(dir);
    QList<ReleaseSource> sources;
    const auto entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &child : entries) {
        const QString childPath = dir.filePath(child.fileName());
        bool archive = false;
        if (child.isSymLink())
            continue; // never followed
        if (child.isFile() && ArchiveReader::isArchiveName(child.fileName()))
            archive = true;
        else if (!child.isDir() || !isReleaseFolder(childPath))
            continue;
        const auto v = versionOf(childPath, overrides);
        if (!v)
            return R::failure(childPath, noVersionMessage());
        sources.append(ReleaseSource{childPath, archive, *v, dates.value(*v)});
    }
    if (sources.isEmpty())
        return R::failure(path, QStringLiteral("no release snapshots found (archives, or folders with migrations/)"));
    return sources;
}

} // namespace passlane
