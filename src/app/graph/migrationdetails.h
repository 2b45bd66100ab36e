#pragma once

#include <QWidget>

#include <memory>

class Document;
class DiffHighlighter;
class QPlainTextEdit;
class SqlHighlighter;
namespace Ui { class MigrationDetails; }

/// Side panel: the selected migration's metadata, the catalog's findings about it, its
/// up/down SQL highlighted and, for a migration edited after it shipped, the edit's diff.
/// Follows Document::selectedMigrationChanged; a new catalog refreshes or clears it.
class MigrationDetails : public QWidget {
    Q_OBJECT
public:
    explicit MigrationDetails(Document *doc, QWidget *parent = nullptr);
    ~MigrationDetails() override;

    QString upSql() const;
    QString downSql() const;
    QString title() const;
    /// The metadata and findings as shown (rich text).
    QString detailsHtml() const;
    /// The edit diff tab's text; empty (and the tab disabled) when the migration was not edited.
    QString editDiff() const;
    bool hasEditDiff() const;
    void setDark(bool dark);

private:
    void showMigration(const QString &schema, qint64 id);
    void showNothing();

    QString m_schema;
    qint64 m_id = -1;
    Document *m_doc;
    std::unique_ptr<Ui::MigrationDetails> m_ui;
    SqlHighlighter *m_upHighlighter;
    SqlHighlighter *m_downHighlighter;
    QPlainTextEdit *m_diffEdit;
    DiffHighlighter *m_diffHighlighter;
    int m_diffTab = -1;
    bool m_dark = false;
};
