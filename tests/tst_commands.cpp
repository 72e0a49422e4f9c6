#include "commands/Command.h"
#include "commands/CommandResult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace frontdesk;
using namespace Qt::StringLiterals;

// Writes are values that an outbox can store and send again unchanged, and a stored value can
// only ever call the function it was made for.
class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughJson_data();
    void roundTripsThroughJson();
    void eachCommandNamesItsFunction();
    void bookingCarriesTheRequestsKey();
    void badStoredCommandsAreRefused_data();
    void badStoredCommandsAreRefused();
    void resultsReadTheAnswer();
};

void TestCommands::roundTripsThroughJson_data()
{
    QTest::addColumn<Command>("command");
    const QDateTime at(QDate(2026, 11, 23), QTime(9, 30), QTimeZone::utc());
    BookingRequest r;
    r.orgId = 4;
    r.providerId = 9007199254740993;   // beyond a double's exact range
    r.startsAt = at;
    r.endsAt = at.addSecs(1800);
    r.patientName = u"Zoë O’Brien"_s;
    r.phone = u"+34 600 000 000"_s;
    r.idempotencyKey = u"desk-1"_s;
    QTest::newRow("book, email and notes null") << Commands::book(r);
    QTest::newRow("confirm") << Commands::confirm(12);
    QTest::newRow("check in") << Commands::checkIn(12);
    QTest::newRow("complete") << Commands::complete(12);
    QTest::newRow("cancel") << Commands::cancel(12, u"Patient called: flu"_s);
    QTest::newRow("cancel without reason") << Commands::cancel(12, QString());
    QTest::newRow("no-show") << Commands::markNoShow(12);
    QTest::newRow("reschedule, same provider") << Commands::reschedule(12, at, at.addSecs(900));
    QTest::newRow("reschedule, other provider") << Commands::reschedule(12, at, at.addSecs(900), 3);
    QTest::newRow("reopen") << Commands::reopen(12);
    QTest::newRow("claim follow-up") << Commands::claimFollowUp(40);
    QTest::newRow("release follow-up") << Commands::releaseFollowUp(40);
    QTest::newRow("complete follow-up, sent") << Commands::completeFollowUp(40, u"sent"_s, QString());
    QTest::newRow("complete follow-up, with note") << Commands::completeFollowUp(40, u"failed"_s, u"Number; not in service"_s);
    QTest::newRow("patient note") << Commands::addPatientNote(8, u"Prefers mornings"_s);
    QTest::newRow("patient note on an appointment") << Commands::addPatientNote(8, u"Brought X-rays"_s, 12);
}

void TestCommands::roundTripsThroughJson()
{
    QFETCH(Command, command);
    const QByteArray stored = QJsonDocument(command.toJson()).toJson(QJsonDocument::Compact);
    const auto back = Command::fromJson(QJsonDocument::fromJson(stored).object());
    QVERIFY2(back.has_value(), stored.constData());
    QCOMPARE(int(back->operation), int(command.operation));
    QCOMPARE(back->key, command.key);
    QCOMPARE(back->targetId, command.targetId);
    QCOMPARE(back->functionName(), command.functionName());
    QCOMPARE(back->arguments.size(), command.arguments.size());
    for (qsizetype i = 0; i < command.arguments.size(); ++i) {
        const QVariant &was = command.arguments.at(i);
        const QVariant &is = back->arguments.at(i);
        QCOMPARE(is.isNull(), was.isNull());
        // A null keeps its type: PostgreSQL must still resolve the function's signature.
        QCOMPARE(is.metaType(), was.metaType());
        if (!was.isNull())
            QCOMPARE(is, was);
    }
}

