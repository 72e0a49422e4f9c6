#include "StallProbe.h"
#include "TestDatabase.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "db/ClinicQueries.h"
#include "outbox/Outbox.h"
#include "services/ClinicSession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace frontdesk;
using frontdesk::test::TestDatabase;

// Counts the longest gap between ticks of a fast timer on the GUI thread: the event loop
// was blocked at least that long.
class TestLiveUpdates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void bookingFromAnotherConnectionReachesTheModel();
    void bookingForAnotherDayIsAnnouncedButNotListed();
    void catchesUpAfterTheConnectionIsKilled();
    void startsOfflineAndKeepsABooking();

private:
    BookingRequest request(QDate day, QTime time) const;
    static bool waitOnline(ClinicSession &session);
    // Waits until online, then shows tomorrow (never racing the clock at midnight) and waits
    // until the model holds it.
    static bool showTomorrowOnline(ClinicSession &session);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
};

void TestLiveUpdates::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(QStringLiteral("UTC"), 2);
}

BookingRequest TestLiveUpdates::request(QDate day, QTime time) const
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(day, time, QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = QStringLiteral("grace hopper");
    r.phone = QStringLiteral("(212) 555-0143");
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    return r;
}

bool TestLiveUpdates::waitOnline(ClinicSession &session)
{
    return QTest::qWaitFor([&] { return session.connectionState().status == ConnectionState::Online; }, 10000);
}

bool TestLiveUpdates::showTomorrowOnline(ClinicSession &session)
{
    if (!waitOnline(session))
        return false;
    const QDate tomorrow = session.today().addDays(1);
    session.showDay(tomorrow);
    return QTest::qWaitFor([&] { return session.dayModel()->day() == tomorrow && session.dayModel()->loadState() == DayModel::LoadState::Loaded; }, 5000);
}

void TestLiveUpdates::bookingFromAnotherConnectionReachesTheModel()
{
    ClinicSession session(m_db->settings(), m_clinic.id);
    DayModel *model = session.dayModel();
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    const QDateTime beforeStart = m_db->scalar(QStringLiteral("select now()")).toDateTime().toUTC();
    session.start();
    QVERIFY(waitOnline(session));
    // "New" is measured from the server's clock at the first connection.
    const QDateTime afterOnline = m_db->scalar(QStringLiteral("select now()")).toDateTime().toUTC();
    QVERIFY(session.newBookings()->watchingSince() >= beforeStart);
    QVERIFY(session.newBookings()->watchingSince() <= afterOnline);
    QVERIFY(showTomorrowOnline(session));
    const QDate tomorrow = session.day();
    QCOMPARE(model->rowCount(), 0);

    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy arrived(session.newBookings(), &NewBookingsModel::arrived);
    const int resetsBefore = reset.count();
    test::StallProbe stalls;

    // The agent books on its own thread; this (GUI) thread only waits in its event loop.
    BookingResult booked;
    std::atomic<qint64> committedAtMs{ 0 };
    QElapsedTimer clock;
    clock.start();
    std::thread agent([&] {
        booked = m_db->bookOnOwnThread(request(tomorrow, QTime(10, 0)));
        committedAtMs = clock.elapsed();
    });
    QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), 1, 5000);
    const qint64 latencyMs = clock.elapsed() - committedAtMs;
    agent.join();
    QVERIFY2(booked.ok, qPrintable(booked.code));
    // An upper bound: when the row arrives before the agent thread has returned, this counts
    // from the agent's start, its connection set-up included.
    qInfo("booking to model row, at most: %lld ms; longest GUI-thread stall while waiting: %lld ms", latencyMs,
          stalls.longestStallMs());

    QVERIFY2(latencyMs < 1000, "a booking must reach the desk within a second of its commit");
    QVERIFY2(stalls.longestStallMs() < 100, "the GUI thread must never wait on the database");
    // Only the change was fetched: no reload of the day.
    QCOMPARE(reset.count(), resetsBefore);
    QCOMPARE(arrived.count(), 1);
    const QModelIndex row = model->index(model->rowOf(booked.appointmentId), 0);
    QVERIFY(row.isValid());
    QCOMPARE(row.siblingAtColumn(DayModel::PatientColumn).data().toString(), QStringLiteral("Grace Hopper"));
    QCOMPARE(row.data(DayModel::SourceRole).toInt(), int(BookingSource::AiVoice));
    QVERIFY(row.data(DayModel::IsNewRole).toBool());
}

