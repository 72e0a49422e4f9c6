// One clinic's login cannot delay another clinic's work, whatever it calls. Before schema v7 any
// login could take the advisory locks bookings queued on (the keys were guessable), and clinic
// A's receptionist stalled every booking of clinic B. Here A's receptionist holds a transaction
// open after trying every lock PostgreSQL gives every role (advisory locks on every key shape the
// booking ever used, table locks, row locks, A's own booking, every function with B's ids), and
// B's desk books, reschedules, cancels and works its queue meanwhile under a 2 s lock_timeout:
// a wait on anything A holds would answer RETRY or fail, and the test with it.

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "db/SqlStatement.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace frontdesk;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

class TestCrossClinic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void clinicAHoldingEverythingItCanDoesNotDelayClinicB();

private:
    QSqlDatabase &as(const QString &login) { return m_db->connectionAs(login, test::TestDatabase::loginPassword()); }
    // Runs `sql` in a savepoint, so that a refusal leaves the transaction (and what it holds) open.
    bool attempt(QSqlDatabase &db, const QString &sql, QString *state = nullptr);
    QJsonObject book(QSqlDatabase &db, const Clinic &clinic, int hour, const QString &name, const QString &key);

    std::unique_ptr<test::TestDatabase> m_db;
    Clinic m_a;
    Clinic m_b;
};

void TestCrossClinic::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_a = m_db->createClinic(u"UTC"_s, 1);
    m_b = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(m_a.isValid() && m_b.isValid());
}

void TestCrossClinic::cleanupTestCase()
{
    m_db.reset();
}

bool TestCrossClinic::attempt(QSqlDatabase &db, const QString &sql, QString *state)
{
    QSqlQuery q(db);
    if (!q.exec(u"savepoint attempt"_s))
        qFatal("savepoint: %s", qPrintable(q.lastError().text()));
    const bool ok = q.exec(sql);
    if (state)
        *state = q.lastError().nativeErrorCode();
    QSqlQuery(db).exec(ok ? u"release savepoint attempt"_s : u"rollback to savepoint attempt"_s);
    return ok;
}

QJsonObject TestCrossClinic::book(QSqlDatabase &db, const Clinic &clinic, int hour, const QString &name,
                                  const QString &key)
{
    const QDateTime start(QDate::currentDate().addDays(3), QTime(hour, 0), QTimeZone::utc());
    return jsonAnswer(db, u"frontdesk.book_appointment_atomic(?::bigint, ?::bigint, ?::timestamptz, ?::timestamptz, "
                          "?::text, '(415) 555-2671', null, 'staff', ?::text)"_s,
                      { clinic.id, clinic.providers.first().id, start, start.addSecs(1800), name, key });
}

