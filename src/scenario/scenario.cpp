#include "scenario/scenario.h"

#include <QFileInfo>

namespace passlane {

QString startKindName(ScenarioStart::Kind kind)
{
    switch (kind) {
    case ScenarioStart::Kind::Release: return QStringLiteral("release");
    case ScenarioStart::Kind::ExportFile: return QStringLiteral("export");
    case ScenarioStart::Kind::LiveInstance: return QStringLiteral("live");
    case ScenarioStart::Kind::Customer: return QStringLiteral("customer");
    }
    return {};
}

const CustomerState *Scenario::customer() const
{
    if (start.kind != ScenarioStart::Kind::Customer)
        return nullptr;
    for (const CustomerState &c : project.customers)
        if (c.name == start.customer)
            return &c;
    return nullptr;
}

Result<Scenario> Scenario::fromProjectFile(const QString &path)
{
    Result<Project> project = Project::load(path);
    if (!project)
        return project.error();
    Scenario s;
    s.project = std::move(project).value();
    s.projectFile = QFileInfo(path).absoluteFilePath();
    return s;
}

} // namespace passlane
