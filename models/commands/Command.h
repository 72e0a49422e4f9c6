#pragma once

#include "domain/Booking.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QVariantList>

#include <optional>

namespace frontdesk {

// The clinic database's writing functions the desk may call. A closed list: a command names
// one of these, never SQL text, so a stored command can only ever call what it was made for.
enum class Operation {
    Book, Confirm, CheckIn, Complete, Cancel, MarkNoShow, Reschedule, Reopen,
    ClaimFollowUp, ReleaseFollowUp, CompleteFollowUp,
    AddPatientNote,
};

// What a command acts on, by its operation.
enum class CommandTarget { None, Appointment, FollowUp, Patient };
CommandTarget targetOf(Operation operation);

// A write as a value: which function, its arguments in order, and a key. It holds everything
// needed to send it again unchanged (after a dropped connection, or later from an outbox), and
// every call is sent with its key: the server answers a key it has already served with the
// answer it gave then and changes nothing (booking's idempotency key; since schema v15 the same
// for the life cycle, the follow-up queue and notes).
struct Command
{
    Operation operation = Operation::Confirm;
    QVariantList arguments;   // qint64, QString, QDateTime (UTC) or a typed null of those
    QString key;              // unique per command; book_appointment_atomic's idempotency key
    qint64 targetId = 0;      // the appointment, follow-up or patient it acts on; 0 for a booking

    QString functionName() const;   // schema-qualified, from the closed list
    QVariantList callArguments() const;   // the arguments with the key where the function takes it
    QJsonObject toJson() const;
    // nullopt for anything toJson() could not have written (an unknown operation, a wrong
    // number or type of arguments): a stored command never calls anything else.
    static std::optional<Command> fromJson(const QJsonObject &json);
};

namespace Commands {

Command book(const BookingRequest &request);
Command confirm(qint64 appointmentId);
Command checkIn(qint64 appointmentId);
Command complete(qint64 appointmentId);
Command cancel(qint64 appointmentId, const QString &reason);
Command markNoShow(qint64 appointmentId);
// providerId 0 keeps the provider.
Command reschedule(qint64 appointmentId, const QDateTime &startsAt, const QDateTime &endsAt, qint64 providerId = 0);
Command reopen(qint64 appointmentId);

Command claimFollowUp(qint64 followUpId);
Command releaseFollowUp(qint64 followUpId);
// outcome: the database's word (sent, failed, skipped; for a callback booked, called_back,
// no_answer, not_needed); the note is required unless sent or booked.
Command completeFollowUp(qint64 followUpId, const QString &outcome, const QString &note);
// appointmentId 0: a note on the patient, not on one appointment.
Command addPatientNote(qint64 patientId, const QString &body, qint64 appointmentId = 0);

} // namespace Commands

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::Command)
