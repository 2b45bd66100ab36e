#pragma once

#include <QWidget>

#include <memory>

class Document;
class QSortFilterProxyModel;
class QTableView;
class ReleaseTableModel;
namespace Ui { class ReleasesPanel; }

/// Releases dock: every loaded release in a sortable, filterable table. The context menu
/// sets the from/to pair the planning views follow.
class ReleasesPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReleasesPanel(Document *doc, QWidget *parent = nullptr);
    ~ReleasesPanel() override;

    ReleaseTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const;
    void setFilterText(const QString &text);
    /// Width the table needs to show every column without a horizontal scrollbar.
    int tableWidth() const;
    QSize sizeHint() const override;

private:
    void showContextMenu(const QPoint &pos);
    void fitColumns();

    Document *m_doc;
    std::unique_ptr<Ui::ReleasesPanel> m_ui;
    ReleaseTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
};
