// Tenancy is enforced by PostgreSQL, not by the client's manners: logged in as clinic A's
// receptionist, nothing of clinic B can be read, written or booked, by any statement, setting,
// role switch or search_path trick. Every check runs on a real login of the throwaway cluster.
#include "TestDatabase.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"
#include "day/DayModel.h"
#include "services/ClinicSession.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = QStringLiteral("tenant-test-password");
const QStringList kTenantTables = { QStringLiteral("providers"), QStringLiteral("patients"),
                                    QStringLiteral("appointments"), QStringLiteral("booking_requests"),
                                    QStringLiteral("events") };

struct Outcome
{
    bool ok = false;
    QString sqlState;
    QVariant value;
};

Outcome run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    Outcome o;
    o.ok = q.exec(sql);
    o.sqlState = q.lastError().nativeErrorCode();
    if (o.ok && q.next())
        o.value = q.value(0);
    return o;
}

} // namespace

class TestTenancy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void readsOnlyItsOwnClinic_data();
    void readsOnlyItsOwnClinic();
    void writesNoTableDirectly_data();
    void writesNoTableDirectly();
    void bookingForAnotherClinicIsRefused_data();
    void bookingForAnotherClinicIsRefused();
    void everyFunctionRefusesTheOtherClinicsIds_data();
    void everyFunctionRefusesTheOtherClinicsIds();
    void internalAndAdminFunctionsAreClosed_data();
    void internalAndAdminFunctionsAreClosed();
    void settingsAndRolesDoNotWidenAccess_data();
    void settingsAndRolesDoNotWidenAccess();
    void searchPathHijackChangesNothing();
    void disabledStaffLosesAccessAtOnce();
    void deskSessionAsStaffSeesOnlyItsClinicLive();

private:
    QString login(const char *who) const { return m_prefix + QLatin1String(who); }
    QSqlDatabase &as(const char *who);
    BookingRequest request(qint64 orgId, qint64 providerId, int hour, BookingSource source) const;
    qint64 countAll(const QString &table, qint64 orgId);
    QString fingerprint();
    qint64 ofClinicB(const QString &sql);

    std::unique_ptr<TestDatabase> m_db;
    QString m_prefix;
    Clinic m_a;
    Clinic m_b;
};

void TestTenancy::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    // The schema's owner is not a superuser, as at a clinic: superusers bypass row-level
    // security even where it is forced, which would hide a missing policy here.
    QCOMPARE(m_db->scalar(QStringLiteral("select nspowner::regrole::text from pg_namespace where nspname = 'frontdesk'")).toString(),
             QStringLiteral("frontdesk_owner"));
    QCOMPARE(m_db->scalar(QStringLiteral("select rolsuper from pg_roles where rolname = current_user")).toBool(), false);
    // Roles are cluster-wide: a prefix keeps this run's logins apart from other tests'.
    m_prefix = QStringLiteral("t") + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'_';
    m_a = m_db->createClinic(QStringLiteral("UTC"), 1);
    m_b = m_db->createClinic(QStringLiteral("UTC"), 1);
    QSqlDatabase &admin = m_db->connection();
    QVERIFY(AdminQueries::createStaff(admin, login("recep_a"), m_a.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, login("recep_a2"), m_a.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, login("recep_b"), m_b.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::grantAgent(admin, login("agent"), m_a.id, kPassword).ok());
    // Something of each clinic in every table, booked by the owner.
    for (const Clinic &c : { m_a, m_b }) {
        const auto r = ClinicQueries::book(admin, request(c.id, c.providers.first().id, 9, BookingSource::Staff));
        QVERIFY(r.ok() && r->ok);
    }
}

void TestTenancy::cleanupTestCase()
{
    m_db.reset();
}

QSqlDatabase &TestTenancy::as(const char *who)
{
    return m_db->connectionAs(login(who), kPassword);
}

BookingRequest TestTenancy::request(qint64 orgId, qint64 providerId, int hour, BookingSource source) const
{
    BookingRequest r;
    r.orgId = orgId;
    r.providerId = providerId;
    r.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(hour, 0), QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = QStringLiteral("Ada Lovelace");
    r.phone = QStringLiteral("(415) 555-2671");
    r.source = source;
    r.idempotencyKey = QUuid::createUuid().toString();
    return r;
}

