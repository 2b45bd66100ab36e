#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

/// One migration of the stitched graph. Holds only the domain id and what it paints;
/// the document and the core never point back to it.
class MigrationNodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    enum Marker {
        Privileged = 0x1,
        Concurrent = 0x2, ///< creates an index concurrently: runs outside a transaction
        Squashed = 0x4,
        Edited = 0x8,     ///< redefined after it shipped
    };
    Q_DECLARE_FLAGS(Markers, Marker)

    static constexpr qreal Width = 168;
    static constexpr qreal Height = 40;

    MigrationNodeItem(qint64 id, const QString &name, const QString &release, Markers markers);

    qint64 migrationId() const { return m_id; }
    QString name() const { return m_name; }
    Markers markers() const { return m_markers; }

    /// Fill for the release that introduced it; text colour follows.
    void setColors(const QColor &fill, const QColor &text);
    /// Plan tint: the step number (1-based) and its colour; 0 clears it.
    void setPlanStep(int step, const QColor &color);
    int planStep() const { return m_planStep; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qint64 m_id;
    QString m_name;
    QString m_release;
    QString m_idText;
    Markers m_markers;
    QColor m_fill;
    QColor m_text;
    int m_planStep = 0;
    QColor m_planColor;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MigrationNodeItem::Markers)
