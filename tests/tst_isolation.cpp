// Every isolation level and transaction a careless caller may use is served correctly or refused
// with a documented code, never a raw SQLSTATE and never a wrong answer:
// - REPEATABLE READ is served; a call whose answer depends on a change committed after the
//   caller's snapshot answers RETRY (no second patient, no raw 40001, no alternatives that were
//   already taken), and the same call in a new transaction gets the current answer;
// - SERIALIZABLE is refused with UNSUPPORTED_ISOLATION by every writing function (PostgreSQL may
//   abort such a transaction at COMMIT, after the function answered), read-only transactions with
//   READ_ONLY_TRANSACTION;
// - the caller's own settings (SET CONSTRAINTS ALL IMMEDIATE, lock_timeout) never surface as raw
//   errors.

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "domain/Booking.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace frontdesk;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

QDate g_today;

QDateTime utcAt(int daysAhead, int hour, int minute = 0)
{
    return QDateTime(g_today.addDays(daysAhead), QTime(hour, minute), QTimeZone::utc());
}

QString newKey()
{
    return u"iso-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A connection of its own, closed and removed with the object.
class Session
{
public:
    Session(const test::TestDatabase &db, const QString &tag)
        : m_name(tag + u'-' + QUuid::createUuid().toString(QUuid::Id128)), m_db(db.connect(m_name))
    {
    }
    ~Session()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    QSqlDatabase &db() { return m_db; }
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    // book_appointment_atomic's answer; a raw database error as the code SQL_ERROR.
    BookingResult book(const BookingRequest &r)
    {
        const auto answer = ClinicQueries::book(m_db, r);
        return answer.ok() ? answer.value()
                           : BookingResult::failure(u"SQL_ERROR"_s, answer.error().code + u" "_s + answer.error().message);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

class TestIsolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void repeatableReadGetsCurrentAnswersOrRetry();
    void repeatableReadNeverCreatesAPatientTwice_data();
    void repeatableReadNeverCreatesAPatientTwice();
    void repeatableReadPatientUpdatedElsewhereAnswersRetry();
    void repeatableReadActionOnAChangedAppointmentAnswersRetry();
    void repeatableReadRescheduleOffersNoStaleAlternatives();
    void sameKeyStorm_data();
    void sameKeyStorm();
    void refusedTransactions_data();
    void refusedTransactions();
    void callerSettingsNeverSurfaceAsRawErrors_data();
    void callerSettingsNeverSurfaceAsRawErrors();
    void autocommitCallersRetryForThem();
    void rescheduleRacingAMoveToAnotherProviderAnswersRetry();
    void refusedActionsLeaveNothingBehind();

private:
    BookingRequest request(const Clinic &clinic, const QDateTime &start, const QString &name,
                           const QString &phone, int providerIndex = 0) const;
    qint64 count(const QString &sql) const { return m_db->scalar(sql).toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_db;
};

void TestIsolation::initTestCase()
{
    g_today = QDateTime::currentDateTimeUtc().date();
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
}

void TestIsolation::cleanupTestCase()
{
    m_db.reset();
}

BookingRequest TestIsolation::request(const Clinic &clinic, const QDateTime &start, const QString &name,
                                      const QString &phone, int providerIndex) const
{
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.value(providerIndex).id;
    r.startsAt = start;
    r.endsAt = start.addSecs(1800);
    r.patientName = name;
    r.phone = phone;
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = newKey();
    return r;
}

// A REPEATABLE READ transaction whose snapshot predates another connection's booking: the same
// key answers IDEMPOTENCY_RETRY, the taken slot RETRY (its alternatives would come from the old
// snapshot), and a free slot for another patient is booked. In a new transaction each gets the
// current answer.
void TestIsolation::repeatableReadGetsCurrentAnswersOrRetry()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session early(*m_db, u"early"_s);
    Session other(*m_db, u"other"_s);

    const BookingRequest first = request(clinic, utcAt(3, 9), u"Jane Doe"_s, u"(415) 555-2671"_s);
    const BookingRequest sameSlot = request(clinic, utcAt(3, 9), u"Grace Hopper"_s, u"(415) 555-2672"_s);
    const BookingRequest freeSlot = request(clinic, utcAt(3, 11), u"Alan Turing"_s, u"(415) 555-2673"_s);

    QVERIFY(early.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(early.exec(u"select 1"_s));   // the snapshot is taken here
    const BookingResult committed = other.book(first);
    QVERIFY2(committed.ok, qPrintable(committed.code));

    QCOMPARE(early.book(first).code, u"IDEMPOTENCY_RETRY"_s);
    const BookingResult taken = early.book(sameSlot);
    QCOMPARE(taken.code, u"RETRY"_s);
    QVERIFY(taken.alternatives.isEmpty());
    const BookingResult free = early.book(freeSlot);
    QVERIFY2(free.ok, qPrintable(free.code));
    QVERIFY(early.exec(u"commit"_s));
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(clinic.id)), qint64(2));
    QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where org_id = %1"_s.arg(clinic.id)), qint64(2));

    // In new transactions: the original answer, and a refusal whose alternatives are current.
    QVERIFY(early.exec(u"begin isolation level repeatable read"_s));
    const BookingResult replay = early.book(first);
    QVERIFY(replay.ok);
    QCOMPARE(replay.appointmentId, committed.appointmentId);
    const BookingResult refused = early.book(sameSlot);
    QCOMPARE(refused.code, u"SLOT_UNAVAILABLE"_s);
    QVERIFY(!refused.alternatives.isEmpty());
    QVERIFY(early.exec(u"commit"_s));
    for (const QDateTime &alternative : refused.alternatives) {
        QVERIFY(alternative.addSecs(1800) <= utcAt(3, 9) || alternative >= utcAt(3, 9, 30));
        QVERIFY(alternative.addSecs(1800) <= utcAt(3, 11) || alternative >= utcAt(3, 11, 30));
    }
}

void TestIsolation::repeatableReadNeverCreatesAPatientTwice_data()
{
    QTest::addColumn<QString>("lateLevel");    // the caller whose snapshot is older
    QTest::addColumn<QString>("firstLevel");   // the caller who books and commits first
    QTest::newRow("repeatable read after repeatable read") << u"repeatable read"_s << u"repeatable read"_s;
    QTest::newRow("repeatable read after read committed") << u"repeatable read"_s << u"read committed"_s;
    QTest::newRow("read committed after repeatable read") << u"read committed"_s << u"repeatable read"_s;
}

// Ten pairs: a new caller booked with two providers by two transactions whose snapshots both
// predate either booking. The caller is created once; the late booking answers RETRY or (READ
// COMMITTED sees the commit) books the same patient.
void TestIsolation::repeatableReadNeverCreatesAPatientTwice()
{
    QFETCH(QString, lateLevel);
    QFETCH(QString, firstLevel);
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(clinic.isValid());
    Session late(*m_db, u"late"_s);
    Session first(*m_db, u"first"_s);
    static const char *const names[] = { "Ada", "Bea", "Cleo", "Dora", "Edna", "Fay", "Gwen", "Hana", "Iris", "Jo" };
    for (int pair = 0; pair < 10; ++pair) {
        const QString name = QString::fromLatin1(names[pair]) + u" Newcomer"_s;
        const QString phone = u"(212) 555-%1"_s.arg(1000 + pair);
        const BookingRequest early = request(clinic, utcAt(4, 8 + pair), name, phone, 0);
        const BookingRequest later = request(clinic, utcAt(5, 8 + pair), name, phone, 1);

        QVERIFY(late.exec(u"begin isolation level "_s + lateLevel));
        QVERIFY(late.exec(u"select 1"_s));
        QVERIFY(first.exec(u"begin isolation level "_s + firstLevel));
        QVERIFY(first.exec(u"select 1"_s));
        const BookingResult booked = first.book(early);
        QVERIFY2(booked.ok, qPrintable(booked.code));
        QVERIFY(first.exec(u"commit"_s));

        BookingResult answer = late.book(later);
        QVERIFY(late.exec(u"commit"_s));
        if (lateLevel == u"repeatable read") {
            QCOMPARE(answer.code, u"RETRY"_s);
            answer = late.book(later);   // a new transaction, as RETRY asks
        }
        QVERIFY2(answer.ok, qPrintable(answer.code + u" "_s + answer.message));
        QCOMPARE(answer.patientId, booked.patientId);
        QCOMPARE(count(u"select count(*) from frontdesk.patients where org_id = %1 and phone = '+1212555%2'"_s
                           .arg(clinic.id).arg(1000 + pair)),
                 qint64(1));
    }
}

// An existing patient (phone only) gains an email through another booking after this snapshot;
// booking the patient again answered a raw 40001 before (the patient update).
void TestIsolation::repeatableReadPatientUpdatedElsewhereAnswersRetry()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(clinic.isValid());
    Session late(*m_db, u"late"_s);
    Session other(*m_db, u"other"_s);
    QVERIFY(other.book(request(clinic, utcAt(3, 8), u"Olga Known"_s, u"(212) 555-0100"_s)).ok);

    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    BookingRequest withEmail = request(clinic, utcAt(3, 10), u"Olga Known"_s, u"(212) 555-0100"_s, 1);
    withEmail.email = u"olga@example.com"_s;
    QVERIFY(other.book(withEmail).ok);

    const BookingResult answer = late.book(request(clinic, utcAt(3, 12), u"Olga Known"_s, u"(212) 555-0100"_s));
    QCOMPARE(answer.code, u"RETRY"_s);
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(clinic.id)), qint64(2));
}