qint64 TestTenancy::countAll(const QString &table, qint64 orgId)
{
    const QString column = table == u"organisations" ? QStringLiteral("id") : QStringLiteral("org_id");
    return run(m_db->connection(), QStringLiteral("select count(*) from frontdesk.%1 where %2 = %3")
                                       .arg(table, column).arg(orgId)).value.toLongLong();
}

// Row counts of every tenant table for both clinics, as the owner sees them.
QString TestTenancy::fingerprint()
{
    QStringList parts;
    for (const QString &t : kTenantTables + QStringList{ QStringLiteral("organisations"), QStringLiteral("follow_ups"),
                                                          QStringLiteral("interactions") })
        parts << QStringLiteral("%1=%2/%3").arg(t).arg(countAll(t, m_a.id)).arg(countAll(t, m_b.id));
    return parts.join(u' ');
}

void TestTenancy::readsOnlyItsOwnClinic_data()
{
    QTest::addColumn<QString>("table");
    for (const QString &t : kTenantTables + QStringList{ QStringLiteral("organisations") })
        QTest::newRow(qPrintable(t)) << t;
}

void TestTenancy::readsOnlyItsOwnClinic()
{
    QFETCH(QString, table);
    QSqlDatabase &desk = as("recep_a");
    QVERIFY2(desk.isOpen(), qPrintable(desk.lastError().text()));
    const QString column = table == u"organisations" ? QStringLiteral("id") : QStringLiteral("org_id");
    const Outcome theirs = run(desk, QStringLiteral("select count(*) from frontdesk.%1 where %2 = %3").arg(table, column).arg(m_b.id));
    if (table == u"booking_requests") {
        // Idempotency keys and stored answers are the booking function's own: no login reads them.
        QVERIFY(!theirs.ok);
        QCOMPARE(theirs.sqlState, QStringLiteral("42501"));
        return;
    }
    QVERIFY2(theirs.ok, qPrintable(theirs.sqlState));
    QCOMPARE(theirs.value.toLongLong(), 0);
    const Outcome all = run(desk, QStringLiteral("select count(*) from frontdesk.%1").arg(table));
    QCOMPARE(all.value.toLongLong(), countAll(table, m_a.id));
    QVERIFY(countAll(table, m_b.id) > 0);   // there is something of B to hide
}

void TestTenancy::writesNoTableDirectly_data()
{
    QTest::addColumn<QString>("statement");
    const QString b = QString::number(m_b.id);
    const QString a = QString::number(m_a.id);
    for (const QString &org : { a, b }) {
        QTest::newRow(qPrintable(u"insert provider in "_s + org))
            << QStringLiteral("insert into frontdesk.providers (org_id, display_name) values (%1, 'Dr. Mole')").arg(org);
        QTest::newRow(qPrintable(u"update appointments of "_s + org))
            << QStringLiteral("update frontdesk.appointments set status = 'cancelled' where org_id = %1").arg(org);
        QTest::newRow(qPrintable(u"delete patients of "_s + org))
            << QStringLiteral("delete from frontdesk.patients where org_id = %1").arg(org);
        QTest::newRow(qPrintable(u"insert event in "_s + org))
            << QStringLiteral("insert into frontdesk.events (org_id, kind) values (%1, 'forged')").arg(org);
        QTest::newRow(qPrintable(u"update organisation "_s + org))
            << QStringLiteral("update frontdesk.organisations set name = 'Pwned' where id = %1").arg(org);
        QTest::newRow(qPrintable(u"insert staff in "_s + org))
            << QStringLiteral("insert into frontdesk.staff (login, org_id, kind, display_name) "
                              "values (session_user, %1, 'manager', 'Me')").arg(org);
        QTest::newRow(qPrintable(u"insert agent grant for "_s + org))
            << QStringLiteral("insert into frontdesk.agent_grants (login, org_id) values (session_user, %1)").arg(org);
    }
    QTest::newRow("truncate appointments") << QStringLiteral("truncate frontdesk.appointments");
    QTest::newRow("delete idempotency keys") << QStringLiteral("delete from frontdesk.booking_requests");
}

