#include "CommandResult.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace frontdesk {

QList<QDateTime> CommandResult::alternatives() const
{
    QList<QDateTime> out;
    const QJsonArray list = answer.value(u"alternatives").toArray();
    for (const QJsonValue &v : list) {
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (t.isValid())
            out.append(t.toUTC());
    }
    return out;
}

CommandResult CommandResult::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return failure(QStringLiteral("BAD_RESPONSE"), parseError.errorString());
    CommandResult r;
    r.answer = doc.object();
    r.ok = r.answer.value(u"ok").toBool();
    r.code = r.answer.value(u"code").toString();
    r.message = r.answer.value(u"message").toString();
    if (!r.ok && r.code.isEmpty())
        r.code = QStringLiteral("BAD_RESPONSE");
    return r;
}

CommandResult CommandResult::failure(const QString &code, const QString &message)
{
    CommandResult r;
    r.code = code;
    r.message = message;
    return r;
}

} // namespace frontdesk
