#include "planner/customerdistribution.h"

#include "document/document.h"
#include "document/documentcommands.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QUndoStack>

void chooseCustomerDistribution(QWidget *parent, Document *doc)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, QCoreApplication::translate("CustomerDistribution", "Customer Distribution"), QString(),
        QCoreApplication::translate("CustomerDistribution", "CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    passlane::Project p = doc->project();
    p.customersCsv = path;
    doc->undoStack()->push(new ChangeProjectCommand(
        doc, p, QCoreApplication::translate("CustomerDistribution", "Set customer distribution")));
}
