#pragma once

#include <QWidget>

#include <memory>

class Document;
class SqlHighlighter;
namespace Ui { class MigrationDetails; }

/// Side panel: the selected migration's metadata and its up/down SQL, highlighted.
/// Follows Document::selectedMigrationChanged.
class MigrationDetails : public QWidget {
    Q_OBJECT
public:
    explicit MigrationDetails(Document *doc, QWidget *parent = nullptr);
    ~MigrationDetails() override;

    QString upSql() const;
    QString downSql() const;
    void setDark(bool dark);

private:
    void showMigration(const QString &schema, qint64 id);

    Document *m_doc;
    std::unique_ptr<Ui::MigrationDetails> m_ui;
    SqlHighlighter *m_upHighlighter;
    SqlHighlighter *m_downHighlighter;
};
