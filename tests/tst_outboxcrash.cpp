// The desk's process killed (SIGKILL) at the worst moments for its outbox, against a real server:
// right after an action was kept offline, in the middle of a replay, and after the server
// committed an action but before the outbox file could mark it done. After each restart the
// file passes integrity_check, every action said kept is there, and each is applied exactly once,
// in order; a replay of an action already committed is answered with the original answer and
// creates nothing. The desk runs in a process of its own (frontdesk-test-desk, DeskProcess), on a
// cluster of this test's own. The crash lands where wanted without hooks in the desk: the test
// holds a row lock in the clinic database, or the write lock of the outbox file, from outside.
#include "DeskProcess.h"
#include "FaultCluster.h"
#include "SqliteFilePeek.h"
#include "TestDatabase.h"
#include "services/ClinicSession.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace frontdesk;
using namespace frontdesk::test;

namespace {

// Another connection to the outbox file that holds its write lock (BEGIN IMMEDIATE) while it
// lives: the desk's writes to the file wait (busy_timeout) and then fail.
class OutboxFileLock
{
public:
    explicit OutboxFileLock(const QString &path)
        : m_name(u"lock-"_s + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        m_held = db.open() && q.exec(u"begin immediate"_s);
        if (!m_held)
            qWarning("cannot lock the outbox file: %s", qPrintable(q.lastError().text()));
    }
    ~OutboxFileLock() { release(); }
    OutboxFileLock(const OutboxFileLock &) = delete;
    OutboxFileLock &operator=(const OutboxFileLock &) = delete;

    bool isHeld() const { return m_held; }
    // The rows as this connection sees them: the last commit, whatever waits for the lock.
    QStringList states()
    {
        QStringList states;
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (q.exec(u"select state from outbox order by seq"_s)) {
            while (q.next())
                states.append(q.value(0).toString());
        }
        return states;
    }
    void release()
    {
        if (m_name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(u"rollback"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
        m_held = false;
    }

private:
    QString m_name;
    bool m_held = false;
};

// An outbox row: its request key and state.
struct KeptAction
{
    QString key;
    QString state;
};

} // namespace

class TestOutboxCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void killedRightAfterAnOfflineAction();
    void killedInTheMiddleOfAReplay();
    void killedAfterTheServerCommittedBeforeTheOutboxMarkedItDone();
    void anActionTheFileCannotTakeIsAnsweredNotKept();

private:
    QString deskConninfo() const;
    std::unique_ptr<DeskProcess> startDesk();
    // The desk's login may not connect, and what it had open is ended: the desk is offline.
    void shutOutTheDesk(bool shut);
    void endTheDesksBackends();
    // Sends each action to a desk that is offline and waits until each is said kept.
    bool keepOffline(DeskProcess &desk, const QList<Command> &actions);
    bool waitApplied(DeskProcess &desk, const QList<Command> &actions);
    // The desk's own thread never waited on the database or the outbox file (its timer probe).
    void verifyNeverStalled(DeskProcess &desk);
    // Opened read-only, as the desk's next start would find it.
    QList<KeptAction> outboxRows();
    // Every row marked done (the desk ended: its closing waited for the store's writes).
    bool everythingDoneInTheFile();
    BookingRequest request(QTime at, const QString &name) const;
    int count(const QString &sql) const;
    // What the desk's login did, in the order the database logged it.
    QString deskEventKinds() const;

    std::unique_ptr<FaultCluster> m_cluster;
    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_login;
    QDate m_day;
    QString m_outboxPath;
};

void TestOutboxCrash::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(FRONTDESK_TEST_DESK)), FRONTDESK_TEST_DESK);
    m_cluster = std::make_unique<FaultCluster>(u"/tmp/frontdesk-fault-outboxcrash-%1"_s.arg(QCoreApplication::applicationPid()));
    QVERIFY2(m_cluster->isValid(), qPrintable(m_cluster->error()));
}

void TestOutboxCrash::cleanupTestCase()
{
    m_cluster.reset();
}

void TestOutboxCrash::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    m_login = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_day = QDateTime::currentDateTimeUtc().date().addDays(1);
    // The same file the desk finds: same settings, same XDG_DATA_HOME (the child inherits it).
    const auto settings = ConnectionSettings::parse(deskConninfo());
    QVERIFY(settings.ok());
    m_outboxPath = ClinicSession::outboxPathFor(settings.value());
}