void TestTenancy::writesNoTableDirectly()
{
    QFETCH(QString, statement);
    const QString before = fingerprint();
    const Outcome o = run(as("recep_a"), statement);
    QVERIFY2(!o.ok, qPrintable(statement));
    QCOMPARE(o.sqlState, QStringLiteral("42501"));   // insufficient_privilege
    QCOMPARE(fingerprint(), before);
}

void TestTenancy::bookingForAnotherClinicIsRefused_data()
{
    QTest::addColumn<QByteArray>("who");
    QTest::addColumn<bool>("clinicB");
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("receptionist A, clinic A, staff") << QByteArray("recep_a") << false << int(BookingSource::Staff) << true;
    QTest::newRow("receptionist A, clinic B, staff") << QByteArray("recep_a") << true << int(BookingSource::Staff) << false;
    QTest::newRow("receptionist A posing as the AI") << QByteArray("recep_a") << false << int(BookingSource::AiVoice) << false;
    QTest::newRow("agent, granted clinic A") << QByteArray("agent") << false << int(BookingSource::AiVoice) << true;
    QTest::newRow("agent, clinic B not granted") << QByteArray("agent") << true << int(BookingSource::AiVoice) << false;
    QTest::newRow("agent posing as staff") << QByteArray("agent") << false << int(BookingSource::Staff) << false;
    QTest::newRow("receptionist B, clinic A") << QByteArray("recep_b") << false << int(BookingSource::Staff) << false;
}

void TestTenancy::bookingForAnotherClinicIsRefused()
{
    QFETCH(QByteArray, who);
    QFETCH(bool, clinicB);
    QFETCH(int, source);
    QFETCH(bool, allowed);
    static int hour = 10;
    const Clinic &c = clinicB ? m_b : m_a;
    const QString before = fingerprint();
    const auto result = ClinicQueries::book(as(who.constData()),
                                            request(c.id, c.providers.first().id, hour++, BookingSource(source)));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->ok, allowed);
    if (allowed) {
        // Booked under the login's own name.
        QCOMPARE(run(m_db->connection(), QStringLiteral("select created_by from frontdesk.appointments where id = %1")
                                             .arg(result->appointmentId)).value.toString(),
                 login(who.constData()));
        return;
    }
    QCOMPARE(result->code, QStringLiteral("NOT_PERMITTED"));
    QCOMPARE(fingerprint(), before);
}

qint64 TestTenancy::ofClinicB(const QString &sql)
{
    return run(m_db->connection(), sql.arg(m_b.id)).value.toLongLong();
}

// Every function a client may call, given clinic B's ids by clinic A's receptionist: each answers
// as if they did not exist, or refuses, and nothing of B changes.
void TestTenancy::everyFunctionRefusesTheOtherClinicsIds_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("expected");   // a code, or "EMPTY" for a read that finds nothing
    const qint64 appointment = ofClinicB(QStringLiteral("select min(id) from frontdesk.appointments where org_id = %1"));
    const qint64 patient = ofClinicB(QStringLiteral("select min(id) from frontdesk.patients where org_id = %1"));
    const qint64 followUp = ofClinicB(QStringLiteral("select min(id) from frontdesk.follow_ups where org_id = %1"));
    const QString b = QString::number(m_b.id);
    const QString a = QString::number(appointment);
    const auto row = [](const QString &name, const QString &call, const char *expected) {
        QTest::newRow(qPrintable(name)) << call << QString::fromLatin1(expected);
    };
    row(QStringLiteral("confirm"), QStringLiteral("frontdesk.confirm_appointment(%1)").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("check in"), QStringLiteral("frontdesk.check_in_appointment(%1)").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("complete"), QStringLiteral("frontdesk.complete_appointment(%1)").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("cancel"), QStringLiteral("frontdesk.cancel_appointment(%1, 'spite')").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("no-show"), QStringLiteral("frontdesk.mark_no_show(%1)").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("reschedule"), QStringLiteral("frontdesk.reschedule_appointment(%1, now() + interval '5 days', "
                                                     "now() + interval '5 days 30 minutes')").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("reopen"), QStringLiteral("frontdesk.reopen_appointment(%1)").arg(a), "UNKNOWN_APPOINTMENT");
    row(QStringLiteral("claim follow-up"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(followUp), "UNKNOWN_FOLLOW_UP");
    row(QStringLiteral("release follow-up"), QStringLiteral("frontdesk.release_follow_up(%1)").arg(followUp), "UNKNOWN_FOLLOW_UP");
    row(QStringLiteral("complete follow-up"), QStringLiteral("frontdesk.complete_follow_up(%1, 'sent')").arg(followUp), "UNKNOWN_FOLLOW_UP");
    row(QStringLiteral("patient history"), QStringLiteral("frontdesk.patient_history(%1)").arg(patient), "UNKNOWN_PATIENT");
    row(QStringLiteral("patient note"), QStringLiteral("frontdesk.add_patient_note(%1, 'seen you')").arg(patient), "UNKNOWN_PATIENT");
    row(QStringLiteral("change feed"), QStringLiteral("(frontdesk.changes_since(%1, '1:1:'))->'events'").arg(b), "EMPTY");
    row(QStringLiteral("patient search"), QStringLiteral("(select count(*) from frontdesk.search_patients(%1, 'Ada'))").arg(b), "EMPTY");
    row(QStringLiteral("duplicate report"), QStringLiteral("(select count(*) from frontdesk.duplicate_patients(%1))").arg(b), "EMPTY");
}

