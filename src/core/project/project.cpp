#include "project/project.h"

#include "common/safefile.h"
#include "project/projectyaml.h"

#include <QDir>
#include <QFileInfo>

namespace passlane {

Result<Project> Project::load(const QString &path)
{
    Result<QByteArray> bytes = readRegularFile(path, limits::projectFile, QStringLiteral("project"));
    if (!bytes)
        return bytes.error();
    return parse(bytes.value(), path);
}

Result<Project> Project::parse(const QByteArray &yaml, const QString &path)
{
    const QString baseDir = path.isEmpty() ? QDir::currentPath() : QFileInfo(path).absolutePath();
    return projectyaml::parse(yaml, path, baseDir);
}

Status Project::save(const QString &path) const
{
    if (Status valid = projectyaml::validate(*this, path); !valid)
        return valid;
    return writeFileAtomically(path, toYaml(QFileInfo(path).absolutePath()));
}

QByteArray Project::toYaml(const QString &baseDir) const
{
    return projectyaml::emit(*this, baseDir);
}

} // namespace passlane
