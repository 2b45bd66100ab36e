#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// "Deprecate at…": one line to type a minor ("6.6") or "never". The check runs as the person
/// types; while it fails, its message shows under the field and OK stays disabled.
class DeprecateAtDialog : public QDialog {
    Q_OBJECT
public:
    /// `check` returns why a text is not acceptable, or an empty string when it is.
    DeprecateAtDialog(const QString &laneName, const QString &current, std::function<QString(const QString &)> check,
                      QWidget *parent = nullptr);

    QString text() const;
    QLineEdit *edit() const { return m_edit; }
    QLabel *message() const { return m_message; }
    bool isAcceptable() const;

private:
    void recheck();

    std::function<QString(const QString &)> m_check;
    QLineEdit *m_edit;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};