// Confirming, then cancelling from a snapshot taken before the confirmation: the cancel would act
// on a state it cannot see, and answers RETRY rather than a raw 40001.
void TestIsolation::repeatableReadActionOnAChangedAppointmentAnswersRetry()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session late(*m_db, u"late"_s);
    Session other(*m_db, u"other"_s);
    const BookingResult booked = other.book(request(clinic, utcAt(3, 9), u"Rita Late"_s, u"(212) 555-0101"_s));
    QVERIFY(booked.ok);

    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    QCOMPARE(jsonAnswer(other.db(), u"frontdesk.confirm_appointment(%1)"_s.arg(booked.appointmentId))
                 .value(u"status").toString(),
             u"confirmed"_s);
    const QJsonObject cancel = jsonAnswer(late.db(), u"frontdesk.cancel_appointment(%1, 'moved away')"_s
                                                         .arg(booked.appointmentId));
    QCOMPARE(cancel.value(u"code").toString(), u"RETRY"_s);
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(booked.appointmentId))
                 .toString(),
             u"confirmed"_s);
    // In a new transaction the cancel goes through.
    QCOMPARE(jsonAnswer(late.db(), u"frontdesk.cancel_appointment(%1, 'moved away')"_s.arg(booked.appointmentId))
                 .value(u"status").toString(),
             u"cancelled"_s);
}

