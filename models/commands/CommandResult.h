#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// What a writing function answered, `{ok, code, message, ...}`, or what kept it from answering:
// OFFLINE (never sent), CONNECTION_LOST (sent, outcome unknown: send the same command again),
// DATABASE_ERROR (rolled back), BAD_RESPONSE; QUEUED (kept in the outbox, sent later),
// NOT_KEPT (the outbox could not keep it: not done) or ALREADY_WAITING (the same action on the
// same appointment is in the outbox already: not kept twice).
struct CommandResult
{
    bool ok = false;
    QString code;      // stable, see resources/migrations/README.md; empty when ok
    QString message;   // the server's words, for logs and the details of an error
    QJsonObject answer;   // the whole answer, for the fields a caller needs

    bool unchanged() const { return answer.value(u"unchanged").toBool(); }
    // Not answered yet: kept in the desk's outbox and sent when the database is back.
    bool isKept() const { return code == u"QUEUED"; }
    // For SLOT_UNAVAILABLE and PATIENT_BUSY: the nearest free starts.
    QList<QDateTime> alternatives() const;

    static CommandResult fromJson(const QByteArray &json);
    static CommandResult failure(const QString &code, const QString &message = {});
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::CommandResult)
