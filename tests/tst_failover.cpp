// Failover against real servers: a primary (the test's FaultCluster) and its streaming standby.
// The desk connects through both (host=a,b: libpq takes the one that accepts writes), the AI
// agent books on a thread of its own through the same list; the primary crashes and the standby
// is promoted while the agent keeps booking. The desk must be online on the new primary within
// 10 s of the promotion, say that it read everything again (its change feed's cursor belongs to
// the old server's history), and show what the new primary holds; with synchronous replication
// every booking the agent saw acknowledged is there, with asynchronous ones the test measures
// what was lost. The GUI thread never waits.
#include "FaultCluster.h"
#include "StallProbe.h"
#include "StandbyServer.h"
#include "TestDatabase.h"
#include "db/ClinicQueries.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "services/ClinicSession.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QUuid>
#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace frontdesk;
using namespace frontdesk::test;

namespace {

// The AI voice backend: books one slot after another on a connection of its own, in a thread of
// its own, and on a failed call (the server gone) connects again through the same host list.
// Only an answer it received counts as acknowledged: a call cut by the crash may or may not
// have committed.
class BookingAgent
{
public:
    struct Ack
    {
        qint64 appointmentId;
        qint64 startsAt;   // seconds since the epoch: the slot, which only this booking asked for
        qint64 atMs;       // on the test's clock
    };

    BookingAgent(ConnectionSettings settings, BookingRequest pattern, const QElapsedTimer &clock)
        : m_settings(std::move(settings)), m_pattern(std::move(pattern)), m_clock(clock)
    {
        m_thread = std::thread([this] { loop(); });
    }
    ~BookingAgent() { stop(); }

