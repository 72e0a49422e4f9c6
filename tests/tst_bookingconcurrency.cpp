// book_appointment_atomic under real concurrency: N threads, each with its own connection
// opened in that thread, released together through a barrier, each calling
// ClinicQueries::book.
//
// Every scenario runs in two modes:
// - "barrier": the threads are released at once and race as they will;
// - "gated": as well, the test holds a SHARE lock on frontdesk.appointments, so no booking
//   can insert its appointment until every one of the N calls is inside the database and
//   waiting on a lock (checked in pg_stat_activity). That guarantees the N requests really
//   overlap, whatever the scheduler does, and then lets them all go at once.

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "db/SqlStatement.h"
#include "domain/Booking.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QRandomGenerator>
#include <QtTest>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace frontdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kThreads = 10;
constexpr int kRounds = 3;   // per mode

struct Outcome
{
    bool connected = false;
    QString error;   // a database error (not a refusal)
    BookingResult result;
};

QString newKey()
{
    return u"key-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Today (UTC) as of the start of the run, so that a run crossing midnight keeps its dates.
QDate g_today;

QDateTime utcAt(int daysAhead, int hour, int minute = 0)
{
    return QDateTime(g_today.addDays(daysAhead), QTime(hour, minute), QTimeZone::utc());
}

// A distinct, valid US phone number per index.
QString phoneFor(int i)
{
    return u"(415) 555-%1"_s.arg(2000 + i);
}

const char *const kNames[] = { "Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra",
                               "Barbara Liskov", "Donald Knuth", "Frances Allen", "John Backus",
                               "Niklaus Wirth", "Margaret Hamilton" };
static_assert(sizeof(kNames) / sizeof(kNames[0]) >= kThreads);

} // namespace

class TestBookingConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void oneSlotTenCallers_data();
    void oneSlotTenCallers();
    void overlappingSlotsTenCallers_data();
    void overlappingSlotsTenCallers();
    void sameKeyTenTimes_data();
    void sameKeyTenTimes();
    void tenProvidersSameSlotAllBook_data();
    void tenProvidersSameSlotAllBook();
    void oneNewPatientWithTenProvidersIsCreatedOnce_data();
    void oneNewPatientWithTenProvidersIsCreatedOnce();
    void onePatientTenProvidersSameTimeBooksOnce_data();
    void onePatientTenProvidersSameTimeBooksOnce();
    void twoHundredCallersForOneSlot_data();
    void twoHundredCallersForOneSlot();
    void sameKeyTwentyTimes();
    void fiveHundredMixedRequestsNeverOverlap();

private:
    void addModes();
    // Runs each request on its own thread and connection, all released together.
    std::vector<Outcome> runConcurrently(const std::vector<BookingRequest> &requests, bool gated);
    QVariant value(const QString &sql, const QVariantList &binds = {});
    qint64 count(const QString &sql, const QVariantList &binds = {}) { return value(sql, binds).toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_database;
    int m_run = 0;
    QString m_gateFailure;
};

void TestBookingConcurrency::initTestCase()
{
    g_today = QDateTime::currentDateTimeUtc().date();
    m_database = std::make_unique<test::TestDatabase>();
    if (!m_database->isValid())
        QFAIL(qPrintable(m_database->error()));
    QVERIFY2(m_database->connection().isOpen(), qPrintable(m_database->connection().lastError().text()));
}

void TestBookingConcurrency::cleanupTestCase()
{
    m_database.reset();
}