void TestCommands::eachCommandNamesItsFunction()
{
    QCOMPARE(Commands::confirm(1).functionName(), u"frontdesk.confirm_appointment"_s);
    QCOMPARE(Commands::checkIn(1).functionName(), u"frontdesk.check_in_appointment"_s);
    QCOMPARE(Commands::complete(1).functionName(), u"frontdesk.complete_appointment"_s);
    QCOMPARE(Commands::cancel(1, u"x"_s).functionName(), u"frontdesk.cancel_appointment"_s);
    QCOMPARE(Commands::markNoShow(1).functionName(), u"frontdesk.mark_no_show"_s);
    QCOMPARE(Commands::reschedule(1, {}, {}).functionName(), u"frontdesk.reschedule_appointment"_s);
    QCOMPARE(Commands::reopen(1).functionName(), u"frontdesk.reopen_appointment"_s);
    QCOMPARE(Commands::book({}).functionName(), u"frontdesk.book_appointment_atomic"_s);
    QCOMPARE(Commands::claimFollowUp(1).functionName(), u"frontdesk.claim_follow_up"_s);
    QCOMPARE(Commands::releaseFollowUp(1).functionName(), u"frontdesk.release_follow_up"_s);
    QCOMPARE(Commands::completeFollowUp(1, u"sent"_s, {}).functionName(), u"frontdesk.complete_follow_up"_s);
    QCOMPARE(Commands::addPatientNote(1, u"x"_s).functionName(), u"frontdesk.add_patient_note"_s);
    QCOMPARE(Commands::addPatientNote(8, u"x"_s, 12).targetId, 8);
    // Every command has a key of its own, for an outbox to tell them apart.
    QVERIFY(Commands::confirm(1).key != Commands::confirm(1).key);
}

void TestCommands::bookingCarriesTheRequestsKey()
{
    BookingRequest r;
    r.idempotencyKey = u"desk-abc"_s;
    const Command c = Commands::book(r);
    QCOMPARE(c.key, u"desk-abc"_s);
    QCOMPARE(c.arguments.at(8).toString(), u"desk-abc"_s);
    // A request without a key goes without one (the database refuses it), never with a made-up one.
    const Command keyless = Commands::book(BookingRequest{});
    QVERIFY(keyless.arguments.at(8).isNull());
}

void TestCommands::badStoredCommandsAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("unknown operation")
        << R"({"operation":"drop_everything","arguments":["1"],"key":"k","target_id":"1"})"_ba;
    QTest::newRow("a function name instead")
        << R"({"operation":"frontdesk.confirm_appointment","arguments":["1"],"key":"k"})"_ba;
    QTest::newRow("too many arguments") << R"({"operation":"confirm","arguments":["1","2"],"key":"k"})"_ba;
    QTest::newRow("too few arguments") << R"({"operation":"cancel","arguments":["1"],"key":"k"})"_ba;
    QTest::newRow("id not a number") << R"({"operation":"confirm","arguments":["1; drop table x"],"key":"k"})"_ba;
    QTest::newRow("id as a JSON number") << R"({"operation":"confirm","arguments":[1],"key":"k"})"_ba;
    QTest::newRow("required id null") << R"({"operation":"confirm","arguments":[null],"key":"k"})"_ba;
    QTest::newRow("time not a time") << R"({"operation":"reschedule","arguments":["1","soon","later",null],"key":"k"})"_ba;
    QTest::newRow("no key") << R"({"operation":"confirm","arguments":["1"]})"_ba;
    QTest::newRow("says 5, acts on 7")
        << R"({"operation":"cancel","arguments":["7","why"],"key":"k","target_id":"5"})"_ba;
    QTest::newRow("note says patient 5, writes on 7")
        << R"({"operation":"add_patient_note","arguments":["7","hi",null],"key":"k","target_id":"5"})"_ba;
    QTest::newRow("outcome missing") << R"({"operation":"complete_follow_up","arguments":["3",null,null],"key":"k","target_id":"3"})"_ba;
    QTest::newRow("not an object") << R"(["confirm"])"_ba;
}

void TestCommands::badStoredCommandsAreRefused()
{
    QFETCH(QByteArray, json);
    QVERIFY(!Command::fromJson(QJsonDocument::fromJson(json).object()).has_value());
}

void TestCommands::resultsReadTheAnswer()
{
    const CommandResult ok = CommandResult::fromJson(R"({"ok":true,"appointment_id":5,"status":"confirmed","unchanged":true})"_ba);
    QVERIFY(ok.ok);
    QVERIFY(ok.unchanged());
    QVERIFY(ok.code.isEmpty());
    const CommandResult refused = CommandResult::fromJson(
        R"({"ok":false,"code":"SLOT_UNAVAILABLE","message":"taken","alternatives":["2026-11-23T10:00:00+00:00","bad"]})"_ba);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.code, u"SLOT_UNAVAILABLE"_s);
    QCOMPARE(refused.alternatives(), (QList<QDateTime>{ QDateTime(QDate(2026, 11, 23), QTime(10, 0), QTimeZone::utc()) }));
    // An answer that is not one: a code, never an ok.
    QCOMPARE(CommandResult::fromJson("<html>"_ba).code, u"BAD_RESPONSE"_s);
    QCOMPARE(CommandResult::fromJson(R"({"ok":false})"_ba).code, u"BAD_RESPONSE"_s);
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
