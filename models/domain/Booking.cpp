#include "Booking.h"

#include "commands/CommandResult.h"

#include <QJsonObject>

namespace frontdesk {

BookingResult BookingResult::fromJson(const QByteArray &json)
{
    return fromAnswer(CommandResult::fromJson(json));
}

BookingResult BookingResult::fromAnswer(const CommandResult &answer)
{
    const QJsonObject &o = answer.answer;
    BookingResult r;
    r.ok = answer.ok;
    r.code = answer.code;
    r.message = answer.message;
    r.appointmentId = o.value(u"appointment_id").toInteger();
    r.patientId = o.value(u"patient_id").toInteger();
    r.patientName = o.value(u"patient_name").toString();
    r.phone = o.value(u"phone").toString();
    const QJsonObject conflict = o.value(u"conflict").toObject();
    r.conflictStartsAt = QDateTime::fromString(conflict.value(u"starts_at").toString(), Qt::ISODateWithMs).toUTC();
    r.conflictEndsAt = QDateTime::fromString(conflict.value(u"ends_at").toString(), Qt::ISODateWithMs).toUTC();
    r.conflictProviderId = conflict.value(u"provider_id").toInteger();
    r.alternatives = answer.alternatives();
    return r;
}

BookingResult BookingResult::failure(const QString &code, const QString &message)
{
    BookingResult r;
    r.code = code;
    r.message = message;
    return r;
}

} // namespace frontdesk
