// Schema v15: the desk's writing calls carry a key, and a call sent again (after a lost
// connection, or from the outbox) is answered with the first answer and changes nothing.
#include "TestDatabase.h"
#include "commands/Command.h"
#include "db/FunctionCall.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <memory>
#include <thread>

using namespace Qt::StringLiterals;
using namespace frontdesk;
using namespace frontdesk::test;

class TestKeyedRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void aReplayAnswersTheFirstAnswerAndChangesNothing();
    void everyDeskCommandIsSentWithItsKey();
    void everyKeyedCallAnswersItsReplay_data();
    void everyKeyedCallAnswersItsReplay();
    void aKeyUsedForAnotherRequestIsRefused();
    void aRefusedCallGivesItsKeyBack();
    void badKeysAreRefused_data();
    void badKeysAreRefused();
    void keysBelongToTheirLogin();
    void aConcurrentReplayWaitsForTheFirst();
    void transactionsThatCannotBeServed();
    void agentsHaveNoKeyedCalls();

private:
    qint64 bookTomorrow(int hour);
    QSqlDatabase &receptionist() { return m_db->connectionAs(m_receptionist, TestDatabase::loginPassword()); }
    QSqlDatabase &manager() { return m_db->connectionAs(m_manager, TestDatabase::loginPassword()); }
    QString statusOf(qint64 appointmentId);
    int eventsOf(qint64 appointmentId);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_receptionist;
    QString m_manager;
};

void TestKeyedRequests::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    m_receptionist = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_manager = m_db->createLogin(u"manager"_s, m_clinic.id);
}

void TestKeyedRequests::cleanupTestCase()
{
    m_db.reset();
}

void TestKeyedRequests::cleanup()
{
    // A failed check must not leave its transaction open for the next test.
    QSqlQuery(receptionist()).exec(u"rollback"_s);
}

qint64 TestKeyedRequests::bookTomorrow(int hour)
{
    static int minute = 0;
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(hour, (minute++ % 6) * 10), QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(600);
    r.patientName = u"Grace Hopper %1"_s.arg(QChar(u'a' + minute % 26));
    r.phone = u"(212) 555-0143"_s;
    r.source = BookingSource::Staff;
    r.idempotencyKey = QUuid::createUuid().toString();
    const BookingResult booked = m_db->bookOnOwnThread(r);
    if (!booked.ok)
        qFatal("bookTomorrow: %s", qPrintable(booked.code));
    return booked.appointmentId;
}

QString TestKeyedRequests::statusOf(qint64 appointmentId)
{
    return m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(appointmentId)).toString();
}

int TestKeyedRequests::eventsOf(qint64 appointmentId)
{
    return m_db->scalar(u"select count(*) from frontdesk.events where appointment_id = %1"_s.arg(appointmentId)).toInt();
}

void TestKeyedRequests::aReplayAnswersTheFirstAnswerAndChangesNothing()
{
    const qint64 id = bookTomorrow(9);
    const QString key = u"desk-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject first = jsonAnswer(receptionist(), u"frontdesk.cancel_appointment(?, ?, ?)"_s,
                                         { id, u"Caller is ill"_s, key });
    QVERIFY2(first.value(u"ok").toBool(), qPrintable(first.value(u"code").toString()));
    QCOMPARE(statusOf(id), u"cancelled"_s);
    // A manager puts it back; the cancellation sent again (its answer had been lost) must not
    // cancel it a second time.
    QVERIFY(jsonAnswer(manager(), u"frontdesk.reopen_appointment(%1)"_s.arg(id)).value(u"ok").toBool());
    const int events = eventsOf(id);
    const QJsonObject replay = jsonAnswer(receptionist(), u"frontdesk.cancel_appointment(?, ?, ?)"_s,
                                          { id, u"Caller is ill"_s, key });
    QVERIFY(replay.value(u"replayed").toBool());
    QJsonObject withoutMark = replay;
    withoutMark.remove(u"replayed"_s);
    QCOMPARE(withoutMark, first);
    QCOMPARE(statusOf(id), u"booked"_s);
    QCOMPARE(eventsOf(id), events);
}

