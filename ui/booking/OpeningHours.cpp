#include "OpeningHours.h"

#include "text/ClockTime.h"

#include <QLocale>
#include <QStringList>

namespace frontdesk {

namespace {

constexpr int kMsecsPerDay = 24 * 60 * 60 * 1000;
constexpr int kQuarterSecs = 15 * 60;

int previousDay(int isoDay)
{
    return isoDay == 1 ? 7 : isoDay - 1;
}

int nextDay(int isoDay)
{
    return isoDay == 7 ? 1 : isoDay + 1;
}

} // namespace

int OpeningHours::closesAtMsecs() const
{
    // The database's 24:00 arrives as 23:59:59.999 (QTime has no 24:00): the end of the day.
    const QTime closes = m_clinic.closesAt;
    return closes >= QTime(23, 59, 59) ? kMsecsPerDay : closes.msecsSinceStartOfDay();
}

QString OpeningHours::describeDays() const
{
    bool open[8] = {};
    int count = 0;
    for (int day : m_clinic.openDays) {
        if (day >= 1 && day <= 7 && !open[day]) {
            open[day] = true;
            ++count;
        }
    }
    if (count == 7)
        return tr("every day");
    if (count == 0)
        return {};
    // Start after a closed day, so that a run over the weekend ("Saturday to Monday") reads as one.
    int first = 1;
    while (!open[first] || open[previousDay(first)])
        first = nextDay(first);

    const QLocale locale;
    QStringList parts;
    int day = first;
    for (int seen = 0; seen < 7;) {
        if (!open[day]) {
            day = nextDay(day);
            ++seen;
            continue;
        }
        const int runStart = day;
        int runLength = 0;
        while (open[day] && seen < 7) {
            ++runLength;
            ++seen;
            day = nextDay(day);
        }
        if (runLength >= 3) {
            parts.append(tr("%1 to %2").arg(locale.dayName(runStart, QLocale::LongFormat),
                                            locale.dayName(previousDay(day), QLocale::LongFormat)));
        } else {
            for (int d = runStart, i = 0; i < runLength; d = nextDay(d), ++i)
                parts.append(locale.dayName(d, QLocale::LongFormat));
        }
    }
    return locale.createSeparatedList(parts);
}

QString OpeningHours::describe() const
{
    const QString days = describeDays();
    if (days.isEmpty() || !m_clinic.opensAt.isValid())
        return {};
    const QTime closes = closesAtMsecs() == kMsecsPerDay ? QTime(0, 0) : m_clinic.closesAt;
    return tr("%1–%2, %3", "opening hours: opens, closes, days").arg(clockTime(m_clinic.opensAt), clockTime(closes), days);
}

bool OpeningHours::covers(const QDateTime &start, int minutes) const
{
    // As within_opening_hours: wall-clock offsets from the local midnight that begins the start's
    // day, so a slot may end at a closing time of 24:00 but never run into the next day.
    const QDateTime local = start.toTimeZone(m_clinic.timeZone);
    const QDateTime end = local.addSecs(60 * minutes);
    if (!m_clinic.openDays.contains(local.date().dayOfWeek()) || !m_clinic.opensAt.isValid())
        return false;
    const qint64 startMsecs = local.time().msecsSinceStartOfDay();
    const qint64 endMsecs = local.date().daysTo(end.date()) * kMsecsPerDay + end.time().msecsSinceStartOfDay();
    return startMsecs >= m_clinic.opensAt.msecsSinceStartOfDay() && endMsecs <= closesAtMsecs();
}

QDateTime OpeningHours::firstStart(const QDateTime &suggested, const QDateTime &now, int minutes) const
{
    const QTimeZone zone = m_clinic.timeZone;
    if (suggested.isValid() && suggested >= now)
        return suggested.toTimeZone(zone);
    // Every UTC offset in use is a whole number of quarter hours, so UTC's quarters are the clinic's.
    const qint64 quarter = (now.toSecsSinceEpoch() / kQuarterSecs + 1) * kQuarterSecs;
    const QDateTime next = QDateTime::fromSecsSinceEpoch(quarter, QTimeZone::utc()).toTimeZone(zone);
    if (!m_clinic.opensAt.isValid() || covers(next, minutes))
        return next;
    for (int offset = 0; offset <= 7; ++offset) {
        const QDate day = next.date().addDays(offset);
        if (!m_clinic.openDays.contains(day.dayOfWeek()))
            continue;
        const QDateTime opening(day, m_clinic.opensAt, zone);
        const QDateTime candidate = offset == 0 && next > opening ? next : opening;
        if (covers(candidate, minutes))
            return candidate;
    }
    return next;   // never open for that long: the time at least is not in the past
}

} // namespace frontdesk