void TestCrossClinic::clinicAHoldingEverythingItCanDoesNotDelayClinicB()
{
    const QString attackerLogin = m_db->createLogin(u"receptionist"_s, m_a.id);
    const QString deskLogin = m_db->createLogin(u"receptionist"_s, m_b.id);
    QSqlDatabase &attacker = as(attackerLogin);
    QSqlDatabase &desk = as(deskLogin);
    QVERIFY(attacker.isOpen() && desk.isOpen());

    // B's existing work: an appointment with its follow-ups, and the key B will book with next.
    const QJsonObject existing = book(desk, m_b, 9, u"Bea Existing"_s, u"b-existing"_s);
    QVERIFY2(existing.value(u"ok").toBool(), qPrintable(existing.value(u"code").toString()));
    const qint64 bAppointment = existing.value(u"appointment_id").toInteger();
    const qint64 bPatient = existing.value(u"patient_id").toInteger();
    const qint64 bProvider = m_b.providers.first().id;
    const QString bKey = u"b-next-key"_s;

    QVERIFY(QSqlQuery(attacker).exec(u"begin"_s));
    // Advisory locks on every key the booking and the life cycle ever took, session and
    // transaction level, exclusive and shared; none is refused, and none may matter.
    QStringList keys = { u"frontdesk.provider:%1:%2"_s.arg(m_b.id).arg(bProvider),
                         u"frontdesk.key:%1:%2"_s.arg(m_b.id).arg(bKey),
                         u"frontdesk.patient:%1:bea existing"_s.arg(m_b.id),
                         u"frontdesk.patient:%1:bob newcomer"_s.arg(m_b.id) };
    for (const QString &k : keys) {
        QVERIFY(attempt(attacker, u"select pg_advisory_lock(hashtextextended('%1', 0))"_s.arg(k)));
        QVERIFY(attempt(attacker, u"select pg_advisory_xact_lock(hashtextextended('%1', 0))"_s.arg(k)));
    }
    QVERIFY(attempt(attacker, u"select pg_advisory_lock(%1)"_s.arg(0x46726f6e74)));   // the migrator's key
    // Clinic A's own booking, its locks held by the open transaction.
    QCOMPARE(book(attacker, m_a, 9, u"Alma Attacker"_s, u"a-key"_s).value(u"ok").toBool(), true);
    // Table and row locks: the readable tables in ACCESS SHARE (allowed, and conflicting with no
    // booking); every stronger table lock and every row lock is refused for want of privilege.
    const QStringList tables = { u"organisations"_s, u"providers"_s, u"patients"_s, u"appointments"_s,
                                 u"events"_s, u"follow_ups"_s, u"interactions"_s, u"staff"_s, u"agent_grants"_s,
                                 u"booking_requests"_s, u"booking_locks"_s, u"name_characters"_s };
    for (const QString &t : tables) {
        attempt(attacker, u"lock table frontdesk.%1 in access share mode"_s.arg(t));
        for (const QString &mode : { u"row share"_s, u"row exclusive"_s, u"share update exclusive"_s, u"share"_s,
                                     u"share row exclusive"_s, u"exclusive"_s, u"access exclusive"_s }) {
            QString state;
            QVERIFY2(!attempt(attacker, u"lock table frontdesk.%1 in %2 mode nowait"_s.arg(t, mode), &state),
                     qPrintable(t + u" in "_s + mode));
        }
        for (const QString &strength : { u"update"_s, u"no key update"_s, u"share"_s, u"key share"_s }) {
            QString state;
            QVERIFY2(!attempt(attacker, u"select 1 from frontdesk.%1 for %2"_s.arg(t, strength), &state),
                     qPrintable(t + u" for "_s + strength));
        }
    }
    // Every function with B's ids: each refuses, and none leaves a lock behind.
    for (const QString &call : {
             u"select frontdesk.book_appointment_atomic(%1, %2, now() + interval '3 days', "
             "now() + interval '3 days 30 minutes', 'Bob Newcomer', '(415) 555-2672', null, 'staff', '%3')"_s,
             u"select frontdesk.confirm_appointment(%4)"_s, u"select frontdesk.cancel_appointment(%4, 'x')"_s,
             u"select frontdesk.reschedule_appointment(%4, now() + interval '4 days', now() + interval '4 days 1 hour')"_s,
             u"select frontdesk.claim_follow_up(f.id) from frontdesk.follow_ups f"_s,
             u"select frontdesk.add_patient_note(%5, 'x')"_s, u"select frontdesk.changes_since(%1, null)"_s,
             u"select * from frontdesk.search_patients(%1, 'bea')"_s }) {
        QString sql = call;
        sql.replace(u"%1"_s, QString::number(m_b.id)).replace(u"%2"_s, QString::number(bProvider))
            .replace(u"%3"_s, bKey).replace(u"%4"_s, QString::number(bAppointment))
            .replace(u"%5"_s, QString::number(bPatient));
        attempt(attacker, sql);
    }
    QVERIFY2(QSqlQuery(attacker).exec(u"select 1"_s), "the attacker's transaction is still open");

    // Meanwhile clinic B works as usual, and waits on nothing A holds.
    QSqlQuery settings(desk);
    QVERIFY(settings.exec(u"set lock_timeout = '2s'"_s));
    const QJsonObject booked = book(desk, m_b, 11, u"Bob Newcomer"_s, bKey);
    QVERIFY2(booked.value(u"ok").toBool(), qPrintable(booked.value(u"code").toString() + booked.value(u"sql_message").toString()));
    const QJsonObject replay = book(desk, m_b, 11, u"Bob Newcomer"_s, bKey);
    QCOMPARE(replay.value(u"appointment_id").toInteger(), booked.value(u"appointment_id").toInteger());
    const QJsonObject moved = jsonAnswer(desk, u"frontdesk.reschedule_appointment(%1, date_trunc('day', now()) + interval '4 days 10 hours', "
                                               "date_trunc('day', now()) + interval '4 days 10 hours 30 minutes')"_s.arg(bAppointment));
    QVERIFY2(moved.value(u"ok").toBool(), qPrintable(moved.value(u"code").toString() + moved.value(u"sql_message").toString()));
    const qint64 followUp = m_db->scalar(u"select min(id) from frontdesk.follow_ups where org_id = %1"_s.arg(m_b.id))
                                .toLongLong();
    QCOMPARE(jsonAnswer(desk, u"frontdesk.claim_follow_up(%1)"_s.arg(followUp)).value(u"ok").toBool(), true);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.complete_follow_up(%1, 'sent')"_s.arg(followUp)).value(u"ok").toBool(), true);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.add_patient_note(%1, 'called back')"_s.arg(bPatient)).value(u"ok").toBool(), true);
    const QJsonObject cancelled = jsonAnswer(desk, u"frontdesk.cancel_appointment(%1, 'patient asked')"_s
                                                       .arg(booked.value(u"appointment_id").toInteger()));
    QVERIFY2(cancelled.value(u"ok").toBool(), qPrintable(cancelled.value(u"code").toString()));

    QVERIFY(QSqlQuery(attacker).exec(u"rollback"_s));
    QVERIFY(QSqlQuery(attacker).exec(u"select pg_advisory_unlock_all()"_s));
    // Nothing of B was changed by A.
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.events where org_id = %1 and actor = '%2'"_s
                              .arg(m_b.id).arg(attackerLogin)).toLongLong(),
             qint64(0));
}

QTEST_GUILESS_MAIN(TestCrossClinic)
#include "tst_crossclinic.moc"
