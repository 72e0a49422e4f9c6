// Connection supervision against a real server that fails: each fault is noticed within five
// seconds, nothing spins while the server is away, the desk comes back without anyone's help and
// catches up, and the GUI thread never waits. The server is a cluster of this test's own.
#include "FaultCluster.h"
#include "StallProbe.h"
#include "TestDatabase.h"
#include "day/DayModel.h"
#include "services/ClinicSession.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <sys/resource.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace frontdesk;
using namespace frontdesk::test;

namespace {

// CPU time of the whole process, every thread, in milliseconds.
qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

} // namespace

class TestSupervision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void theDeskRunsUnderItsLimits();
    void noticesTheListenerTerminatedAndCatchesUp();
    void noticesAPausedServerWithoutSpinning();
    void noticesARestartAndComesBack();

private:
    // Milliseconds from now until the session is no longer online, or -1 after `limitMs`.
    qint64 msUntilNotOnline(ClinicSession &session, int limitMs = 8000);
    bool waitOnline(ClinicSession &session, int limitMs);
    BookingResult bookTomorrow(QTime at);

    std::unique_ptr<FaultCluster> m_cluster;
    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_login;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<StallProbe> m_probe;
};

void TestSupervision::initTestCase()
{
    m_cluster = std::make_unique<FaultCluster>(u"/tmp/frontdesk-fault-supervision-%1"_s.arg(QCoreApplication::applicationPid()));
    QVERIFY2(m_cluster->isValid(), qPrintable(m_cluster->error()));
}

void TestSupervision::cleanupTestCase()
{
    m_cluster.reset();
}

void TestSupervision::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    m_login = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_session = std::make_unique<ClinicSession>(m_db->settingsAs(m_login), m_clinic.id);
    m_session->start();
    QVERIFY(waitOnline(*m_session, 10000));
    m_probe = std::make_unique<StallProbe>();
}

void TestSupervision::cleanup()
{
    if (m_probe) {
        qInfo("longest GUI-thread stall: %lld ms", m_probe->longestStallMs());
        QVERIFY2(m_probe->longestStallMs() < 100, "the GUI thread must never wait on the database");
    }
    m_probe.reset();
    m_session.reset();
    m_db.reset();
}

qint64 TestSupervision::msUntilNotOnline(ClinicSession &session, int limitMs)
{
    QElapsedTimer clock;
    clock.start();
    if (!QTest::qWaitFor([&] { return session.connectionState().status != ConnectionState::Online; }, limitMs))
        return -1;
    return clock.elapsed();
}

bool TestSupervision::waitOnline(ClinicSession &session, int limitMs)
{
    return QTest::qWaitFor([&] { return session.connectionState().status == ConnectionState::Online; }, limitMs);
}

BookingResult TestSupervision::bookTomorrow(QTime at)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(m_session->today().addDays(1), at, QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = u"Grace Hopper"_s;
    r.phone = u"(212) 555-0143"_s;
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    return m_db->bookOnOwnThread(r);
}

void TestSupervision::theDeskRunsUnderItsLimits()
{
    const auto show = [this](const QString &setting) {
        std::optional<Result<QString>> answer;
        m_session->read<QString>(m_session.get(), [setting](QSqlDatabase &db) -> Result<QString> {
            QSqlQuery q(db);
            if (!q.exec(u"select current_setting('%1')"_s.arg(setting)) || !q.next())
                return Error{ u"DATABASE_ERROR"_s, q.lastError().text() };
            return q.value(0).toString();
        }, [&answer](const Result<QString> &value) { answer = value; });
        return QTest::qWaitFor([&] { return answer.has_value(); }, 5000) && answer->ok() ? answer->value() : QString();
    };
    QCOMPARE(show(u"statement_timeout"_s), u"3s"_s);
    QCOMPARE(show(u"lock_timeout"_s), u"2s"_s);
    QCOMPARE(show(u"idle_in_transaction_session_timeout"_s), u"10s"_s);

    // An administrator's own setting wins over the desk's.
    ConnectionSettings own = m_db->settingsAs(m_login);
    own.options.insert(u"options"_s, u"-c statement_timeout=20s"_s);
    m_session = std::make_unique<ClinicSession>(own, m_clinic.id);
    m_session->start();
    QVERIFY(waitOnline(*m_session, 10000));
    QCOMPARE(show(u"statement_timeout"_s), u"20s"_s);
}

void TestSupervision::noticesTheListenerTerminatedAndCatchesUp()
{
    m_session->showDay(m_session->today().addDays(1));
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(m_cluster->terminateBackends(u"frontdesk-listen"_s), 1);
    // Booked while nobody listens: its doorbell rings for nobody.
    const BookingResult missed = bookTomorrow(QTime(10, 0));
    QVERIFY2(missed.ok, qPrintable(missed.code));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connectionState().status != ConnectionState::Online, 5000);
    const qint64 noticedMs = clock.elapsed();
    qInfo("listener terminated: noticed after %lld ms", noticedMs);
    QVERIFY(noticedMs <= 5000);
    QVERIFY(waitOnline(*m_session, 10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->dayModel()->rowOf(missed.appointmentId) >= 0, 5000);
}

void TestSupervision::noticesAPausedServerWithoutSpinning()
{
    QVERIFY(m_cluster->pause());
    const qint64 noticedMs = msUntilNotOnline(*m_session);
    qInfo("server paused: noticed after %lld ms", noticedMs);
    QVERIFY2(noticedMs >= 0 && noticedMs <= 5000, "a server that stops answering is noticed within 5 s");
    QVERIFY(!m_session->connectionState().detail.isEmpty());

    // While the server stays paused the desk waits for it without burning a core.
    const qint64 cpuBefore = cpuMs();
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(4000);
    const qint64 cpuUsed = cpuMs() - cpuBefore;
    qInfo("CPU while the server stayed paused: %lld ms in %lld ms", cpuUsed, clock.elapsed());
    QVERIFY2(cpuUsed < clock.elapsed() / 10, "waiting for a paused server must not spin");
    QVERIFY(m_session->connectionState().status != ConnectionState::Online);

    QVERIFY(m_cluster->resume());
    // A connection attempt under way against the paused server ends by connect_timeout (5 s),
    // then the next attempt succeeds.
    QVERIFY(waitOnline(*m_session, 20000));
}

void TestSupervision::noticesARestartAndComesBack()
{
    m_session->showDay(m_session->today().addDays(1));
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(m_cluster->stop());
    const BookingResult refused = bookTomorrow(QTime(11, 0));
    QVERIFY(!refused.ok);   // the server is down for everyone
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connectionState().status != ConnectionState::Online, 5000);
    qInfo("server stopped: noticed after %lld ms", clock.elapsed());
    QVERIFY(clock.elapsed() <= 5000);
    QVERIFY(m_cluster->start());
    clock.restart();
    QVERIFY(waitOnline(*m_session, 20000));
    qInfo("server started again: online after %lld ms", clock.elapsed());
    // Live again: the doorbell is heard on the new connection.
    const BookingResult after = bookTomorrow(QTime(12, 0));
    QVERIFY2(after.ok, qPrintable(after.code));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->dayModel()->rowOf(after.appointmentId) >= 0, 5000);
}

QTEST_MAIN(TestSupervision)
#include "tst_supervision.moc"
