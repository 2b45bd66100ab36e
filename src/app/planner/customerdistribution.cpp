#include "planner/customerdistribution.h"

#include "document/document.h"
#include "document/documentcommands.h"
#include "project/customerscsv.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QUndoStack>

QString setCustomerDistribution(Document *doc, const QString &path)
{
    // A file that is not a distribution is refused here, not recorded as an edit that every
    // answer would then fail on.
    if (const auto rows = passlane::CustomersCsv::readFile(path); !rows)
        return rows.error().toString();
    passlane::Project p = doc->project();
    p.customersCsv = path;
    doc->undoStack()->push(new ChangeProjectCommand(
        doc, p, QCoreApplication::translate("CustomerDistribution", "Set customer distribution")));
    return {};
}

void chooseCustomerDistribution(QWidget *parent, Document *doc)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, QCoreApplication::translate("CustomerDistribution", "Customer Distribution"), QString(),
        QCoreApplication::translate("CustomerDistribution", "CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = setCustomerDistribution(doc, path); !error.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("CustomerDistribution", "Customer Distribution"), error);
}
