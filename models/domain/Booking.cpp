#include "Booking.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk {

BookingResult BookingResult::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return failure(QStringLiteral("BAD_RESPONSE"), parseError.errorString());
    const QJsonObject o = doc.object();
    BookingResult r;
    r.ok = o.value(u"ok").toBool();
    r.code = o.value(u"code").toString();
    r.message = o.value(u"message").toString();
    r.appointmentId = o.value(u"appointment_id").toInteger();
    r.patientId = o.value(u"patient_id").toInteger();
    r.patientName = o.value(u"patient_name").toString();
    r.phone = o.value(u"phone").toString();
    const QJsonObject conflict = o.value(u"conflict").toObject();
    r.conflictStartsAt = QDateTime::fromString(conflict.value(u"starts_at").toString(), Qt::ISODateWithMs).toUTC();
    r.conflictEndsAt = QDateTime::fromString(conflict.value(u"ends_at").toString(), Qt::ISODateWithMs).toUTC();
    r.conflictProviderId = conflict.value(u"provider_id").toInteger();
    const QJsonArray alternatives = o.value(u"alternatives").toArray();
    for (const QJsonValue &v : alternatives) {
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (t.isValid())
            r.alternatives.append(t.toUTC());
    }
    if (!r.ok && r.code.isEmpty())
        r.code = QStringLiteral("BAD_RESPONSE");
    return r;
}

BookingResult BookingResult::failure(const QString &code, const QString &message)
{
    BookingResult r;
    r.code = code;
    r.message = message;
    return r;
}

QString bookingErrorText(const QString &code)
{
    struct Entry { const char *code; const char *text; };
    static const Entry entries[] = {
        { "SLOT_UNAVAILABLE", QT_TRANSLATE_NOOP("BookingError", "That time is already taken for this provider.") },
        { "INVALID_PHONE", QT_TRANSLATE_NOOP("BookingError", "The phone number is not a valid number for this clinic's region.") },
        { "INVALID_EMAIL", QT_TRANSLATE_NOOP("BookingError", "The email address is not valid.") },
        { "INVALID_NAME", QT_TRANSLATE_NOOP("BookingError", "Enter the patient's name (letters, spaces, hyphens and apostrophes).") },
        { "CONTACT_REQUIRED", QT_TRANSLATE_NOOP("BookingError", "Enter a phone number or an email address for the patient.") },
        { "IN_THE_PAST", QT_TRANSLATE_NOOP("BookingError", "That time is in the past.") },
        { "OUTSIDE_HOURS", QT_TRANSLATE_NOOP("BookingError", "The clinic is closed at that time.") },
        { "PATIENT_BUSY", QT_TRANSLATE_NOOP("BookingError", "This patient already has an appointment at that time, with another provider or this one.") },
        { "INVALID_TIME", QT_TRANSLATE_NOOP("BookingError", "The appointment must end after it starts, last at most 8 hours, and start within the next two years.") },
        { "UNKNOWN_PROVIDER", QT_TRANSLATE_NOOP("BookingError", "That provider is not bookable at this clinic.") },
        { "UNKNOWN_ORG", QT_TRANSLATE_NOOP("BookingError", "This clinic is not in the database.") },
        { "INVALID_SOURCE", QT_TRANSLATE_NOOP("BookingError", "The booking source is not recognised.") },
        { "INVALID_IDEMPOTENCY_KEY", QT_TRANSLATE_NOOP("BookingError", "The request had no valid idempotency key.") },
        { "IDEMPOTENCY_MISMATCH", QT_TRANSLATE_NOOP("BookingError", "This request was already sent with different details.") },
        { "TEXT_TOO_LONG", QT_TRANSLATE_NOOP("BookingError", "The service or notes are too long.") },
        { "IDEMPOTENCY_RETRY", QT_TRANSLATE_NOOP("BookingError", "The same request was completed elsewhere a moment ago. Send it again to see its result.") },
        { "RETRY", QT_TRANSLATE_NOOP("BookingError", "Someone changed the same schedule at the same moment. Nothing was booked; press Book again.") },
        { "UNSUPPORTED_ISOLATION", QT_TRANSLATE_NOOP("BookingError", "The database connection is set up in a way bookings cannot use (SERIALIZABLE). Nothing was booked; ask whoever set up this computer.") },
        { "READ_ONLY_TRANSACTION", QT_TRANSLATE_NOOP("BookingError", "The database accepts no changes right now (read-only or a standby server). Nothing was booked; try again in a moment.") },
        { "NOT_PERMITTED", QT_TRANSLATE_NOOP("BookingError", "Your login is not allowed to do this.") },
        { "CONNECTION_LOST", QT_TRANSLATE_NOOP("BookingError", "The connection dropped while booking, so it may or may not be booked. Book again: the same request never books twice.") },
        { "DATABASE_ERROR", QT_TRANSLATE_NOOP("BookingError", "The database refused the request; nothing was booked. The details are in the log.") },
        { "OFFLINE", QT_TRANSLATE_NOOP("BookingError", "No connection to the clinic database. Nothing was booked; try again when the status bar shows Online.") },
    };
    for (const Entry &e : entries) {
        if (code == QLatin1String(e.code))
            return QCoreApplication::translate("BookingError", e.text);
    }
    return QCoreApplication::translate("BookingError", "The booking failed (%1).").arg(code);
}

} // namespace frontdesk
