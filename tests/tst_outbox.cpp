// The outbox against a real server that goes away: actions taken offline are kept on disk and
// applied exactly once, in order, when the desk is back; a replay the database refuses waits for a
// person; what the AI agent booked meanwhile all arrives. The server is a cluster of this test's own.
#include "FaultCluster.h"
#include "StallProbe.h"
#include "SqliteFilePeek.h"
#include "TestDatabase.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "outbox/Outbox.h"
#include "services/ClinicSession.h"

#include <QUuid>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace frontdesk;
using namespace frontdesk::test;

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void offlineActionsAreAppliedOnceInOrder();
    void aRefusedReplayWaitsForAPerson();
    void everythingBookedWhileAwayArrives();

private:
    bool waitOnline(int limitMs = 20000);
    BookingRequest request(QTime at, const QString &name) const;
    CommandResult sendAndWait(const Command &command);
    // The desk's login may not connect (its connections ended), while the server stays up for
    // everyone else: the desk is offline and the agent goes on booking.
    void shutOutTheDesk(bool shut);

    std::unique_ptr<FaultCluster> m_cluster;
    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_login;
    QDate m_day;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<StallProbe> m_probe;
};

void TestOutbox::initTestCase()
{
    m_cluster = std::make_unique<FaultCluster>(u"/tmp/frontdesk-fault-outbox-%1"_s.arg(QCoreApplication::applicationPid()));
    QVERIFY2(m_cluster->isValid(), qPrintable(m_cluster->error()));
}

void TestOutbox::cleanupTestCase()
{
    m_cluster.reset();
}

void TestOutbox::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    m_login = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_session = std::make_unique<ClinicSession>(m_db->settingsAs(m_login), m_clinic.id);
    m_session->start();
    QVERIFY(waitOnline(10000));
    m_day = m_session->today().addDays(1);
    m_session->showDay(m_day);
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
    QTRY_VERIFY(m_session->outbox()->isOpen());
    m_probe = std::make_unique<StallProbe>();
}

void TestOutbox::cleanup()
{
    if (m_probe) {
        qInfo("longest GUI-thread stall: %lld ms", m_probe->longestStallMs());
        QVERIFY2(m_probe->longestStallMs() < 100, "the GUI thread must never wait on the database or the disk");
    }
    m_probe.reset();
    const QString outboxFile = m_session ? m_session->outbox()->path() : QString();
    m_session.reset();
    // Each test starts with an empty outbox of its own.
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(outboxFile + suffix);
    m_db.reset();
}

bool TestOutbox::waitOnline(int limitMs)
{
    return QTest::qWaitFor([this] { return m_session->connectionState().status == ConnectionState::Online; }, limitMs);
}

BookingRequest TestOutbox::request(QTime at, const QString &name) const
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(m_day, at, QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = name;
    r.phone = u"(212) 555-0143"_s;
    r.source = BookingSource::Staff;
    r.idempotencyKey = QUuid::createUuid().toString();
    return r;
}

CommandResult TestOutbox::sendAndWait(const Command &command)
{
    std::optional<CommandResult> answer;
    m_session->send(m_session.get(), command, [&answer](const CommandResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return CommandResult::failure(u"NO_ANSWER"_s);
    return *answer;
}

void TestOutbox::shutOutTheDesk(bool shut)
{
    QVERIFY(m_cluster->setLoginAllowed(m_login, !shut));
    if (shut) {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->connectionState().status != ConnectionState::Online, 5000);
    }
}

void TestOutbox::offlineActionsAreAppliedOnceInOrder()
{
    const BookingResult a = m_db->bookOnOwnThread(request(QTime(9, 0), u"Ada Lovelace"_s));
    const BookingResult b = m_db->bookOnOwnThread(request(QTime(10, 0), u"Alan Turing"_s));
    QVERIFY(a.ok && b.ok);
    QTRY_VERIFY(m_session->dayModel()->rowOf(b.appointmentId) >= 0);

    QVERIFY(m_cluster->stop());
    QTRY_VERIFY_WITH_TIMEOUT(m_session->connectionState().status != ConnectionState::Online, 5000);

    // Book, confirm, cancel and note, all offline: each kept, none sent.
    const Command book = Commands::book(request(QTime(11, 0), u"Grace Hopper"_s));
    const QList<Command> actions{ book, Commands::confirm(a.appointmentId),
                                  Commands::cancel(b.appointmentId, u"Caller is ill"_s),
                                  Commands::addPatientNote(a.patientId, u"Prefers the morning"_s) };
    for (const Command &action : actions) {
        const CommandResult kept = sendAndWait(action);
        QCOMPARE(kept.code, u"QUEUED"_s);
    }
    QCOMPARE(m_session->outbox()->pendingCount(), 4);
    QVERIFY(m_session->outbox()->holdsAppointment(b.appointmentId));
    QCOMPARE(sqliteIntegrity(m_session->outbox()->path()), u"ok"_s);

    QVERIFY(m_cluster->start());
    QVERIFY(waitOnline());
    QTRY_COMPARE_WITH_TIMEOUT(m_session->outbox()->pendingCount(), 0, 10000);
    QCOMPARE(m_session->outbox()->conflictCount(), 0);

    // Exactly once each, in the order they were taken.
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.appointments a join frontdesk.patients p on p.id = a.patient_id "
                          "where a.org_id = %1 and p.full_name = 'Grace Hopper'"_s.arg(m_clinic.id)).toInt(), 1);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(a.appointmentId)).toString(),
             u"confirmed"_s);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(b.appointmentId)).toString(),
             u"cancelled"_s);
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.interactions where patient_id = %1 and kind = 'staff_note'"_s
                              .arg(a.patientId)).toInt(), 1);
    const QString order = m_db->scalar(
        u"select string_agg(kind, ',' order by id) from frontdesk.events where org_id = %1 and actor = '%2'"_s
            .arg(m_clinic.id).arg(m_login)).toString();
    QVERIFY2(order.startsWith(u"appointment.booked,appointment.confirm,appointment.cancel"_s), qPrintable(order));

    // The screen says what the database says.
    DayModel *day = m_session->dayModel();
    QTRY_VERIFY(day->appointment(b.appointmentId) && day->appointment(b.appointmentId)->status == AppointmentStatus::Cancelled);
    QTRY_VERIFY(day->appointment(a.appointmentId) && day->appointment(a.appointmentId)->status == AppointmentStatus::Confirmed);
    QCOMPARE(day->rowCount(), m_db->scalar(u"select count(*) from frontdesk.appointments where org_id = %1"_s
                                               .arg(m_clinic.id)).toInt());
    QCOMPARE(sqliteIntegrity(m_session->outbox()->path()), u"ok"_s);
}

