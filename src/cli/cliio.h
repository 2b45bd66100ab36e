#pragma once

#include <QByteArray>
#include <QString>

namespace passlane::cli {

/// One line on stderr: "passlane-cli: <message>".
void printError(const QString &message);
/// Writes to stdout, or atomically to `outFile` when given. Returns false (and prints) on failure.
bool writeOutput(const QByteArray &data, const QString &outFile = {});

} // namespace passlane::cli
