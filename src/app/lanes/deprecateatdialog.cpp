#include "lanes/deprecateatdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

DeprecateAtDialog::DeprecateAtDialog(const QString &laneName, const QString &current,
                                     std::function<QString(const QString &)> check, QWidget *parent)
    : QDialog(parent), m_check(std::move(check)), m_edit(new QLineEdit(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Deprecate At"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Deprecate <b>%1</b> at the minor version:").arg(laneName.toHtmlEscaped()), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_edit->setObjectName(QStringLiteral("deprecationEdit"));
    m_edit->setText(current);
    m_edit->selectAll();
    m_edit->setPlaceholderText(tr("6.6, or never"));
    layout->addWidget(m_edit);
    m_message->setObjectName(QStringLiteral("deprecationMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumWidth(360);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isAcceptable())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &DeprecateAtDialog::recheck);
    recheck();
}

QString DeprecateAtDialog::text() const
{
    return m_edit->text().trimmed();
}

bool DeprecateAtDialog::isAcceptable() const
{
    return m_check(text()).isEmpty();
}

void DeprecateAtDialog::recheck()
{
    const QString problem = m_check(text());
    m_message->setText(problem.isEmpty() ? tr("Press Enter to propose it (one undo step).") : problem);
    QPalette pal = palette();
    if (!problem.isEmpty())
        pal.setColor(QPalette::WindowText, pal.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x90, 0x80) : QColor(0xb0, 0x00, 0x00));
    m_message->setPalette(pal);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