QVariant TestBookingConcurrency::value(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_database->connection());
    if (!execPrepared(q, sql, binds) || !q.next()) {
        qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

std::vector<Outcome> TestBookingConcurrency::runConcurrently(const std::vector<BookingRequest> &requests, bool gated)
{
    const int n = int(requests.size());
    const QString run = u"stress-%1-%2"_s.arg(++m_run).arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    std::vector<Outcome> outcomes(requests.size());
    std::mutex mutex;
    std::condition_variable cv;
    int ready = 0;
    bool go = false;
    m_gateFailure.clear();

    // The gate: while its transaction holds SHARE on appointments, no booking can insert.
    // Its own connection, so that the polling below runs outside that transaction (a
    // transaction sees a frozen pg_stat_activity).
    const QString gateName = run + u"-gate"_s;
    QSqlDatabase gateDb;
    if (gated) {
        gateDb = m_database->connect(gateName);
        QSqlQuery gate(gateDb);
        if (!(gateDb.isOpen() && gateDb.transaction()
              && gate.exec(u"lock table frontdesk.appointments in share mode"_s))) {
            m_gateFailure = u"could not close the gate: "_s + gate.lastError().text() + gateDb.lastError().text();
            gated = false;
        }
    }

    std::vector<std::thread> threads;
    threads.reserve(requests.size());
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            const QString name = run + u"-"_s + QString::number(i);
            Outcome &out = outcomes[size_t(i)];
            {
                QSqlDatabase db = m_database->connect(name);
                out.connected = db.isOpen();
                if (out.connected) {
                    // Marks this run's sessions for pg_stat_activity, and warms the connection.
                    QSqlQuery q(db);
                    out.connected = q.exec(u"set application_name = '%1'"_s.arg(run));
                }
                if (!out.connected)
                    out.error = db.lastError().text();
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    ++ready;
                    cv.notify_all();
                    cv.wait(lock, [&] { return go; });
                }
                if (out.connected) {
                    const Result<BookingResult> r = ClinicQueries::book(db, requests[size_t(i)]);
                    if (r.ok())
                        out.result = r.value();
                    else
                        out.error = r.error().code + u": "_s + r.error().message;
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    }

    {
        std::unique_lock<std::mutex> lock(mutex);
        if (!cv.wait_for(lock, std::chrono::seconds(30), [&] { return ready == n; }))
            m_gateFailure = u"the workers did not all connect within 30 s"_s;
        go = true;
    }
    cv.notify_all();

    if (gated) {
        // Wait until every call is inside the database, blocked on a lock (the gate or the
        // function's own row locks), then open the gate.
        QElapsedTimer timer;
        timer.start();
        qint64 waiting = 0;
        while (timer.elapsed() < 15000) {
            waiting = count(u"select count(*) from pg_stat_activity where application_name = ? "
                            "and state = 'active' and wait_event_type = 'Lock'"_s, { run });
            if (waiting == n)
                break;
            QThread::msleep(5);
        }
        if (waiting != n)
            m_gateFailure = u"only %1 of %2 calls were waiting at the gate"_s.arg(waiting).arg(n);
        gateDb.rollback();
    }

    for (std::thread &t : threads)
        t.join();
    if (gateDb.isValid()) {
        gateDb.close();
        gateDb = QSqlDatabase();
        QSqlDatabase::removeDatabase(gateName);
    }
    return outcomes;
}

void TestBookingConcurrency::addModes()
{
    QTest::addColumn<bool>("gated");
    QTest::newRow("barrier") << false;
    QTest::newRow("gated") << true;
}

// The original stress test: ten callers, distinct keys and patients, one slot.
void TestBookingConcurrency::oneSlotTenCallers_data()
{
    addModes();
}

void TestBookingConcurrency::oneSlotTenCallers()
{
    QFETCH(bool, gated);
    for (int round = 0; round < kRounds; ++round) {
        const Clinic clinic = m_database->createClinic(u"UTC"_s, 1);
        QVERIFY(clinic.isValid());
        const qint64 patientsBefore = count(u"select count(*) from frontdesk.patients"_s);

        std::vector<BookingRequest> requests;
        for (int i = 0; i < kThreads; ++i) {
            BookingRequest r;
            r.orgId = clinic.id;
            r.providerId = clinic.providers.first().id;
            r.startsAt = utcAt(3, 9);
            r.endsAt = utcAt(3, 9, 30);
            r.patientName = QString::fromLatin1(kNames[i]);
            r.phone = phoneFor(i);
            r.source = i % 2 ? BookingSource::Staff : BookingSource::AiVoice;
            r.idempotencyKey = newKey();
            requests.push_back(r);
        }
        const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
        QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));

        int booked = 0;
        int unavailable = 0;
        qint64 bookedId = 0;
        for (const Outcome &o : outcomes) {
            QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
            if (o.result.ok) {
                ++booked;
                bookedId = o.result.appointmentId;
            } else if (o.result.code == u"SLOT_UNAVAILABLE") {
                ++unavailable;
                QVERIFY(!o.result.alternatives.isEmpty());
            } else {
                QFAIL(qPrintable(u"unexpected code "_s + o.result.code + u" "_s + o.result.message));
            }
        }
        QCOMPARE(booked, 1);
        QCOMPARE(unavailable, kThreads - 1);
        QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(1));
        QCOMPARE(count(u"select id from frontdesk.appointments where org_id = ?"_s, { clinic.id }), bookedId);
        QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where org_id = ?"_s, { clinic.id }), qint64(1));
        // The AI agent's losers are queued for the desk to call back (schema v10), each caller once;
        // the desk's losers are at the desk. Nothing else of theirs is stored.
        qint64 agentLosers = 0;
        for (size_t i = 0; i < outcomes.size(); ++i)
            agentLosers += !outcomes[i].result.ok && requests[i].source == BookingSource::AiVoice ? 1 : 0;
        QCOMPARE(count(u"select count(*) from frontdesk.events where org_id = ? and kind = 'appointment.booked'"_s,
                       { clinic.id }), qint64(1));
        QCOMPARE(count(u"select count(*) from frontdesk.events where org_id = ? and kind = 'callback.queued'"_s,
                       { clinic.id }), agentLosers);
        QCOMPARE(count(u"select count(*) from frontdesk.events where org_id = ?"_s, { clinic.id }), 1 + agentLosers);
        QCOMPARE(count(u"select count(*) from frontdesk.follow_ups where org_id = ? and kind = 'callback'"_s,
                       { clinic.id }), agentLosers);
        // The refused callers' patients were rolled back with their appointments.
        QCOMPARE(count(u"select count(*) from frontdesk.patients"_s), patientsBefore + 1);
    }
}

