#include "AppointmentQueries.h"

#include "SqlStatement.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace frontdesk::AppointmentQueries {

Result<AppointmentHistory> loadHistory(QSqlDatabase &db, qint64 orgId, qint64 appointmentId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Plain equalities only: under row-level security nothing else can use an index.
    if (!execPrepared(q, QStringLiteral(
            "select id, occurred_at, actor, kind, details::text from frontdesk.events "
            "where appointment_id = ? and org_id = ? order by id"), { appointmentId, orgId }))
        return sqlError(q);
    AppointmentHistory history;
    while (q.next()) {
        AppointmentEvent event;
        event.id = q.value(0).toLongLong();
        event.occurredAt = q.value(1).toDateTime().toUTC();
        event.actor = q.value(2).toString();
        event.kindText = q.value(3).toString();
        event.kind = ChangeEvent::kindFromDatabase(event.kindText);
        event.details = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        history.append(event);
    }
    return history;
}

Read<AppointmentHistory> history(qint64 orgId, qint64 appointmentId)
{
    return [orgId, appointmentId](QSqlDatabase &db) { return loadHistory(db, orgId, appointmentId); };
}

} // namespace frontdesk::AppointmentQueries