void TestOutbox::aRefusedReplayWaitsForAPerson()
{
    shutOutTheDesk(true);
    const CommandResult kept = sendAndWait(Commands::book(request(QTime(14, 0), u"Grace Hopper"_s)));
    QCOMPARE(kept.code, u"QUEUED"_s);
    // Meanwhile the agent takes the slot.
    QVERIFY(m_db->bookOnOwnThread(request(QTime(14, 0), u"Alan Turing"_s)).ok);
    QSignalSpy conflicted(m_session->outbox(), &Outbox::conflicted);
    shutOutTheDesk(false);
    QVERIFY(waitOnline());
    QTRY_COMPARE_WITH_TIMEOUT(conflicted.count(), 1, 10000);

    // Shown with the nearest free slots, and kept until a person decides.
    const OutboxEntry refused = m_session->outbox()->entries().constFirst();
    QCOMPARE(refused.state, OutboxEntry::State::Conflict);
    QCOMPARE(refused.lastAnswer.code, u"SLOT_UNAVAILABLE"_s);
    QVERIFY(!refused.lastAnswer.alternatives().isEmpty());
    QVERIFY(refused.summary.contains(u"Grace Hopper"_s));
    QTest::qWait(1000);
    QCOMPARE(m_session->outbox()->conflictCount(), 1);
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.patients where org_id = %1 and full_name = 'Grace Hopper'"_s
                              .arg(m_clinic.id)).toInt(), 0);
    // Sent again as it is, it is refused again and still kept; dropped by the person, it is gone.
    m_session->outbox()->retry(refused.seq);
    QTRY_COMPARE_WITH_TIMEOUT(conflicted.count(), 2, 10000);
    QCOMPARE(m_session->outbox()->conflictCount(), 1);
    m_session->outbox()->discard(refused.seq);
    QCOMPARE(m_session->outbox()->entries().size(), 0);
}

void TestOutbox::everythingBookedWhileAwayArrives()
{
    shutOutTheDesk(true);
    QList<qint64> booked;
    for (int i = 0; i < 50; ++i) {
        BookingRequest r = request(QTime(8, 0).addSecs(i * 600), u"Patient %1"_s.arg(QChar(u'a' + i % 26)));
        r.providerId = m_clinic.providers.at(i % 2).id;
        r.startsAt = QDateTime(m_day, QTime(8, 0).addSecs((i / 2) * 1200), QTimeZone::utc());
        r.endsAt = r.startsAt.addSecs(1200);
        r.phone = u"(212) 555-%1"_s.arg(1000 + i);
        r.source = BookingSource::AiVoice;
        const BookingResult result = m_db->bookOnOwnThread(r);
        QVERIFY2(result.ok, qPrintable(result.code));
        booked.append(result.appointmentId);
    }
    QCOMPARE(m_session->dayModel()->rowCount(), 0);
    m_probe->reset();   // the bookings above blocked this thread themselves: the agent's, not the desk's
    shutOutTheDesk(false);
    QVERIFY(waitOnline());
    for (const qint64 id : booked)
        QTRY_VERIFY_WITH_TIMEOUT(m_session->dayModel()->rowOf(id) >= 0, 5000);
    QCOMPARE(m_session->dayModel()->rowCount(), 50);
    QCOMPARE(m_session->newBookings()->count(), 50);
}

QTEST_MAIN(TestOutbox)
#include "tst_outbox.moc"
