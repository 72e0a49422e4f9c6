// The appointment's life cycle in the database: every transition from every status, valid and
// invalid, each atomic, logged and announced; reschedule under the exclusion constraint; who may
// do what; and a race of desks on one appointment.
#include "TestDatabase.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

// The call that performs `action` on appointment `id`.
QString callFor(const QString &action, qint64 id, const QString &argument = {})
{
    if (action == u"confirm") return QStringLiteral("frontdesk.confirm_appointment(%1)").arg(id);
    if (action == u"check_in") return QStringLiteral("frontdesk.check_in_appointment(%1)").arg(id);
    if (action == u"complete") return QStringLiteral("frontdesk.complete_appointment(%1)").arg(id);
    if (action == u"cancel") return QStringLiteral("frontdesk.cancel_appointment(%1, %2)").arg(id).arg(argument);
    if (action == u"no_show") return QStringLiteral("frontdesk.mark_no_show(%1)").arg(id);
    if (action == u"reopen") return QStringLiteral("frontdesk.reopen_appointment(%1)").arg(id);
    return QStringLiteral("frontdesk.reschedule_appointment(%1, %2)").arg(id).arg(argument);
}

const QString kPassword = QStringLiteral("lifecycle-password");

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void transitions_data();
    void transitions();
    void rescheduleMovesAndFreesTheSlot();
    void rescheduleIntoATakenSlotOffersAlternatives();
    void whoMayDoWhat_data();
    void whoMayDoWhat();
    void desksRacingOnOneAppointmentChangeItOnce();

private:
    // An appointment of the test clinic in `status`, starting `minutesFromNow` from now.
    qint64 appointment(const QString &status, int minutesFromNow);
    QString status(qint64 id);
    int events(qint64 id);
    QSqlDatabase &as(const char *who);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    Clinic m_other;
    QString m_prefix;
    int m_slot = 0;
};

void TestLifecycle::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    // A zone where it is now daytime, so "today" has room before and after now.
    const int utcHour = QDateTime::currentDateTimeUtc().time().hour();
    const int offset = 12 - utcHour;   // local noon-ish; Etc/GMT signs are inverted
    const QString zone = offset == 0 ? QStringLiteral("UTC")
                                     : QStringLiteral("Etc/GMT%1%2").arg(offset > 0 ? QStringLiteral("-") : QStringLiteral("+")).arg(qAbs(offset));
    m_clinic = m_db->createClinic(zone, 2);
    QVERIFY(m_clinic.isValid());
    m_other = m_db->createClinic(QStringLiteral("UTC"), 1);
    m_prefix = QStringLiteral("l") + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'_';
    QSqlDatabase &admin = m_db->connection();
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"recep", m_clinic.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"mgr", m_clinic.id, QStringLiteral("manager"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"other", m_other.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::grantAgent(admin, m_prefix + u"agent", m_clinic.id, kPassword).ok());
}

void TestLifecycle::cleanupTestCase()
{
    m_db.reset();
}

QSqlDatabase &TestLifecycle::as(const char *who)
{
    return m_db->connectionAs(m_prefix + QLatin1String(who), kPassword);
}