// A reschedule refused from an old snapshot would offer slots taken since: it answers RETRY.
void TestIsolation::repeatableReadRescheduleOffersNoStaleAlternatives()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session late(*m_db, u"late"_s);
    Session other(*m_db, u"other"_s);
    const BookingResult moving = other.book(request(clinic, utcAt(3, 14), u"Mona Mover"_s, u"(212) 555-0102"_s));
    QVERIFY(other.book(request(clinic, utcAt(3, 9), u"Tina Taken"_s, u"(212) 555-0103"_s)).ok);
    QVERIFY(moving.ok);

    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    // 09:30 was the nearest free start when the snapshot was taken; now it is taken too.
    QVERIFY(other.book(request(clinic, utcAt(3, 9, 30), u"Nina Next"_s, u"(212) 555-0104"_s)).ok);
    const QJsonObject answer = jsonAnswer(late.db(), u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s
                                                         .arg(moving.appointmentId)
                                                         .arg(utcAt(3, 9).toString(Qt::ISODate),
                                                              utcAt(3, 9, 30).toString(Qt::ISODate)));
    QCOMPARE(answer.value(u"code").toString(), u"RETRY"_s);
    QVERIFY(late.exec(u"commit"_s));

    const QJsonObject current = jsonAnswer(late.db(), u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s
                                                          .arg(moving.appointmentId)
                                                          .arg(utcAt(3, 9).toString(Qt::ISODate),
                                                               utcAt(3, 9, 30).toString(Qt::ISODate)));
    QCOMPARE(current.value(u"code").toString(), u"SLOT_UNAVAILABLE"_s);
    const QJsonArray alternatives = current.value(u"alternatives").toArray();
    QVERIFY(!alternatives.isEmpty());
    for (const QJsonValue &v : alternatives)
        QVERIFY(QDateTime::fromString(v.toString(), Qt::ISODateWithMs) != utcAt(3, 9, 30));
}

void TestIsolation::sameKeyStorm_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("expected");   // every final answer
    QTest::newRow("read committed") << u"read committed"_s << u"OK"_s;
    QTest::newRow("repeatable read") << u"repeatable read"_s << u"OK"_s;
    QTest::newRow("serializable") << u"serializable"_s << u"UNSUPPORTED_ISOLATION"_s;
}

