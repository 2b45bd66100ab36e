#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <QStringList>

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
    static constexpr qreal Height = 56; ///< the id line and up to three lines of name

    /// The family labels are drawn in: the application font's, resolved to a real family so
    /// that an SVG export names a font a viewer has rather than a generic alias.
    static QString labelFamily();
    /// The name broken into at most three lines that fit the box (after '_', ' ', '-', '/'),
    /// in the largest pixel size from 10 down to 7 that holds the whole name; only a name
    /// too long even then is elided on its last line.
    struct NameLines {
        QStringList lines;
        int pixelSize = 10;
    };
    static NameLines fitName(const QString &name);

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
    NameLines m_nameLines;
    Markers m_markers;
    QColor m_fill;
    QColor m_text;
    int m_planStep = 0;
    QColor m_planColor;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MigrationNodeItem::Markers)
