// The follow-up queue: queued with every booking, cancellation and reschedule in the same
// transaction, the SMS text ready in the clinic's time zone, one calendar entry per appointment
// updated by sequence; claimed by one desk at a time (claims expire), completed with an outcome;
// all logged; another clinic's items out of reach.
#include "TestDatabase.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"

#include <QJsonDocument>
#include <QJsonObject>
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

namespace {

const QString kPassword = QStringLiteral("follow-up-password");

} // namespace

class TestFollowUps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bookingQueuesAnSmsAndACalendarEntry();
    void noPhoneMeansNoSms();
    void cancelAndRescheduleQueueTheirOwn();
    void aClaimIsOneDesksAtATime();
    void desksRacingForOneItemLeaveOneWinner();
    void completingChecksOutcomeAndNote_data();
    void completingChecksOutcomeAndNote();
    void anotherClinicsItemsAreOutOfReach();

private:
    qint64 book(const QString &phone, const QString &email, int daysAhead, int hour);
    qint64 itemOf(qint64 appointmentId, const QString &kind, const QString &purpose = QStringLiteral("booked"));
    QSqlDatabase &as(const char *who);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    Clinic m_other;
    QString m_prefix;
};

void TestFollowUps::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(QStringLiteral("America/New_York"), 2);
    m_other = m_db->createClinic(QStringLiteral("UTC"), 1);
    m_prefix = QStringLiteral("q") + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'_';
    QSqlDatabase &admin = m_db->connection();
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"desk1", m_clinic.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"desk2", m_clinic.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"other", m_other.id, QStringLiteral("receptionist"), {}, kPassword).ok());
}

void TestFollowUps::cleanupTestCase()
{
    m_db.reset();
}

QSqlDatabase &TestFollowUps::as(const char *who)
{
    return m_db->connectionAs(m_prefix + QLatin1String(who), kPassword);
}

qint64 TestFollowUps::book(const QString &phone, const QString &email, int daysAhead, int hour)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(QDate::currentDate().addDays(daysAhead), QTime(hour, 30), m_clinic.timeZone).toUTC();
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = QStringLiteral("jo smith");
    r.phone = phone;
    r.email = email;
    r.service = QStringLiteral("Flu shot");
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto result = ClinicQueries::book(as("desk1"), r);
    if (!result || !result->ok)
        qFatal("book: %s", qPrintable(result ? result->code : result.error().message));
    return result->appointmentId;
}

qint64 TestFollowUps::itemOf(qint64 appointmentId, const QString &kind, const QString &purpose)
{
    return m_db->scalar(QStringLiteral("select id from frontdesk.follow_ups where appointment_id = %1 and kind = '%2' "
                                       "and purpose = '%3'").arg(appointmentId).arg(kind, purpose)).toLongLong();
}

void TestFollowUps::bookingQueuesAnSmsAndACalendarEntry()
{
    const qint64 id = book(QStringLiteral("(212) 555-0199"), {}, 3, 10);
    QCOMPARE(m_db->scalar(QStringLiteral("select count(*) from frontdesk.follow_ups where appointment_id = %1").arg(id)).toInt(), 2);
    // The SMS: to the normalised phone, naming the clinic, the provider and the local time.
    const QDate day = QDate::currentDate().addDays(3);
    const QString when = QLocale(QLocale::English).toString(day, QStringLiteral("ddd d MMM")) + QStringLiteral(" at 10:30");
    QCOMPARE(m_db->scalar(QStringLiteral("select recipient || ' | ' || message from frontdesk.follow_ups where id = %1")
                              .arg(itemOf(id, QStringLiteral("sms")))).toString(),
             QStringLiteral("+12125550199 | Test Clinic: your appointment with Dr. Provider 1 is booked for %1. "
                            "Reply or call us to change it.").arg(when));
    // The calendar entry, for an RFC 5545 file: a stable uid, sequence 0, a request, the times.
    const QJsonObject event = QJsonDocument::fromJson(
        m_db->scalar(QStringLiteral("select calendar_event::text from frontdesk.follow_ups where id = %1")
                         .arg(itemOf(id, QStringLiteral("calendar")))).toString().toUtf8()).object();
    QCOMPARE(event.value(u"uid").toString(), QStringLiteral("appointment-%1-org-%2@frontdesk").arg(id).arg(m_clinic.id));
    QCOMPARE(event.value(u"sequence").toInt(), 0);
    QCOMPARE(event.value(u"method").toString(), QStringLiteral("REQUEST"));
    QCOMPARE(event.value(u"summary").toString(), QStringLiteral("Jo Smith (Flu shot)"));
    QCOMPARE(event.value(u"time_zone").toString(), QStringLiteral("America/New_York"));
    QCOMPARE(QDateTime::fromString(event.value(u"starts_at").toString(), Qt::ISODate).toUTC(),
             QDateTime(day, QTime(10, 30), m_clinic.timeZone).toUTC());
}

void TestFollowUps::noPhoneMeansNoSms()
{
    const qint64 id = book({}, QStringLiteral("jo@example.com"), 3, 12);
    QCOMPARE(m_db->scalar(QStringLiteral("select string_agg(kind, ',') from frontdesk.follow_ups where appointment_id = %1").arg(id)).toString(),
             QStringLiteral("calendar"));
}

