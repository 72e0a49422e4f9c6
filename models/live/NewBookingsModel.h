#pragma once

#include "domain/Appointment.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"

#include <QAbstractListModel>
#include <QDate>
#include <QDateTime>

#include <functional>

namespace frontdesk {

// The AI agent's bookings that nobody at this desk has looked at yet, for today and later, in
// start order: the "new bookings" list that jumps to each, its count, and what marks rows and
// blocks new. The desk's own bookings are never new to it. An adapter over change sets.
class NewBookingsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { AppointmentIdRole = Qt::UserRole + 1, StartsAtRole };

    explicit NewBookingsModel(QObject *parent = nullptr);

    void setClinic(const Clinic &clinic);
    // Bookings created from this moment on (by the server's clock) can be new.
    void setWatchingSince(const QDateTime &since);
    QDateTime watchingSince() const { return m_watchingSince; }
    // The clinic's today: bookings for earlier days leave the list.
    void setToday(QDate today);

    void applyChanges(const ChangeSet &changes);
    void markSeen(qint64 appointmentId);
    void markAllSeen();

    bool isNew(qint64 appointmentId) const { return rowOf(appointmentId) >= 0; }
    int count() const { return int(m_rows.size()); }
    const Appointment &appointmentAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Became new or stopped being new (seen, moved to an earlier day).
    void newnessChanged(qint64 appointmentId);
    void countChanged(int count);
    // A new booking came in: for the tray, the sound and the status bar.
    void arrived(const frontdesk::Appointment &appointment);

private:
    static bool startsBefore(const Appointment &a, const Appointment &b);
    QDate localDay(const Appointment &appointment) const;
    bool belongs(const Appointment &appointment) const;
    int rowOf(qint64 appointmentId) const;
    void removeRow(int row);
    void insertSorted(const Appointment &appointment);

    Clinic m_clinic;
    QDateTime m_watchingSince;
    QDate m_today;
    AppointmentList m_rows;
};

} // namespace frontdesk
