#include "BookGeometry.h"

#include <QtMath>

#include <algorithm>
#include <tuple>

namespace frontdesk {

namespace {

constexpr qint64 QuarterHour = 15 * 60;
constexpr qint64 Hour = 60 * 60;

// Rounds an instant down or up to a whole step (a quarter hour, an hour) of the clinic's
// clock, which need not be a whole step of UTC (Kolkata, Kathmandu).
qint64 roundToClock(qint64 secs, qint64 step, const QTimeZone &zone, bool up)
{
    const qint64 offset = zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()));
    const qint64 local = secs + offset;
    qint64 rounded = local - (((local % step) + step) % step);
    if (up && rounded < local)
        rounded += step;
    return rounded - offset;
}

bool isVoided(AppointmentStatus status)
{
    return status == AppointmentStatus::Cancelled || status == AppointmentStatus::NoShow;
}

} // namespace

QDateTime BookGeometry::start() const
{
    return m_day.isValid() ? QDateTime::fromSecsSinceEpoch(m_startSecs, m_zone) : QDateTime();
}

QDateTime BookGeometry::end() const
{
    return m_day.isValid() ? QDateTime::fromSecsSinceEpoch(m_endSecs, m_zone) : QDateTime();
}

void BookGeometry::layOut(const Clinic &clinic, QDate day, const QList<const Appointment *> &appointments)
{
    if (day != m_day)
        m_extraProviders.clear();
    m_day = day;
    m_zone = clinic.timeZone.isValid() ? clinic.timeZone : QTimeZone::utc();

    m_columns.clear();
    m_columnOf.clear();
    for (const Provider &provider : clinic.providers) {
        m_columnOf.insert(provider.id, int(m_columns.size()));
        m_columns.append({ provider.id, provider.displayName, true });
    }
    QHash<qint64, QString> extraNames;
    for (const Appointment *a : appointments) {
        if (m_columnOf.contains(a->providerId) || extraNames.contains(a->providerId))
            continue;
        extraNames.insert(a->providerId, a->providerName);
        if (!m_extraProviders.contains(a->providerId))
            m_extraProviders.append(a->providerId);
    }
    m_extraProviders.removeIf([&extraNames](qint64 id) { return !extraNames.contains(id); });
    for (qint64 id : std::as_const(m_extraProviders)) {
        m_columnOf.insert(id, int(m_columns.size()));
        m_columns.append({ id, extraNames.value(id), false });
    }

    // The opening hours, widened to whole hours around any appointment outside them.
    const QTime opensAt = clinic.opensAt.isValid() ? clinic.opensAt : QTime(8, 0);
    const QTime closesAt = clinic.closesAt.isValid() ? clinic.closesAt : QTime(18, 0);
    const QDate anyDay = day.isValid() ? day : QDate(2000, 1, 1);
    m_opensSecs = QDateTime(anyDay, opensAt, m_zone).toSecsSinceEpoch();
    // Closing at or before opening means after midnight.
    m_closesSecs = QDateTime(closesAt > opensAt ? anyDay : anyDay.addDays(1), closesAt, m_zone).toSecsSinceEpoch();
    qint64 startSecs = roundToClock(m_opensSecs, QuarterHour, m_zone, false);
    qint64 endSecs = roundToClock(m_closesSecs, QuarterHour, m_zone, true);
    qint64 earliest = startSecs;
    qint64 latest = endSecs;
    QList<std::pair<qint64, qint64>> spans;
    spans.reserve(appointments.size());
    for (const Appointment *a : appointments) {
        const qint64 from = a->startsAt.toSecsSinceEpoch();
        const qint64 to = std::max(a->endsAt.isValid() ? a->endsAt.toSecsSinceEpoch() : from, from + MinimumSeconds);
        spans.append({ from, to });
        earliest = std::min(earliest, from);
        latest = std::max(latest, to);
    }
    if (earliest < startSecs)
        startSecs = roundToClock(earliest, Hour, m_zone, false);
    if (latest > endSecs)
        endSecs = roundToClock(latest, Hour, m_zone, true);
    m_startSecs = startSecs;
    m_endSecs = endSecs;
    layOutGrid(m_zone);

    m_placements.resize(appointments.size());
    m_byColumn = QList<QList<int>>(m_columns.size());
    for (int i = 0; i < appointments.size(); ++i) {
        Placement &p = m_placements[i];
        p = {};
        p.column = columnOf(appointments.at(i)->providerId);
        p.startSeconds = spans.at(i).first - m_startSecs;
        p.endSeconds = spans.at(i).second - m_startSecs;
        m_byColumn[p.column].append(i);
    }
    m_rankInColumn = QList<int>(appointments.size(), -1);
    for (QList<int> &column : m_byColumn) {
        layOutLanes(column, appointments);
        for (int rank = 0; rank < column.size(); ++rank)
            m_rankInColumn[column.at(rank)] = rank;
    }
}

void BookGeometry::layOutGrid(const QTimeZone &zone)
{
    // The lines change only when the grid's span does, not with every booking.
    if (m_linesFrom == m_startSecs && m_linesTo == m_endSecs && !m_lines.isEmpty())
        return;
    m_linesFrom = m_startSecs;
    m_linesTo = m_endSecs;
    m_lines.clear();
    for (qint64 t = roundToClock(m_startSecs, QuarterHour, zone, true); t <= m_endSecs; t += QuarterHour) {
        const QTime time = QDateTime::fromSecsSinceEpoch(t, zone).time();
        m_lines.append({ t - m_startSecs, time, time.minute() == 0 });
    }
}

