#pragma once

#include "Appointment.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

struct CommandResult;

// What book_appointment_atomic takes. Raw as typed: the database normalises.
struct BookingRequest
{
    qint64 orgId = 0;
    qint64 providerId = 0;
    QDateTime startsAt;
    QDateTime endsAt;
    QString patientName;
    QString phone;
    QString email;
    BookingSource source = BookingSource::Staff;
    QString idempotencyKey;
    QString service;
    QString notes;
};

// What book_appointment_atomic answered: a booking, or a stable error code.
struct BookingResult
{
    bool ok = false;
    QString code;      // e.g. SLOT_UNAVAILABLE; empty when ok
    QString message;   // the server's words, for logs
    qint64 appointmentId = 0;
    qint64 patientId = 0;
    QString patientName;   // as normalised by the server
    QString phone;         // E.164
    QList<QDateTime> alternatives;   // nearest free starts, for SLOT_UNAVAILABLE and PATIENT_BUSY
    // For PATIENT_BUSY: the patient's appointment in the way.
    QDateTime conflictStartsAt;
    QDateTime conflictEndsAt;
    qint64 conflictProviderId = 0;

    static BookingResult fromJson(const QByteArray &json);
    // Whatever the call gave: a booking, a refusal, or the desk's own code (OFFLINE, ...).
    static BookingResult fromAnswer(const CommandResult &answer);
    static BookingResult failure(const QString &code, const QString &message);
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::BookingRequest)
Q_DECLARE_METATYPE(frontdesk::BookingResult)