qint64 TestLifecycle::appointment(const QString &status, int minutesFromNow)
{
    // Written directly, as history is: booking refuses the past. Each on its own 15 minutes of
    // the second provider's diary, or the first's for the few that must stay free of others.
    const QDateTime start = QDateTime::fromSecsSinceEpoch(
        (QDateTime::currentSecsSinceEpoch() / 60 + minutesFromNow) * 60, QTimeZone::utc()).addSecs(++m_slot);
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "with p as (insert into frontdesk.patients (org_id, full_name, phone) values (?, 'Test Patient', '+14155552671') returning id) "
        "insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, status, source) "
        "select ?, ?, p.id, ?, ? , ?, 'staff' from p returning id"));
    q.addBindValue(m_clinic.id);
    q.addBindValue(m_clinic.id);
    q.addBindValue(m_clinic.providers.at(1).id);
    q.addBindValue(start);
    q.addBindValue(start.addSecs(1));   // a second long, one second apart: never overlapping
    q.addBindValue(status);
    if (!q.exec() || !q.next())
        qFatal("appointment(): %s", qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

QString TestLifecycle::status(qint64 id)
{
    return m_db->scalar(QStringLiteral("select status from frontdesk.appointments where id = %1").arg(id)).toString();
}

int TestLifecycle::events(qint64 id)
{
    return m_db->scalar(QStringLiteral("select count(*) from frontdesk.events where appointment_id = %1").arg(id)).toInt();
}

void TestLifecycle::transitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("minutesFromNow");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("expected");   // the new status, "unchanged", or an error code
    const QString reason = QStringLiteral("'Patient called: feeling better'");
    const auto row = [](const char *name, const char *from, int minutes, const char *action, const QString &argument,
                        const char *expected) {
        QTest::newRow(name) << QString::fromLatin1(from) << minutes << QString::fromLatin1(action) << argument
                            << QString::fromLatin1(expected);
    };
    // From booked.
    row("booked: confirm", "booked", 120, "confirm", {}, "confirmed");
    row("booked: check in today", "booked", 30, "check_in", {}, "arrived");
    row("booked: check in on another day", "booked", 3 * 24 * 60, "check_in", {}, "INVALID_TRANSITION");
    row("booked: complete before arriving", "booked", 120, "complete", {}, "INVALID_TRANSITION");
    row("booked: cancel with a reason", "booked", 120, "cancel", reason, "cancelled");
    row("booked: cancel without a reason", "booked", 120, "cancel", QStringLiteral("'   '"), "REASON_REQUIRED");
    row("booked: cancel with a null reason", "booked", 120, "cancel", QStringLiteral("null"), "REASON_REQUIRED");
    row("booked: cancel with a 501-character reason", "booked", 120, "cancel", QStringLiteral("repeat('x', 501)"), "REASON_REQUIRED");
    row("booked: no-show in the future", "booked", 120, "no_show", {}, "INVALID_TRANSITION");
    row("booked: no-show after the start", "booked", -30, "no_show", {}, "no_show");
    row("booked: reopen", "booked", 120, "reopen", {}, "INVALID_TRANSITION");
    // From confirmed.
    row("confirmed: confirm again", "confirmed", 120, "confirm", {}, "unchanged");
    row("confirmed: check in", "confirmed", 30, "check_in", {}, "arrived");
    row("confirmed: cancel", "confirmed", 120, "cancel", reason, "cancelled");
    row("confirmed: no-show", "confirmed", -30, "no_show", {}, "no_show");
    row("confirmed: complete", "confirmed", 30, "complete", {}, "INVALID_TRANSITION");
    // From arrived.
    row("arrived: complete", "arrived", -10, "complete", {}, "completed");
    row("arrived: cancel", "arrived", -10, "cancel", reason, "INVALID_TRANSITION");
    row("arrived: no-show", "arrived", -10, "no_show", {}, "INVALID_TRANSITION");
    row("arrived: confirm", "arrived", -10, "confirm", {}, "INVALID_TRANSITION");
    // From completed: nothing.
    row("completed: cancel", "completed", -60, "cancel", reason, "INVALID_TRANSITION");
    row("completed: confirm", "completed", -60, "confirm", {}, "INVALID_TRANSITION");
    row("completed: no-show", "completed", -60, "no_show", {}, "INVALID_TRANSITION");
    row("completed: check in", "completed", -60, "check_in", {}, "INVALID_TRANSITION");
    row("completed: complete again", "completed", -60, "complete", {}, "unchanged");
    // From cancelled and no-show.
    row("cancelled: confirm", "cancelled", 120, "confirm", {}, "INVALID_TRANSITION");
    row("cancelled: check in", "cancelled", 30, "check_in", {}, "INVALID_TRANSITION");
    row("cancelled: cancel again", "cancelled", 120, "cancel", reason, "unchanged");
    row("cancelled: reopen", "cancelled", 120, "reopen", {}, "booked");
    row("no-show: confirm", "no_show", -30, "confirm", {}, "INVALID_TRANSITION");
    row("no-show: reopen in the past", "no_show", -30, "reopen", {}, "IN_THE_PAST");
    row("cancelled: reschedule", "cancelled", 120, "reschedule",
        QStringLiteral("now() + interval '5 hours', now() + interval '5 hours 30 minutes'"), "INVALID_TRANSITION");
    row("unknown appointment", "booked", 120, "confirm_unknown", {}, "UNKNOWN_APPOINTMENT");
}

