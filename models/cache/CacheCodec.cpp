#include "CacheCodec.h"

#include <QJsonArray>

namespace frontdesk::CacheCodec {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

QString id(qint64 value)
{
    // As text: a JSON number is a double and loses ids above 2^53.
    return QString::number(value);
}

qint64 idFrom(const QJsonValue &value)
{
    return value.toString().toLongLong();
}

QJsonObject toJson(const CalendarEvent &event)
{
    return { { QStringLiteral("uid"), event.uid }, { QStringLiteral("sequence"), event.sequence }, { QStringLiteral("method"), event.method },
             { QStringLiteral("startsAt"), timeText(event.startsAt) }, { QStringLiteral("endsAt"), timeText(event.endsAt) },
             { QStringLiteral("timeZone"), event.timeZone }, { QStringLiteral("summary"), event.summary }, { QStringLiteral("provider"), event.provider },
             { QStringLiteral("location"), event.location } };
}

CalendarEvent calendarEventFromJson(const QJsonObject &o)
{
    CalendarEvent event;
    event.uid = o.value(u"uid").toString();
    event.sequence = o.value(u"sequence").toInt();
    event.method = o.value(u"method").toString();
    event.startsAt = timeFrom(o.value(u"startsAt"));
    event.endsAt = timeFrom(o.value(u"endsAt"));
    event.timeZone = o.value(u"timeZone").toString();
    event.summary = o.value(u"summary").toString();
    event.provider = o.value(u"provider").toString();
    event.location = o.value(u"location").toString();
    return event;
}

QJsonObject toJson(const CallbackRequest &request)
{
    QJsonArray alternatives;
    for (const QDateTime &start : request.alternatives)
        alternatives.append(timeText(start));
    return { { QStringLiteral("callerName"), request.callerName }, { QStringLiteral("phone"), request.phone }, { QStringLiteral("email"), request.email },
             { QStringLiteral("providerId"), id(request.providerId) }, { QStringLiteral("providerName"), request.providerName },
             { QStringLiteral("startsAt"), timeText(request.startsAt) }, { QStringLiteral("endsAt"), timeText(request.endsAt) },
             { QStringLiteral("service"), request.service }, { QStringLiteral("refusalCode"), request.refusalCode },
             { QStringLiteral("alternatives"), alternatives }, { QStringLiteral("attempts"), request.attempts } };
}

CallbackRequest callbackRequestFromJson(const QJsonObject &o)
{
    CallbackRequest request;
    request.callerName = o.value(u"callerName").toString();
    request.phone = o.value(u"phone").toString();
    request.email = o.value(u"email").toString();
    request.providerId = idFrom(o.value(u"providerId"));
    request.providerName = o.value(u"providerName").toString();
    request.startsAt = timeFrom(o.value(u"startsAt"));
    request.endsAt = timeFrom(o.value(u"endsAt"));
    request.service = o.value(u"service").toString();
    request.refusalCode = o.value(u"refusalCode").toString();
    for (const QJsonValue &start : o.value(u"alternatives").toArray())
        request.alternatives.append(timeFrom(start));
    request.attempts = o.value(u"attempts").toInt(1);
    return request;
}

} // namespace

QJsonObject toJson(const Appointment &a)
{
    return { { QStringLiteral("id"), id(a.id) }, { QStringLiteral("orgId"), id(a.orgId) }, { QStringLiteral("providerId"), id(a.providerId) },
             { QStringLiteral("providerName"), a.providerName }, { QStringLiteral("patientId"), id(a.patientId) }, { QStringLiteral("patientName"), a.patientName },
             { QStringLiteral("phone"), a.phone }, { QStringLiteral("email"), a.email }, { QStringLiteral("startsAt"), timeText(a.startsAt) },
             { QStringLiteral("endsAt"), timeText(a.endsAt) },
             { QStringLiteral("status"), a.status == AppointmentStatus::Unknown ? a.statusText : toDatabaseText(a.status) },
             { QStringLiteral("source"), toDatabaseText(a.source) }, { QStringLiteral("service"), a.service }, { QStringLiteral("notes"), a.notes },
             { QStringLiteral("createdBy"), a.createdBy }, { QStringLiteral("createdAt"), timeText(a.createdAt) } };
}

Appointment appointmentFromJson(const QJsonObject &o)
{
    Appointment a;
    a.id = idFrom(o.value(u"id"));
    a.orgId = idFrom(o.value(u"orgId"));
    a.providerId = idFrom(o.value(u"providerId"));
    a.providerName = o.value(u"providerName").toString();
    a.patientId = idFrom(o.value(u"patientId"));
    a.patientName = o.value(u"patientName").toString();
    a.phone = o.value(u"phone").toString();
    a.email = o.value(u"email").toString();
    a.startsAt = timeFrom(o.value(u"startsAt"));
    a.endsAt = timeFrom(o.value(u"endsAt"));
    a.statusText = o.value(u"status").toString();
    a.status = appointmentStatusFromDatabase(a.statusText);
    a.source = bookingSourceFromDatabase(o.value(u"source").toString());
    a.service = o.value(u"service").toString();
    a.notes = o.value(u"notes").toString();
    a.createdBy = o.value(u"createdBy").toString();
    a.createdAt = timeFrom(o.value(u"createdAt"));
    if (!a.startsAt.isValid() || !a.endsAt.isValid())
        a.id = 0;
    return a;
}