// Greedy lanes per group of overlapping appointments: each takes the leftmost lane free at its
// start, and the whole group shares the column's width. Cancelled and no-show appointments
// come after live ones that start at the same time, so that the booking that now holds a slot
// stays on the left, where the eye lands.
void BookGeometry::layOutLanes(QList<int> &column, const QList<const Appointment *> &appointments)
{
    std::sort(column.begin(), column.end(), [&](int a, int b) {
        const Placement &pa = m_placements.at(a);
        const Placement &pb = m_placements.at(b);
        return std::make_tuple(pa.startSeconds, isVoided(appointments.at(a)->status), a)
            < std::make_tuple(pb.startSeconds, isVoided(appointments.at(b)->status), b);
    });
    QList<qint64> laneEnds;
    qint64 groupEnd = 0;
    int groupBegin = 0;
    const auto closeGroup = [&](int groupEndIndex) {
        for (int k = groupBegin; k < groupEndIndex; ++k)
            m_placements[column.at(k)].lanes = int(laneEnds.size());
        laneEnds.clear();
        groupBegin = groupEndIndex;
    };
    for (int k = 0; k < column.size(); ++k) {
        Placement &p = m_placements[column.at(k)];
        if (k > groupBegin && p.startSeconds >= groupEnd)
            closeGroup(k);
        const auto free
            = std::find_if(laneEnds.begin(), laneEnds.end(), [&p](qint64 end) { return end <= p.startSeconds; });
        p.lane = int(free - laneEnds.begin());
        if (free == laneEnds.end())
            laneEnds.append(p.endSeconds);
        else
            *free = p.endSeconds;
        groupEnd = k == groupBegin ? p.endSeconds : std::max(groupEnd, p.endSeconds);
    }
    closeGroup(int(column.size()));
    // The keyboard reads a column by time, then left to right.
    std::stable_sort(column.begin(), column.end(), [this](int a, int b) {
        const Placement &pa = m_placements.at(a);
        const Placement &pb = m_placements.at(b);
        return std::tie(pa.startSeconds, pa.lane) < std::tie(pb.startSeconds, pb.lane);
    });
}

void BookGeometry::setScale(qreal pixelsPerMinute, int columnWidth)
{
    m_pixelsPerMinute = pixelsPerMinute;
    m_columnWidth = columnWidth;
}

QSize BookGeometry::contentSize() const
{
    return { int(m_columns.size()) * m_columnWidth, y(m_endSecs - m_startSecs) + 1 };
}

int BookGeometry::y(qint64 seconds) const
{
    return qRound(qreal(seconds) * m_pixelsPerMinute / 60.0);
}

int BookGeometry::y(const QDateTime &instant) const
{
    return y(instant.toSecsSinceEpoch() - m_startSecs);
}

QRect BookGeometry::columnRect(int column) const
{
    if (column < 0 || column >= m_columns.size())
        return {};
    return { column * m_columnWidth, 0, m_columnWidth, contentSize().height() };
}

QRect BookGeometry::blockRect(int i) const
{
    const Placement &p = m_placements.at(i);
    const int left = p.column * m_columnWidth + ColumnPadding;
    const int inner = m_columnWidth - 2 * ColumnPadding;
    const int x0 = left + inner * p.lane / p.lanes;
    const int x1 = left + inner * (p.lane + 1) / p.lanes - (p.lane + 1 < p.lanes ? LaneGap : 0);
    const int top = y(p.startSeconds);
    const int bottom = y(p.endSeconds) - BlockGap;
    return { x0, top, std::max(1, x1 - x0), std::max(1, bottom - top) };
}

int BookGeometry::blockAt(const QPoint &point) const
{
    for (int i = 0; i < m_placements.size(); ++i) {
        if (blockRect(i).contains(point))
            return i;
    }
    return -1;
}

QList<int> BookGeometry::blocksIn(const QRect &rect) const
{
    QList<int> found;
    for (int i = 0; i < m_placements.size(); ++i) {
        if (blockRect(i).intersects(rect))
            found.append(i);
    }
    return found;
}

bool BookGeometry::readsBefore(int a, int b) const
{
    const Placement &pa = m_placements.at(a);
    const Placement &pb = m_placements.at(b);
    return std::tie(pa.startSeconds, pa.column, pa.lane) < std::tie(pb.startSeconds, pb.column, pb.lane);
}

int BookGeometry::first() const
{
    int best = -1;
    for (int i = 0; i < m_placements.size(); ++i) {
        if (best < 0 || readsBefore(i, best))
            best = i;
    }
    return best;
}

int BookGeometry::firstIn(const QRect &area) const
{
    int best = -1;
    for (const int i : blocksIn(area)) {
        if (best < 0 || readsBefore(i, best))
            best = i;
    }
    return best >= 0 ? best : first();
}

int BookGeometry::last() const
{
    int best = -1;
    for (int i = 0; i < m_placements.size(); ++i) {
        if (best < 0 || readsBefore(best, i))
            best = i;
    }
    return best;
}

int BookGeometry::nextInColumn(int i, int step) const
{
    const QList<int> &column = m_byColumn.at(m_placements.at(i).column);
    const int rank = m_rankInColumn.at(i) + step;
    return rank >= 0 && rank < column.size() ? column.at(rank) : -1;
}

// Skips columns without appointments; among the neighbour's, the one starting nearest in
// time, the earlier one on a tie.
int BookGeometry::nearestInNextColumn(int i, int step) const
{
    const Placement &from = m_placements.at(i);
    int column = from.column + step;
    while (column >= 0 && column < m_byColumn.size() && m_byColumn.at(column).isEmpty())
        column += step;
    if (column < 0 || column >= m_byColumn.size())
        return -1;
    int best = -1;
    qint64 bestDistance = 0;
    for (int candidate : m_byColumn.at(column)) {
        const qint64 distance = qAbs(m_placements.at(candidate).startSeconds - from.startSeconds);
        if (best < 0 || distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace frontdesk