void TestLiveUpdates::bookingForAnotherDayIsAnnouncedButNotListed()
{
    ClinicSession session(m_db->settings(), m_clinic.id);
    DayModel *model = session.dayModel();
    session.start();
    QVERIFY(showTomorrowOnline(session));
    const QDate tomorrow = session.day();

    QSignalSpy changed(&session, &ClinicSession::changesArrived);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    const BookingResult booked = m_db->bookOnOwnThread(request(tomorrow.addDays(3), QTime(11, 0)));
    QVERIFY(booked.ok);
    QTRY_COMPARE(changed.count(), 1);
    const auto changes = changed.first().first().value<ChangeSet>();
    QCOMPARE(changes.appointments.size(), 1);
    QCOMPARE(changes.appointments.first().id, booked.appointmentId);
    // Typed: the event says what happened, not only which appointment.
    QCOMPARE(changes.events.size(), 1);
    QCOMPARE(changes.events.first().kind, ChangeEvent::Kind::Booked);
    QCOMPARE(changes.events.first().appointmentId, booked.appointmentId);
    QCOMPARE(changes.events.first().patientId, booked.patientId);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(session.newBookings()->count(), 1);
}

void TestLiveUpdates::catchesUpAfterTheConnectionIsKilled()
{
    ClinicSession session(m_db->settings(), m_clinic.id);
    DayModel *model = session.dayModel();
    session.start();
    QVERIFY(showTomorrowOnline(session));
    const QDate tomorrow = session.day();

    QSignalSpy states(&session, &ClinicSession::connectionStateChanged);
    QSignalSpy arrived(session.newBookings(), &NewBookingsModel::arrived);
    // The server drops the desk's connections, as a restart or a network cut would. QPSQL
    // notices nothing; only the worker's heartbeat can.
    const int killed = m_db->scalar(QStringLiteral(
        "select count(pg_terminate_backend(pid)) from pg_stat_activity "
        "where application_name like 'frontdesk%' and datname = current_database() and pid <> pg_backend_pid()")).toInt();
    QCOMPARE(killed, 2);

    // Booked while the desk is not listening: their doorbells ring for nobody. One on the shown
    // day, one on a day nobody is looking at.
    QSignalSpy changed(&session, &ClinicSession::changesArrived);
    const BookingResult missed = m_db->bookOnOwnThread(request(tomorrow, QTime(14, 0)));
    QVERIFY(missed.ok);
    const BookingResult missedElsewhere = m_db->bookOnOwnThread(request(tomorrow.addDays(4), QTime(9, 0)));
    QVERIFY(missedElsewhere.ok);

    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &args) {
        return args.first().value<ConnectionState>().status == ConnectionState::Reconnecting;
    }), 15000);
    QVERIFY(waitOnline(session));
    // Catch-up after reconnecting: the missed booking is on the day now, and new.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(missed.appointmentId) >= 0, 5000);
    QVERIFY(model->index(model->rowOf(missed.appointmentId), 0).data(DayModel::IsNewRole).toBool());
    // The change feed brought both, the one on another day too, and both are announced once.
    QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
        return args.first().value<ChangeSet>().appointment(missedElsewhere.appointmentId) != nullptr;
    }));
    QCOMPARE(arrived.count(), 2);
    QCOMPARE(session.newBookings()->count(), 2);
    // "Offline since" would count from the loss; here it never got that far.
    QCOMPARE(session.connectionState().status, ConnectionState::Online);

    // And the doorbell works again on the new connection.
    const BookingResult after = m_db->bookOnOwnThread(request(tomorrow, QTime(16, 0)));
    QVERIFY(after.ok);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(after.appointmentId) >= 0, 5000);
}

void TestLiveUpdates::startsOfflineAndKeepsABooking()
{
    ConnectionSettings nowhere = m_db->settings();
    nowhere.port = 1;   // nothing listens there
    ClinicSession session(nowhere, m_clinic.id);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connectionState().status, ConnectionState::Offline, 10000);
    QVERIFY(!session.connectionState().detail.isEmpty());

    std::optional<CommandResult> result;
    session.send(&session, Commands::book(request(QDate::currentDate().addDays(1), QTime(9, 0))),
                 [&result](const CommandResult &answer) { result = answer; });
    QTRY_VERIFY(result.has_value());
    // Not refused since the outbox: kept on this PC, to be sent when the database is back.
    QVERIFY(!result->ok);
    QCOMPARE(result->code, QStringLiteral("QUEUED"));
    QCOMPARE(session.outbox()->pendingCount(), 1);

    // A read asked for while offline is answered too, with the same error, to the asker alone.
    std::optional<Result<Clinic>> read;
    session.read<Clinic>(&session, [this](QSqlDatabase &db) { return ClinicQueries::loadClinic(db, m_clinic.id); },
                         [&read](const Result<Clinic> &answer) { read = answer; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->error().code, QStringLiteral("OFFLINE"));
    QCOMPARE(m_db->scalar(QStringLiteral("select count(*) from frontdesk.appointments")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestLiveUpdates)
#include "tst_liveupdates.moc"