void TestOutboxCrash::cleanup()
{
    // Each test starts with an empty outbox of its own.
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(m_outboxPath + suffix);
    m_db.reset();
}

QString TestOutboxCrash::deskConninfo() const
{
    QString conninfo = m_db->conninfo();
    conninfo.replace(u"frontdesk_owner@"_s, m_login + u':' + TestDatabase::loginPassword() + u'@');
    return conninfo;
}

std::unique_ptr<DeskProcess> TestOutboxCrash::startDesk()
{
    auto desk = std::make_unique<DeskProcess>(QStringLiteral(FRONTDESK_TEST_DESK), deskConninfo(), m_clinic.id);
    if (!desk->start()) {
        qWarning("the desk did not start: %s", qPrintable(desk->lines().join(u" | "_s)));
        return nullptr;
    }
    if (desk->outboxPath() != m_outboxPath) {
        qWarning("the desk keeps its outbox in %s, not %s", qPrintable(desk->outboxPath()), qPrintable(m_outboxPath));
        return nullptr;
    }
    return desk;
}

void TestOutboxCrash::shutOutTheDesk(bool shut)
{
    QVERIFY(m_cluster->setLoginAllowed(m_login, !shut));
    if (shut)
        endTheDesksBackends();
}

void TestOutboxCrash::endTheDesksBackends()
{
    // A killed desk's backend may live on until the server notices; end it, as the server would.
    bool ok = false;
    m_cluster->psql(u"postgres"_s, u"select count(*) filter (where pg_terminate_backend(pid)) from ("
                                    "select pid from pg_stat_activity where usename = '%1' offset 0) desk"_s.arg(m_login), &ok);
    QVERIFY(ok);
    QTRY_COMPARE(m_cluster->psql(u"postgres"_s, u"select count(*) from pg_stat_activity where usename = '%1'"_s.arg(m_login)),
                 u"0"_s);
}

bool TestOutboxCrash::keepOffline(DeskProcess &desk, const QList<Command> &actions)
{
    for (const Command &action : actions)
        desk.send(action);
    for (const Command &action : actions) {
        if (desk.waitForLine(u"QUEUED "_s + action.key).isEmpty()) {
            qWarning("not kept: %s %s; the desk said: %s", qPrintable(action.functionName()), qPrintable(action.key),
                     qPrintable(desk.lines().join(u" | "_s)));
            return false;
        }
    }
    return true;
}

bool TestOutboxCrash::waitApplied(DeskProcess &desk, const QList<Command> &actions)
{
    for (const Command &action : actions) {
        if (desk.waitForLine(u"APPLIED "_s + action.key, 15000).isEmpty()) {
            qWarning("not applied: %s %s; the desk said: %s", qPrintable(action.functionName()), qPrintable(action.key),
                     qPrintable(desk.lines().join(u" | "_s)));
            return false;
        }
    }
    return true;
}

void TestOutboxCrash::verifyNeverStalled(DeskProcess &desk)
{
    const qint64 longest = desk.longestStallMs();
    qInfo("longest stall of the desk's thread: %lld ms", longest);
    QVERIFY2(longest >= 0, "the desk did not answer");
    QVERIFY2(longest < 100, "the desk's thread must never wait on the database or the outbox file");
}

QList<KeptAction> TestOutboxCrash::outboxRows()
{
    QString error;
    const QList<QVariantList> rows = sqliteRows(m_outboxPath, u"select request_key, state from outbox order by seq"_s, &error);
    if (!error.isEmpty())
        qWarning("cannot read the outbox file: %s", qPrintable(error));
    QList<KeptAction> kept;
    for (const QVariantList &row : rows)
        kept.append({ row.at(0).toString(), row.at(1).toString() });
    return kept;
}

bool TestOutboxCrash::everythingDoneInTheFile()
{
    const QList<KeptAction> rows = outboxRows();
    return !rows.isEmpty() && std::all_of(rows.cbegin(), rows.cend(), [](const KeptAction &row) { return row.state == u"done"; });
}

BookingRequest TestOutboxCrash::request(QTime at, const QString &name) const
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

int TestOutboxCrash::count(const QString &sql) const
{
    return m_db->scalar(sql).toInt();
}

QString TestOutboxCrash::deskEventKinds() const
{
    return m_db->scalar(u"select string_agg(kind, ',' order by id) from frontdesk.events where org_id = %1 and actor = '%2'"_s
                            .arg(m_clinic.id).arg(m_login)).toString();
}