void TestLifecycle::transitions()
{
    QFETCH(QString, from);
    QFETCH(int, minutesFromNow);
    QFETCH(QString, action);
    QFETCH(QString, argument);
    QFETCH(QString, expected);
    const qint64 id = appointment(from, minutesFromNow);
    const qint64 target = action == u"confirm_unknown" ? id + 100000 : id;
    if (action == u"confirm_unknown")
        action = QStringLiteral("confirm");

    QSqlDatabase &desk = action == u"reopen" ? as("mgr") : as("recep");   // reopening is for managers
    QSqlDatabase listener = m_db->connect(QStringLiteral("listener"));
    QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("frontdesk_changes")));
    QSignalSpy doorbell(listener.driver(), &QSqlDriver::notification);

    const QJsonObject result = jsonAnswer(desk, callFor(action, target, argument));
    const bool changes = expected == expected.toLower() && expected != u"unchanged";
    if (changes) {
        QVERIFY2(result.value(u"ok").toBool(), QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(result.value(u"status").toString(), expected);
        QCOMPARE(status(id), expected);
        // One event, naming the change, and one doorbell with ids only.
        QCOMPARE(events(id), 1);
        QCOMPARE(m_db->scalar(QStringLiteral("select kind || ' ' || (details->>'from') || '>' || (details->>'to') "
                                             "from frontdesk.events where appointment_id = %1").arg(id)).toString(),
                 QStringLiteral("appointment.%1 %2>%3").arg(action, from, expected));
        QCOMPARE(m_db->scalar(QStringLiteral("select actor from frontdesk.events where appointment_id = %1").arg(id)).toString(),
                 desk.userName());
        QTRY_COMPARE(doorbell.count(), 1);
        const QJsonObject payload = QJsonDocument::fromJson(doorbell.first().at(2).toString().toUtf8()).object();
        QCOMPARE(payload.keys(), (QStringList{ QStringLiteral("appointment_id"), QStringLiteral("event_id"), QStringLiteral("org_id") }));
        QCOMPARE(payload.value(u"appointment_id").toInteger(), id);
        if (action == u"cancel")
            QCOMPARE(m_db->scalar(QStringLiteral("select details->>'reason' from frontdesk.events where appointment_id = %1").arg(id)).toString(),
                     QStringLiteral("Patient called: feeling better"));
    } else {
        if (expected == u"unchanged") {
            QVERIFY(result.value(u"ok").toBool());
            QVERIFY(result.value(u"unchanged").toBool());
        } else {
            QCOMPARE(result.value(u"ok").toBool(), false);
            QCOMPARE(result.value(u"code").toString(), expected);
        }
        QCOMPARE(status(id), from);
        QCOMPARE(events(id), 0);
        QTest::qWait(100);
        QCOMPARE(doorbell.count(), 0);
    }
    listener.close();
    listener = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("listener"));
}

