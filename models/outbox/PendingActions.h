#pragma once

#include "domain/Appointment.h"
#include "domain/Booking.h"
#include "domain/Clinic.h"
#include "outbox/OutboxEntry.h"

#include <QHash>
#include <QString>

namespace frontdesk {

// What the outbox holds, as the day's views show it: an appointment with a kept action is marked
// with what waits ("Confirm waiting to be sent"), and a kept booking is a provisional row until
// the database has it. Plain values, so the day model stays free of the outbox's life cycle.

struct PendingMark
{
    QString text;               // every kept action on the appointment, in the order taken
    bool needsPerson = false;   // one of them was refused and waits for a person (the outbox dock)

    bool operator==(const PendingMark &other) const { return text == other.text && needsPerson == other.needsPerson; }
    bool operator!=(const PendingMark &other) const { return !(*this == other); }
};

// The marks of the appointments that open entries act on, by appointment id.
QHash<qint64, PendingMark> pendingMarksOf(const OutboxEntryList &entries);

// A provisional appointment's id for the entry that keeps its booking: negative, so it can never
// be a real appointment's; and back.
qint64 provisionalIdOf(qint64 seq);
qint64 seqOfProvisional(qint64 appointmentId);
bool isProvisional(qint64 appointmentId);

// The open bookings of the outbox as appointments of `clinic` (status booked, by staff, ids from
// provisionalIdOf), with the mark each shows; whatever their day.
struct ProvisionalBooking
{
    Appointment appointment;
    PendingMark mark;
};
QList<ProvisionalBooking> provisionalBookingsOf(const OutboxEntryList &entries, const Clinic &clinic);

// The request a kept booking command was made from (its arguments in order), to book the same
// patient and details at another time.
BookingRequest bookingRequestOf(const Command &command);

} // namespace frontdesk
