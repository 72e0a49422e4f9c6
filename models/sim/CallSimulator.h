#pragma once

#include "domain/Booking.h"
#include "domain/Clinic.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace frontdesk {

// What the AI voice agent would send to book_appointment_atomic after a call: realistic
// callers of the clinic's region, mostly for slots that look free; some for slots that are
// already taken or for times the clinic is closed, a few with a garbled detail (a garbled number
// always with an email address), rarely one who leaves no usable contact at all, and now and then
// a retry of an earlier request with its same key. The refusals a person can fix come back with a
// callback queued for the desk (schema v10), except for the caller who left no contact; a caller
// refused for a taken slot often takes an alternative offered, which completes that callback.
class CallSimulator
{
public:
    enum class Intent {
        Normal,
        InvalidOnPurpose,   // a garbled name, number (an email given) or email, or a day gone
        TakenSlot,
        Retry,
        OutsideHours,       // a time the clinic is closed
        NoContact,          // a garbled number and no email: nobody can call back
        Alternative,        // the same caller again, taking an alternative the refusal offered
    };

    struct Call
    {
        Intent intent = Intent::Normal;
        BookingRequest request;
        QString what;   // a line for the log: what the caller asked for
    };

    CallSimulator(Clinic clinic, quint32 seed);

    // Appointments already on the books, so some calls can ask for their slots.
    void addTakenSlot(qint64 providerId, const QDateTime &startsAt, const QDateTime &endsAt);

    Call nextCall(const QDateTime &nowUtc);

    // Remembers a successful booking for later taken-slot calls and retries.
    void recordBooked(const Call &call);

    // After a refusal that offered alternatives: as often as not the caller takes the first one,
    // in the same call, as a request of its own key. Nothing when nothing was offered.
    std::optional<Call> acceptAlternative(const Call &refused, const QList<QDateTime> &alternatives);

    static QString intentName(Intent intent);

private:
    struct Slot { qint64 providerId; QDateTime startsAt; QDateTime endsAt; };

    std::optional<Slot> freeLookingSlot(const QDateTime &nowUtc);
    std::optional<Slot> closedSlot(const QDateTime &nowUtc);
    bool overlapsTaken(const Slot &slot) const;
    QString callerName();
    QString callerPhone();
    QString callerEmail(const QString &name);
    static QString emailOf(const QString &name);
    void spoil(BookingRequest &request, QString &what, const QDateTime &nowUtc);

    Clinic m_clinic;
    QRandomGenerator m_random;
    QList<Slot> m_taken;
    QList<BookingRequest> m_sent;
    int m_calls = 0;
};

} // namespace frontdesk
