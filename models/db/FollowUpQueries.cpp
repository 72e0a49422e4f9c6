#include "FollowUpQueries.h"

#include "SqlStatement.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace frontdesk::FollowUpQueries {

namespace {

// The item with what it is about, from `source` (the items wanted, already limited): each join is
// then an index lookup by primary key under row-level security, never a read of the clinic.
QString selectFrom(const QString &source)
{
    return QStringLiteral(
        "select f.id, f.org_id, f.appointment_id, coalesce(f.patient_id, a.patient_id), f.kind, f.purpose, f.status, "
        "f.recipient, f.message, f.calendar_event::text, f.callback::text, f.claimed_by, f.claim_expires_at, "
        "f.outcome, f.note, f.completed_by, f.completed_at, f.created_at, f.due_at, "
        "coalesce(ap.full_name, f.callback->>'caller_name'), coalesce(a.starts_at, (f.callback->>'starts_at')::timestamptz) "
        "from (%1) f "
        "left join frontdesk.appointments a on a.id = f.appointment_id "
        "left join frontdesk.patients ap on ap.id = a.patient_id "
        "order by f.created_at, f.id").arg(source);
}

QJsonObject objectOf(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

std::optional<FollowUp> readRow(const QSqlQuery &q)
{
    FollowUp f;
    if (!followUpKindFromDatabase(q.value(4).toString(), &f.kind))
        return std::nullopt;   // a kind this desk does not know: not shown, never mangled
    f.id = q.value(0).toLongLong();
    f.orgId = q.value(1).toLongLong();
    f.appointmentId = q.value(2).toLongLong();
    f.patientId = q.value(3).toLongLong();
    f.purpose = q.value(5).toString();
    const QString status = q.value(6).toString();
    f.status = status == u"done" ? FollowUp::Status::Done
             : status == u"claimed" ? FollowUp::Status::Claimed : FollowUp::Status::Pending;
    f.recipient = q.value(7).toString();
    f.message = q.value(8).toString();
    if (!q.value(9).isNull())
        f.calendar = CalendarEvent::fromJson(objectOf(q.value(9)));
    if (!q.value(10).isNull())
        f.callback = CallbackRequest::fromJson(objectOf(q.value(10)));
    f.claimedBy = q.value(11).toString();
    f.claimExpiresAt = q.value(12).toDateTime().toUTC();
    f.outcome = q.value(13).toString();
    f.note = q.value(14).toString();
    f.completedBy = q.value(15).toString();
    f.completedAt = q.value(16).toDateTime().toUTC();
    f.createdAt = q.value(17).toDateTime().toUTC();
    f.dueAt = q.value(18).toDateTime().toUTC();
    f.patientName = q.value(19).toString();
    f.appointmentStartsAt = q.value(20).toDateTime().toUTC();
    return f;
}

} // namespace

Result<FollowUpQueue> loadOpen(QSqlDatabase &db, qint64 orgId, int limit)
{
    FollowUpQueue queue;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // The callbacks apart: a backlog of old SMS must never hide a caller waiting to be rung back.
    if (!execPrepared(q, selectFrom(QStringLiteral(
            "(select * from frontdesk.follow_ups where org_id = ? and status <> 'done' and kind <> 'callback' "
            " order by created_at, id limit ?) "
            "union all "
            "(select * from frontdesk.follow_ups where org_id = ? and status <> 'done' and kind = 'callback' "
            " order by created_at, id limit ?)")),
            { orgId, qMax(1, limit), orgId, qMax(1, limit) }))
        return sqlError(q);
    while (q.next()) {
        if (auto f = readRow(q))
            queue.items.append(*f);
    }
    if (!execPrepared(q, QStringLiteral("select count(*) from frontdesk.follow_ups where org_id = ? and status <> 'done'"),
                      { orgId }) || !q.next())
        return sqlError(q);
    queue.openCount = q.value(0).toLongLong();
    return queue;
}

Read<FollowUpQueue> open(qint64 orgId, int limit)
{
    return [orgId, limit](QSqlDatabase &db) { return loadOpen(db, orgId, limit); };
}

Result<std::optional<FollowUp>> loadOne(QSqlDatabase &db, qint64 followUpId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!execPrepared(q, selectFrom(QStringLiteral("select * from frontdesk.follow_ups where id = ?")), { followUpId }))
        return sqlError(q);
    if (!q.next())
        return std::optional<FollowUp>();
    return readRow(q);
}

} // namespace frontdesk::FollowUpQueries