void TestOutboxCrash::killedRightAfterAnOfflineAction()
{
    const BookingResult a = m_db->bookOnOwnThread(request(QTime(9, 0), u"Ada Lovelace"_s));
    QVERIFY(a.ok);
    shutOutTheDesk(true);
    auto desk = startDesk();
    QVERIFY(desk);

    const Command book = Commands::book(request(QTime(10, 0), u"Grace Hopper"_s));
    const Command confirm = Commands::confirm(a.appointmentId);
    const Command note = Commands::addPatientNote(a.patientId, u"Prefers the morning"_s);
    QVERIFY(keepOffline(*desk, { book, confirm, note }));
    // Two more on their way as the process dies: each is kept whole or not at all.
    const Command lateBook = Commands::book(request(QTime(11, 0), u"Alan Turing"_s));
    const Command lateCancel = Commands::cancel(a.appointmentId, u"Caller is ill"_s);
    verifyNeverStalled(*desk);
    desk->send(lateBook);
    desk->send(lateCancel);
    QVERIFY(desk->killHard());

    QCOMPARE(sqliteIntegrity(m_outboxPath), u"ok"_s);
    const QList<KeptAction> rows = outboxRows();
    QList<Command> kept{ book, confirm, note };
    // Whatever of the late ones reached the file did so in the order taken.
    for (const Command &late : { lateBook, lateCancel }) {
        if (rows.size() > kept.size())
            kept.append(late);
    }
    QCOMPARE(rows.size(), kept.size());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).key, kept.at(i).key);
        QCOMPARE(rows.at(i).state, u"pending"_s);
    }
    QStringList keptKeys;
    for (const Command &action : std::as_const(kept))
        keptKeys.append(action.key);
    // Nothing the desk said it kept is missing.
    for (const Command &late : { lateBook, lateCancel }) {
        if (desk->hasLine(u"QUEUED "_s + late.key))
            QVERIFY2(keptKeys.contains(late.key), "an action said kept is not in the file");
    }
    qInfo("kept before the kill: %lld of 5 actions", qint64(kept.size()));
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(m_clinic.id)), 1);

    // Restarted, online: everything kept is applied once, in order, and the file says so.
    shutOutTheDesk(false);
    auto again = startDesk();
    QVERIFY(again);
    QVERIFY(again->hasLine(u"OPENED %1"_s.arg(kept.size())));
    QVERIFY(waitApplied(*again, kept));
    QString expected = u"appointment.booked,appointment.confirm,patient.staff_note"_s;
    if (keptKeys.contains(lateBook.key))
        expected += u",appointment.booked"_s;
    if (keptKeys.contains(lateCancel.key))
        expected += u",appointment.cancel"_s;
    QCOMPARE(deskEventKinds(), expected);
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(m_clinic.id)),
             keptKeys.contains(lateBook.key) ? 3 : 2);
    QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where org_id = %1 and idempotency_key = '%2'"_s
                       .arg(m_clinic.id).arg(book.key)), 1);
    QCOMPARE(count(u"select count(*) from frontdesk.desk_requests where login = '%1'"_s.arg(m_login)),
             keptKeys.contains(lateCancel.key) ? 3 : 2);
    QCOMPARE(count(u"select count(*) from frontdesk.interactions where patient_id = %1 and kind = 'staff_note'"_s
                       .arg(a.patientId)), 1);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(a.appointmentId)).toString(),
             keptKeys.contains(lateCancel.key) ? u"cancelled"_s : u"confirmed"_s);
    verifyNeverStalled(*again);
    again->finish();
    QVERIFY(everythingDoneInTheFile());
    QCOMPARE(sqliteIntegrity(m_outboxPath), u"ok"_s);
}