QJsonObject toJson(const Clinic &clinic)
{
    QJsonArray openDays;
    for (int day : clinic.openDays)
        openDays.append(day);
    QJsonArray providers;
    for (const Provider &provider : clinic.providers)
        providers.append(QJsonObject{ { QStringLiteral("id"), id(provider.id) }, { QStringLiteral("displayName"), provider.displayName } });
    return { { QStringLiteral("id"), id(clinic.id) }, { QStringLiteral("name"), clinic.name },
             { QStringLiteral("timeZone"), QString::fromUtf8(clinic.timeZone.id()) }, { QStringLiteral("phoneRegion"), clinic.phoneRegion },
             { QStringLiteral("opensAt"), clinic.opensAt.toString(Qt::ISODate) }, { QStringLiteral("closesAt"), clinic.closesAt.toString(Qt::ISODate) },
             { QStringLiteral("openDays"), openDays }, { QStringLiteral("providers"), providers } };
}

Clinic clinicFromJson(const QJsonObject &o)
{
    Clinic clinic;
    clinic.id = idFrom(o.value(u"id"));
    clinic.name = o.value(u"name").toString();
    clinic.timeZone = QTimeZone(o.value(u"timeZone").toString().toUtf8());
    clinic.phoneRegion = o.value(u"phoneRegion").toString();
    clinic.opensAt = QTime::fromString(o.value(u"opensAt").toString(), Qt::ISODate);
    clinic.closesAt = QTime::fromString(o.value(u"closesAt").toString(), Qt::ISODate);
    for (const QJsonValue &day : o.value(u"openDays").toArray())
        clinic.openDays.append(day.toInt());
    for (const QJsonValue &value : o.value(u"providers").toArray()) {
        const QJsonObject provider = value.toObject();
        clinic.providers.append({ idFrom(provider.value(u"id")), provider.value(u"displayName").toString() });
    }
    // Without its time zone no date of the clinic can be read right.
    if (!clinic.timeZone.isValid())
        clinic.id = 0;
    return clinic;
}

QJsonObject toJson(const DeskUser &user)
{
    return { { QStringLiteral("login"), user.login }, { QStringLiteral("displayName"), user.displayName }, { QStringLiteral("isManager"), user.isManager } };
}

DeskUser deskUserFromJson(const QJsonObject &o)
{
    return { o.value(u"login").toString(), o.value(u"displayName").toString(), o.value(u"isManager").toBool() };
}

QJsonObject toJson(const FollowUp &f)
{
    return { { QStringLiteral("id"), id(f.id) }, { QStringLiteral("orgId"), id(f.orgId) }, { QStringLiteral("appointmentId"), id(f.appointmentId) },
             { QStringLiteral("patientId"), id(f.patientId) }, { QStringLiteral("kind"), toDatabaseText(f.kind) }, { QStringLiteral("purpose"), f.purpose },
             { QStringLiteral("status"), static_cast<int>(f.status) }, { QStringLiteral("recipient"), f.recipient }, { QStringLiteral("message"), f.message },
             { QStringLiteral("calendar"), toJson(f.calendar) }, { QStringLiteral("callback"), toJson(f.callback) }, { QStringLiteral("claimedBy"), f.claimedBy },
             { QStringLiteral("claimExpiresAt"), timeText(f.claimExpiresAt) }, { QStringLiteral("outcome"), f.outcome }, { QStringLiteral("note"), f.note },
             { QStringLiteral("completedBy"), f.completedBy }, { QStringLiteral("completedAt"), timeText(f.completedAt) },
             { QStringLiteral("createdAt"), timeText(f.createdAt) }, { QStringLiteral("dueAt"), timeText(f.dueAt) },
             { QStringLiteral("patientName"), f.patientName }, { QStringLiteral("appointmentStartsAt"), timeText(f.appointmentStartsAt) } };
}

FollowUp followUpFromJson(const QJsonObject &o)
{
    FollowUp f;
    f.id = idFrom(o.value(u"id"));
    f.orgId = idFrom(o.value(u"orgId"));
    f.appointmentId = idFrom(o.value(u"appointmentId"));
    f.patientId = idFrom(o.value(u"patientId"));
    if (!followUpKindFromDatabase(o.value(u"kind").toString(), &f.kind))
        f.id = 0;
    f.purpose = o.value(u"purpose").toString();
    const int status = o.value(u"status").toInt(-1);
    if (status < static_cast<int>(FollowUp::Status::Pending) || status > static_cast<int>(FollowUp::Status::Done))
        f.id = 0;
    else
        f.status = static_cast<FollowUp::Status>(status);
    f.recipient = o.value(u"recipient").toString();
    f.message = o.value(u"message").toString();
    f.calendar = calendarEventFromJson(o.value(u"calendar").toObject());
    f.callback = callbackRequestFromJson(o.value(u"callback").toObject());
    f.claimedBy = o.value(u"claimedBy").toString();
    f.claimExpiresAt = timeFrom(o.value(u"claimExpiresAt"));
    f.outcome = o.value(u"outcome").toString();
    f.note = o.value(u"note").toString();
    f.completedBy = o.value(u"completedBy").toString();
    f.completedAt = timeFrom(o.value(u"completedAt"));
    f.createdAt = timeFrom(o.value(u"createdAt"));
    f.dueAt = timeFrom(o.value(u"dueAt"));
    f.patientName = o.value(u"patientName").toString();
    f.appointmentStartsAt = timeFrom(o.value(u"appointmentStartsAt"));
    return f;
}

} // namespace frontdesk::CacheCodec