void TestKeyedRequests::everyDeskCommandIsSentWithItsKey()
{
    const qint64 id = bookTomorrow(10);
    QSqlDatabase &db = receptionist();
    const Command confirm = Commands::confirm(id);
    const auto first = callFunction(db, confirm);
    QVERIFY(first.ok());
    QVERIFY2(first->ok, qPrintable(first->code));
    // The same command value again, as the outbox sends it: answered, not applied.
    const int events = eventsOf(id);
    const auto again = callFunction(db, *Command::fromJson(confirm.toJson()));
    QVERIFY(again.ok());
    QVERIFY(again->ok);
    QCOMPARE(eventsOf(id), events);
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.desk_requests where request_key = '%1'"_s.arg(confirm.key)).toInt(), 1);

    // A note sent twice is one note.
    const qint64 patient = m_db->scalar(u"select patient_id from frontdesk.appointments where id = %1"_s.arg(id)).toLongLong();
    const Command note = Commands::addPatientNote(patient, u"Prefers mornings"_s);
    QVERIFY(callFunction(db, note)->ok);
    QVERIFY(callFunction(db, note)->ok);
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.interactions where patient_id = %1 and body = 'Prefers mornings'"_s
                              .arg(patient)).toInt(), 1);
}

void TestKeyedRequests::everyKeyedCallAnswersItsReplay_data()
{
    QTest::addColumn<int>("operation");
    for (const Operation op : { Operation::Confirm, Operation::CheckIn, Operation::Complete, Operation::Cancel,
                                Operation::MarkNoShow, Operation::Reschedule, Operation::Reopen, Operation::ClaimFollowUp,
                                Operation::ReleaseFollowUp, Operation::CompleteFollowUp, Operation::AddPatientNote })
    {
        Command named;
        named.operation = op;
        QTest::newRow(qPrintable(named.functionName())) << int(op);
    }
}

void TestKeyedRequests::everyKeyedCallAnswersItsReplay()
{
    // Each writing call of the desk, in a state where it is served, sent twice with one key: the
    // second answer is the first, marked replayed, and the database is as after the first.
    QFETCH(int, operation);
    const Operation op = Operation(operation);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 provider = m_clinic.providers.at(1).id;
    static int slot = 0;
    const auto at = [&](int minutes) { return now.addSecs(minutes * 60 + (++slot) * 5); };
    const auto appointment = [&](AppointmentStatus status, int minutes) {
        const QDateTime start = at(minutes);
        return m_db->insertAppointment(m_clinic.id, provider, status, start, start.addSecs(4));
    };
    QSqlDatabase *login = &receptionist();
    Command command;
    switch (op) {
    case Operation::Confirm: command = Commands::confirm(appointment(AppointmentStatus::Booked, 24 * 60)); break;
    case Operation::CheckIn: command = Commands::checkIn(appointment(AppointmentStatus::Booked, 1)); break;
    case Operation::Complete: command = Commands::complete(appointment(AppointmentStatus::Arrived, -10)); break;
    case Operation::Cancel:
        command = Commands::cancel(appointment(AppointmentStatus::Booked, 24 * 60), u"Caller is ill"_s);
        break;
    case Operation::MarkNoShow: command = Commands::markNoShow(appointment(AppointmentStatus::Booked, -30)); break;
    case Operation::Reschedule: {
        const QDateTime moved = at(26 * 60);
        command = Commands::reschedule(appointment(AppointmentStatus::Booked, 24 * 60), moved, moved.addSecs(4));
        break;
    }
    case Operation::Reopen:
        command = Commands::reopen(appointment(AppointmentStatus::Cancelled, 24 * 60));
        login = &manager();
        break;
    case Operation::ClaimFollowUp: case Operation::ReleaseFollowUp: case Operation::CompleteFollowUp: {
        const qint64 booked = bookTomorrow(18);
        const qint64 item = m_db->scalar(u"select id from frontdesk.follow_ups where appointment_id = %1 and kind = 'sms'"_s
                                             .arg(booked)).toLongLong();
        QVERIFY(item > 0);
        if (op != Operation::ClaimFollowUp)
            QVERIFY(jsonAnswer(*login, u"frontdesk.claim_follow_up(%1)"_s.arg(item)).value(u"ok").toBool());
        command = op == Operation::ClaimFollowUp     ? Commands::claimFollowUp(item)
                : op == Operation::ReleaseFollowUp ? Commands::releaseFollowUp(item)
                                                   : Commands::completeFollowUp(item, u"sent"_s, QString());
        break;
    }
    case Operation::AddPatientNote: {
        const qint64 booked = appointment(AppointmentStatus::Booked, 24 * 60);
        command = Commands::addPatientNote(
            m_db->scalar(u"select patient_id from frontdesk.appointments where id = %1"_s.arg(booked)).toLongLong(),
            u"Prefers the afternoon"_s, booked);
        break;
    }
    default: QFAIL("not a keyed call");
    }
    const QString eventsSql = u"select count(*) from frontdesk.events where org_id = %1"_s.arg(m_clinic.id);
    const auto first = callFunction(*login, command);
    QVERIFY(first.ok());
    QVERIFY2(first->ok, qPrintable(first->code + u": "_s + first->message));
    QVERIFY(!first->answer.contains(u"replayed"));
    const int events = m_db->scalar(eventsSql).toInt();
    const auto again = callFunction(*login, command);
    QVERIFY(again.ok());
    QVERIFY(again->ok);
    QVERIFY(again->answer.value(u"replayed").toBool());
    QJsonObject withoutMark = again->answer;
    withoutMark.remove(u"replayed"_s);
    QCOMPARE(withoutMark, first->answer);
    QCOMPARE(m_db->scalar(eventsSql).toInt(), events);
}

