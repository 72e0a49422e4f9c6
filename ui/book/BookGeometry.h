#pragma once

#include "domain/Appointment.h"
#include "domain/Clinic.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRect>
#include <QTime>
#include <QTimeZone>

namespace frontdesk {

// Where one day of the appointment book goes, in content pixels (before scrolling): provider
// columns side by side, time down the page over the clinic's opening hours in its time zone,
// one block per appointment. Arithmetic only, no widgets, so tests can check it directly.
//
// Time runs down the page as time elapsed since the grid's start, not as wall-clock time: a
// block is as tall as its real duration on a daylight-saving day too, and the hour lines carry
// the wall-clock labels (two 01:00 lines when the clocks go back, none for a skipped hour).
class BookGeometry
{
public:
    struct Column
    {
        qint64 providerId = 0;
        QString name;
        bool active = true;   // false: not among the clinic's providers, shown so nothing is lost
    };
    struct GridLine
    {
        qint64 seconds = 0;   // after the grid's start
        QTime time;           // on the clinic's clock
        bool hour = false;
    };
    struct Placement
    {
        int column = -1;
        int lane = 0;   // side by side with the appointments it overlaps in its column
        int lanes = 1;
        qint64 startSeconds = 0;   // after the grid's start
        qint64 endSeconds = 0;     // as drawn: never shorter than MinimumSeconds
    };

    // The shortest block drawn, so that a five-minute appointment still shows a line of text.
    static constexpr qint64 MinimumSeconds = 10 * 60;
    static constexpr int ColumnPadding = 3;
    static constexpr int LaneGap = 2;
    static constexpr int BlockGap = 2;   // between a block and the next one in time

    // Lays out the day's appointments, given in the day model's row order: placement(i) is
    // row i's. A provider missing from the clinic gets a column after the clinic's, in the
    // order first met on this day, so that one arriving later does not shift the others.
    void layOut(const Clinic &clinic, QDate day, const QList<const Appointment *> &appointments);
    void setScale(qreal pixelsPerMinute, int columnWidth);

    QDate day() const { return m_day; }
    const QList<Column> &columns() const { return m_columns; }
    int columnOf(qint64 providerId) const { return m_columnOf.value(providerId, -1); }
    const QList<GridLine> &gridLines() const { return m_lines; }
    QDateTime start() const;
    QDateTime end() const;
    // The opening hours inside the grid, as seconds after its start.
    qint64 opensSeconds() const { return m_opensSecs - m_startSecs; }
    qint64 closesSeconds() const { return m_closesSecs - m_startSecs; }
    int count() const { return int(m_placements.size()); }
    const Placement &placement(int i) const { return m_placements.at(i); }

    qreal pixelsPerMinute() const { return m_pixelsPerMinute; }
    int columnWidth() const { return m_columnWidth; }
    QSize contentSize() const;
    int y(qint64 seconds) const;
    int y(const QDateTime &instant) const;
    QRect columnRect(int column) const;
    QRect blockRect(int i) const;
    int blockAt(const QPoint &point) const;   // -1 when none
    QList<int> blocksIn(const QRect &rect) const;

    // Reading order for the keyboard: -1 when there is no such appointment.
    int first() const;
    // The first block in reading order that `area` shows, or first() when it shows none.
    int firstIn(const QRect &area) const;
    int last() const;
    int nextInColumn(int i, int step) const;
    int nearestInNextColumn(int i, int step) const;

private:
    void layOutGrid(const QTimeZone &zone);
    void layOutLanes(QList<int> &column, const QList<const Appointment *> &appointments);
    bool readsBefore(int a, int b) const;

    QDate m_day;
    QList<Column> m_columns;
    QHash<qint64, int> m_columnOf;
    QList<qint64> m_extraProviders;   // not among the clinic's, in the order first met this day
    QList<Placement> m_placements;
    QList<QList<int>> m_byColumn;     // each column's appointments in reading order
    QList<int> m_rankInColumn;
    QList<GridLine> m_lines;
    QTimeZone m_zone;
    qint64 m_startSecs = 0;   // since the epoch
    qint64 m_endSecs = 0;
    qint64 m_opensSecs = 0;
    qint64 m_closesSecs = 0;
    qint64 m_linesFrom = -1;   // the span m_lines were made for
    qint64 m_linesTo = -1;
    qreal m_pixelsPerMinute = 2.5;
    int m_columnWidth = 160;
};

} // namespace frontdesk
