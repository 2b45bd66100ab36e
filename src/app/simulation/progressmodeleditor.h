#pragma once

#include <QWidget>

class Document;
class OobProgressOverridesModel;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

/// The project's OOB progress model, stated and editable where its figures are shown: the
/// default (rows, batch size, interval) and, in a table, each OOB migration's model in force
/// with its own overrides. Every change is one undo command on the document, so the project
/// saves it and both front ends answer with it.
class ProgressModelEditor : public QWidget {
    Q_OBJECT
public:
    explicit ProgressModelEditor(Document *doc, QWidget *parent = nullptr);

    OobProgressOverridesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSpinBox *rowsSpin() const { return m_rows; }
    QSpinBox *batchSpin() const { return m_batch; }
    QDoubleSpinBox *intervalSpin() const { return m_interval; }
    QPushButton *clearButton() const { return m_clear; }

private:
    void syncFromProject();
    void defaultEdited();
    void clearSelected();
    void updateClearButton();

    Document *m_doc;
    OobProgressOverridesModel *m_model;
    QSpinBox *m_rows;
    QSpinBox *m_batch;
    QDoubleSpinBox *m_interval;
    QLabel *m_defaultNote;
    QTableView *m_table;
    QPushButton *m_clear;
    bool m_syncing = false;
};
