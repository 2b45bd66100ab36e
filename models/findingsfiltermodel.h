#pragma once

#include <QSortFilterProxyModel>

#include <optional>

/// Filters a FindingsModel by kind, severity and free text (message, file, kind, release, id).
class FindingsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FindingsFilterModel(QObject *parent = nullptr);

    /// Empty: every kind.
    void setKind(const QString &kind);
    /// nullopt: every severity. Otherwise only findings of exactly this severity (int of passlane::Severity).
    void setSeverity(std::optional<int> severity);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_kind;
    std::optional<int> m_severity;
    QString m_text;
};
