#include "ClinicQueries.h"

#include "FunctionCall.h"
#include "SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace frontdesk::ClinicQueries {

namespace {

const char kAppointmentColumns[] = R"sql(
    a.id, a.org_id, a.provider_id, pr.display_name, a.patient_id, pa.full_name,
    coalesce(pa.phone, ''), coalesce(pa.email, ''), a.starts_at, a.ends_at, a.status, a.source,
    coalesce(a.service, ''), coalesce(a.notes, ''), a.created_by, a.created_at
)sql";

const char kAppointmentJoins[] = R"sql(
    from frontdesk.appointments a
    join frontdesk.providers pr on pr.id = a.provider_id
    join frontdesk.patients pa on pa.id = a.patient_id
)sql";

QDateTime utc(const QVariant &v)
{
    return v.toDateTime().toUTC();
}

Appointment readAppointment(const QSqlQuery &q)
{
    Appointment a;
    a.id = q.value(0).toLongLong();
    a.orgId = q.value(1).toLongLong();
    a.providerId = q.value(2).toLongLong();
    a.providerName = q.value(3).toString();
    a.patientId = q.value(4).toLongLong();
    a.patientName = q.value(5).toString();
    a.phone = q.value(6).toString();
    a.email = q.value(7).toString();
    a.startsAt = utc(q.value(8));
    a.endsAt = utc(q.value(9));
    a.statusText = q.value(10).toString();
    a.status = appointmentStatusFromDatabase(a.statusText);
    a.source = bookingSourceFromDatabase(q.value(11).toString());
    a.service = q.value(12).toString();
    a.notes = q.value(13).toString();
    a.createdBy = q.value(14).toString();
    a.createdAt = utc(q.value(15));
    return a;
}

QDateTime utcFromJson(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// An appointment as changes_since writes it, with the columns readAppointment reads.
Appointment appointmentFromJson(const QJsonObject &o)
{
    Appointment a;
    a.id = o.value(u"id").toInteger();
    a.orgId = o.value(u"org_id").toInteger();
    a.providerId = o.value(u"provider_id").toInteger();
    a.providerName = o.value(u"provider_name").toString();
    a.patientId = o.value(u"patient_id").toInteger();
    a.patientName = o.value(u"patient_name").toString();
    a.phone = o.value(u"phone").toString();
    a.email = o.value(u"email").toString();
    a.startsAt = utcFromJson(o.value(u"starts_at"));
    a.endsAt = utcFromJson(o.value(u"ends_at"));
    a.statusText = o.value(u"status").toString();
    a.status = appointmentStatusFromDatabase(a.statusText);
    a.source = bookingSourceFromDatabase(o.value(u"source").toString());
    a.service = o.value(u"service").toString();
    a.notes = o.value(u"notes").toString();
    a.createdBy = o.value(u"created_by").toString();
    a.createdAt = utcFromJson(o.value(u"created_at"));
    return a;
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? sqlNull<QString>() : QVariant(s);
}

} // namespace

Result<Clinic> loadClinic(QSqlDatabase &db, qint64 orgId)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral(
            "select id, name, time_zone, region, opens_at, "
            "case when closes_at = '24:00' then '23:59:59.999'::time else closes_at end, "
            "array_to_string(open_days, ',') "
            "from frontdesk.organisations where id = ?"), { orgId }))
        return sqlError(q);
    if (!q.next())
        return Error{ QStringLiteral("UNKNOWN_ORG"), QStringLiteral("no clinic with id %1").arg(orgId) };
    Clinic c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.timeZone = QTimeZone(q.value(2).toString().toUtf8());
    c.phoneRegion = q.value(3).toString();
    c.opensAt = q.value(4).toTime();
    c.closesAt = q.value(5).toTime();
    const QStringList days = q.value(6).toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &d : days)
        c.openDays.append(d.toInt());
    if (!c.timeZone.isValid()) {
        return Error{ QStringLiteral("UNKNOWN_TIME_ZONE"),
                      QStringLiteral("this computer does not know the clinic's time zone %1").arg(q.value(2).toString()) };
    }

    if (!execPrepared(q, QStringLiteral(
            "select id, display_name from frontdesk.providers where org_id = ? and active order by display_name, id"),
            { orgId }))
        return sqlError(q);
    while (q.next())
        c.providers.append(Provider{ q.value(0).toLongLong(), q.value(1).toString() });
    return c;
}

Result<DeskUser> loadDeskUser(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // The schema's owner (frontdesk-admin's login, tests) is no staff row but may do anything.
    if (!q.exec(QStringLiteral(
            "select session_user::text, coalesce(s.display_name, session_user::text), "
            "coalesce(s.kind = 'manager', false) or frontdesk.is_admin() "
            "from (select 1) one left join frontdesk.staff s on s.login = session_user"))
        || !q.next())
        return sqlError(q);
    return DeskUser{ q.value(0).toString(), q.value(1).toString(), q.value(2).toBool() };
}