// Twenty concurrent requests with one key, each in its own transaction at the level given (the
// SERIALIZABLE storm answered 19 raw 40001 before). RETRY and IDEMPOTENCY_RETRY are retried in a
// new transaction as the documentation asks; every final answer is the same booking, or the
// documented refusal, and no caller ever sees a raw error.
void TestIsolation::sameKeyStorm()
{
    QFETCH(QString, level);
    QFETCH(QString, expected);
    constexpr int kCallers = 20;
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    const BookingRequest r = request(clinic, utcAt(3, 10), u"Stormy Caller"_s, u"(212) 555-0105"_s);

    struct Answer { QString code; qint64 appointmentId = 0; QString error; int retries = 0; };
    std::vector<Answer> answers(kCallers);
    std::mutex mutex;
    std::condition_variable cv;
    int ready = 0;
    bool go = false;
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i) {
        callers.emplace_back([&, i] {
            Session s(*m_db, u"storm"_s);
            Answer &a = answers[size_t(i)];
            {
                std::unique_lock<std::mutex> lock(mutex);
                ++ready;
                cv.notify_all();
                cv.wait(lock, [&] { return go; });
            }
            for (;;) {
                QSqlQuery q(s.db());
                if (!q.exec(u"begin isolation level "_s + level)) {
                    a.error = q.lastError().text();
                    return;
                }
                const BookingResult result = s.book(r);
                if (!q.exec(u"commit"_s)) {
                    a.error = u"commit: "_s + q.lastError().nativeErrorCode() + u" "_s + q.lastError().text();
                    return;
                }
                if (result.code == u"SQL_ERROR") {
                    a.error = result.message;
                    return;
                }
                if ((result.code == u"RETRY" || result.code == u"IDEMPOTENCY_RETRY") && a.retries < 100) {
                    ++a.retries;
                    continue;
                }
                a.code = result.ok ? u"OK"_s : result.code;
                a.appointmentId = result.appointmentId;
                return;
            }
        });
    }
    {
        std::unique_lock<std::mutex> lock(mutex);
        QVERIFY(cv.wait_for(lock, std::chrono::seconds(30), [&] { return ready == kCallers; }));
        go = true;
    }
    cv.notify_all();
    for (std::thread &t : callers)
        t.join();

    for (const Answer &a : answers) {
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.code, expected);
        QCOMPARE(a.appointmentId, answers.front().appointmentId);
    }
    const qint64 stored = count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(clinic.id));
    QCOMPARE(stored, qint64(expected == u"OK" ? 1 : 0));
    QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where org_id = %1"_s.arg(clinic.id)), stored);
}

void TestIsolation::refusedTransactions_data()
{
    QTest::addColumn<QString>("begin");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("call");   // %1 appointment, %2 follow-up, %3 patient, %4 provider, %5 clinic
    const QList<std::pair<QString, QString>> transactions = {
        { u"begin isolation level serializable"_s, u"UNSUPPORTED_ISOLATION"_s },
        { u"begin read only"_s, u"READ_ONLY_TRANSACTION"_s },
    };
    const QStringList calls = {
        u"frontdesk.book_appointment_atomic(%5, %4, now() + interval '5 days', now() + interval '5 days 30 minutes', "
        "'Refused Caller', '(212) 555-0106', null, 'ai_voice', 'refused-key')"_s,
        u"frontdesk.confirm_appointment(%1)"_s,
        u"frontdesk.check_in_appointment(%1)"_s,
        u"frontdesk.complete_appointment(%1)"_s,
        u"frontdesk.cancel_appointment(%1, 'no reason')"_s,
        u"frontdesk.mark_no_show(%1)"_s,
        u"frontdesk.reschedule_appointment(%1, now() + interval '6 days', now() + interval '6 days 30 minutes')"_s,
        u"frontdesk.reopen_appointment(%1)"_s,
        u"frontdesk.claim_follow_up(%2)"_s,
        u"frontdesk.release_follow_up(%2)"_s,
        u"frontdesk.complete_follow_up(%2, 'sent')"_s,
        u"frontdesk.add_patient_note(%3, 'a note')"_s,
        u"frontdesk.record_ai_call(%3, 'a call')"_s,
    };
    for (const auto &[begin, code] : transactions) {
        for (const QString &call : calls) {
            const QString tag = code + u": "_s + call.section(u'(', 0, 0);
            QTest::newRow(qPrintable(tag)) << begin << code << call;
        }
    }
}

