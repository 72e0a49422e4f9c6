#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// What a calendar follow-up carries (frontdesk.follow_ups.calendar_event): all an RFC 5545 file
// needs. The uid stays the same for one appointment across its reschedules and cancellation;
// the sequence rises with each.
struct CalendarEvent
{
    QString uid;
    int sequence = 0;
    QString method;       // REQUEST or CANCEL
    QDateTime startsAt;   // UTC
    QDateTime endsAt;
    QString timeZone;     // the clinic's IANA zone
    QString summary;
    QString provider;
    QString location;

    bool isCancellation() const { return method == u"CANCEL"; }
    static CalendarEvent fromJson(const QJsonObject &json);
};

// What an AI caller asked for and why the agent could not book it (a callback's details).
struct CallbackRequest
{
    QString callerName;   // as the agent heard it
    QString phone;        // E.164 when it was a valid number, else as heard
    QString email;
    qint64 providerId = 0;
    QString providerName;
    QDateTime startsAt;   // UTC; invalid when the caller gave no usable time
    QDateTime endsAt;
    QString service;
    QString refusalCode;  // the booking function's code, e.g. SLOT_UNAVAILABLE
    QList<QDateTime> alternatives;   // the nearest free starts when the call failed
    int attempts = 1;

    static CallbackRequest fromJson(const QJsonObject &json);
};

// One item of the follow-up queue: an SMS to send, a calendar entry to make, or a caller to ring
// back. Claimed by one desk at a time; a claim runs out by itself.
struct FollowUp
{
    enum class Kind { Sms, Calendar, Callback };
    enum class Status { Pending, Claimed, Done };

    qint64 id = 0;
    qint64 orgId = 0;
    qint64 appointmentId = 0;   // 0 for a callback
    qint64 patientId = 0;       // 0 when no patient record is known
    Kind kind = Kind::Sms;
    QString purpose;            // booked, cancelled, rescheduled, failed_call
    Status status = Status::Pending;
    QString recipient;          // E.164, for an SMS and a callback
    QString message;            // the SMS, ready to send
    CalendarEvent calendar;
    CallbackRequest callback;
    QString claimedBy;
    QDateTime claimExpiresAt;
    QString outcome;
    QString note;
    QString completedBy;
    QDateTime completedAt;
    QDateTime createdAt;
    QDateTime dueAt;            // a callback is work from then on (the caller may still be with the agent)
    // What the item is about, for the queue's rows: the patient's name and the appointment's
    // start (for a callback: the caller and the requested start).
    QString patientName;
    QDateTime appointmentStartsAt;

    // Held by a live claim of `login` / of someone else at `now`. An expired claim holds nothing.
    bool isClaimedBy(const QString &login, const QDateTime &now) const;
    bool isHeldByOther(const QString &login, const QDateTime &now) const;
    bool isDone() const { return status == Status::Done; }
    bool isDue(const QDateTime &now) const { return !dueAt.isValid() || dueAt <= now; }
};

using FollowUpList = QList<FollowUp>;

QString toDatabaseText(FollowUp::Kind kind);
// nullopt-like: returns false for a kind this desk does not know.
bool followUpKindFromDatabase(const QString &text, FollowUp::Kind *kind);

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::FollowUp)
Q_DECLARE_METATYPE(frontdesk::FollowUpList)