void TestLifecycle::rescheduleMovesAndFreesTheSlot()
{
    QSqlDatabase &desk = as("recep");
    const QDateTime start = QDateTime(QDate::currentDate().addDays(4), QTime(10, 0), m_clinic.timeZone).toUTC();
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = start;
    r.endsAt = start.addSecs(1800);
    r.patientName = QStringLiteral("Ada Lovelace");
    r.phone = QStringLiteral("(415) 555-2671");
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto booked = ClinicQueries::book(desk, r);
    QVERIFY(booked.ok() && booked->ok);
    QCOMPARE(jsonAnswer(desk, QStringLiteral("frontdesk.confirm_appointment(%1)").arg(booked->appointmentId)).value(u"status").toString(),
             QStringLiteral("confirmed"));

    // To an hour later, with the other provider: back to booked (to be confirmed again).
    const QJsonObject moved = jsonAnswer(desk, QStringLiteral("frontdesk.reschedule_appointment(%1, '%2', '%3', %4)")
                                               .arg(booked->appointmentId)
                                               .arg(start.addSecs(3600).toString(Qt::ISODate), start.addSecs(5400).toString(Qt::ISODate))
                                               .arg(m_clinic.providers.at(1).id));
    QVERIFY2(moved.value(u"ok").toBool(), QJsonDocument(moved).toJson().constData());
    QCOMPARE(status(booked->appointmentId), QStringLiteral("booked"));
    QCOMPARE(m_db->scalar(QStringLiteral("select provider_id from frontdesk.appointments where id = %1").arg(booked->appointmentId)).toLongLong(),
             m_clinic.providers.at(1).id);
    QCOMPARE(m_db->scalar(QStringLiteral("select details->>'old_provider_id' from frontdesk.events "
                                         "where appointment_id = %1 and kind = 'appointment.reschedule'").arg(booked->appointmentId)).toLongLong(),
             m_clinic.providers.first().id);
    // The old slot is free again.
    r.idempotencyKey = QUuid::createUuid().toString();
    r.patientName = QStringLiteral("Grace Hopper");
    const auto again = ClinicQueries::book(desk, r);
    QVERIFY(again.ok());
    QVERIFY2(again->ok, qPrintable(again->code));
}

void TestLifecycle::rescheduleIntoATakenSlotOffersAlternatives()
{
    QSqlDatabase &desk = as("recep");
    const QDateTime start = QDateTime(QDate::currentDate().addDays(5), QTime(9, 0), m_clinic.timeZone).toUTC();
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = start;
    r.endsAt = start.addSecs(1800);
    r.patientName = QStringLiteral("Ada Lovelace");
    r.phone = QStringLiteral("(415) 555-2671");
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto first = ClinicQueries::book(desk, r);
    r.startsAt = start.addSecs(7200);
    r.endsAt = r.startsAt.addSecs(1800);
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto second = ClinicQueries::book(desk, r);
    QVERIFY(first.ok() && first->ok && second.ok() && second->ok);

    // Moving the second onto 09:15-09:45 overlaps the first: refused, nothing changes.
    const QJsonObject refused = jsonAnswer(desk, QStringLiteral("frontdesk.reschedule_appointment(%1, '%2', '%3')")
                                                 .arg(second->appointmentId)
                                                 .arg(start.addSecs(900).toString(Qt::ISODate), start.addSecs(2700).toString(Qt::ISODate)));
    QCOMPARE(refused.value(u"code").toString(), QStringLiteral("SLOT_UNAVAILABLE"));
    QVERIFY(!refused.value(u"alternatives").toArray().isEmpty());
    QCOMPARE(m_db->scalar(QStringLiteral("select starts_at = '%1' from frontdesk.appointments where id = %2")
                              .arg(r.startsAt.toString(Qt::ISODate)).arg(second->appointmentId)).toBool(), true);
    QCOMPARE(events(second->appointmentId), 1);   // only its booking

    // Bad times are refused as at booking.
    QCOMPARE(jsonAnswer(desk, QStringLiteral("frontdesk.reschedule_appointment(%1, now() - interval '1 day', now() - interval '23 hours')")
                              .arg(second->appointmentId)).value(u"code").toString(),
             QStringLiteral("IN_THE_PAST"));
    QCOMPARE(jsonAnswer(desk, QStringLiteral("frontdesk.reschedule_appointment(%1, now() + interval '2 days', now() + interval '1 day')")
                              .arg(second->appointmentId)).value(u"code").toString(),
             QStringLiteral("INVALID_TIME"));
    QCOMPARE(jsonAnswer(desk, QStringLiteral("frontdesk.reschedule_appointment(%1, now() + interval '2 days', now() + interval '2 days 30 minutes', %2)")
                              .arg(second->appointmentId).arg(m_other.providers.first().id)).value(u"code").toString(),
             QStringLiteral("UNKNOWN_PROVIDER"));
}