    // Asks the loop to end; the caller waits for finished() in the event loop, then stop() joins.
    void askToStop() { m_stopping = true; }
    bool finished() const { return m_finished; }
    void stop()
    {
        m_stopping = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    QList<Ack> acks() const
    {
        std::lock_guard lock(m_mutex);
        return m_acks;
    }
    int cutCalls() const { return m_cutCalls; }
    QStringList refusals() const
    {
        std::lock_guard lock(m_mutex);
        return m_refusals;
    }

private:
    // Tomorrow's five-minute slots of one provider, one after another.
    static constexpr int kSlots = 24 * 12;

    void loop()
    {
        const QString name = u"agent-"_s + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = m_settings.addDatabase(name);
            for (int slot = 0; slot < kSlots && !m_stopping; ++slot) {
                if (!db.isOpen() && !db.open()) {
                    // Neither server takes writes yet (the primary is gone, the standby not
                    // promoted): ask again shortly, with the next slot.
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    continue;
                }
                BookingRequest r = m_pattern;
                r.startsAt = m_pattern.startsAt.addSecs(slot * 300);
                r.endsAt = r.startsAt.addSecs(300);
                r.idempotencyKey = QUuid::createUuid().toString();
                const auto answer = ClinicQueries::book(db, r);
                if (!answer) {
                    ++m_cutCalls;
                    db.close();
                } else if (answer->ok) {
                    std::lock_guard lock(m_mutex);
                    m_acks.append({ answer->appointmentId, r.startsAt.toSecsSinceEpoch(), m_clock.elapsed() });
                } else {
                    std::lock_guard lock(m_mutex);
                    m_refusals.append(answer->code);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(40));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        m_finished = true;
    }

    const ConnectionSettings m_settings;
    const BookingRequest m_pattern;
    const QElapsedTimer &m_clock;
    std::thread m_thread;
    std::atomic<bool> m_stopping{ false };
    std::atomic<bool> m_finished{ false };
    std::atomic<int> m_cutCalls{ 0 };
    mutable std::mutex m_mutex;
    QList<Ack> m_acks;
    QStringList m_refusals;
};

QSet<qint64> idsIn(const QString &commaSeparated)
{
    QSet<qint64> ids;
    for (const QString &id : commaSeparated.split(u',', Qt::SkipEmptyParts))
        ids.insert(id.toLongLong());
    return ids;
}

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void synchronousStandbyLosesNoAcknowledgedBooking();
    void asynchronousStandbyMayLoseTheLastCommits();
    void whatAStandbyBehindNeverReceivedIsGone();

private:
    struct Figures
    {
        qint64 noticedMs = -1;          // from the crash until the desk is no longer online
        qint64 promotedMs = -1;         // from the crash until the standby takes writes
        qint64 onlineAfterPromotionMs = -1;   // until the desk is online again (at once: 0)
        int acknowledged = 0;
        int acknowledgedAfterPromotion = 0;
        // By slot (starts_at), not by id: the new primary gives the ids of lost bookings out again.
        QSet<qint64> missing;           // acknowledged, but not on the new primary
        QSet<qint64> whileBehind;       // acknowledged while the standby surely received nothing
        QSet<qint64> sinceAskedToStop;  // acknowledged after the standby was told to stop receiving
        int idsGivenAgain = 0;          // lost bookings whose id the new primary gave another
    };
    // Connection settings through both servers, primary first, for `login`.
    ConnectionSettings bothServers(const QString &login) const;
    void setSynchronousReplication();
    // Crashes the primary and promotes the standby while the agent books; checks what every
    // failover must give, and returns the figures. FallenBehind: the standby stops receiving
    // (a slow link, a busy standby) a while before the crash, as asynchronous replication allows.
    enum class Standby { Streaming, FallenBehind };
    static constexpr int kLostBookings = 60;
    Figures failOverWhileTheAgentBooks(Standby standby = Standby::Streaming);
    bool stopReceiving();
    // The clinic's appointments on the new primary: `column` of each (all are on m_day).
    QSet<qint64> onTheNewPrimary(const QString &column);
    QSet<qint64> idsInTheDesksDay() const;

    std::unique_ptr<FaultCluster> m_primary;
    std::unique_ptr<StandbyServer> m_standby;
    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_desk;
    QString m_agent;
    QDate m_day;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<StallProbe> m_probe;
};

void TestFailover::init()
{
    // Each failover uses up its primary: a pair of servers of each test's own.
    static int pairs = 0;
    const QString dir = u"/tmp/frontdesk-fault-failover-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(++pairs);
    m_primary = std::make_unique<FaultCluster>(dir);
    QVERIFY2(m_primary->isValid(), qPrintable(m_primary->error()));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    m_desk = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_agent = m_db->createLogin(u"agent"_s, m_clinic.id);
    // As a clinic runs: a commit is acknowledged once it is on the primary's disk (the throwaway
    // cluster turns that off for speed); with a synchronous standby, once the standby has it too.
    bool ok = false;
    m_primary->psql(u"postgres"_s, u"alter database %1 set synchronous_commit = on"_s.arg(m_db->name()), &ok);
    QVERIFY(ok);
    m_standby = std::make_unique<StandbyServer>(*m_primary, dir + u"-standby"_s);
    QVERIFY2(m_standby->isValid(), qPrintable(m_standby->error()));

    m_session = std::make_unique<ClinicSession>(bothServers(m_desk), m_clinic.id);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connectionState().status == ConnectionState::Online, 10000);
    m_day = m_session->today().addDays(1);
    m_session->showDay(m_day);
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
    m_probe = std::make_unique<StallProbe>();
}

void TestFailover::cleanup()
{
    if (m_probe) {
        qInfo("longest GUI-thread stall: %lld ms", m_probe->longestStallMs());
        QVERIFY2(m_probe->longestStallMs() < 100, "the GUI thread must never wait on the database");
    }
    m_probe.reset();
    m_session.reset();
    m_db.reset();
    m_standby.reset();
    m_primary.reset();
}

ConnectionSettings TestFailover::bothServers(const QString &login) const
{
    // As an administrator writes it: the desk adds target_session_attrs=read-write itself.
    auto settings = ConnectionSettings::parse(u"host=127.0.0.1,127.0.0.1 port=%1,%2 dbname=%3 user=%4"_s
                                                  .arg(m_primary->port()).arg(m_standby->port()).arg(m_db->name(), login));
    if (!settings)
        qFatal("bothServers: %s", qPrintable(settings.error().message));
    settings.value().password = TestDatabase::loginPassword();
    return settings.value();
}

void TestFailover::setSynchronousReplication()
{
    // Set on the primary only, after the standby was copied: the promoted standby must not wait
    // for a standby of its own. ALTER SYSTEM runs outside a transaction: one psql call each.
    bool ok = false;
    m_primary->psql(u"postgres"_s, u"alter system set synchronous_standby_names = '%1'"_s.arg(StandbyServer::replicationName()), &ok);
    QVERIFY(ok);
    m_primary->psql(u"postgres"_s, u"select pg_reload_conf()"_s, &ok);
    QVERIFY(ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_primary->psql(u"postgres"_s, u"select sync_state from pg_stat_replication"_s), u"sync"_s, 10000);
}

QSet<qint64> TestFailover::onTheNewPrimary(const QString &column)
{
    bool ok = false;
    const QString ids = m_standby->psql(m_db->name(),
                                        u"select coalesce(string_agg((%1)::text, ','), '') from frontdesk.appointments "
                                        "where org_id = %2"_s.arg(column).arg(m_clinic.id), &ok);
    if (!ok)
        qWarning("cannot read the new primary: %s", qPrintable(ids));
    return idsIn(ids);
}

QSet<qint64> TestFailover::idsInTheDesksDay() const
{
    QSet<qint64> ids;
    const DayModel *day = m_session->dayModel();
    for (int row = 0; row < day->rowCount(); ++row)
        ids.insert(day->appointmentAt(row).id);
    return ids;
}

bool TestFailover::stopReceiving()
{
    // Without a primary_conninfo the WAL receiver ends (the setting is reloadable since 13).
    bool ok = false;
    m_standby->psql(u"postgres"_s, u"alter system set primary_conninfo = ''"_s, &ok);
    m_standby->psql(u"postgres"_s, u"select pg_reload_conf()"_s, &ok);
    return ok && QTest::qWaitFor([this] {
        return m_standby->psql(u"postgres"_s, u"select count(*) from pg_stat_wal_receiver"_s) == u"0"_s;
    }, 10000);
}

TestFailover::Figures TestFailover::failOverWhileTheAgentBooks(Standby standby)
{
    Figures figures;
    QElapsedTimer clock;
    clock.start();
    BookingRequest pattern;
    pattern.orgId = m_clinic.id;
    pattern.providerId = m_clinic.providers.first().id;
    pattern.startsAt = QDateTime(m_day, QTime(0, 0), QTimeZone::utc());
    pattern.patientName = u"Grace Hopper"_s;
    pattern.phone = u"(212) 555-0143"_s;
    pattern.source = BookingSource::AiVoice;
    BookingAgent agent(bothServers(m_agent), pattern, clock);

    // The agent has been booking for a while, and the desk has seen it live.
    if (!QTest::qWaitFor([&] { return agent.acks().size() >= 20; }, 10000)
        || !QTest::qWaitFor([&] { return idsInTheDesksDay().contains(agent.acks().constLast().appointmentId); }, 5000)) {
        qWarning("the agent could not book, or the desk did not see it: %s", qPrintable(agent.refusals().join(u' ')));
        return figures;
    }

    // The desk's state as it changes, on the test's clock: a poll could miss a short absence.
    qint64 leftAt = -1;
    qint64 backAt = -1;
    QObject watcher;
    connect(m_session.get(), &ClinicSession::connectionStateChanged, &watcher, [&](const ConnectionState &state) {
        if (state.status != ConnectionState::Online && leftAt < 0)
            leftAt = clock.elapsed();
        else if (state.status == ConnectionState::Online && leftAt >= 0 && backAt < 0)
            backAt = clock.elapsed();
    });
    qint64 askedToStopAt = -1;
    qint64 behindAt = -1;
    if (standby == Standby::FallenBehind) {
        askedToStopAt = clock.elapsed();
        if (!stopReceiving())
            return figures;
        behindAt = clock.elapsed();
        // About three seconds of bookings: the new primary gives their transaction and
        // appointment ids out again for about as long, past the moment the desk is back.
        const int acksBefore = agent.acks().size();
        if (!QTest::qWaitFor([&] { return agent.acks().size() >= acksBefore + kLostBookings; }, 10000))
            return figures;
    }
    const qint64 crashedAt = clock.elapsed();
    if (!m_primary->crash() || !m_standby->promote())
        return figures;
    const qint64 promotedAt = clock.elapsed();
    figures.promotedMs = promotedAt - crashedAt;
    if (QTest::qWaitFor([&] { return leftAt >= 0; }, 10000))
        figures.noticedMs = leftAt - crashedAt;
    if (QTest::qWaitFor([&] { return backAt >= 0; }, 20000))
        figures.onlineAfterPromotionMs = qMax<qint64>(0, backAt - promotedAt);

    // The agent goes on booking on the new primary a little longer: those arrive live.
    const int acksOnline = agent.acks().size();
    if (!QTest::qWaitFor([&] { return agent.acks().size() >= acksOnline + 20; }, 5000))
        qWarning("the agent booked only %lld more on the new primary", qint64(agent.acks().size() - acksOnline));
    agent.askToStop();
    // Joined once its last call has ended, so that the join itself never waits.
    if (!QTest::qWaitFor([&] { return agent.finished(); }, 10000))
        qWarning("the agent did not stop within 10 s");
    agent.stop();

    const QSet<qint64> onTheNewPrimary = this->onTheNewPrimary(u"id"_s);
    const QSet<qint64> slotsOnTheNewPrimary = this->onTheNewPrimary(u"extract(epoch from starts_at)::bigint"_s);
    const QList<BookingAgent::Ack> acks = agent.acks();
    figures.acknowledged = acks.size();
    for (const BookingAgent::Ack &ack : acks) {
        if (ack.atMs > promotedAt)
            ++figures.acknowledgedAfterPromotion;
        if (!slotsOnTheNewPrimary.contains(ack.startsAt)) {
            figures.missing.insert(ack.startsAt);
            if (onTheNewPrimary.contains(ack.appointmentId))
                ++figures.idsGivenAgain;
        }
        if (behindAt >= 0 && ack.atMs > behindAt && ack.atMs < crashedAt)
            figures.whileBehind.insert(ack.startsAt);
        if (askedToStopAt >= 0 && ack.atMs > askedToStopAt)
            figures.sinceAskedToStop.insert(ack.startsAt);
    }
    qInfo("crash noticed after %lld ms; standby promoted %lld ms after the crash; the desk online %lld ms after the "
          "promotion; %d bookings acknowledged, %d of them after the promotion, %lld not on the new primary, "
          "%d calls cut by the crash",
          figures.noticedMs, figures.promotedMs, figures.onlineAfterPromotionMs, figures.acknowledged,
          figures.acknowledgedAfterPromotion, qint64(figures.missing.size()), agent.cutCalls());

    // What every failover must give, synchronous or not.
    [&] {
        QVERIFY2(figures.noticedMs >= 0, "the desk must notice the crash");
        QVERIFY2(figures.onlineAfterPromotionMs >= 0 && figures.onlineAfterPromotionMs <= 10000,
                 "the desk is online on the new primary within 10 s of the promotion");
        QVERIFY2(figures.acknowledgedAfterPromotion > 0, "the agent books on the new primary");
        // The feed's cursor belonged to the old server's history: the desk said it read everything again.
        QCOMPARE(m_session->connectionState().detail,
                 u"The clinic database moved to its standby server; everything was read again."_s);
        // The day on screen is the new primary's, bookings before and after the failover alike.
        QTRY_COMPARE_WITH_TIMEOUT(idsInTheDesksDay(), onTheNewPrimary, 5000);
        for (const BookingAgent::Ack &ack : acks) {
            if (ack.atMs > promotedAt)
                QVERIFY2(slotsOnTheNewPrimary.contains(ack.startsAt), "a booking on the new primary is kept");
        }
    }();
    return figures;
}

void TestFailover::synchronousStandbyLosesNoAcknowledgedBooking()
{
    setSynchronousReplication();
    if (QTest::currentTestFailed())
        return;
    const Figures figures = failOverWhileTheAgentBooks();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(figures.acknowledged > 0);
    QVERIFY2(figures.missing.isEmpty(), "with a synchronous standby every acknowledged booking survives the failover");
}

void TestFailover::asynchronousStandbyMayLoseTheLastCommits()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_primary->psql(u"postgres"_s, u"select sync_state from pg_stat_replication"_s), u"async"_s, 10000);
    const Figures figures = failOverWhileTheAgentBooks();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(figures.acknowledged > 0);
    // What an asynchronous standby loses is what it had not received when the primary died: the
    // last commits only. Measured, not asserted to be nothing; the desk shows the new primary's
    // truth either way (checked above).
    qInfo("asynchronous standby: %lld of %d acknowledged bookings lost in the failover",
          qint64(figures.missing.size()), figures.acknowledged);
}

