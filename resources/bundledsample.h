#pragma once

#include <QString>

namespace passlane {

/// The embedded sample product (a folder of release folders inside the Qt resources):
/// what the GUI and the CLI open when given nothing.
QString bundledSamplePath();
/// The sample's OOB registry file inside the resources.
QString bundledSampleOobPath();

} // namespace passlane