void TestKeyedRequests::aKeyUsedForAnotherRequestIsRefused()
{
    const qint64 id = bookTomorrow(11);
    const qint64 other = bookTomorrow(11);
    const QString key = QUuid::createUuid().toString();
    QVERIFY(jsonAnswer(receptionist(), u"frontdesk.confirm_appointment(?, ?)"_s, { id, key }).value(u"ok").toBool());
    const QJsonObject another = jsonAnswer(receptionist(), u"frontdesk.confirm_appointment(?, ?)"_s, { other, key });
    QCOMPARE(another.value(u"code").toString(), u"IDEMPOTENCY_MISMATCH"_s);
    QCOMPARE(statusOf(other), u"booked"_s);
    const QJsonObject cancel = jsonAnswer(receptionist(), u"frontdesk.cancel_appointment(?, ?, ?)"_s, { id, u"x"_s, key });
    QCOMPARE(cancel.value(u"code").toString(), u"IDEMPOTENCY_MISMATCH"_s);
    QCOMPARE(statusOf(id), u"confirmed"_s);
}

void TestKeyedRequests::aRefusedCallGivesItsKeyBack()
{
    const qint64 id = bookTomorrow(12);
    const QString key = QUuid::createUuid().toString();
    QVERIFY(jsonAnswer(receptionist(), u"frontdesk.cancel_appointment(%1, 'moved away')"_s.arg(id)).value(u"ok").toBool());
    // Refused (a cancelled appointment cannot be confirmed): nothing stored under the key.
    const QJsonObject refused = jsonAnswer(receptionist(), u"frontdesk.confirm_appointment(?, ?)"_s, { id, key });
    QVERIFY(!refused.value(u"ok").toBool());
    QVERIFY(!refused.value(u"code").toString().isEmpty());
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.desk_requests where request_key = '%1'"_s.arg(key)).toInt(), 0);
    // Asked again once it can be served: served.
    QVERIFY(jsonAnswer(manager(), u"frontdesk.reopen_appointment(%1)"_s.arg(id)).value(u"ok").toBool());
    const QJsonObject served = jsonAnswer(receptionist(), u"frontdesk.confirm_appointment(?, ?)"_s, { id, key });
    QVERIFY(served.value(u"ok").toBool());
    QVERIFY(!served.contains(u"replayed"));
    QCOMPARE(statusOf(id), u"confirmed"_s);
}