void TestTenancy::everyFunctionRefusesTheOtherClinicsIds()
{
    QFETCH(QString, call);
    QFETCH(QString, expected);
    const QString before = fingerprint();
    const QString statuses = QStringLiteral("select string_agg(status, ',' order by id) from frontdesk.%1 where org_id = %2");
    const QString appointmentsBefore = run(m_db->connection(), statuses.arg(QStringLiteral("appointments")).arg(m_b.id)).value.toString();
    const QString followUpsBefore = run(m_db->connection(), statuses.arg(QStringLiteral("follow_ups")).arg(m_b.id)).value.toString();
    QVERIFY(!followUpsBefore.isEmpty());

    const Outcome o = run(as("recep_a"), QStringLiteral("select (") + call + QStringLiteral(")::text"));
    QVERIFY2(o.ok, qPrintable(o.sqlState));
    if (expected == u"EMPTY")
        QVERIFY2(o.value.toString() == u"[]" || o.value.toString() == u"0", qPrintable(o.value.toString()));
    else
        QVERIFY2(o.value.toString().contains(QStringLiteral("\"code\": \"%1\"").arg(expected)), qPrintable(o.value.toString()));
    QCOMPARE(fingerprint(), before);
    QCOMPARE(run(m_db->connection(), statuses.arg(QStringLiteral("appointments")).arg(m_b.id)).value.toString(), appointmentsBefore);
    QCOMPARE(run(m_db->connection(), statuses.arg(QStringLiteral("follow_ups")).arg(m_b.id)).value.toString(), followUpsBefore);
}

void TestTenancy::internalAndAdminFunctionsAreClosed_data()
{
    QTest::addColumn<QString>("call");
    const QString b = QString::number(m_b.id);
    QTest::newRow("unchecked booking core")
        << QStringLiteral("select frontdesk.book_appointment_unchecked(%1, %2, now() + interval '3 days', "
                          "now() + interval '3 days 30 minutes', 'Eve Mallory', '(415) 555-2671', null, 'staff', 'x')")
               .arg(b).arg(m_b.providers.first().id);
    QTest::newRow("create staff") << QStringLiteral("select frontdesk.admin_create_staff('mole', %1, 'manager', 'Mole', 'SCRAM-SHA-256$x')").arg(b);
    QTest::newRow("disable staff") << QStringLiteral("select frontdesk.admin_disable_staff('%1')").arg(login("recep_b"));
    QTest::newRow("grant agent") << QStringLiteral("select frontdesk.admin_grant_agent(session_user, %1, null)").arg(b);
    QTest::newRow("free slots of B") << QStringLiteral("select frontdesk.nearest_free_slots(%1, %2, now(), interval '30 minutes')")
                                            .arg(b).arg(m_b.providers.first().id);
    QTest::newRow("booking error helper") << QStringLiteral("select frontdesk.booking_error('X', 'y')");
}

void TestTenancy::internalAndAdminFunctionsAreClosed()
{
    QFETCH(QString, call);
    const QString before = fingerprint();
    const Outcome o = run(as("recep_a"), call);
    QVERIFY2(!o.ok, qPrintable(call));
    QCOMPARE(o.sqlState, QStringLiteral("42501"));
    QCOMPARE(fingerprint(), before);
}

