#include "planner/tworoadspanel.h"

#include "estimate/timemodel.h"
#include "scenario/timereport.h"
#include "simulator/timeline.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

using namespace passlane;

namespace {
QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}
} // namespace

TwoRoadsPanel::TwoRoadsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_recommendation = wrappingLabel(this);
    m_recommendation->setObjectName(QStringLiteral("recommendationLabel"));
    m_recommendation->setTextFormat(Qt::RichText);
    m_grounds = wrappingLabel(this);
    m_grounds->setObjectName(QStringLiteral("groundsLabel"));
    m_grounds->setForegroundRole(QPalette::PlaceholderText);
    m_grounds->hide();
    layout->addWidget(m_recommendation);
    layout->addWidget(m_grounds);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(1);
    const QStringList rows{tr("Downtime"), tr("Longest outage"), tr("Calendar time"), tr("Done"), tr("Hops"), tr("Rests on")};
    const char *names[2] = {"multiVersion", "standard"};
    for (int r = 0; r < rows.size(); ++r) {
        auto *name = new QLabel(rows[r], this);
        name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        name->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(name, r + 1, 0);
    }
    for (int c = 0; c < 2; ++c) {
        m_headers[c] = wrappingLabel(this);
        m_headers[c]->setObjectName(QLatin1String(names[c]) + QStringLiteral("Header"));
        grid->addWidget(m_headers[c], 0, c + 1);
        for (int r = 0; r < rows.size(); ++r) {
            m_cells[c][r] = wrappingLabel(this);
            m_cells[c][r]->setObjectName(QLatin1String(names[c]) + QString::number(r));
            grid->addWidget(m_cells[c][r], r + 1, c + 1);
        }
        grid->setColumnStretch(c + 1, 1);
    }
    layout->addLayout(grid);
    setTimeModel(nullptr);
}

void TwoRoadsPanel::setShowGrounds(bool show)
{
    m_showGrounds = show;
    m_grounds->setVisible(show && !m_grounds->text().isEmpty());
}

void TwoRoadsPanel::setTimeModel(const TimeModel *time)
{
    m_grounds->clear();
    if (!time) {
        m_recommendation->setText(tr("No time estimate: there is no plan."));
        for (int c = 0; c < 2; ++c) {
            m_headers[c]->clear();
            for (QLabel *cell : m_cells[c])
                cell->clear();
        }
        m_grounds->hide();
        return;
    }
    const TwoRoads &roads = time->roads;
    m_recommendation->setText(tr("<b>Two roads — recommended: %1</b>, because %2.")
                                  .arg(roadChoiceText(roads.recommended).toHtmlEscaped(), roads.reason.toHtmlEscaped()));
    m_grounds->setText(timeGroundsText(*time));
    m_grounds->setVisible(m_showGrounds);
    const Road *road[2] = {&roads.multiVersion, &roads.standard};
    const TwoRoads::Choice choice[2] = {TwoRoads::Choice::MultiVersion, TwoRoads::Choice::Standard};
    const QString title[2] = {tr("Multi-version upgrade (offline throughout)"), tr("Successive standard upgrades (online between hops)")};
    for (int c = 0; c < 2; ++c) {
        const Road &r = *road[c];
        const bool none = r.hops.isEmpty();
        m_headers[c]->setText(roads.recommended == choice[c] ? QStringLiteral("<b>%1 ✔</b>").arg(title[c].toHtmlEscaped())
                                                             : title[c].toHtmlEscaped());
        m_cells[c][int(Figure::Downtime)]->setText(none ? QStringLiteral("-") : r.downtime.rangeText());
        m_cells[c][int(Figure::LongestOutage)]->setText(none ? QStringLiteral("-") : formatDuration(r.longestHop.ms));
        m_cells[c][int(Figure::Calendar)]->setText(none ? QStringLiteral("-") : formatDuration(r.calendarMs));
        m_cells[c][int(Figure::Done)]->setText(none ? QStringLiteral("-") : timeDateText(r.finishAt, r.calendarMs));
        m_cells[c][int(Figure::Hops)]->setText(QString::number(r.hops.size()));
        m_cells[c][int(Figure::RestsOn)]->setText(none ? QStringLiteral("-") : r.downtime.basisText());
    }
}

QString TwoRoadsPanel::figureText(Which road, Figure figure) const
{
    return m_cells[int(road)][int(figure)]->text();
}

QString TwoRoadsPanel::recommendationText() const
{
    return m_recommendation->text();
}

QString TwoRoadsPanel::groundsText() const
{
    return m_grounds->text();
}

RoadHopsTable::RoadHopsTable(QWidget *parent)
    : QTreeWidget(parent)
{
    setRootIsDecorated(false);
    setWordWrap(true);
    setUniformRowHeights(false);
    setHeaderLabels({tr("Hop"), tr("Downtime (range)"), tr("Earliest start"), tr("Why then"), tr("Rests on")});
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::Interactive);
}

void RoadHopsTable::setRoad(const Road *road)
{
    clear();
    if (!road)
        return;
    for (const RoadHop &h : road->hops) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(HopColumn, h.from.toString() + QStringLiteral(" → ") + h.to.toString());
        item->setText(DowntimeColumn, h.downtime.rangeText());
        item->setText(EarliestStartColumn, timeDateText(h.earliestStart, h.earliestStartMs));
        item->setText(WhyColumn, h.startBasis);
        item->setText(RestsOnColumn, h.downtime.basisText());
        for (int c = 0; c < columnCount(); ++c)
            item->setToolTip(c, item->text(c));
    }
    for (int c = HopColumn; c < RestsOnColumn; ++c)
        resizeColumnToContents(c);
}

void RoadHopsTable::setPath(const Version &from, const QList<Version> &path)
{
    clear();
    Version previous = from;
    for (const Version &v : path) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(HopColumn, previous.toString() + QStringLiteral(" → ") + v.toString());
        previous = v;
    }
    resizeColumnToContents(HopColumn);
}