void TestOutboxCrash::killedInTheMiddleOfAReplay()
{
    const BookingResult a = m_db->bookOnOwnThread(request(QTime(9, 0), u"Ada Lovelace"_s));
    const BookingResult b = m_db->bookOnOwnThread(request(QTime(10, 0), u"Alan Turing"_s));
    const BookingResult c = m_db->bookOnOwnThread(request(QTime(11, 0), u"Edsger Dijkstra"_s));
    QVERIFY(a.ok && b.ok && c.ok);
    shutOutTheDesk(true);
    const Command confirmA = Commands::confirm(a.appointmentId);
    const Command book = Commands::book(request(QTime(12, 0), u"Grace Hopper"_s));
    const Command cancelB = Commands::cancel(b.appointmentId, u"Caller is ill"_s);
    const Command confirmC = Commands::confirm(c.appointmentId);
    const Command note = Commands::addPatientNote(a.patientId, u"Prefers the morning"_s);
    const QList<Command> actions{ confirmA, book, cancelB, confirmC, note };
    {
        auto desk = startDesk();
        QVERIFY(desk);
        QVERIFY(keepOffline(*desk, actions));
    }
    shutOutTheDesk(false);

    // The third action waits on a row this test holds: the replay stops there, the first two
    // committed, when the desk is killed. (Its wait ends at the desk's lock_timeout, 2 s, and is
    // tried again 5 s later: 10 s cover two waits.)
    {
        // The test's own connection: closed before the database is dropped, should this fail.
        QSqlQuery hold(m_db->connection());
        QVERIFY(hold.exec(u"begin"_s));
        QVERIFY(hold.exec(u"select id from frontdesk.appointments where id = %1 for update"_s.arg(b.appointmentId)));
        QVERIFY(hold.next());
        auto desk = startDesk();
        QVERIFY(desk);
        QVERIFY(waitApplied(*desk, { confirmA, book }));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->psql(u"postgres"_s, u"select count(*) from pg_stat_activity where usename = '%1' "
                                                                  "and wait_event_type = 'Lock'"_s.arg(m_login)),
                                  u"1"_s, 10000);
        verifyNeverStalled(*desk);
        QVERIFY(desk->killHard());
        endTheDesksBackends();
        QVERIFY(hold.exec(u"rollback"_s));
    }

    // Killed in the middle: the first two in the database, the rest not, and all of the rest in
    // the file, still to be sent.
    QCOMPARE(count(u"select count(*) from frontdesk.desk_requests where login = '%1'"_s.arg(m_login)), 1);
    QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where idempotency_key = '%1'"_s.arg(book.key)), 1);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(b.appointmentId)).toString(),
             u"booked"_s);
    QCOMPARE(sqliteIntegrity(m_outboxPath), u"ok"_s);
    const QList<KeptAction> rows = outboxRows();
    QCOMPARE(rows.size(), actions.size());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).key, actions.at(i).key);
        // The first two were answered: their marks may or may not have landed before the kill.
        if (i < 2)
            QVERIFY2(rows.at(i).state == u"done" || rows.at(i).state == u"pending", qPrintable(rows.at(i).state));
        else
            QCOMPARE(rows.at(i).state, u"pending"_s);
    }

    auto desk = startDesk();
    QVERIFY(desk);
    QVERIFY(waitApplied(*desk, { cancelB, confirmC, note }));
    // Sent again because its mark had not landed: answered as before, marked replayed.
    for (const Command &early : { confirmA, book }) {
        const QString line = desk->waitForLine(u"APPLIED "_s + early.key, 0);
        if (!line.isEmpty() && early.operation != Operation::Book)
            QVERIFY2(DeskProcess::answerIn(line).value(u"replayed").toBool(), qPrintable(line));
    }
    QCOMPARE(deskEventKinds(), u"appointment.confirm,appointment.booked,appointment.cancel,appointment.confirm,"
                               "patient.staff_note"_s);
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(m_clinic.id)), 4);
    QCOMPARE(count(u"select count(*) from frontdesk.desk_requests where login = '%1'"_s.arg(m_login)), 4);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(b.appointmentId)).toString(),
             u"cancelled"_s);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(c.appointmentId)).toString(),
             u"confirmed"_s);
    verifyNeverStalled(*desk);
    desk->finish();
    QVERIFY(everythingDoneInTheFile());
}