void TestTenancy::settingsAndRolesDoNotWidenAccess_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<bool>("statementSucceeds");
    const QString b = QString::number(m_b.id);
    QTest::newRow("a client setting naming B") << QStringLiteral("set app.org_id = '%1'").arg(b) << true;
    QTest::newRow("a setting in the schema's name") << QStringLiteral("set frontdesk.org_id = '%1'").arg(b) << true;
    QTest::newRow("own group role") << QStringLiteral("set role frontdesk_receptionist") << true;
    QTest::newRow("the manager group") << QStringLiteral("set role frontdesk_manager") << false;
    QTest::newRow("the agent group") << QStringLiteral("set role frontdesk_agent") << false;
    QTest::newRow("clinic B's receptionist") << QStringLiteral("set role %1").arg(login("recep_b")) << false;
    QTest::newRow("the superuser") << QStringLiteral("set role postgres") << false;
    QTest::newRow("session authorization") << QStringLiteral("set session authorization postgres") << false;
}

void TestTenancy::settingsAndRolesDoNotWidenAccess()
{
    QFETCH(QString, statement);
    QFETCH(bool, statementSucceeds);
    QSqlDatabase &desk = as("recep_a");
    const Outcome set = run(desk, statement);
    QCOMPARE(set.ok, statementSucceeds);
    for (const QString &t : kTenantTables) {
        QCOMPARE(run(desk, QStringLiteral("select count(*) from frontdesk.%1 where org_id = %2").arg(t).arg(m_b.id))
                     .value.toLongLong(),
                 0);
    }
    const auto booked = ClinicQueries::book(desk, request(m_b.id, m_b.providers.first().id, 16, BookingSource::Staff));
    QVERIFY(booked.ok());
    QCOMPARE(booked->code, QStringLiteral("NOT_PERMITTED"));
    QVERIFY(run(desk, QStringLiteral("reset role")).ok);
    QVERIFY(run(desk, QStringLiteral("reset all")).ok);
}

void TestTenancy::searchPathHijackChangesNothing()
{
    QSqlDatabase &desk = as("recep_a");
    // A temporary staff table claiming clinic B, and a temporary function named like the
    // identity lookup, put first on the search path.
    QVERIFY(run(desk, QStringLiteral("create temp table staff (login name, org_id bigint, kind text, active boolean)")).ok);
    QVERIFY(run(desk, QStringLiteral("insert into pg_temp.staff values (session_user, %1, 'manager', true)").arg(m_b.id)).ok);
    QVERIFY(run(desk, QStringLiteral("create temp table agent_grants (login name, org_id bigint)")).ok);
    QVERIFY(run(desk, QStringLiteral("insert into pg_temp.agent_grants values (session_user, %1)").arg(m_b.id)).ok);
    QVERIFY(run(desk, QStringLiteral("create function pg_temp.my_org_ids() returns bigint[] language sql as 'select array[%1::bigint]'")
                          .arg(m_b.id)).ok);
    QVERIFY(run(desk, QStringLiteral("set search_path = pg_temp, frontdesk, public")).ok);

    const QString before = fingerprint();
    QCOMPARE(run(desk, QStringLiteral("select count(*) from frontdesk.appointments where org_id = %1").arg(m_b.id)).value.toLongLong(), 0);
    QCOMPARE(run(desk, QStringLiteral("select count(*) from appointments where org_id = %1").arg(m_b.id)).value.toLongLong(), 0);
    const auto booked = ClinicQueries::book(desk, request(m_b.id, m_b.providers.first().id, 17, BookingSource::Staff));
    QVERIFY(booked.ok());
    QCOMPARE(booked->code, QStringLiteral("NOT_PERMITTED"));
    QCOMPARE(fingerprint(), before);
    QVERIFY(run(desk, QStringLiteral("reset search_path")).ok);
}

