#include "DemoSeeder.h"

#include "AdminQueries.h"
#include "SqlStatement.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <optional>

namespace frontdesk::DemoSeeder {

namespace {

struct SeedAppointment
{
    int dayOffset;   // from today, in the clinic's time zone
    int hour;
    int minute;
    int minutes;
    int provider;    // index into the providers
    const char *name;
    const char *phone;
    const char *status;
    const char *source;
    const char *service;
};

const char *const kProviders[] = { "Dr. Amelia Chen", "Dr. Rafael Ortiz", "Dr. Priya Natarajan" };

const SeedAppointment kAppointments[] = {
    { -1, 9, 0, 30, 0, "Olivia Bennett", "+12125550143", "completed", "staff", "Annual physical" },
    { -1, 10, 30, 15, 1, "Marcus Lee", "+13125550178", "no_show", "ai_voice", "Flu shot" },
    { -1, 14, 0, 45, 2, "Hannah Schmidt", "+16175550112", "completed", "ai_voice", "New patient visit" },
    { 0, 7, 30, 30, 0, "Samuel Okafor", "+14155550190", "completed", "staff", "Follow-up" },
    { 0, 8, 15, 30, 1, "Isabella Rossi", "+12065550134", "arrived", "ai_voice", "Sore throat" },
    { 0, 9, 0, 15, 2, "Noah Williams", "+13035550161", "booked", "ai_voice", "Prescription refill" },
    { 0, 11, 0, 30, 0, "Grace Kim", "+15125550127", "confirmed", "staff", "Blood test results" },
    { 0, 13, 30, 45, 1, "Ethan Brooks", "+14045550185", "booked", "ai_voice", "New patient visit" },
    { 0, 16, 0, 30, 2, "Chloe Martin", "+16175550156", "confirmed", "ai_voice", "Vaccination" },
    { 1, 9, 30, 30, 0, "Liam O'Connor", "+12125550119", "booked", "ai_voice", "Back pain" },
    { 1, 15, 0, 30, 1, "Ava Thompson", "+13125550147", "booked", "staff", "Annual physical" },
};

// Two callers the AI agent could not book this morning, left for the desk to call back: they go
// through the booking function as the agent's calls do, and are due at once (they hung up). A
// schema before v10 has no callbacks (the migration test seeds a v1 database): nothing to do.
std::optional<Error> seedRefusedCalls(QSqlQuery &q, qint64 orgId, const QList<qint64> &providerIds, QDate today,
                                      const QTimeZone &zone)
{
    if (!execPrepared(q, QStringLiteral("select exists (select 1 from information_schema.columns where table_schema = "
                                        "'frontdesk' and table_name = 'follow_ups' and column_name = 'callback')"))
        || !q.next())
        return sqlError(q);
    if (!q.value(0).toBool())
        return std::nullopt;
    const struct { const char *name; const char *phone; int dayOffset; int hour; int minute; int provider; } refused[] = {
        { "sofia alvarez", "(415) 555-0123", 1, 9, 30, 0 },   // Liam O'Connor's slot: taken
        { "daniel park", "646 555 0188", 1, 21, 30, 1 },      // after closing time
    };
    int n = 0;
    for (const auto &r : refused) {
        const QDateTime start(today.addDays(r.dayOffset), QTime(r.hour, r.minute), zone);
        if (!execPrepared(q, QStringLiteral(
                "select frontdesk.book_appointment_atomic(?, ?, ?, ?, ?, ?, null, 'ai_voice', ?, 'Check-up')->>'callback_id'"),
                { orgId, providerIds.at(r.provider), start.toUTC(), start.addSecs(1800).toUTC(), QString::fromUtf8(r.name),
                  QString::fromUtf8(r.phone), QStringLiteral("demo-refused-%1").arg(++n) })
            || !q.next())
            return sqlError(q);
        if (q.value(0).isNull())
            return Error{ QStringLiteral("DEMO_SEED"), QStringLiteral("a refused call queued no callback") };
    }
    if (!execPrepared(q, QStringLiteral("update frontdesk.follow_ups set due_at = now() - interval '40 minutes', "
                                        "created_at = now() - interval '45 minutes' where org_id = ? and kind = 'callback'"),
                      { orgId }))
        return sqlError(q);
    return std::nullopt;
}

} // namespace

Result<qint64> seed(QSqlDatabase &db, const QString &timeZone, const QString &phoneRegion)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral("select id from frontdesk.organisations where name = ?"),
                      { QString::fromUtf8(kDemoClinicName) }))
        return sqlError(q);
    if (q.next())
        return q.value(0).toLongLong();

    const QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        return Error{ QStringLiteral("INVALID_TIME_ZONE"), QStringLiteral("unknown time zone: ") + timeZone };

    if (!db.transaction())
        return Error{ QStringLiteral("DATABASE_ERROR"), db.lastError().text() };
    auto fail = [&db](Error e) { db.rollback(); return e; };

    // Open long hours every day, so the simulator finds free slots whenever the demo runs.
    AdminQueries::NewClinic demo;
    demo.name = QString::fromUtf8(kDemoClinicName);
    demo.timeZone = timeZone;
    demo.phoneRegion = phoneRegion;
    demo.opensAt = QTime(7, 0);
    demo.closesAt = QTime(21, 0);
    demo.openDays = { 1, 2, 3, 4, 5, 6, 7 };
    const auto created = AdminQueries::createClinic(db, demo);
    if (!created)
        return fail(created.error());
    const qint64 orgId = created.value();

    QList<qint64> providerIds;
    for (const char *name : kProviders) {
        const auto provider = AdminQueries::createProvider(db, orgId, QString::fromUtf8(name));
        if (!provider)
            return fail(provider.error());
        providerIds.append(provider.value());
    }

    // History is written directly: book_appointment_atomic rightly refuses the past.
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    for (const SeedAppointment &s : kAppointments) {
        if (!execPrepared(q, QStringLiteral("insert into frontdesk.patients (org_id, full_name, phone) values (?, ?, ?) returning id"),
                          { orgId, QString::fromUtf8(s.name), QString::fromUtf8(s.phone) })
            || !q.next())
            return fail(sqlError(q));
        const qint64 patientId = q.value(0).toLongLong();
        const QDateTime start(today.addDays(s.dayOffset), QTime(s.hour, s.minute), zone);
        const bool inserted = execPrepared(q, QStringLiteral(
            "with a as (insert into frontdesk.appointments "
            "  (org_id, provider_id, patient_id, starts_at, ends_at, status, source, service, created_by, created_at) "
            "  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ? ) returning id, org_id, patient_id, source) "
            "insert into frontdesk.events (org_id, kind, appointment_id, patient_id, details) "
            "select org_id, 'appointment.booked', id, patient_id, jsonb_build_object('source', source, 'seeded', true) from a"),
            { orgId, providerIds.at(s.provider), patientId, start.toUTC(), start.addSecs(s.minutes * 60).toUTC(),
              QString::fromUtf8(s.status), QString::fromUtf8(s.source), QString::fromUtf8(s.service),
              QString::fromUtf8(qstrcmp(s.source, "ai_voice") == 0 ? "ai-voice-agent" : "reception"),
              start.addDays(-2).toUTC() });
        if (!inserted)
            return fail(sqlError(q));
    }
    if (const auto error = seedRefusedCalls(q, orgId, providerIds, today, zone))
        return fail(*error);
    if (!db.commit())
        return fail(Error{ QStringLiteral("DATABASE_ERROR"), db.lastError().text() });
    return orgId;
}

} // namespace frontdesk::DemoSeeder
