#include "Patient.h"

#include <QJsonArray>

#include <algorithm>

namespace frontdesk {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

// A null (no appointment) is 0.
qint64 idOf(const QJsonValue &value)
{
    return value.toInteger();
}

} // namespace

PatientInteraction::Kind PatientInteraction::kindFromDatabase(const QString &text)
{
    if (text == u"ai_call")
        return Kind::AiCall;
    if (text == u"staff_note")
        return Kind::StaffNote;
    return Kind::Other;
}

QList<PatientAppointment> PatientHistory::upcoming(const QDateTime &now) const
{
    QList<PatientAppointment> out;
    for (const PatientAppointment &a : appointments) {
        if (a.isUpcoming(now))
            out.append(a);
    }
    // Stored newest first; what comes next is read soonest first.
    std::reverse(out.begin(), out.end());
    return out;
}

QList<PatientAppointment> PatientHistory::past(const QDateTime &now) const
{
    QList<PatientAppointment> out;
    for (const PatientAppointment &a : appointments) {
        if (!a.isUpcoming(now))
            out.append(a);
    }
    return out;
}

Result<PatientHistory> PatientHistory::fromJson(const QJsonObject &answer)
{
    if (!answer.value(u"ok").toBool()) {
        const QString code = answer.value(u"code").toString();
        if (code.isEmpty())
            return Error{ QStringLiteral("BAD_RESPONSE"), QStringLiteral("patient_history gave no answer") };
        return Error{ code, answer.value(u"message").toString() };
    }
    const QJsonObject p = answer.value(u"patient").toObject();
    PatientHistory h;
    h.patient.id = idOf(p.value(u"id"));
    if (h.patient.id <= 0)
        return Error{ QStringLiteral("BAD_RESPONSE"), QStringLiteral("patient_history named no patient") };
    h.patient.fullName = p.value(u"full_name").toString();
    h.patient.phone = p.value(u"phone").toString();
    h.patient.email = p.value(u"email").toString();
    h.patient.since = timeOf(p.value(u"since"));

    const QJsonArray appointments = answer.value(u"appointments").toArray();
    h.appointments.reserve(appointments.size());
    for (const QJsonValue &v : appointments) {
        const QJsonObject o = v.toObject();
        PatientAppointment a;
        a.id = idOf(o.value(u"id"));
        a.startsAt = timeOf(o.value(u"starts_at"));
        a.endsAt = timeOf(o.value(u"ends_at"));
        a.statusText = o.value(u"status").toString();
        a.status = appointmentStatusFromDatabase(a.statusText);
        a.source = bookingSourceFromDatabase(o.value(u"source").toString());
        a.service = o.value(u"service").toString();
        a.providerName = o.value(u"provider").toString();
        h.appointments.append(a);
    }
    h.noShows = answer.value(u"no_shows").toInt();

    const QJsonArray interactions = answer.value(u"interactions").toArray();
    h.interactions.reserve(interactions.size());
    for (const QJsonValue &v : interactions) {
        const QJsonObject o = v.toObject();
        PatientInteraction i;
        i.id = idOf(o.value(u"id"));
        i.kindText = o.value(u"kind").toString();
        i.kind = PatientInteraction::kindFromDatabase(i.kindText);
        i.body = o.value(u"body").toString();
        i.author = o.value(u"created_by").toString();
        i.occurredAt = timeOf(o.value(u"occurred_at"));
        i.appointmentId = idOf(o.value(u"appointment_id"));
        h.interactions.append(i);
    }
    return h;
}

} // namespace frontdesk