void TestFailover::whatAStandbyBehindNeverReceivedIsGone()
{
    // The loss made certain: the standby stops receiving, the agent books 60 more on the primary
    // (each acknowledged: on the primary's disk), then the primary dies. Those 60 are gone, the
    // new primary gives their transaction ids out again, and the desk, which showed them live,
    // must show the new primary's day, not the old one's (checked in failOverWhileTheAgentBooks).
    const Figures figures = failOverWhileTheAgentBooks(Standby::FallenBehind);
    if (QTest::currentTestFailed())
        return;
    qInfo("a standby behind: %lld acknowledged bookings lost, the ids of %d of them given to new bookings",
          qint64(figures.missing.size()), figures.idsGivenAgain);
    // Acknowledged while the standby was behind: about kLostBookings (an acknowledgement taken just
    // as the wait began may be stamped before it).
    QVERIFY2(figures.whileBehind.size() >= kLostBookings / 2,
             qPrintable(u"%1 acknowledged while behind"_s.arg(figures.whileBehind.size())));
    QVERIFY2(figures.missing.contains(figures.whileBehind), "what the standby never received is gone");
    QVERIFY2(figures.sinceAskedToStop.contains(figures.missing), "and nothing it had received");
    // The desk listed them as new bookings while they were live: after the failover none of its
    // new bookings is one the new primary does not have at that time (a lost one, or its id given
    // to another appointment).
    const QSet<qint64> slotsOnTheNewPrimary = onTheNewPrimary(u"extract(epoch from starts_at)::bigint"_s);
    const NewBookingsModel *listed = m_session->newBookings();
    for (int row = 0; row < listed->count(); ++row) {
        const Appointment &a = listed->appointmentAt(row);
        QVERIFY2(slotsOnTheNewPrimary.contains(a.startsAt.toSecsSinceEpoch()) && !figures.missing.contains(a.startsAt.toSecsSinceEpoch()),
                 qPrintable(u"a lost booking is still listed as new: %1"_s.arg(a.id)));
    }
}

QTEST_MAIN(TestFailover)
#include "tst_failover.moc"
