#pragma once

#include "domain/Booking.h"
#include "domain/Clinic.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace frontdesk {

// What the AI voice agent would send to book_appointment_atomic after a call: realistic
// callers of the clinic's region, a few with bad details on purpose, some for slots that
// are already taken, and now and then a retry of an earlier request with its same key.
class CallSimulator
{
public:
    enum class Intent { Normal, InvalidOnPurpose, TakenSlot, Retry };

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

    static QString intentName(Intent intent);

private:
    struct Slot { qint64 providerId; QDateTime startsAt; QDateTime endsAt; };

    std::optional<Slot> freeLookingSlot(const QDateTime &nowUtc);
    bool overlapsTaken(const Slot &slot) const;
    QString callerName();
    QString callerPhone();
    QString callerEmail(const QString &name);
    void spoil(BookingRequest &request, QString &what, const QDateTime &nowUtc);

    Clinic m_clinic;
    QRandomGenerator m_random;
    QList<Slot> m_taken;
    QList<BookingRequest> m_sent;
    int m_calls = 0;
};

} // namespace frontdesk