void TestOutboxCrash::killedAfterTheServerCommittedBeforeTheOutboxMarkedItDone()
{
    const BookingResult a = m_db->bookOnOwnThread(request(QTime(9, 0), u"Ada Lovelace"_s));
    QVERIFY(a.ok);
    shutOutTheDesk(true);
    const Command book = Commands::book(request(QTime(10, 0), u"Grace Hopper"_s));
    const Command confirm = Commands::confirm(a.appointmentId);
    const Command note = Commands::addPatientNote(a.patientId, u"Prefers the morning"_s);
    const QList<Command> actions{ book, confirm, note };
    {
        auto desk = startDesk();
        QVERIFY(desk);
        QVERIFY(keepOffline(*desk, actions));
    }
    shutOutTheDesk(false);

    // The file's write lock held from outside: the desk replays, the server commits each action,
    // and the outbox cannot mark one of them done before the kill.
    QHash<QString, QJsonObject> firstAnswers;
    {
        OutboxFileLock lock(m_outboxPath);
        QVERIFY(lock.isHeld());
        auto desk = startDesk();
        QVERIFY(desk);
        QVERIFY(waitApplied(*desk, actions));
        for (const Command &action : actions)
            firstAnswers.insert(action.key, DeskProcess::answerIn(desk->waitForLine(u"APPLIED "_s + action.key, 0)));
        QCOMPARE(count(u"select count(*) from frontdesk.booking_requests where idempotency_key = '%1'"_s.arg(book.key)), 1);
        QCOMPARE(count(u"select count(*) from frontdesk.desk_requests where login = '%1'"_s.arg(m_login)), 2);
        QVERIFY2(!desk->hasLine(u"STORE_FAILED"_s), "the kill must land while the store still waits for the file");
        verifyNeverStalled(*desk);
        QVERIFY(desk->killHard());
        QCOMPARE(lock.states(), QStringList({ u"pending"_s, u"pending"_s, u"pending"_s }));
    }
    QCOMPARE(sqliteIntegrity(m_outboxPath), u"ok"_s);
    QVERIFY(firstAnswers.value(book.key).value(u"appointment_id").toInteger() > 0);

    const QString everything = u"select (select count(*) from frontdesk.appointments where org_id = %1) || '/' ||"
                               " (select count(*) from frontdesk.patients where org_id = %1) || '/' ||"
                               " (select count(*) from frontdesk.follow_ups where org_id = %1) || '/' ||"
                               " (select count(*) from frontdesk.events where org_id = %1) || '/' ||"
                               " (select count(*) from frontdesk.interactions where org_id = %1) || '/' ||"
                               " (select count(*) from frontdesk.desk_requests where login = '%2')"_s.arg(m_clinic.id).arg(m_login);
    const QString before = m_db->scalar(everything).toString();

    // Restarted: each is sent again, answered with the original answer, and nothing is new.
    auto desk = startDesk();
    QVERIFY(desk);
    QVERIFY(desk->hasLine(u"OPENED 3"_s));
    QVERIFY(waitApplied(*desk, actions));
    for (const Command &action : actions) {
        const QJsonObject replayed = DeskProcess::answerIn(desk->waitForLine(u"APPLIED "_s + action.key, 0));
        QJsonObject withoutMark = replayed;
        withoutMark.remove(u"replayed"_s);
        QCOMPARE(withoutMark, firstAnswers.value(action.key));
        // The keyed calls mark a replay; a booking's replay is its stored answer as it was.
        if (action.operation != Operation::Book)
            QVERIFY(replayed.value(u"replayed").toBool());
    }
    QCOMPARE(m_db->scalar(everything).toString(), before);
    QCOMPARE(deskEventKinds(), u"appointment.booked,appointment.confirm,patient.staff_note"_s);
    verifyNeverStalled(*desk);
    desk->finish();
    QVERIFY(everythingDoneInTheFile());
}

void TestOutboxCrash::anActionTheFileCannotTakeIsAnsweredNotKept()
{
    const BookingResult a = m_db->bookOnOwnThread(request(QTime(9, 0), u"Ada Lovelace"_s));
    QVERIFY(a.ok);
    shutOutTheDesk(true);
    auto desk = startDesk();
    QVERIFY(desk);
    const Command confirm = Commands::confirm(a.appointmentId);
    {
        // The file stays locked past the store's busy_timeout: the action cannot be kept, and the
        // person must hear so, not wait for ever on an answer that never comes.
        OutboxFileLock lock(m_outboxPath);
        QVERIFY(lock.isHeld());
        desk->send(confirm);
        const QString answer = desk->waitForLine(u"NOT_KEPT "_s + confirm.key, 15000);
        QVERIFY2(!answer.isEmpty(), qPrintable(desk->lines().join(u" | "_s)));
        QVERIFY(!desk->hasLine(u"QUEUED "_s + confirm.key));
        verifyNeverStalled(*desk);
    }
    QVERIFY(outboxRows().isEmpty());
    // The file free again, the next action is kept.
    const Command again = Commands::confirm(a.appointmentId);
    QVERIFY(keepOffline(*desk, { again }));
    const QList<KeptAction> rows = outboxRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().key, again.key);
    desk->finish();
}

QTEST_MAIN(TestOutboxCrash)
#include "tst_outboxcrash.moc"
