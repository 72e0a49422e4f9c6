#pragma once

#include "Appointment.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// What one entry of the clinic's event log says happened, as the change feed delivers it.
struct ChangeEvent
{
    enum class Kind {
        Booked, Confirmed, CheckedIn, Completed, Cancelled, NoShow, Rescheduled, Reopened,
        FollowUp,   // a follow-up item was queued (a callback), claimed, released or completed
        Other,      // a kind this desk does not know yet: nothing to apply, nothing lost
    };

    qint64 eventId = 0;
    Kind kind = Kind::Other;
    QString kindText;   // as logged, e.g. "appointment.check_in"
    qint64 appointmentId = 0;
    qint64 patientId = 0;
    QDateTime occurredAt;   // UTC

    static Kind kindFromDatabase(const QString &text);
};

// One read of the change feed: its events in order, and the appointments they touched as
// they are now (those this login may see). Every model that cares takes what concerns it.
struct ChangeSet
{
    QList<ChangeEvent> events;
    AppointmentList appointments;

    bool isEmpty() const { return events.isEmpty() && appointments.isEmpty(); }
    const Appointment *appointment(qint64 id) const;
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::ChangeSet)