// The harder twin: ten overlapping slots with different starts (an advisory lock keyed on
// the start time would let several through). Starts 09:00, 09:05, ..., 09:45, each an hour
// long, so every pair overlaps (all contain 09:45-10:00) and exactly one can be booked.
void TestBookingConcurrency::overlappingSlotsTenCallers_data()
{
    addModes();
}

void TestBookingConcurrency::overlappingSlotsTenCallers()
{
    QFETCH(bool, gated);
    for (int round = 0; round < kRounds; ++round) {
        const Clinic clinic = m_database->createClinic(u"UTC"_s, 1);
        QVERIFY(clinic.isValid());
        const qint64 providerId = clinic.providers.first().id;

        std::vector<BookingRequest> requests;
        for (int i = 0; i < kThreads; ++i) {
            BookingRequest r;
            r.orgId = clinic.id;
            r.providerId = providerId;
            r.startsAt = utcAt(3, 9, 5 * i);
            r.endsAt = r.startsAt.addSecs(3600);
            r.patientName = QString::fromLatin1(kNames[i]);
            r.phone = phoneFor(i);
            r.idempotencyKey = newKey();
            requests.push_back(r);
        }
        for (const BookingRequest &a : requests)
            for (const BookingRequest &b : requests)
                QVERIFY(a.startsAt < b.endsAt && b.startsAt < a.endsAt);   // the premise

        const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
        QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));

        int booked = 0;
        for (const Outcome &o : outcomes) {
            QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
            if (o.result.ok)
                ++booked;
            else
                QCOMPARE(o.result.code, u"SLOT_UNAVAILABLE"_s);
        }
        QCOMPARE(booked, 1);
        QCOMPARE(count(u"select count(*) from frontdesk.appointments where provider_id = ?"_s, { providerId }), qint64(1));
        QCOMPARE(count(u"select count(*) from frontdesk.appointments a join frontdesk.appointments b "
                       "on a.org_id = b.org_id and a.provider_id = b.provider_id and a.id < b.id "
                       "and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)') "
                       "where a.provider_id = ? and a.status not in ('cancelled', 'no_show') "
                       "and b.status not in ('cancelled', 'no_show')"_s, { providerId }),
                 qint64(0));
    }
}

