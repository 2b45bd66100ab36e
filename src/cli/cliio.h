#pragma once

#include <QByteArray>
#include <QString>

namespace passlane::cli {

/// One line on stderr: "passlane-cli: <message>".
void printError(const QString &message);
/// Writes to stdout (no `outFile`, or "-"), else writeFileAtomically(): a device, FIFO or folder
/// at `outFile` is refused, and a file written is named on stderr ("wrote /abs/path"). Returns
/// false (and prints one line naming the file) on failure.
bool writeOutput(const QByteArray &data, const QString &outFile = {});

} // namespace passlane::cli