void TestLifecycle::whoMayDoWhat_data()
{
    QTest::addColumn<QByteArray>("who");
    QTest::addColumn<QString>("fromStatus");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");
    QTest::newRow("receptionist confirms") << QByteArray("recep") << QStringLiteral("booked") << QStringLiteral("confirm") << QStringLiteral("confirmed");
    QTest::newRow("manager confirms") << QByteArray("mgr") << QStringLiteral("booked") << QStringLiteral("confirm") << QStringLiteral("confirmed");
    QTest::newRow("receptionist reopens (manager only)") << QByteArray("recep") << QStringLiteral("cancelled") << QStringLiteral("reopen") << QStringLiteral("NOT_PERMITTED");
    QTest::newRow("manager reopens") << QByteArray("mgr") << QStringLiteral("cancelled") << QStringLiteral("reopen") << QStringLiteral("booked");
    QTest::newRow("another clinic's receptionist") << QByteArray("other") << QStringLiteral("booked") << QStringLiteral("confirm") << QStringLiteral("UNKNOWN_APPOINTMENT");
    QTest::newRow("the AI agent") << QByteArray("agent") << QStringLiteral("booked") << QStringLiteral("confirm") << QStringLiteral("SQL:42501");
}

void TestLifecycle::whoMayDoWhat()
{
    QFETCH(QByteArray, who);
    QFETCH(QString, fromStatus);
    QFETCH(QString, action);
    QFETCH(QString, expected);
    const qint64 id = appointment(fromStatus, 180);
    const QJsonObject result = jsonAnswer(as(who.constData()), callFor(action, id));
    if (expected == expected.toLower()) {
        QVERIFY2(result.value(u"ok").toBool(), QJsonDocument(result).toJson().constData());
        QCOMPARE(status(id), expected);
    } else {
        // Another clinic's appointment is not even there for this login; the agent may not call
        // these functions at all (insufficient privilege).
        const QString code = result.contains(u"sql_error") ? u"SQL:"_s + result.value(u"sql_error").toString()
                                                            : result.value(u"code").toString();
        QCOMPARE(code, expected);
        QCOMPARE(status(id), fromStatus);
        QCOMPARE(events(id), 0);
    }
}

void TestLifecycle::desksRacingOnOneAppointmentChangeItOnce()
{
    const qint64 id = appointment(QStringLiteral("booked"), 30);
    constexpr int kDesks = 8;
    std::mutex mutex;
    std::condition_variable go;
    int ready = 0;
    bool released = false;
    QList<QJsonObject> results(kDesks);
    std::vector<std::thread> desks;
    for (int i = 0; i < kDesks; ++i) {
        desks.emplace_back([&, i] {
            const QString name = QStringLiteral("desk-%1").arg(i);
            {
                QSqlDatabase db = m_db->connectAs(name, m_prefix + u"recep", kPassword);
                {
                    std::unique_lock lock(mutex);
                    ++ready;
                    go.notify_all();
                    go.wait(lock, [&] { return released; });
                }
                // Half check in, half confirm: whichever is first decides, the rest are refused or unchanged.
                results[i] = jsonAnswer(db, callFor(i % 2 ? QStringLiteral("check_in") : QStringLiteral("confirm"), id));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    }
    {
        std::unique_lock lock(mutex);
        go.wait(lock, [&] { return ready == kDesks; });
        released = true;
        go.notify_all();
    }
    for (auto &t : desks)
        t.join();
    int changed = 0;
    for (const QJsonObject &r : results) {
        QVERIFY2(r.contains(u"ok"), QJsonDocument(r).toJson().constData());
        if (r.value(u"ok").toBool() && !r.value(u"unchanged").toBool())
            ++changed;
        else if (!r.value(u"ok").toBool())
            QCOMPARE(r.value(u"code").toString(), QStringLiteral("INVALID_TRANSITION"));
    }
    // booked -> confirmed -> arrived is a valid path, so at most two changes, one per kind, and
    // the log holds exactly what happened.
    QVERIFY(changed >= 1 && changed <= 2);
    QCOMPARE(events(id), changed);
    QVERIFY(status(id) == u"confirmed" || status(id) == u"arrived");
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
