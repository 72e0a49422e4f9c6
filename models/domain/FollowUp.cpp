#include "FollowUp.h"

#include <QJsonArray>

namespace frontdesk {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

CalendarEvent CalendarEvent::fromJson(const QJsonObject &json)
{
    CalendarEvent e;
    e.uid = json.value(u"uid").toString();
    e.sequence = json.value(u"sequence").toInt();
    e.method = json.value(u"method").toString();
    e.startsAt = timeOf(json.value(u"starts_at"));
    e.endsAt = timeOf(json.value(u"ends_at"));
    e.timeZone = json.value(u"time_zone").toString();
    e.summary = json.value(u"summary").toString();
    e.provider = json.value(u"provider").toString();
    e.location = json.value(u"location").toString();
    return e;
}

CallbackRequest CallbackRequest::fromJson(const QJsonObject &json)
{
    CallbackRequest r;
    r.callerName = json.value(u"caller_name").toString();
    r.phone = json.value(u"phone").toString();
    r.email = json.value(u"email").toString();
    r.providerId = json.value(u"provider_id").toVariant().toLongLong();
    r.providerName = json.value(u"provider_name").toString();
    r.startsAt = timeOf(json.value(u"starts_at"));
    r.endsAt = timeOf(json.value(u"ends_at"));
    r.service = json.value(u"service").toString();
    r.refusalCode = json.value(u"code").toString();
    const QJsonArray alternatives = json.value(u"alternatives").toArray();
    for (const QJsonValue &v : alternatives) {
        const QDateTime at = timeOf(v);
        if (at.isValid())
            r.alternatives.append(at);
    }
    r.attempts = qMax(1, json.value(u"attempts").toInt(1));
    return r;
}

bool FollowUp::isClaimedBy(const QString &login, const QDateTime &now) const
{
    return status == Status::Claimed && claimedBy == login && claimExpiresAt > now;
}

bool FollowUp::isHeldByOther(const QString &login, const QDateTime &now) const
{
    return status == Status::Claimed && claimedBy != login && claimExpiresAt > now;
}

QString toDatabaseText(FollowUp::Kind kind)
{
    switch (kind) {
    case FollowUp::Kind::Sms: return QStringLiteral("sms");
    case FollowUp::Kind::Calendar: return QStringLiteral("calendar");
    case FollowUp::Kind::Callback: return QStringLiteral("callback");
    }
    return {};
}

bool followUpKindFromDatabase(const QString &text, FollowUp::Kind *kind)
{
    for (const FollowUp::Kind k : { FollowUp::Kind::Sms, FollowUp::Kind::Calendar, FollowUp::Kind::Callback }) {
        if (text == toDatabaseText(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

} // namespace frontdesk