void TestFollowUps::cancelAndRescheduleQueueTheirOwn()
{
    const qint64 id = book(QStringLiteral("(212) 555-0199"), {}, 4, 9);
    const QDateTime moved = QDateTime(QDate::currentDate().addDays(5), QTime(14, 0), m_clinic.timeZone).toUTC();
    QVERIFY(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.reschedule_appointment(%1, '%2', '%3')")
                                    .arg(id).arg(moved.toString(Qt::ISODate), moved.addSecs(1800).toString(Qt::ISODate)))
                .value(u"ok").toBool());
    QVERIFY(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.cancel_appointment(%1, 'moved away')").arg(id)).value(u"ok").toBool());
    QCOMPARE(m_db->scalar(QStringLiteral("select string_agg(kind || ':' || purpose || ':' || coalesce(calendar_event->>'method', '') "
                                         "|| coalesce(calendar_event->>'sequence', ''), ',' order by id) "
                                         "from frontdesk.follow_ups where appointment_id = %1").arg(id)).toString(),
             QStringLiteral("sms:booked:,calendar:booked:REQUEST0,sms:rescheduled:,calendar:rescheduled:REQUEST1,"
                            "sms:cancelled:,calendar:cancelled:CANCEL2"));
    QVERIFY(m_db->scalar(QStringLiteral("select message from frontdesk.follow_ups where id = %1")
                             .arg(itemOf(id, QStringLiteral("sms"), QStringLiteral("rescheduled")))).toString()
                .contains(QStringLiteral("has moved to ") + QLocale(QLocale::English).toString(moved.toTimeZone(m_clinic.timeZone).date(), QStringLiteral("ddd d MMM"))));
    // A confirmation queues nothing.
    const qint64 other = book(QStringLiteral("(212) 555-0199"), {}, 4, 13);
    QVERIFY(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.confirm_appointment(%1)").arg(other)).value(u"ok").toBool());
    QCOMPARE(m_db->scalar(QStringLiteral("select count(*) from frontdesk.follow_ups where appointment_id = %1").arg(other)).toInt(), 2);
}

void TestFollowUps::aClaimIsOneDesksAtATime()
{
    const qint64 item = itemOf(book(QStringLiteral("(212) 555-0199"), {}, 6, 9), QStringLiteral("sms"));
    QCOMPARE(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item)).value(u"status").toString(), QStringLiteral("claimed"));
    const QJsonObject taken = jsonAnswer(as("desk2"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item));
    QCOMPARE(taken.value(u"code").toString(), QStringLiteral("CLAIMED_BY_OTHER"));
    QCOMPARE(taken.value(u"claimed_by").toString(), m_prefix + u"desk1");
    QCOMPARE(jsonAnswer(as("desk2"), QStringLiteral("frontdesk.complete_follow_up(%1, 'sent')").arg(item)).value(u"code").toString(),
             QStringLiteral("NOT_CLAIMED"));
    // Claiming again refreshes one's own claim.
    QVERIFY(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item)).value(u"ok").toBool());
    // A claim runs out: then another desk may take it, and the first can no longer complete it.
    m_db->scalar(QStringLiteral("update frontdesk.follow_ups set claim_expires_at = now() - interval '1 second' where id = %1 returning 1").arg(item));
    QVERIFY(jsonAnswer(as("desk2"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item)).value(u"ok").toBool());
    QCOMPARE(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.complete_follow_up(%1, 'sent')").arg(item)).value(u"code").toString(),
             QStringLiteral("NOT_CLAIMED"));
    const QJsonObject done = jsonAnswer(as("desk2"), QStringLiteral("frontdesk.complete_follow_up(%1, 'sent')").arg(item));
    QCOMPARE(done.value(u"status").toString(), QStringLiteral("done"));
    QCOMPARE(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item)).value(u"code").toString(),
             QStringLiteral("ALREADY_DONE"));
    // Released items go back to the queue.
    const qint64 next = itemOf(book(QStringLiteral("(212) 555-0199"), {}, 6, 11), QStringLiteral("calendar"));
    QVERIFY(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(next)).value(u"ok").toBool());
    QCOMPARE(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.release_follow_up(%1)").arg(next)).value(u"status").toString(), QStringLiteral("pending"));
    // All of it logged, with who did it.
    QCOMPARE(m_db->scalar(QStringLiteral("select string_agg(kind || ' ' || actor, ', ' order by id) from frontdesk.events "
                                         "where details->>'follow_up_id' = '%1'").arg(item)).toString(),
             QStringLiteral("follow_up.claim %1desk1, follow_up.claim %1desk1, follow_up.claim %1desk2, follow_up.complete %1desk2")
                 .arg(m_prefix));
}