// Disabling takes effect in every open transaction's next statement: a REPEATABLE READ
// transaction begun before the disabling would otherwise read and act through its old snapshot,
// in which the login is still active.
void TestTenancy::disabledStaffLosesAccessAtOnce()
{
    QSqlDatabase &desk = as("recep_a2");
    const qint64 appointment = run(m_db->connection(), QStringLiteral(
        "select min(id) from frontdesk.appointments where org_id = %1").arg(m_a.id)).value.toLongLong();
    QVERIFY(appointment > 0);
    QVERIFY(run(desk, QStringLiteral("begin isolation level repeatable read")).ok);
    QVERIFY(run(desk, QStringLiteral("select count(*) from frontdesk.appointments")).value.toLongLong() > 0);

    QVERIFY(AdminQueries::disableStaff(m_db->connection(), login("recep_a2")).ok());

    // The open transaction's next statements fail: its session has been ended (57P01,
    // terminated by the administrator; QPSQL may also report the connection closed with no code).
    const Outcome read = run(desk, QStringLiteral("select count(*) from frontdesk.appointments"));
    QVERIFY(!read.ok);
    QVERIFY2(read.sqlState == u"57P01" || read.sqlState.isEmpty(), qPrintable(read.sqlState));
    const Outcome cancel = run(desk, QStringLiteral("select frontdesk.cancel_appointment(%1, 'disabled')").arg(appointment));
    QVERIFY(!cancel.ok);
    QCOMPARE(run(m_db->connection(), QStringLiteral("select status from frontdesk.appointments where id = %1")
                                         .arg(appointment)).value.toString(),
             QStringLiteral("booked"));
    // No new session can start, and the login holds no group role any more.
    QSqlDatabase again = m_db->connectAs(QStringLiteral("again"), login("recep_a2"), kPassword);
    QVERIFY(!again.isOpen());
    again = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("again"));
    QCOMPARE(run(m_db->connection(), QStringLiteral(
                 "select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member "
                 "where r.rolname = '%1'").arg(login("recep_a2"))).value.toLongLong(), 0);
    QCOMPARE(run(m_db->connection(), QStringLiteral("select count(*) from pg_stat_activity where usename = '%1'")
                                         .arg(login("recep_a2"))).value.toLongLong(), 0);
    // Disabling an unknown login says so.
    const auto unknown = AdminQueries::disableStaff(m_db->connection(), login("nobody"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, QStringLiteral("UNKNOWN_STAFF"));
}

// The desk app itself, logged in as clinic A's receptionist: it loads A's day, books for A,
// and never shows B's bookings, even though B's doorbell rings on the same channel.
void TestTenancy::deskSessionAsStaffSeesOnlyItsClinicLive()
{
    ConnectionSettings asDesk = m_db->settings();
    asDesk.user = login("recep_a");
    asDesk.password = kPassword;
    ClinicSession session(asDesk, m_a.id);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connectionState().status, ConnectionState::Online, 10000);
    const QDate day = QDate::currentDate().addDays(3);
    session.showDay(day);
    QTRY_COMPARE(session.dayModel()->day(), day);
    QTRY_COMPARE(session.dayModel()->loadState(), DayModel::LoadState::Loaded);
    const int rowsBefore = session.dayModel()->rowCount();
    QVERIFY(rowsBefore > 0);

    QSignalSpy changed(&session, &ClinicSession::changesArrived);
    const auto theirs = m_db->bookOnOwnThread(request(m_b.id, m_b.providers.first().id, 19, BookingSource::Staff));
    QVERIFY(theirs.ok);
    const auto ours = m_db->bookOnOwnThread(request(m_a.id, m_a.providers.first().id, 19, BookingSource::Staff));
    QVERIFY(ours.ok);
    QTRY_COMPARE(session.dayModel()->rowCount(), rowsBefore + 1);
    QCOMPARE(changed.count(), 1);
    const auto changes = changed.first().first().value<ChangeSet>();
    QCOMPARE(changes.appointments.size(), 1);
    QCOMPARE(changes.appointments.first().id, ours.appointmentId);
    QVERIFY(session.dayModel()->rowOf(ours.appointmentId) >= 0);
    QCOMPARE(session.dayModel()->rowOf(theirs.appointmentId), -1);

    std::optional<CommandResult> answer;
    session.send(&session, Commands::book(request(m_a.id, m_a.providers.first().id, 20, BookingSource::Staff)),
                 [&answer](const CommandResult &result) { answer = result; });
    QTRY_VERIFY(answer.has_value());
    QVERIFY2(answer->ok, qPrintable(answer->code));
}

QTEST_GUILESS_MAIN(TestTenancy)
#include "tst_tenancy.moc"