// One request, one key, sent ten times at once (a client retrying on a flaky line):
// one booking, and every caller gets it.
void TestBookingConcurrency::sameKeyTenTimes_data()
{
    addModes();
}

void TestBookingConcurrency::sameKeyTenTimes()
{
    QFETCH(bool, gated);
    for (int round = 0; round < kRounds; ++round) {
        const Clinic clinic = m_database->createClinic(u"UTC"_s, 1);
        QVERIFY(clinic.isValid());
        BookingRequest r;
        r.orgId = clinic.id;
        r.providerId = clinic.providers.first().id;
        r.startsAt = utcAt(3, 9);
        r.endsAt = utcAt(3, 9, 30);
        r.patientName = u"Ada Lovelace"_s;
        r.phone = phoneFor(0);
        r.email = u"ada@example.com"_s;
        r.idempotencyKey = newKey();
        const std::vector<BookingRequest> requests(kThreads, r);

        const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
        QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));

        const qint64 appointmentId = outcomes.front().result.appointmentId;
        for (const Outcome &o : outcomes) {
            QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
            QVERIFY2(o.result.ok, qPrintable(o.result.code + u" "_s + o.result.message));
            QCOMPARE(o.result.appointmentId, appointmentId);
            QCOMPARE(o.result.patientId, outcomes.front().result.patientId);
        }
        QVERIFY(appointmentId > 0);
        QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(1));
        QCOMPARE(count(u"select count(*) from frontdesk.patients where org_id = ?"_s, { clinic.id }), qint64(1));
        QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where org_id = ?"_s, { clinic.id }), qint64(1));
        QCOMPARE(count(u"select count(*) from frontdesk.events where org_id = ?"_s, { clinic.id }), qint64(1));
    }
}

// The lock is per provider: ten providers' same slot at once all book.
void TestBookingConcurrency::tenProvidersSameSlotAllBook_data()
{
    addModes();
}

void TestBookingConcurrency::tenProvidersSameSlotAllBook()
{
    QFETCH(bool, gated);
    const Clinic clinic = m_database->createClinic(u"UTC"_s, kThreads);
    QVERIFY(clinic.isValid());
    QCOMPARE(clinic.providers.size(), kThreads);
    std::vector<BookingRequest> requests;
    for (int i = 0; i < kThreads; ++i) {
        BookingRequest r;
        r.orgId = clinic.id;
        r.providerId = clinic.providers.at(i).id;
        r.startsAt = utcAt(3, 9);
        r.endsAt = utcAt(3, 9, 30);
        r.patientName = QString::fromLatin1(kNames[i]);
        r.phone = phoneFor(i);
        r.idempotencyKey = newKey();
        requests.push_back(r);
    }
    const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
    QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));
    for (const Outcome &o : outcomes) {
        QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
        QVERIFY2(o.result.ok, qPrintable(o.result.code + u" "_s + o.result.message));
    }
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(kThreads));
}

// One new caller booked with ten providers at once (the agent and the desk both at it): the
// patient is created once, whichever booking gets there first.
void TestBookingConcurrency::oneNewPatientWithTenProvidersIsCreatedOnce_data()
{
    addModes();
}