Result<AppointmentList> loadDay(QSqlDatabase &db, const Clinic &clinic, QDate day)
{
    return loadDays(db, clinic, day, day);
}

Read<AppointmentList> days(const Clinic &clinic, QDate first, QDate last)
{
    return [clinic, first, last](QSqlDatabase &db) { return loadDays(db, clinic, first, last); };
}

Result<AppointmentList> loadDays(QSqlDatabase &db, const Clinic &clinic, QDate first, QDate last)
{
    // startOfDay, not 00:00: where DST begins at midnight (America/Santiago) 00:00 does not exist.
    const QDateTime from = first.startOfDay(clinic.timeZone).toUTC();
    const QDateTime to = last.addDays(1).startOfDay(clinic.timeZone).toUTC();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!execPrepared(q, QStringLiteral("select ") + QLatin1String(kAppointmentColumns) + QLatin1String(kAppointmentJoins)
                             + QStringLiteral(" where a.org_id = ? and a.starts_at >= ? and a.starts_at < ?"
                                              " order by a.starts_at, pr.display_name, a.id"),
                      { clinic.id, from, to }))
        return sqlError(q);
    AppointmentList out;
    while (q.next())
        out.append(readAppointment(q));
    return out;
}

Result<std::optional<Appointment>> loadAppointment(QSqlDatabase &db, qint64 orgId, qint64 appointmentId)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral("select ") + QLatin1String(kAppointmentColumns) + QLatin1String(kAppointmentJoins)
                             + QStringLiteral(" where a.id = ? and a.org_id = ?"), { appointmentId, orgId }))
        return sqlError(q);
    if (!q.next())
        return std::optional<Appointment>();
    return std::optional<Appointment>(readAppointment(q));
}

Result<BookingResult> book(QSqlDatabase &db, const BookingRequest &request)
{
    const auto answer = callFunction(db, Commands::book(request));
    if (!answer)
        return answer.error();
    return BookingResult::fromAnswer(answer.value());
}

Result<BookingResult> bookRetrying(QSqlDatabase &db, const BookingRequest &request)
{
    const auto answer = callFunctionRetrying(db, Commands::book(request));
    if (!answer)
        return answer.error();
    return BookingResult::fromAnswer(answer.value());
}

Result<ChangeBatch> changesSince(QSqlDatabase &db, qint64 orgId, const QString &cursor)
{
    return ChangeFeed(db).read(orgId, cursor);
}

ChangeFeed::ChangeFeed(const QSqlDatabase &db)
    : m_query(db)
{
    m_query.setForwardOnly(true);
}

Result<ChangeBatch> ChangeFeed::read(qint64 orgId, const QString &cursor)
{
    if (!m_prepared) {
        if (!m_query.prepare(QStringLiteral("select frontdesk.changes_since(?, ?)::text")))
            return sqlError(m_query);
        m_prepared = true;
    }
    m_query.bindValue(0, orgId);
    m_query.bindValue(1, nullable(cursor));
    if (!m_query.exec() || !m_query.next())
        return sqlError(m_query);
    const QJsonObject answer = QJsonDocument::fromJson(m_query.value(0).toString().toUtf8()).object();
    m_query.finish();
    if (!answer.value(u"ok").toBool())
        return Error{ answer.value(u"code").toString(), answer.value(u"message").toString() };
    ChangeBatch batch;
    batch.cursor = answer.value(u"cursor").toString();
    const QJsonArray events = answer.value(u"events").toArray();
    batch.events = events.size();
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        ChangeEvent event;
        event.eventId = e.value(u"id").toInteger();
        event.kindText = e.value(u"kind").toString();
        event.kind = ChangeEvent::kindFromDatabase(event.kindText);
        event.appointmentId = e.value(u"appointment_id").toInteger();
        event.patientId = e.value(u"patient_id").toInteger();
        event.occurredAt = utcFromJson(e.value(u"occurred_at"));
        batch.changes.events.append(event);
        if (event.appointmentId > 0 && !batch.appointmentIds.contains(event.appointmentId))
            batch.appointmentIds.append(event.appointmentId);
    }
    const QJsonArray appointments = answer.value(u"appointments").toArray();
    for (const QJsonValue &a : appointments)
        batch.changes.appointments.append(appointmentFromJson(a.toObject()));
    return batch;
}

Result<QDateTime> serverNow(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("select now()")) || !q.next())
        return sqlError(q);
    return utc(q.value(0));
}

Result<QString> serverHistory(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // pg_walfile_name() is refused during recovery; the timeline is the WAL file name's first
    // eight hex digits.
    if (!q.exec(QStringLiteral(
            "select (select system_identifier from pg_control_system())::text || '/' || "
            "case when pg_is_in_recovery() then 'recovery' "
            "else substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) end"))
        || !q.next())
        return sqlError(q);
    return q.value(0).toString();
}

bool ping(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("select 1")) && q.next();
}

} // namespace frontdesk::ClinicQueries