void TestKeyedRequests::badKeysAreRefused_data()
{
    QTest::addColumn<QVariant>("key");
    QTest::newRow("null") << QVariant(QMetaType::fromType<QString>());
    QTest::newRow("empty") << QVariant(u""_s);
    QTest::newRow("blank") << QVariant(u" \t\u00a0 "_s);
    QTest::newRow("201 characters") << QVariant(QString(201, u'k'));
    QTest::newRow("a megabyte") << QVariant(QString(1 << 20, u'k'));
}

void TestKeyedRequests::badKeysAreRefused()
{
    QFETCH(QVariant, key);
    const qint64 id = bookTomorrow(13);
    const int events = eventsOf(id);
    const QJsonObject answer = jsonAnswer(receptionist(), u"frontdesk.check_in_appointment(?, ?)"_s, { id, key });
    QCOMPARE(answer.value(u"code").toString(), u"INVALID_IDEMPOTENCY_KEY"_s);
    QCOMPARE(statusOf(id), u"booked"_s);
    QCOMPARE(eventsOf(id), events);
}

void TestKeyedRequests::keysBelongToTheirLogin()
{
    // Another clinic's desk that happens to send the same key (or guesses one) gets its own call
    // served, never this desk's stored answer.
    const Clinic other = m_db->createClinic(u"UTC"_s, 1);
    const QString otherDesk = m_db->createLogin(u"receptionist"_s, other.id);
    const qint64 id = bookTomorrow(14);
    const QString key = QUuid::createUuid().toString();
    const QJsonObject mine = jsonAnswer(receptionist(), u"frontdesk.confirm_appointment(?, ?)"_s, { id, key });
    QVERIFY(mine.value(u"ok").toBool());
    QSqlDatabase &theirs = m_db->connectionAs(otherDesk, TestDatabase::loginPassword());
    const QJsonObject guessed = jsonAnswer(theirs, u"frontdesk.confirm_appointment(?, ?)"_s, { id, key });
    QVERIFY(!guessed.value(u"ok").toBool());
    QVERIFY(!guessed.contains(u"replayed"));
    QCOMPARE(guessed.value(u"code").toString(), u"UNKNOWN_APPOINTMENT"_s);
    // And no login reads the stored answers.
    QSqlQuery q(theirs);
    QVERIFY(!q.exec(u"select count(*) from frontdesk.desk_requests"_s));
    QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
}

void TestKeyedRequests::aConcurrentReplayWaitsForTheFirst()
{
    // The first call is still running on a connection the desk has given up on; the desk, back
    // on a new connection, sends it again. The second waits for the first and gets its answer.
    const qint64 id = bookTomorrow(15);
    const QString key = QUuid::createUuid().toString();
    QSqlDatabase &first = receptionist();
    QSqlQuery begin(first);
    QVERIFY(begin.exec(u"begin"_s));
    const QJsonObject firstAnswer = jsonAnswer(first, u"frontdesk.confirm_appointment(?, ?)"_s, { id, key });
    QVERIFY2(firstAnswer.value(u"ok").toBool(), QJsonDocument(firstAnswer).toJson().constData());

    QJsonObject secondAnswer;
    std::thread second([&] {
        const QString name = u"second-"_s + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = m_db->connectAs(name, m_receptionist, TestDatabase::loginPassword());
            secondAnswer = jsonAnswer(db, u"frontdesk.confirm_appointment(?, ?)"_s, { id, key });
        }
        QSqlDatabase::removeDatabase(name);
    });
    QTest::qWait(300);   // the second is waiting on the first's claim of the key
    QVERIFY(secondAnswer.isEmpty());
    QVERIFY(QSqlQuery(first).exec(u"commit"_s));
    second.join();
    QVERIFY(secondAnswer.value(u"ok").toBool());
    QVERIFY(secondAnswer.value(u"replayed").toBool());
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.events where appointment_id = %1 and kind = 'appointment.confirm'"_s
                              .arg(id)).toInt(), 1);
}