void TestBookingConcurrency::oneNewPatientWithTenProvidersIsCreatedOnce()
{
    QFETCH(bool, gated);
    const Clinic clinic = m_database->createClinic(u"UTC"_s, kThreads);
    QVERIFY(clinic.isValid());
    std::vector<BookingRequest> requests;
    for (int i = 0; i < kThreads; ++i) {
        BookingRequest r;
        r.orgId = clinic.id;
        r.providerId = clinic.providers.at(i).id;
        r.startsAt = utcAt(3, 8 + i);   // one person, ten different times
        r.endsAt = r.startsAt.addSecs(1800);
        r.patientName = i % 2 ? u"zed zulu"_s : u"Zed Zulu"_s;
        r.phone = i % 2 ? u"212-555-0199"_s : u"(212) 555-0199"_s;
        r.idempotencyKey = newKey();
        requests.push_back(r);
    }
    const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
    QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));
    QSet<qint64> patients;
    for (const Outcome &o : outcomes) {
        QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
        QVERIFY2(o.result.ok, qPrintable(o.result.code + u" "_s + o.result.message));
        patients.insert(o.result.patientId);
    }
    QCOMPARE(patients.size(), 1);
    QCOMPARE(count(u"select count(*) from frontdesk.patients where org_id = ?"_s, { clinic.id }), qint64(1));
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(kThreads));
}

// One caller booked with ten providers for the same time (an AI agent retrying under new keys,
// the desk at it as well): a person cannot be in two rooms at once, so exactly one booking
// stands and the rest answer PATIENT_BUSY, whatever the order they reach the database in.
void TestBookingConcurrency::onePatientTenProvidersSameTimeBooksOnce_data()
{
    addModes();
}

void TestBookingConcurrency::onePatientTenProvidersSameTimeBooksOnce()
{
    QFETCH(bool, gated);
    for (int round = 0; round < kRounds; ++round) {
        const Clinic clinic = m_database->createClinic(u"UTC"_s, kThreads);
        QVERIFY(clinic.isValid());
        std::vector<BookingRequest> requests;
        for (int i = 0; i < kThreads; ++i) {
            BookingRequest r;
            r.orgId = clinic.id;
            r.providerId = clinic.providers.at(i).id;
            r.startsAt = utcAt(3, 7, 15).addSecs(60 * 5 * (i % 3));   // 07:15, 07:20, 07:25: all overlap
            r.endsAt = r.startsAt.addSecs(1800);
            r.patientName = u"Zed Zulu"_s;
            r.phone = u"(212) 555-0199"_s;
            r.source = i % 2 ? BookingSource::Staff : BookingSource::AiVoice;
            r.idempotencyKey = newKey();
            requests.push_back(r);
        }
        const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
        QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));
        int booked = 0;
        int busy = 0;
        for (const Outcome &o : outcomes) {
            QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
            if (o.result.ok)
                ++booked;
            else if (o.result.code == u"PATIENT_BUSY")
                ++busy;
            else
                QFAIL(qPrintable(u"unexpected answer "_s + o.result.code));
        }
        QCOMPARE(booked, 1);
        QCOMPARE(busy, kThreads - 1);
        QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(1));
        QCOMPARE(count(u"select count(*) from frontdesk.patients where org_id = ?"_s, { clinic.id }), qint64(1));
    }
}

void TestBookingConcurrency::twoHundredCallersForOneSlot_data()
{
    addModes();
}

void TestBookingConcurrency::twoHundredCallersForOneSlot()
{
    QFETCH(bool, gated);
    constexpr int kCallers = 200;
    const Clinic clinic = m_database->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    std::vector<BookingRequest> requests;
    for (int i = 0; i < kCallers; ++i) {
        BookingRequest r;
        r.orgId = clinic.id;
        r.providerId = clinic.providers.first().id;
        r.startsAt = utcAt(3, 9);
        r.endsAt = utcAt(3, 9, 30);
        r.patientName = QString::fromLatin1(kNames[i % kThreads]);
        r.phone = u"(415) 555-%1"_s.arg(3000 + i);
        r.idempotencyKey = newKey();
        requests.push_back(r);
    }
    const std::vector<Outcome> outcomes = runConcurrently(requests, gated);
    QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));
    int booked = 0;
    int refused = 0;
    for (const Outcome &o : outcomes) {
        QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
        if (o.result.ok)
            ++booked;
        else if (o.result.code == u"SLOT_UNAVAILABLE")
            ++refused;
    }
    QCOMPARE(booked, 1);
    QCOMPARE(refused, kCallers - 1);
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(1));
    QCOMPARE(count(u"select count(*) from frontdesk.patients where org_id = ?"_s, { clinic.id }), qint64(1));
}

