#pragma once

#include <QWidget>

#include <memory>

class Document;
class FindingsFilterModel;
class FindingsModel;
class QTableView;
namespace Ui { class FindingsPanel; }

/// Findings dock: every validation finding, filterable by severity, kind and text.
/// Double-click jumps to the finding's migration (Document::selectMigration).
class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(Document *doc, QWidget *parent = nullptr);
    ~FindingsPanel() override;

    FindingsModel *model() const { return m_model; }
    FindingsFilterModel *proxy() const { return m_proxy; }
    QTableView *table() const;
    /// Selects a kind in the combo box ("" for all); false when unknown.
    bool setKindFilter(const QString &kind);
    /// Severity name ("error", "warning", "info"), or "" for all.
    bool setSeverityFilter(const QString &severity);
    void setTextFilter(const QString &text);
    /// Jumps to the migration of the finding in proxy row `row`; false when it names none.
    bool activateRow(int row);

Q_SIGNALS:
    void migrationActivated(const QString &schema, qint64 id);

private:
    void reload();
    void updateCount();
    void showContextMenu(const QPoint &pos);

    Document *m_doc;
    std::unique_ptr<Ui::FindingsPanel> m_ui;
    FindingsModel *m_model;
    FindingsFilterModel *m_proxy;
};
