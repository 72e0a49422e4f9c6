#include "Booking.h"

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
    return fromAnswer(doc.object());
}

BookingResult BookingResult::fromAnswer(const QJsonObject &o)
{
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

} // namespace frontdesk
