#pragma once

#include "Appointment.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// One patient found by frontdesk.search_patients as the desk types: who, how to reach them, and
// when they were last and are next seen (an appointment neither cancelled nor missed).
struct PatientMatch
{
    qint64 id = 0;
    QString fullName;
    QString phone;   // E.164, may be empty
    QString email;   // may be empty
    QDateTime nextAppointment;   // UTC; invalid when none is booked
    QDateTime lastAppointment;   // UTC; invalid when none is in the past
};

// Best first, as the database ranks them.
using PatientMatchList = QList<PatientMatch>;

// A patient's record as stored.
struct Patient
{
    qint64 id = 0;
    QString fullName;
    QString phone;   // E.164, may be empty
    QString email;   // may be empty
    QDateTime since;   // UTC: when the record was made
};

// One of a patient's appointments, as the patient's history lists it.
struct PatientAppointment
{
    qint64 id = 0;
    QDateTime startsAt;   // UTC
    QDateTime endsAt;     // UTC
    AppointmentStatus status = AppointmentStatus::Booked;
    QString statusText;   // as stored, for a status this desk does not know
    BookingSource source = BookingSource::Staff;
    QString service;
    QString providerName;

    // Still to come at `now`: not started yet. A cancelled future appointment is still listed
    // there, with its status, as the desk's history shows what happened to it.
    bool isUpcoming(const QDateTime &now) const { return startsAt >= now; }
};

// What was said with or about a patient: the AI agent's note of a call, or a staff member's note.
struct PatientInteraction
{
    enum class Kind { AiCall, StaffNote, Other };

    qint64 id = 0;
    Kind kind = Kind::Other;
    QString kindText;         // as stored: "ai_call", "staff_note"
    QString body;
    QString author;           // the login that wrote it (the agent's login for a call note)
    QDateTime occurredAt;     // UTC
    qint64 appointmentId = 0; // 0 when about the patient, not one appointment

    static Kind kindFromDatabase(const QString &text);
};

// Everything the desk shows about one patient (frontdesk.patient_history): the record, the
// appointments (newest first), how many were missed, and the interactions (newest first).
struct PatientHistory
{
    Patient patient;
    QList<PatientAppointment> appointments;   // newest first
    int noShows = 0;
    QList<PatientInteraction> interactions;   // newest first

    // The appointments still to come at `now`, soonest first; and those before, newest first.
    QList<PatientAppointment> upcoming(const QDateTime &now) const;
    QList<PatientAppointment> past(const QDateTime &now) const;

    // patient_history's answer: the history, or its refusal's code (UNKNOWN_PATIENT, also for
    // another clinic's patient), or BAD_RESPONSE for an answer that is not one.
    static Result<PatientHistory> fromJson(const QJsonObject &answer);
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::PatientMatch)
Q_DECLARE_METATYPE(frontdesk::PatientHistory)
