#include "NewBookingsModel.h"

#include "text/ClockTime.h"

#include <QLocale>

#include <algorithm>

namespace frontdesk {

NewBookingsModel::NewBookingsModel(QObject *parent)
    : QAbstractListModel(parent), m_watchingSince(QDateTime::currentDateTimeUtc())
{
}

void NewBookingsModel::setClinic(const Clinic &clinic)
{
    m_clinic = clinic;
}

void NewBookingsModel::setWatchingSince(const QDateTime &since)
{
    // Watching again, on another server history (a standby promoted): a booking listed may be
    // gone there (asynchronous replication), its id even given to another appointment.
    if (m_watchingSince.isValid())
        markAllSeen();
    m_watchingSince = since;
}

void NewBookingsModel::setToday(QDate today)
{
    if (today == m_today)
        return;
    m_today = today;
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!belongs(m_rows.at(row)))
            removeRow(row);
    }
}

QDate NewBookingsModel::localDay(const Appointment &appointment) const
{
    return appointment.startsAt.toTimeZone(m_clinic.timeZone).date();
}

bool NewBookingsModel::belongs(const Appointment &appointment) const
{
    return appointment.orgId == m_clinic.id && (!m_today.isValid() || localDay(appointment) >= m_today);
}

int NewBookingsModel::rowOf(qint64 appointmentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == appointmentId)
            return row;
    }
    return -1;
}

void NewBookingsModel::removeRow(int row)
{
    const qint64 id = m_rows.at(row).id;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT newnessChanged(id);
    Q_EMIT countChanged(count());
}

bool NewBookingsModel::startsBefore(const Appointment &a, const Appointment &b)
{
    return a.startsAt != b.startsAt ? a.startsAt < b.startsAt : a.id < b.id;
}

void NewBookingsModel::insertSorted(const Appointment &appointment)
{
    const auto at = std::upper_bound(m_rows.cbegin(), m_rows.cend(), appointment, &NewBookingsModel::startsBefore);
    const int row = int(at - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, appointment);
    endInsertRows();
}

void NewBookingsModel::applyChanges(const ChangeSet &changes)
{
    for (const ChangeEvent &event : changes.events) {
        const Appointment *a = changes.appointment(event.appointmentId);
        if (!a)
            continue;
        const int row = rowOf(a->id);
        if (row >= 0) {
            // Gone to an earlier day; or still new, as it is now, in place (a view keeps its
            // current item) unless its time moved it.
            if (!belongs(*a)) {
                removeRow(row);
                continue;
            }
            const bool inOrder = (row == 0 || !startsBefore(*a, m_rows.at(row - 1)))
                && (row + 1 == m_rows.size() || !startsBefore(m_rows.at(row + 1), *a));
            if (inOrder) {
                m_rows[row] = *a;
                Q_EMIT dataChanged(index(row), index(row));
            } else {
                beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                endRemoveRows();
                insertSorted(*a);
            }
            continue;
        }
        const bool newBooking = event.kind == ChangeEvent::Kind::Booked && a->source == BookingSource::AiVoice
            && a->createdAt >= m_watchingSince && belongs(*a);
        if (!newBooking)
            continue;
        insertSorted(*a);
        Q_EMIT newnessChanged(a->id);
        Q_EMIT countChanged(count());
        Q_EMIT arrived(*a);
    }
}

void NewBookingsModel::markSeen(qint64 appointmentId)
{
    const int row = rowOf(appointmentId);
    if (row >= 0)
        removeRow(row);
}

void NewBookingsModel::markAllSeen()
{
    if (m_rows.isEmpty())
        return;
    const AppointmentList seen = m_rows;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    for (const Appointment &a : seen)
        Q_EMIT newnessChanged(a.id);
    Q_EMIT countChanged(0);
}

int NewBookingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NewBookingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Appointment &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QDateTime start = a.startsAt.toTimeZone(m_clinic.timeZone);
        const QString day = start.date() == m_today ? tr("Today") : QLocale().toString(start.date(), QLocale::ShortFormat);
        return tr("%1 %2 – %3 with %4").arg(day, clockTime(start.time()), a.patientName, a.providerName);
    }
    case Qt::ToolTipRole:
        return QString(data(index, Qt::DisplayRole).toString() + (a.service.isEmpty() ? QString() : u'\n' + a.service));
    case AppointmentIdRole: return a.id;
    case StartsAtRole: return a.startsAt;
    }
    return {};
}

} // namespace frontdesk