void TestKeyedRequests::transactionsThatCannotBeServed()
{
    const qint64 id = bookTomorrow(16);
    QSqlDatabase &db = receptionist();
    const QString key = QUuid::createUuid().toString();

    QVERIFY(QSqlQuery(db).exec(u"begin isolation level serializable"_s));
    QCOMPARE(jsonAnswer(db, u"frontdesk.confirm_appointment(?, ?)"_s, { id, key }).value(u"code").toString(),
             u"UNSUPPORTED_ISOLATION"_s);
    QVERIFY(QSqlQuery(db).exec(u"rollback"_s));

    QVERIFY(QSqlQuery(db).exec(u"begin read only"_s));
    QCOMPARE(jsonAnswer(db, u"frontdesk.confirm_appointment(?, ?)"_s, { id, key }).value(u"code").toString(),
             u"READ_ONLY_TRANSACTION"_s);
    QVERIFY(QSqlQuery(db).exec(u"rollback"_s));

    // REPEATABLE READ whose snapshot predates the key's first use: asked to call again.
    QVERIFY(QSqlQuery(db).exec(u"begin isolation level repeatable read"_s));
    QVERIFY(QSqlQuery(db).exec(u"select 1"_s));   // the snapshot is taken here
    QSqlDatabase &other = manager();
    const QString managerKey = QUuid::createUuid().toString();
    QVERIFY(jsonAnswer(other, u"frontdesk.confirm_appointment(?, ?)"_s, { id, managerKey }).value(u"ok").toBool());
    // Another login's key is not this one's: the manager's call does not make this one a replay.
    QVERIFY(jsonAnswer(db, u"frontdesk.confirm_appointment(?, ?)"_s, { id, key }).contains(u"code"));
    QVERIFY(QSqlQuery(db).exec(u"rollback"_s));

    const QString sharedKey = QUuid::createUuid().toString();
    QSqlDatabase &again = receptionist();
    QVERIFY(QSqlQuery(again).exec(u"begin isolation level repeatable read"_s));
    QVERIFY(QSqlQuery(again).exec(u"select 1"_s));
    // The same login on another connection (the desk's earlier connection) commits the key.
    std::thread earlier([&] {
        const QString name = u"earlier-"_s + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase conn = m_db->connectAs(name, m_receptionist, TestDatabase::loginPassword());
            jsonAnswer(conn, u"frontdesk.cancel_appointment(?, ?, ?)"_s, { id, u"Moved away"_s, sharedKey });
        }
        QSqlDatabase::removeDatabase(name);
    });
    earlier.join();
    QCOMPARE(jsonAnswer(again, u"frontdesk.cancel_appointment(?, ?, ?)"_s, { id, u"Moved away"_s, sharedKey }).value(u"code").toString(),
             u"IDEMPOTENCY_RETRY"_s);
    QVERIFY(QSqlQuery(again).exec(u"rollback"_s));
    QCOMPARE(statusOf(id), u"cancelled"_s);
}

void TestKeyedRequests::agentsHaveNoKeyedCalls()
{
    const QString agent = m_db->createLogin(u"agent"_s, m_clinic.id);
    const qint64 id = bookTomorrow(17);
    QSqlDatabase &db = m_db->connectionAs(agent, TestDatabase::loginPassword());
    QCOMPARE(jsonAnswer(db, u"frontdesk.confirm_appointment(?, ?)"_s, { id, QUuid::createUuid().toString() })
                 .value(u"sql_error").toString(),
             u"42501"_s);
    QCOMPARE(jsonAnswer(db, u"frontdesk.claim_desk_request('k', 'r')"_s).value(u"sql_error").toString(), u"42501"_s);
    QCOMPARE(statusOf(id), u"booked"_s);
}

QTEST_GUILESS_MAIN(TestKeyedRequests)
#include "tst_keyedrequests.moc"