void TestBookingConcurrency::sameKeyTwentyTimes()
{
    constexpr int kCallers = 20;
    const Clinic clinic = m_database->createClinic(u"UTC"_s, 1);
    QVERIFY(clinic.isValid());
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.first().id;
    r.startsAt = utcAt(3, 10);
    r.endsAt = utcAt(3, 10, 30);
    r.patientName = u"Ada Lovelace"_s;
    r.phone = phoneFor(0);
    r.idempotencyKey = newKey();
    const std::vector<Outcome> outcomes = runConcurrently(std::vector<BookingRequest>(kCallers, r), true);
    QVERIFY2(m_gateFailure.isEmpty(), qPrintable(m_gateFailure));
    for (const Outcome &o : outcomes) {
        QVERIFY2(o.connected && o.error.isEmpty(), qPrintable(o.error));
        QVERIFY2(o.result.ok, qPrintable(o.result.code));
        QCOMPARE(o.result.appointmentId, outcomes.front().result.appointmentId);
        QCOMPARE(o.result.patientId, outcomes.front().result.patientId);
    }
    // Twenty identical answers: the stored one, byte for byte.
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(1));
    QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where org_id = ?"_s, { clinic.id }), qint64(1));
}

// 500 requests for random, heavily overlapping slots across 10 providers and 10 patients, from
// 50 sessions in READ COMMITTED, REPEATABLE READ and SERIALIZABLE and in several session time
// zones. No raw SQLSTATE ever reaches a caller: RETRY and IDEMPOTENCY_RETRY are retried in a new
// transaction as a client would, SERIALIZABLE is refused with UNSUPPORTED_ISOLATION, and every
// other final answer is a booking, SLOT_UNAVAILABLE or PATIENT_BUSY. No two live appointments of
// a provider, nor of a patient, overlap.
void TestBookingConcurrency::fiveHundredMixedRequestsNeverOverlap()
{
    constexpr int kSessions = 50;
    constexpr int kPerSession = 10;
    const Clinic clinic = m_database->createClinic(u"UTC"_s, 10);
    QVERIFY(clinic.isValid());
    const QStringList levels = { u"read committed"_s, u"repeatable read"_s, u"serializable"_s };
    const QStringList zones = { u"UTC"_s, u"Asia/Tokyo"_s, u"America/Los_Angeles"_s, u"Australia/Adelaide"_s,
                                u"Europe/Berlin"_s };
    struct Answer { QString level; QString code; qint64 appointmentId = 0; int retries = 0; QString error; };
    std::vector<Answer> answers(size_t(kSessions * kPerSession));
    std::mutex mutex;
    std::condition_variable cv;
    int ready = 0;
    bool go = false;
    std::vector<std::thread> sessions;
    for (int s = 0; s < kSessions; ++s) {
        sessions.emplace_back([&, s] {
            const QString name = u"mixed-%1"_s.arg(s);
            {
                QSqlDatabase db = m_database->connect(name);
                QSqlQuery q(db);
                q.exec(u"set time zone '%1'"_s.arg(zones.at(s % zones.size())));
                QRandomGenerator random(quint32(1000 + s));
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    ++ready;
                    cv.notify_all();
                    cv.wait(lock, [&] { return go; });
                }
                for (int i = 0; i < kPerSession; ++i) {
                    Answer &a = answers[size_t(s * kPerSession + i)];
                    a.level = levels.at(s % levels.size());
                    BookingRequest r;
                    r.orgId = clinic.id;
                    r.providerId = clinic.providers.at(random.bounded(10)).id;
                    r.startsAt = utcAt(3, 9).addSecs(60 * 5 * random.bounded(36));   // 09:00-11:55
                    r.endsAt = r.startsAt.addSecs(60 * 15 * (1 + random.bounded(4)));
                    const int patient = random.bounded(kThreads);
                    r.patientName = QString::fromLatin1(kNames[patient]);
                    r.phone = phoneFor(patient);
                    r.idempotencyKey = newKey();
                    for (;;) {
                        q.exec(u"begin isolation level "_s + a.level);
                        const auto result = ClinicQueries::book(db, r);
                        const bool committed = result.ok() && q.exec(u"commit"_s);
                        if (!committed) {
                            a.error = (result.ok() ? q.lastError().nativeErrorCode() + u" "_s + q.lastError().text()
                                                   : result.error().code + u" "_s + result.error().message);
                            q.exec(u"rollback"_s);
                            break;
                        }
                        if ((result->code == u"RETRY" || result->code == u"IDEMPOTENCY_RETRY") && a.retries < 200) {
                            ++a.retries;
                            QThread::msleep(random.bounded(2, 20));
                            continue;
                        }
                        a.code = result->ok ? u"OK"_s : result->code;
                        a.appointmentId = result->appointmentId;
                        break;
                    }
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    }
    {
        std::unique_lock<std::mutex> lock(mutex);
        QVERIFY(cv.wait_for(lock, std::chrono::seconds(60), [&] { return ready == kSessions; }));
        go = true;
    }
    cv.notify_all();
    for (auto &t : sessions)
        t.join();

    int booked = 0;
    int refused = 0;
    int busy = 0;
    int unsupported = 0;
    int retries = 0;
    for (const Answer &a : answers) {
        QVERIFY2(a.error.isEmpty(), qPrintable(u"raw error at "_s + a.level + u": "_s + a.error));
        if (a.level == u"serializable") {
            QCOMPARE(a.code, u"UNSUPPORTED_ISOLATION"_s);
            ++unsupported;
        } else if (a.code == u"OK") {
            ++booked;
        } else if (a.code == u"SLOT_UNAVAILABLE") {
            ++refused;
        } else if (a.code == u"PATIENT_BUSY") {
            ++busy;
        } else {
            QFAIL(qPrintable(u"unexpected answer "_s + a.code + u" at "_s + a.level));
        }
        retries += a.retries;
    }
    qInfo("500 mixed requests: %d booked, %d SLOT_UNAVAILABLE, %d PATIENT_BUSY, %d UNSUPPORTED_ISOLATION, "
          "%d retries after RETRY or IDEMPOTENCY_RETRY", booked, refused, busy, unsupported, retries);
    QCOMPARE(booked + refused + busy + unsupported, kSessions * kPerSession);
    QVERIFY(booked > 0 && refused > 0 && busy > 0);   // the slots and the patients really were contested
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }), qint64(booked));
    QCOMPARE(count(u"select count(*) from frontdesk.appointments a join frontdesk.appointments b "
                   "on a.org_id = b.org_id and a.provider_id = b.provider_id and a.id < b.id "
                   "and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) "
                   "where a.org_id = ?"_s, { clinic.id }),
             qint64(0));
    QCOMPARE(count(u"select count(*) from frontdesk.appointments a join frontdesk.appointments b "
                   "on a.org_id = b.org_id and a.patient_id = b.patient_id and a.id < b.id "
                   "and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) "
                   "where a.org_id = ?"_s, { clinic.id }),
             qint64(0));
    // One record per person: ten callers, ten patients.
    QCOMPARE(count(u"select count(*) from frontdesk.patients where org_id = ?"_s, { clinic.id }), qint64(kThreads));
}

QTEST_GUILESS_MAIN(TestBookingConcurrency)
#include "tst_bookingconcurrency.moc"
