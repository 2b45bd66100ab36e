#include "project/project.h"

#include "project/projectyaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace passlane {

Result<Project> Project::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Project>::failure(path, QStringLiteral("cannot open project: ") + file.errorString());
    return parse(file.readAll(), path);
}

Result<Project> Project::parse(const QByteArray &yaml, const QString &path)
{
    const QString baseDir = path.isEmpty() ? QDir::currentPath() : QFileInfo(path).absolutePath();
    return projectyaml::parse(yaml, path, baseDir);
}

Status Project::save(const QString &path) const
{
    const QByteArray data = toYaml(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(path, QStringLiteral("cannot write project: ") + file.errorString());
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return Status::failure(path, QStringLiteral("cannot write project: ") + file.errorString());
    }
    if (!file.commit())
        return Status::failure(path, QStringLiteral("cannot save project: ") + file.errorString());
    return success();
}

QByteArray Project::toYaml(const QString &baseDir) const
{
    return projectyaml::emit(*this, baseDir);
}

} // namespace passlane
