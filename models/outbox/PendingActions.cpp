#include "PendingActions.h"

#include "commands/AppointmentActions.h"
#include "text/PersonName.h"

#include <QCoreApplication>

namespace frontdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PendingActions", text);
}

// One kept action in words: "Confirm waiting to be sent", or refused and waiting for a person.
QString describeWaiting(const QString &action, OutboxEntry::State state)
{
    return state == OutboxEntry::State::Conflict ? tr("%1 not done: needs you (outbox)").arg(action)
                                                 : tr("%1 waiting to be sent").arg(action);
}

void addTo(PendingMark &mark, const QString &action, OutboxEntry::State state)
{
    const QString text = describeWaiting(action, state);
    mark.text = mark.text.isEmpty() ? text : mark.text + QStringLiteral("; ") + text;
    mark.needsPerson = mark.needsPerson || state == OutboxEntry::State::Conflict;
}

} // namespace

QHash<qint64, PendingMark> pendingMarksOf(const OutboxEntryList &entries)
{
    QHash<qint64, PendingMark> marks;
    for (const OutboxEntry &e : entries) {
        if (!e.isOpen() || targetOf(e.command.operation) != CommandTarget::Appointment)
            continue;
        const auto action = actionOf(e.command.operation);
        addTo(marks[e.command.targetId], action ? displayText(*action) : e.command.functionName(), e.state);
    }
    return marks;
}

qint64 provisionalIdOf(qint64 seq)
{
    return -seq;
}

qint64 seqOfProvisional(qint64 appointmentId)
{
    return -appointmentId;
}

bool isProvisional(qint64 appointmentId)
{
    return appointmentId < 0;
}

BookingRequest bookingRequestOf(const Command &command)
{
    // The order of Commands::book's arguments: org, provider, start, end, name, phone, email,
    // source, key, service, notes.
    const QVariantList &a = command.arguments;
    BookingRequest r;
    r.orgId = a.value(0).toLongLong();
    r.providerId = a.value(1).toLongLong();
    r.startsAt = a.value(2).toDateTime().toUTC();
    r.endsAt = a.value(3).toDateTime().toUTC();
    r.patientName = a.value(4).toString();
    r.phone = a.value(5).toString();
    r.email = a.value(6).toString();
    r.source = bookingSourceFromDatabase(a.value(7).toString());
    r.idempotencyKey = a.value(8).toString();
    r.service = a.value(9).toString();
    r.notes = a.value(10).toString();
    return r;
}

QList<ProvisionalBooking> provisionalBookingsOf(const OutboxEntryList &entries, const Clinic &clinic)
{
    QList<ProvisionalBooking> bookings;
    for (const OutboxEntry &e : entries) {
        if (!e.isOpen() || e.command.operation != Operation::Book)
            continue;
        const BookingRequest r = bookingRequestOf(e.command);
        if (r.orgId != clinic.id)
            continue;
        ProvisionalBooking b;
        Appointment &a = b.appointment;
        a.id = provisionalIdOf(e.seq);
        a.orgId = r.orgId;
        a.providerId = r.providerId;
        for (const Provider &p : clinic.providers) {
            if (p.id == r.providerId)
                a.providerName = p.displayName;
        }
        // As the database will store it, as far as the desk can tell.
        const QString name = normalizePersonName(r.patientName);
        a.patientName = name.isEmpty() ? r.patientName : name;
        a.phone = r.phone;
        a.email = r.email;
        a.startsAt = r.startsAt;
        a.endsAt = r.endsAt;
        a.status = AppointmentStatus::Booked;
        a.source = r.source;
        a.service = r.service;
        a.notes = r.notes;
        a.createdBy = tr("this PC");
        a.createdAt = e.takenAt;
        addTo(b.mark, tr("Booking"), e.state);
        bookings.append(b);
    }
    return bookings;
}

} // namespace frontdesk