// A writing function asked in a transaction it cannot serve answers with a code and changes
// nothing.
void TestIsolation::refusedTransactions()
{
    QFETCH(QString, begin);
    QFETCH(QString, code);
    QFETCH(QString, call);
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session s(*m_db, u"refused"_s);
    const BookingResult booked = s.book(request(clinic, utcAt(3, 9), u"Paula Present"_s, u"(212) 555-0107"_s));
    QVERIFY(booked.ok);
    const qint64 followUp = count(u"select min(id) from frontdesk.follow_ups where appointment_id = %1"_s
                                      .arg(booked.appointmentId));
    QVERIFY(followUp > 0);
    const QString events = u"select count(*) from frontdesk.events where org_id = %1"_s.arg(clinic.id);
    const qint64 before = count(events);

    QVERIFY(s.exec(begin));
    QString sql = call;
    sql.replace(u"%1"_s, QString::number(booked.appointmentId))
        .replace(u"%2"_s, QString::number(followUp))
        .replace(u"%3"_s, QString::number(booked.patientId))
        .replace(u"%4"_s, QString::number(clinic.providers.first().id))
        .replace(u"%5"_s, QString::number(clinic.id));
    const QJsonObject answer = jsonAnswer(s.db(), sql);
    QVERIFY(s.exec(u"commit"_s));
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_error").toString()));
    QCOMPARE(answer.value(u"code").toString(), code);
    QCOMPARE(count(events), before);
}

void TestIsolation::callerSettingsNeverSurfaceAsRawErrors_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<bool>("holdTheProvider");   // another transaction holds the provider's lock
    QTest::addColumn<QString>("code");           // the answer: OK or a code
    QTest::newRow("set constraints all immediate") << u"set constraints all immediate"_s << false << u"OK"_s;
    QTest::newRow("lock_timeout while the provider is busy") << u"set local lock_timeout = '200ms'"_s << true
                                                             << u"RETRY"_s;
    QTest::newRow("deferred constraints") << u"set constraints all deferred"_s << false << u"OK"_s;
}

void TestIsolation::callerSettingsNeverSurfaceAsRawErrors()
{
    QFETCH(QString, setting);
    QFETCH(bool, holdTheProvider);
    QFETCH(QString, code);
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session holder(*m_db, u"holder"_s);
    Session s(*m_db, u"careless"_s);
    if (holdTheProvider) {
        QVERIFY(holder.exec(u"begin"_s));
        QVERIFY(holder.book(request(clinic, utcAt(3, 15), u"Hold Er"_s, u"(212) 555-0108"_s)).ok);
    }
    QVERIFY(s.exec(u"begin"_s));
    QVERIFY(s.exec(setting));
    const BookingResult answer = s.book(request(clinic, utcAt(3, 9), u"Carla Careless"_s, u"(212) 555-0109"_s));
    QVERIFY(s.exec(u"commit"_s));
    if (holdTheProvider)
        QVERIFY(holder.exec(u"rollback"_s));
    QCOMPARE(answer.ok ? u"OK"_s : answer.code, code);
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(clinic.id)),
             qint64(code == u"OK" ? 1 : 0));
}

// The desk and the simulator book in autocommit through bookRetrying: a RETRY (here the
// connection's lock_timeout while another transaction holds the provider for a moment) is asked
// again and the booking goes through, where a single call would have answered RETRY.
void TestIsolation::autocommitCallersRetryForThem()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session holder(*m_db, u"holder"_s);
    Session desk(*m_db, u"desk"_s);
    QVERIFY(desk.exec(u"set lock_timeout = '100ms'"_s));
    QVERIFY(holder.exec(u"begin"_s));
    QVERIFY(holder.book(request(clinic, utcAt(3, 15), u"Hold Er"_s, u"(212) 555-0108"_s)).ok);
    QCOMPARE(desk.book(request(clinic, utcAt(3, 9), u"Once Only"_s, u"(212) 555-0110"_s)).code, u"RETRY"_s);

    std::thread release([&holder] {
        QThread::msleep(250);
        QSqlQuery(holder.db()).exec(u"commit"_s);
    });
    const auto answer = ClinicQueries::bookRetrying(desk.db(), request(clinic, utcAt(3, 9), u"Patient Desk"_s,
                                                                       u"(212) 555-0111"_s));
    release.join();
    QVERIFY(answer.ok());
    QVERIFY2(answer->ok, qPrintable(answer->code));
}