void TestFollowUps::desksRacingForOneItemLeaveOneWinner()
{
    const qint64 item = itemOf(book(QStringLiteral("(212) 555-0199"), {}, 7, 9), QStringLiteral("sms"));
    constexpr int kDesks = 8;
    std::mutex mutex;
    std::condition_variable cv;
    int ready = 0;
    bool go = false;
    QList<QJsonObject> results(kDesks);
    std::vector<std::thread> desks;
    for (int i = 0; i < kDesks; ++i) {
        desks.emplace_back([&, i] {
            const QString name = QStringLiteral("race-%1").arg(i);
            {
                QSqlDatabase db = m_db->connectAs(name, m_prefix + (i % 2 ? u"desk1" : u"desk2"), kPassword);
                {
                    std::unique_lock lock(mutex);
                    ++ready;
                    cv.notify_all();
                    cv.wait(lock, [&] { return go; });
                }
                results[i] = jsonAnswer(db, QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    }
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return ready == kDesks; });
        go = true;
        cv.notify_all();
    }
    for (auto &t : desks)
        t.join();
    const QString winner = m_db->scalar(QStringLiteral("select claimed_by from frontdesk.follow_ups where id = %1").arg(item)).toString();
    QVERIFY(!winner.isEmpty());
    // Only the winner's login succeeded (its other sessions refresh the same claim); the other
    // login's sessions were all told another desk has it.
    for (int i = 0; i < kDesks; ++i) {
        const QString login = m_prefix + (i % 2 ? u"desk1" : u"desk2");
        if (login == winner)
            QVERIFY(results[i].value(u"ok").toBool());
        else
            QCOMPARE(results[i].value(u"code").toString(), QStringLiteral("CLAIMED_BY_OTHER"));
    }
}

void TestFollowUps::completingChecksOutcomeAndNote_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sent") << QStringLiteral("'sent'") << QStringLiteral("done");
    QTest::newRow("sent with a note") << QStringLiteral("'sent', 'left a voicemail too'") << QStringLiteral("done");
    QTest::newRow("failed with a note") << QStringLiteral("'failed', 'number not in service'") << QStringLiteral("done");
    QTest::newRow("skipped with a note") << QStringLiteral("'skipped', 'patient asked for no texts'") << QStringLiteral("done");
    QTest::newRow("failed without a note") << QStringLiteral("'failed'") << QStringLiteral("NOTE_REQUIRED");
    QTest::newRow("skipped with a blank note") << QStringLiteral("'skipped', '   '") << QStringLiteral("NOTE_REQUIRED");
    QTest::newRow("an unknown outcome") << QStringLiteral("'delivered'") << QStringLiteral("INVALID_OUTCOME");
    QTest::newRow("no outcome") << QStringLiteral("null") << QStringLiteral("INVALID_OUTCOME");
    QTest::newRow("a 1001-character note") << QStringLiteral("'failed', repeat('x', 1001)") << QStringLiteral("TEXT_TOO_LONG");
}

void TestFollowUps::completingChecksOutcomeAndNote()
{
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    static int hour = 8;
    const qint64 item = itemOf(book(QStringLiteral("(212) 555-0199"), {}, 8, hour++), QStringLiteral("sms"));
    QVERIFY(jsonAnswer(as("desk1"), QStringLiteral("frontdesk.claim_follow_up(%1)").arg(item)).value(u"ok").toBool());
    const QJsonObject result = jsonAnswer(as("desk1"), QStringLiteral("frontdesk.complete_follow_up(%1, %2)").arg(item).arg(arguments));
    const QString status = m_db->scalar(QStringLiteral("select status from frontdesk.follow_ups where id = %1").arg(item)).toString();
    if (expected == u"done") {
        QVERIFY(result.value(u"ok").toBool());
        QCOMPARE(status, QStringLiteral("done"));
        QCOMPARE(m_db->scalar(QStringLiteral("select completed_by from frontdesk.follow_ups where id = %1").arg(item)).toString(),
                 m_prefix + u"desk1");
    } else {
        QCOMPARE(result.value(u"code").toString(), expected);
        QCOMPARE(status, QStringLiteral("claimed"));   // nothing completed
    }
}

void TestFollowUps::anotherClinicsItemsAreOutOfReach()
{
    const qint64 item = itemOf(book(QStringLiteral("(212) 555-0199"), {}, 9, 9), QStringLiteral("sms"));
    QSqlDatabase &other = as("other");
    QSqlQuery q(other);
    QVERIFY(q.exec(QStringLiteral("select count(*) from frontdesk.follow_ups where org_id = %1").arg(m_clinic.id)) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    for (const QString &call : { QStringLiteral("frontdesk.claim_follow_up(%1)"), QStringLiteral("frontdesk.release_follow_up(%1)"),
                                 QStringLiteral("frontdesk.complete_follow_up(%1, 'sent')") })
        QCOMPARE(jsonAnswer(other, call.arg(item)).value(u"code").toString(), QStringLiteral("UNKNOWN_FOLLOW_UP"));
    QVERIFY(!q.exec(QStringLiteral("update frontdesk.follow_ups set status = 'done', outcome = 'sent' where id = %1").arg(item)));
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
    QCOMPARE(m_db->scalar(QStringLiteral("select status from frontdesk.follow_ups where id = %1").arg(item)).toString(), QStringLiteral("pending"));
}

QTEST_GUILESS_MAIN(TestFollowUps)
#include "tst_followups.moc"
