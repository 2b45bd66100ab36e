#pragma once

#include <QDialog>

class QTableWidget;

/// Help > Keyboard Shortcuts: every action of a window that has a shortcut, read from the
/// actions themselves when the dialog opens, so the list cannot drift from the menus.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