// A reschedule that keeps the provider, racing one that moves the appointment to another
// provider: it read the old provider, locked that one, and waited for the row. Acting on the row
// as it now is would move it back to a provider it never locked; it answers RETRY, and in a new
// call keeps the new provider.
void TestIsolation::rescheduleRacingAMoveToAnotherProviderAnswersRetry()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(clinic.isValid());
    Session mover(*m_db, u"mover"_s);
    Session desk(*m_db, u"desk"_s);
    const BookingResult booked = desk.book(request(clinic, utcAt(3, 9), u"Moira Moved"_s, u"(212) 555-0112"_s));
    QVERIFY(booked.ok);
    const auto reschedule = [&](Session &s, int hour, const QString &provider) {
        return jsonAnswer(s.db(), u"frontdesk.reschedule_appointment(%1, '%2', '%3'%4)"_s
                                      .arg(booked.appointmentId)
                                      .arg(utcAt(3, hour).toString(Qt::ISODate), utcAt(3, hour, 30).toString(Qt::ISODate),
                                           provider.isEmpty() ? QString() : u", "_s + provider));
    };
    QVERIFY(mover.exec(u"begin"_s));
    QCOMPARE(reschedule(mover, 9, QString::number(clinic.providers.at(1).id)).value(u"status").toString(), u"booked"_s);

    QJsonObject raced;
    std::thread call([&] {
        Session s(*m_db, u"racer"_s);
        raced = reschedule(s, 10, QString());
    });
    QThread::msleep(300);   // the racing call now waits for the mover's locks
    QVERIFY(mover.exec(u"commit"_s));
    call.join();
    QCOMPARE(raced.value(u"code").toString(), u"RETRY"_s);
    QCOMPARE(m_db->scalar(u"select provider_id from frontdesk.appointments where id = %1"_s.arg(booked.appointmentId))
                 .toLongLong(),
             clinic.providers.at(1).id);

    QCOMPARE(reschedule(desk, 10, QString()).value(u"status").toString(), u"booked"_s);
    QCOMPARE(m_db->scalar(u"select provider_id from frontdesk.appointments where id = %1"_s.arg(booked.appointmentId))
                 .toLongLong(),
             clinic.providers.at(1).id);
}

// An action answered without a change (a refusal, or "unchanged") leaves nothing behind: no new
// version of a lock row that would send REPEATABLE READ callers of the schedule a needless RETRY.
void TestIsolation::refusedActionsLeaveNothingBehind()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    Session desk(*m_db, u"desk"_s);
    const BookingResult booked = desk.book(request(clinic, utcAt(3, 9), u"Nora Nothing"_s, u"(212) 555-0113"_s));
    QVERIFY(booked.ok);
    QCOMPARE(jsonAnswer(desk.db(), u"frontdesk.confirm_appointment(%1)"_s.arg(booked.appointmentId))
                 .value(u"status").toString(),
             u"confirmed"_s);
    const QString versions = u"select sum(version) from frontdesk.booking_locks where org_id = %1"_s.arg(clinic.id);
    const QString events = u"select count(*) from frontdesk.events where org_id = %1"_s.arg(clinic.id);
    const qint64 versionsBefore = count(versions);
    const qint64 eventsBefore = count(events);
    for (const QString &call : { u"frontdesk.confirm_appointment(%1)"_s, u"frontdesk.complete_appointment(%1)"_s,
                                 u"frontdesk.check_in_appointment(%1)"_s, u"frontdesk.mark_no_show(%1)"_s,
                                 u"frontdesk.reopen_appointment(%1)"_s }) {
        const QJsonObject answer = jsonAnswer(desk.db(), call.arg(booked.appointmentId));
        QVERIFY2(answer.value(u"unchanged").toBool() || answer.value(u"code").toString() == u"INVALID_TRANSITION",
                 qPrintable(call + u": "_s + answer.value(u"code").toString()));
    }
    QCOMPARE(count(versions), versionsBefore);
    QCOMPARE(count(events), eventsBefore);
}

QTEST_GUILESS_MAIN(TestIsolation)
#include "tst_isolation.moc"
