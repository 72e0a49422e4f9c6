// Callbacks for failed AI calls (schema v10): an AI agent's refusal that a person can fix, of a
// caller who left a usable number or address, queues one "call back" item in the follow-up queue,
// in the refused call's own transaction, with the caller's request, the refusal and the nearest
// free slots; it is logged and rings the doorbell. Nothing else is stored: no booking, no patient,
// no key. One open callback per caller (a later refusal refreshes it, a resent request changes
// nothing); a later booking of the caller completes it as 'booked'. Staff refusals, refusals
// nobody can fix and callers nobody can reach store nothing. Another clinic neither sees them nor
// makes them. Every isolation level is served or refused as the rest of the schema is.
#include "TestDatabase.h"

#include "commands/Command.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"
#include "db/FunctionCall.h"
#include "db/SqlStatement.h"
#include "domain/FollowUp.h"
#include "sim/CallSimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
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
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

const QString kBook = u"frontdesk.book_appointment_atomic(?::bigint, ?::bigint, ?::timestamptz, ?::timestamptz, "
                      "?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text)"_s;
const QString kChannel = u"frontdesk_changes"_s;

QDate g_today;

QVariant null()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant text(const QString &s)
{
    return s.isNull() ? null() : QVariant(s);
}

// A time of day (UTC) `days` days from today (UTC), as the database reads it.
QString at(int days, int hour, int minute = 0)
{
    return QDateTime(g_today.addDays(days), QTime(hour, minute), QTimeZone::utc()).toString(Qt::ISODate);
}

QString newKey()
{
    return u"cb-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QDateTime timeOf(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// What book_appointment_atomic is asked: text for every value, so that any time can be sent.
struct Request
{
    qint64 org = 0;
    QVariant provider;
    QString startsAt;
    QString endsAt;
    QString name = u"Maria Garcia"_s;
    QString phone = u"(212) 555-0142"_s;
    QString email;
    QString source = u"ai_voice"_s;
    QString key = newKey();
    QString service = u"Flu shot"_s;

    QVariantList values() const
    {
        return { org, provider, startsAt, endsAt, text(name), text(phone), text(email), source, key, text(service), null() };
    }
};

// A connection of its own (as a login), closed and removed with the object.
class Session
{
public:
    Session(const TestDatabase &db, const QString &login)
        : m_name(u"session-"_s + QUuid::createUuid().toString(QUuid::Id128)),
          m_db(db.connectAs(m_name, login, TestDatabase::loginPassword()))
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
    QJsonObject book(const Request &r) { return jsonAnswer(m_db, kBook, r.values()); }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// The doorbell, as a desk hears it.
class Listener
{
public:
    explicit Listener(const TestDatabase &db)
        : m_name(u"listener-"_s + QUuid::createUuid().toString(QUuid::Id128)), m_db(db.connect(m_name))
    {
        m_db.driver()->subscribeToNotification(kChannel);
        m_spy = std::make_unique<QSignalSpy>(m_db.driver(), &QSqlDriver::notification);
    }
    ~Listener()
    {
        m_spy.reset();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    // The payload that names `eventId`, waiting up to five seconds for it.
    QString payloadOf(qint64 eventId)
    {
        for (int waited = 0; waited < 5000; waited += 50) {
            for (const QList<QVariant> &signal : std::as_const(*m_spy)) {
                const QString payload = signal.at(2).toString();
                if (QJsonDocument::fromJson(payload.toUtf8()).object().value(u"event_id").toInteger() == eventId)
                    return payload;
            }
            QTest::qWait(50);
        }
        return {};
    }

private:
    QString m_name;
    QSqlDatabase m_db;
    std::unique_ptr<QSignalSpy> m_spy;
};

const QStringList kFixable = { u"SLOT_UNAVAILABLE"_s, u"PATIENT_BUSY"_s, u"OUTSIDE_HOURS"_s, u"IN_THE_PAST"_s,
                               u"INVALID_TIME"_s, u"INVALID_PHONE"_s, u"INVALID_EMAIL"_s, u"INVALID_NAME"_s,
                               u"UNKNOWN_PROVIDER"_s };

} // namespace

class TestCallbacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void eachFixableRefusalQueuesOneCallback_data();
    void eachFixableRefusalQueuesOneCallback();
    void noUsableContactQueuesNothing_data();
    void noUsableContactQueuesNothing();
    void staffRefusalsQueueNothing_data();
    void staffRefusalsQueueNothing();
    void refusalsNobodyCanFixQueueNothing_data();
    void refusalsNobodyCanFixQueueNothing();
    void hugeInputIsCutDownQuickly_data();
    void hugeInputIsCutDownQuickly();

    void sameCallerRefusedAgainRefreshesTheOneItem();
    void aCallerKnownByEmailIsFoundByEmail();
    void aResentRequestIsNotAnotherAttempt();
    void concurrentRefusalsOfOneCallerMakeOneItem_data();
    void concurrentRefusalsOfOneCallerMakeOneItem();

    void anotherClinicSeesNoneAndMakesNone();

    void aLaterBookingCompletesIt_data();
    void aLaterBookingCompletesIt();
    void aCallbackLearnsTheCallersNumber();
    void completingChecksOutcomePerKind_data();
    void completingChecksOutcomePerKind();

    void refusedTransactionsStoreNothing_data();
    void refusedTransactionsStoreNothing();
    void repeatableReadIsServedOrAnswersRetry();

    void theSimulatedAgentsRefusalsAreCalledBack();

private:
    // A clinic open 08:00 to 18:00 UTC every day, its agent (the one agent login, granted every
    // clinic made here) and a receptionist.
    struct Place
    {
        Clinic clinic;
        QString desk;
    };
    Place newPlace();
    Request request(const Place &p, int days = 3, int hour = 10, int minutes = 30) const;
    QSqlDatabase &agent() { return m_db->connectionAs(m_agent, TestDatabase::loginPassword()); }
    QSqlDatabase &as(const QString &login) { return m_db->connectionAs(login, TestDatabase::loginPassword()); }
    // Books as the schema's owner (as staff), for the slots and patients a case needs.
    QJsonObject ownerBook(Request r);
    // The clinic's rows a refusal must not add to, as one comparable line.
    QString bookingCounts(qint64 org) const;
    qint64 callbacksOf(qint64 org) const;
    QJsonObject followUp(qint64 id) const;
    qint64 count(const QString &sql) const { return m_db->scalar(sql).toLongLong(); }
    QString feedCursor(qint64 org);
    // The desk claims and completes an item; the complete call's answer.
    QJsonObject claimAndComplete(const QString &desk, qint64 item, const QString &arguments);

    std::unique_ptr<TestDatabase> m_db;
    QString m_agent;
};

void TestCallbacks::initTestCase()
{
    g_today = QDateTime::currentDateTimeUtc().date();
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
}

void TestCallbacks::cleanupTestCase()
{
    m_db.reset();
}

TestCallbacks::Place TestCallbacks::newPlace()
{
    Place p;
    p.clinic = m_db->createClinic(u"UTC"_s, 2);
    if (!p.clinic.isValid())
        qFatal("newPlace: no clinic");
    m_db->scalar(u"update frontdesk.organisations set opens_at = '08:00', closes_at = '18:00' where id = %1 returning 1"_s
                     .arg(p.clinic.id));
    if (m_agent.isEmpty()) {
        m_agent = m_db->createLogin(u"agent"_s, p.clinic.id);
    } else if (!AdminQueries::grantAgent(m_db->connection(), m_agent, p.clinic.id, TestDatabase::loginPassword())) {
        qFatal("newPlace: cannot grant the agent");
    }
    p.desk = m_db->createLogin(u"receptionist"_s, p.clinic.id);
    return p;
}

Request TestCallbacks::request(const Place &p, int days, int hour, int minutes) const
{
    Request r;
    r.org = p.clinic.id;
    r.provider = p.clinic.providers.first().id;
    r.startsAt = at(days, hour);
    r.endsAt = at(days, hour + minutes / 60, minutes % 60);
    return r;
}

QJsonObject TestCallbacks::ownerBook(Request r)
{
    r.source = u"staff"_s;
    r.key = newKey();
    const QJsonObject answer = jsonAnswer(m_db->connection(), kBook, r.values());
    if (!answer.value(u"ok").toBool())
        qWarning("ownerBook: %s", QJsonDocument(answer).toJson(QJsonDocument::Compact).constData());
    return answer;
}

QString TestCallbacks::bookingCounts(qint64 org) const
{
    return m_db->scalar(u"select format('appointments=%s patients=%s booking_requests=%s follow_ups=%s events=%s', "
                        "(select count(*) from frontdesk.appointments where org_id = %1), "
                        "(select count(*) from frontdesk.patients where org_id = %1), "
                        "(select count(*) from frontdesk.booking_requests where org_id = %1), "
                        "(select count(*) from frontdesk.follow_ups where org_id = %1), "
                        "(select count(*) from frontdesk.events where org_id = %1))"_s.arg(org)).toString();
}

qint64 TestCallbacks::callbacksOf(qint64 org) const
{
    return count(u"select count(*) from frontdesk.follow_ups where org_id = %1 and kind = 'callback'"_s.arg(org));
}

QJsonObject TestCallbacks::followUp(qint64 id) const
{
    return QJsonDocument::fromJson(m_db->scalar(u"select row_to_json(f)::text from frontdesk.follow_ups f where id = %1"_s
                                                    .arg(id)).toString().toUtf8()).object();
}

QString TestCallbacks::feedCursor(qint64 org)
{
    return jsonAnswer(m_db->connection(), u"frontdesk.changes_since(%1, null)"_s.arg(org)).value(u"cursor").toString();
}

QJsonObject TestCallbacks::claimAndComplete(const QString &desk, qint64 item, const QString &arguments)
{
    const QJsonObject claimed = jsonAnswer(as(desk), u"frontdesk.claim_follow_up(%1)"_s.arg(item));
    if (!claimed.value(u"ok").toBool())
        return claimed;
    return jsonAnswer(as(desk), u"frontdesk.complete_follow_up(%1, %2)"_s.arg(item).arg(arguments));
}

// ---------------------------------------------------------------------------------------------
// What is queued, and when

void TestCallbacks::eachFixableRefusalQueuesOneCallback_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("slot taken") << u"SLOT_UNAVAILABLE"_s;
    QTest::newRow("caller busy with the other provider") << u"PATIENT_BUSY"_s;
    QTest::newRow("clinic closed then") << u"OUTSIDE_HOURS"_s;
    QTest::newRow("yesterday") << u"IN_THE_PAST"_s;
    QTest::newRow("ends at infinity") << u"INVALID_TIME"_s;
    QTest::newRow("garbled phone, email given") << u"INVALID_PHONE"_s;
    QTest::newRow("garbled email, phone given") << u"INVALID_EMAIL"_s;
    QTest::newRow("garbled name") << u"INVALID_NAME"_s;
    QTest::newRow("unknown provider") << u"UNKNOWN_PROVIDER"_s;
}

void TestCallbacks::eachFixableRefusalQueuesOneCallback()
{
    QFETCH(QString, code);
    const Place place = newPlace();
    const Clinic &clinic = place.clinic;
    Request r = request(place);
    QString callerName = r.name;
    QString phone = u"+12125550142"_s;
    QString email;
    QString recipient = phone;
    QString contactKey = phone;
    qint64 provider = clinic.providers.first().id;
    qint64 patient = 0;
    bool hasEnd = true;
    bool hasAlternatives = true;

    if (code == u"SLOT_UNAVAILABLE") {
        Request taken = request(place);
        taken.name = u"Tina Taken"_s;
        taken.phone = u"(212) 555-0100"_s;
        QVERIFY(ownerBook(taken).value(u"ok").toBool());
    } else if (code == u"PATIENT_BUSY") {
        Request busy = request(place);
        busy.provider = clinic.providers.at(1).id;
        const QJsonObject booked = ownerBook(busy);
        QVERIFY(booked.value(u"ok").toBool());
        patient = booked.value(u"patient_id").toInteger();   // a patient of the clinic with that number
    } else if (code == u"OUTSIDE_HOURS") {
        r.startsAt = at(3, 19);
        r.endsAt = at(3, 19, 30);
    } else if (code == u"IN_THE_PAST") {
        r.startsAt = at(-1, 10);
        r.endsAt = at(-1, 10, 30);
    } else if (code == u"INVALID_TIME") {
        r.endsAt = u"infinity"_s;
        hasEnd = false;
        hasAlternatives = false;
    } else if (code == u"INVALID_PHONE") {
        r.phone = u" 555-12 "_s;
        r.email = u" Maria.Garcia@Example.com "_s;
        phone = u"555-12"_s;
        email = u"maria.garcia@example.com"_s;
        recipient.clear();
        contactKey = email;
    } else if (code == u"INVALID_EMAIL") {
        r.email = u"maria.at.example.com"_s;
        email = r.email;
    } else if (code == u"INVALID_NAME") {
        // As heard, less what would make it display as something else.
        r.name = u"  Maria \u202eGarcia\u0007 \u200b2\t"_s;
        callerName = u"Maria Garcia 2"_s;
    } else if (code == u"UNKNOWN_PROVIDER") {
        r.provider = qint64(999999999);
        provider = 0;
        hasAlternatives = false;
    }
    const QString countsBefore = bookingCounts(clinic.id);
    const QString cursor = feedCursor(clinic.id);
    Listener listener(*m_db);

    const QJsonObject answer = jsonAnswer(agent(), kBook, r.values());
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"ok").toBool(), false);
    QCOMPARE(answer.value(u"code").toString(), code);
    const qint64 id = answer.value(u"callback_id").toInteger();
    QVERIFY2(id > 0, QJsonDocument(answer).toJson(QJsonDocument::Compact).constData());

    // Exactly one new item, and nothing else but its event: no appointment, patient or key.
    QCOMPARE(callbacksOf(clinic.id), qint64(1));
    QString expected = countsBefore;
    const auto bump = [&expected](const QString &what) {
        const QRegularExpression field(what + u"=(\\d+)"_s);
        const auto m = field.match(expected);
        expected.replace(m.capturedStart(), m.capturedLength(), what + u'=' + QString::number(m.captured(1).toInt() + 1));
    };
    bump(u"follow_ups"_s);
    bump(u"events"_s);
    QCOMPARE(bookingCounts(clinic.id), expected);

    const QJsonObject item = followUp(id);
    QCOMPARE(item.value(u"org_id").toInteger(), clinic.id);
    QCOMPARE(item.value(u"kind").toString(), u"callback"_s);
    QCOMPARE(item.value(u"purpose").toString(), u"failed_call"_s);
    QCOMPARE(item.value(u"status").toString(), u"pending"_s);
    QVERIFY(item.value(u"appointment_id").isNull());
    QVERIFY(item.value(u"message").isNull());   // the SMS text: none for a callback
    QCOMPARE(item.value(u"recipient").toString(), recipient);
    QCOMPARE(item.value(u"recipient").isNull(), recipient.isEmpty());
    QCOMPARE(item.value(u"contact_key").toString(), contactKey);
    QCOMPARE(item.value(u"patient_id").toInteger(), patient);
    QCOMPARE(count(u"select count(*) from frontdesk.follow_ups where id = %1 and due_at = created_at + interval '2 minutes'"_s
                       .arg(id)),
             qint64(1));

    const QJsonObject details = item.value(u"callback").toObject();
    QCOMPARE(details.value(u"caller_name").toString(), callerName);
    QCOMPARE(details.value(u"phone").toString(), phone);
    QCOMPARE(details.value(u"email").toString(), email);
    QCOMPARE(details.value(u"email").isNull(), email.isEmpty());
    QCOMPARE(details.value(u"provider_id").toInteger(), provider);
    QCOMPARE(details.value(u"provider_name").toString(), provider ? u"Dr. Provider 1"_s : QString());
    QCOMPARE(timeOf(details.value(u"starts_at")), QDateTime::fromString(r.startsAt, Qt::ISODate));
    if (hasEnd)
        QCOMPARE(timeOf(details.value(u"ends_at")), QDateTime::fromString(r.endsAt, Qt::ISODate));
    else
        QVERIFY(details.value(u"ends_at").isNull());
    QCOMPARE(details.value(u"service").toString(), u"Flu shot"_s);
    QCOMPARE(details.value(u"code").toString(), code);
    QCOMPARE(details.value(u"message").toString(), answer.value(u"message").toString());
    QCOMPARE(details.value(u"attempts").toInt(), 1);
    const QJsonArray alternatives = details.value(u"alternatives").toArray();
    QVERIFY(details.value(u"alternatives").isArray());
    QCOMPARE(alternatives.isEmpty(), !hasAlternatives);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &v : alternatives) {
        QVERIFY2(timeOf(v) > now.addSecs(-5), qPrintable(v.toString()));
        const QTime local = timeOf(v).time();
        QVERIFY2(local >= QTime(8, 0) && local <= QTime(17, 30), qPrintable(v.toString()));
    }
    if (answer.contains(u"alternatives"))   // the refusal's own, found under the schedule's lock
        QCOMPARE(details.value(u"alternatives").toArray(), answer.value(u"alternatives").toArray());
    // The desk's parser reads every field.
    const CallbackRequest parsed = CallbackRequest::fromJson(details);
    QCOMPARE(parsed.callerName, callerName);
    QCOMPARE(parsed.phone, phone);
    QCOMPARE(parsed.providerId, provider);
    QCOMPARE(parsed.refusalCode, code);
    QCOMPARE(parsed.alternatives.size(), alternatives.size());
    QCOMPARE(parsed.startsAt, QDateTime::fromString(r.startsAt, Qt::ISODate));
    QCOMPARE(parsed.attempts, 1);

    // Logged (appointment_id null, the caller's patient if known), in the change feed, and the
    // doorbell rang with ids only.
    QSqlQuery q(m_db->connection());
    QVERIFY(execPrepared(q, u"select id, actor, appointment_id, patient_id, details::text from frontdesk.events "
                            "where org_id = ? and kind = 'callback.queued'"_s, { clinic.id }));
    QVERIFY(q.next());
    const qint64 eventId = q.value(0).toLongLong();
    QCOMPARE(q.value(1).toString(), m_agent);
    QVERIFY(q.value(2).isNull());
    QCOMPARE(q.value(3).toLongLong(), patient);
    const QJsonObject eventDetails = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    QCOMPARE(eventDetails.value(u"follow_up_id").toInteger(), id);
    QCOMPARE(eventDetails.value(u"code").toString(), code);
    QVERIFY(!q.next());

    const QJsonObject feed = jsonAnswer(as(place.desk), u"frontdesk.changes_since(%1, '%2')"_s.arg(clinic.id).arg(cursor));
    QVERIFY(feed.value(u"ok").toBool());
    bool inFeed = false;
    for (const QJsonValue &e : feed.value(u"events").toArray())
        inFeed = inFeed || (e.toObject().value(u"id").toInteger() == eventId
                            && e.toObject().value(u"kind").toString() == u"callback.queued");
    QVERIFY2(inFeed, QJsonDocument(feed).toJson(QJsonDocument::Compact).constData());

    const QString payload = listener.payloadOf(eventId);
    QVERIFY2(!payload.isEmpty(), "no doorbell for the callback");
    const QJsonObject bell = QJsonDocument::fromJson(payload.toUtf8()).object();
    QCOMPARE(QStringList(bell.keys()), (QStringList{ u"appointment_id"_s, u"event_id"_s, u"org_id"_s }));
    QCOMPARE(bell.value(u"org_id").toInteger(), clinic.id);
    QVERIFY(bell.value(u"appointment_id").isNull());
}

void TestCallbacks::noUsableContactQueuesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("knownProvider");
    QTest::addColumn<QString>("code");
    QTest::newRow("garbled phone, no email") << u"Maria Garcia"_s << u"555-12"_s << QString() << true << u"INVALID_PHONE"_s;
    QTest::newRow("garbled phone, blank email") << u"Maria Garcia"_s << u"555-12"_s << u"   "_s << true << u"INVALID_PHONE"_s;
    QTest::newRow("phone over 100 characters, no email")
        << u"Maria Garcia"_s << QString(101, u'5') << QString() << true << u"INVALID_PHONE"_s;
    QTest::newRow("garbled name, garbled phone") << u"R2D2"_s << u"12"_s << QString() << true << u"INVALID_NAME"_s;
    QTest::newRow("garbled name, garbled email") << u"R2D2"_s << QString() << u"maria@"_s << true << u"INVALID_NAME"_s;
    QTest::newRow("unknown provider, no contact at all") << u"Maria Garcia"_s << QString() << QString() << false
                                                         << u"UNKNOWN_PROVIDER"_s;
}

void TestCallbacks::noUsableContactQueuesNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(bool, knownProvider);
    QFETCH(QString, code);
    const Place place = newPlace();
    Request r = request(place);
    r.name = name;
    r.phone = phone;
    r.email = email;
    if (!knownProvider)
        r.provider = qint64(999999999);
    const QString before = bookingCounts(place.clinic.id);
    const QJsonObject answer = jsonAnswer(agent(), kBook, r.values());
    QCOMPARE(answer.value(u"code").toString(), code);
    QVERIFY(!answer.contains(u"callback_id"));
    QCOMPARE(bookingCounts(place.clinic.id), before);
}

void TestCallbacks::staffRefusalsQueueNothing_data()
{
    QTest::addColumn<QString>("code");
    for (const QString &code : { u"SLOT_UNAVAILABLE"_s, u"OUTSIDE_HOURS"_s, u"INVALID_NAME"_s, u"INVALID_PHONE"_s })
        QTest::newRow(qPrintable(code)) << code;
}

// The person is at the desk: nobody needs calling back.
void TestCallbacks::staffRefusalsQueueNothing()
{
    QFETCH(QString, code);
    const Place place = newPlace();
    Request r = request(place);
    r.source = u"staff"_s;
    r.email = u"maria@example.com"_s;
    if (code == u"SLOT_UNAVAILABLE") {
        Request taken = request(place);
        taken.name = u"Tina Taken"_s;
        QVERIFY(ownerBook(taken).value(u"ok").toBool());
    } else if (code == u"OUTSIDE_HOURS") {
        r.startsAt = at(3, 6);
        r.endsAt = at(3, 6, 30);
    } else if (code == u"INVALID_NAME") {
        r.name = u"R2D2"_s;
    } else {
        r.phone = u"12"_s;
    }
    const QString before = bookingCounts(place.clinic.id);
    const QJsonObject answer = jsonAnswer(as(place.desk), kBook, r.values());
    QCOMPARE(answer.value(u"code").toString(), code);
    QVERIFY(!answer.contains(u"callback_id"));
    QCOMPARE(bookingCounts(place.clinic.id), before);
}

void TestCallbacks::refusalsNobodyCanFixQueueNothing_data()
{
    QTest::addColumn<QString>("code");
    for (const QString &code : { u"INVALID_SOURCE"_s, u"INVALID_IDEMPOTENCY_KEY"_s, u"TEXT_TOO_LONG"_s,
                                 u"IDEMPOTENCY_MISMATCH"_s, u"NOT_PERMITTED"_s, u"UNKNOWN_ORG"_s, u"RETRY"_s,
                                 u"CONTACT_REQUIRED"_s })
        QTest::newRow(qPrintable(code)) << code;
}

// Valid caller details each time: what is refused is the agent's software, the clinic, the moment.
void TestCallbacks::refusalsNobodyCanFixQueueNothing()
{
    QFETCH(QString, code);
    const Place place = newPlace();
    Request r = request(place);
    r.email = u"maria@example.com"_s;
    QSqlDatabase *db = &agent();
    std::unique_ptr<Session> holder;
    std::unique_ptr<Session> careful;
    if (code == u"INVALID_SOURCE") {
        r.source = u"AI_VOICE"_s;
    } else if (code == u"INVALID_IDEMPOTENCY_KEY") {
        r.key = u"   "_s;
    } else if (code == u"TEXT_TOO_LONG") {
        r.service = QString(201, u's');
    } else if (code == u"IDEMPOTENCY_MISMATCH") {
        Request first = request(place, 4);
        first.key = r.key;
        QVERIFY(jsonAnswer(agent(), kBook, first.values()).value(u"ok").toBool());
        r.startsAt = at(3, 19);   // closed then: a new key would have made a callback
        r.endsAt = at(3, 19, 30);
    } else if (code == u"NOT_PERMITTED") {
        r.source = u"staff"_s;   // the agent posing as the desk
    } else if (code == u"UNKNOWN_ORG") {
        r.org = 999999999;       // only the owner gets this far
        db = &m_db->connection();
    } else if (code == u"RETRY") {
        // Another transaction holds the provider; the agent's lock_timeout runs out.
        holder = std::make_unique<Session>(*m_db, place.desk);
        QVERIFY(holder->exec(u"begin"_s));
        Request other = request(place, 3, 14);
        other.name = u"Hold Er"_s;
        other.source = u"staff"_s;
        QVERIFY(holder->book(other).value(u"ok").toBool());
        careful = std::make_unique<Session>(*m_db, m_agent);
        QVERIFY(careful->exec(u"set lock_timeout = '200ms'"_s));
        db = &careful->db();
    } else if (code == u"CONTACT_REQUIRED") {
        r.phone.clear();
        r.email.clear();
    }
    const QString before = bookingCounts(place.clinic.id);
    const QJsonObject answer = jsonAnswer(*db, kBook, r.values());
    if (holder)
        QVERIFY(holder->exec(u"rollback"_s));
    QCOMPARE(answer.value(u"code").toString(), code);
    QVERIFY(!answer.contains(u"callback_id"));
    QCOMPARE(bookingCounts(place.clinic.id), before);
    QCOMPARE(callbacksOf(place.clinic.id), qint64(0));
}

void TestCallbacks::hugeInputIsCutDownQuickly_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::newRow("name 10 MB") << u"name"_s << u"INVALID_NAME"_s;
    QTest::newRow("phone 1 MB, email given") << u"phone"_s << u"INVALID_PHONE"_s;
    QTest::newRow("email 1 MB, phone given") << u"email"_s << u"INVALID_EMAIL"_s;
    // Service over 1000 characters as sent is TEXT_TOO_LONG, checked with the sizes: no callback.
    QTest::newRow("service 1000 characters, name garbled") << u"service"_s << u"INVALID_NAME"_s;
}

// What the agent heard is kept cut to size; no size of input makes the call slow (every
// connection of the agent runs under a 5 s statement timeout here).
void TestCallbacks::hugeInputIsCutDownQuickly()
{
    QFETCH(QString, field);
    QFETCH(QString, code);
    const Place place = newPlace();
    Session s(*m_db, m_agent);
    QVERIFY(s.exec(u"set statement_timeout = '5s'"_s));
    Request r = request(place);
    if (field == u"name") {
        r.name = u"Maria "_s + QString(10 * 1024 * 1024, u'a');
    } else if (field == u"phone") {
        r.phone = QString(1024 * 1024, u'5');
        r.email = u"maria@example.com"_s;
    } else if (field == u"email") {
        r.email = QString(1024 * 1024, u'm') + u"@example.com"_s;
    } else {
        r.name = u"R2D2"_s;
        r.service = QString(1000, u's');
    }
    QElapsedTimer timer;
    timer.start();
    const QJsonObject answer = s.book(r);
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"code").toString(), code);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const QJsonObject details = followUp(answer.value(u"callback_id").toInteger()).value(u"callback").toObject();
    QVERIFY(!details.isEmpty());
    QVERIFY(details.value(u"caller_name").toString().size() <= 100);
    QVERIFY(details.value(u"phone").toString().size() <= 100);
    QVERIFY(details.value(u"email").toString().size() <= 254);
    QVERIFY(details.value(u"service").toString().size() <= 200);
    if (field == u"name")
        QCOMPARE(details.value(u"caller_name").toString(), u"Maria "_s + QString(94, u'a'));
    if (field == u"service")
        QCOMPARE(details.value(u"service").toString(), QString(200, u's'));
}

// ---------------------------------------------------------------------------------------------
// One open callback per caller

void TestCallbacks::sameCallerRefusedAgainRefreshesTheOneItem()
{
    const Place place = newPlace();
    const Clinic &clinic = place.clinic;
    Request closed = request(place);
    closed.startsAt = at(3, 19);
    closed.endsAt = at(3, 19, 30);
    const qint64 id = jsonAnswer(agent(), kBook, closed.values()).value(u"callback_id").toInteger();
    QVERIFY(id > 0);
    // A desk takes it meanwhile; the caller calls again, asks for a taken slot, and says the
    // number differently.
    QCOMPARE(jsonAnswer(as(place.desk), u"frontdesk.claim_follow_up(%1)"_s.arg(id)).value(u"status").toString(),
             u"claimed"_s);
    Request taken = request(place, 4, 11);
    taken.name = u"Tina Taken"_s;
    taken.phone = u"(212) 555-0100"_s;
    QVERIFY(ownerBook(taken).value(u"ok").toBool());
    Request again = request(place, 4, 11);
    again.phone = u"+1 212 555 0142"_s;
    again.service = u"Sore throat"_s;
    m_db->scalar(u"update frontdesk.follow_ups set due_at = now() - interval '1 hour' where id = %1 returning 1"_s.arg(id));
    const QJsonObject answer = jsonAnswer(agent(), kBook, again.values());
    QCOMPARE(answer.value(u"code").toString(), u"SLOT_UNAVAILABLE"_s);
    QCOMPARE(answer.value(u"callback_id").toInteger(), id);

    QCOMPARE(callbacksOf(clinic.id), qint64(1));
    const QJsonObject item = followUp(id);
    QCOMPARE(item.value(u"status").toString(), u"claimed"_s);   // still the desk's
    QCOMPARE(item.value(u"claimed_by").toString(), place.desk);
    const QJsonObject details = item.value(u"callback").toObject();
    QCOMPARE(details.value(u"attempts").toInt(), 2);
    QCOMPARE(details.value(u"code").toString(), u"SLOT_UNAVAILABLE"_s);   // the latest request
    QCOMPARE(details.value(u"service").toString(), u"Sore throat"_s);
    QCOMPARE(timeOf(details.value(u"starts_at")), QDateTime::fromString(again.startsAt, Qt::ISODate));
    QCOMPARE(details.value(u"alternatives").toArray(), answer.value(u"alternatives").toArray());
    QVERIFY(!details.value(u"alternatives").toArray().isEmpty());
    // Due again two minutes from the refresh: the caller may still be on the line.
    QCOMPARE(count(u"select count(*) from frontdesk.follow_ups where id = %1 "
                   "and due_at > now() + interval '1 minute' and due_at <= now() + interval '2 minutes'"_s.arg(id)),
             qint64(1));
    QCOMPARE(m_db->scalar(u"select string_agg(kind || ':' || coalesce(details->>'code', ''), ',' order by id) "
                          "from frontdesk.events where org_id = %1 and details->>'follow_up_id' = '%2'"_s
                              .arg(clinic.id).arg(id)).toString(),
             u"callback.queued:OUTSIDE_HOURS,follow_up.claim:,callback.refreshed:SLOT_UNAVAILABLE"_s);

    // Once done, the next failure is a new item.
    QVERIFY(jsonAnswer(as(place.desk), u"frontdesk.complete_follow_up(%1, 'no_answer', 'rang twice')"_s.arg(id))
                .value(u"ok").toBool());
    Request later = closed;
    later.key = newKey();
    const qint64 next = jsonAnswer(agent(), kBook, later.values()).value(u"callback_id").toInteger();
    QVERIFY(next > 0 && next != id);
    QCOMPARE(followUp(next).value(u"callback").toObject().value(u"attempts").toInt(), 1);
}

// A caller whose number was garbled, known by the address: a later call with the number finds
// the same item, which can now be rung.
void TestCallbacks::aCallerKnownByEmailIsFoundByEmail()
{
    const Place place = newPlace();
    Request garbled = request(place);
    garbled.startsAt = at(3, 19);
    garbled.endsAt = at(3, 19, 30);
    garbled.phone = u"555-12"_s;
    garbled.email = u"maria@example.com"_s;
    const QJsonObject first = jsonAnswer(agent(), kBook, garbled.values());
    QCOMPARE(first.value(u"code").toString(), u"INVALID_PHONE"_s);
    const qint64 id = first.value(u"callback_id").toInteger();
    QVERIFY(id > 0);
    QVERIFY(followUp(id).value(u"recipient").isNull());
    Request clear = request(place, 4, 19);
    clear.email = u"Maria@Example.com"_s;
    const QJsonObject second = jsonAnswer(agent(), kBook, clear.values());
    QCOMPARE(second.value(u"code").toString(), u"OUTSIDE_HOURS"_s);
    QCOMPARE(second.value(u"callback_id").toInteger(), id);
    const QJsonObject item = followUp(id);
    QCOMPARE(item.value(u"recipient").toString(), u"+12125550142"_s);
    QCOMPARE(item.value(u"callback").toObject().value(u"phone").toString(), u"+12125550142"_s);
    QCOMPARE(item.value(u"callback").toObject().value(u"attempts").toInt(), 2);
    QCOMPARE(callbacksOf(place.clinic.id), qint64(1));
}

// The agent sends a request again with its key when the answer was lost: the same callback, not
// another attempt, no new event.
void TestCallbacks::aResentRequestIsNotAnotherAttempt()
{
    const Place place = newPlace();
    Request r = request(place);
    r.startsAt = at(3, 19);
    r.endsAt = at(3, 19, 30);
    const qint64 id = jsonAnswer(agent(), kBook, r.values()).value(u"callback_id").toInteger();
    QVERIFY(id > 0);
    const QString before = bookingCounts(place.clinic.id);
    const QJsonObject again = jsonAnswer(agent(), kBook, r.values());
    QCOMPARE(again.value(u"code").toString(), u"OUTSIDE_HOURS"_s);
    QCOMPARE(again.value(u"callback_id").toInteger(), id);
    QCOMPARE(bookingCounts(place.clinic.id), before);
    QCOMPARE(followUp(id).value(u"callback").toObject().value(u"attempts").toInt(), 1);
}

void TestCallbacks::concurrentRefusalsOfOneCallerMakeOneItem_data()
{
    QTest::addColumn<QString>("level");
    QTest::newRow("read committed") << u"read committed"_s;
    QTest::newRow("repeatable read") << u"repeatable read"_s;
}

// Eight calls of one caller refused at the same moment, each in its own transaction taken before
// any of them ran. Each call is served (one item, its id in the answer) or answers RETRY with
// nothing stored and is made again in a new transaction, as RETRY asks: in the end one item with
// eight attempts and eight events, and no raw error.
void TestCallbacks::concurrentRefusalsOfOneCallerMakeOneItem()
{
    QFETCH(QString, level);
    constexpr int kCalls = 8;
    const Place place = newPlace();
    const Clinic &clinic = place.clinic;
    struct Outcome { qint64 callbackId = 0; int retries = 0; QString error; };
    std::vector<Outcome> outcomes(kCalls);
    std::mutex mutex;
    std::condition_variable cv;
    int ready = 0;
    bool go = false;
    std::vector<std::thread> calls;
    for (int i = 0; i < kCalls; ++i) {
        calls.emplace_back([&, i] {
            Session s(*m_db, m_agent);
            Outcome &o = outcomes[size_t(i)];
            Request r = request(place, 3 + i % 2, 19);   // closed then
            bool first = true;
            for (;;) {
                if (!s.exec(u"begin isolation level "_s + level) || !s.exec(u"select 1"_s)) {
                    o.error = u"begin"_s;
                    break;
                }
                if (first) {
                    std::unique_lock lock(mutex);
                    ++ready;
                    cv.notify_all();
                    cv.wait(lock, [&] { return go; });
                    first = false;
                }
                const QJsonObject answer = s.book(r);
                if (!s.exec(u"commit"_s)) {
                    o.error = u"commit"_s;
                    break;
                }
                if (answer.contains(u"sql_error")) {
                    o.error = answer.value(u"sql_error").toString() + u' ' + answer.value(u"sql_message").toString();
                    break;
                }
                if (answer.value(u"code").toString() == u"RETRY" && o.retries < 50) {
                    ++o.retries;
                    continue;
                }
                if (answer.value(u"code").toString() != u"OUTSIDE_HOURS")
                    o.error = QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
                o.callbackId = answer.value(u"callback_id").toInteger();
                break;
            }
        });
    }
    {
        std::unique_lock lock(mutex);
        QVERIFY(cv.wait_for(lock, std::chrono::seconds(30), [&] { return ready == kCalls; }));
        go = true;
    }
    cv.notify_all();
    for (std::thread &t : calls)
        t.join();

    int retries = 0;
    for (const Outcome &o : outcomes) {
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(o.callbackId > 0);
        QCOMPARE(o.callbackId, outcomes.front().callbackId);
        retries += o.retries;
    }
    if (level == u"read committed")
        QCOMPARE(retries, 0);   // READ COMMITTED sees the item another call queued, and refreshes it
    qInfo("%s: %d RETRY answers", qPrintable(level), retries);
    const qint64 id = outcomes.front().callbackId;
    QCOMPARE(callbacksOf(clinic.id), qint64(1));
    QCOMPARE(followUp(id).value(u"callback").toObject().value(u"attempts").toInt(), kCalls);
    QCOMPARE(count(u"select count(*) from frontdesk.events where org_id = %1 and kind like 'callback.%'"_s.arg(clinic.id)),
             qint64(kCalls));
}

// ---------------------------------------------------------------------------------------------
// Tenancy

void TestCallbacks::anotherClinicSeesNoneAndMakesNone()
{
    const Place a = newPlace();
    const Place b = newPlace();
    Request r = request(a);
    r.startsAt = at(3, 19);
    r.endsAt = at(3, 19, 30);
    const qint64 id = jsonAnswer(agent(), kBook, r.values()).value(u"callback_id").toInteger();
    QVERIFY(id > 0);

    // B's receptionist: none of A's callbacks exist, by any query; A's own desk sees it.
    QSqlQuery q(as(b.desk));
    QVERIFY(q.exec(u"select count(*) from frontdesk.follow_ups where org_id = %1 or id = %2 or kind = 'callback'"_s
                       .arg(a.clinic.id).arg(id)) && q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(0));
    QCOMPARE(jsonAnswer(as(b.desk), u"frontdesk.claim_follow_up(%1)"_s.arg(id)).value(u"code").toString(),
             u"UNKNOWN_FOLLOW_UP"_s);
    QSqlQuery own(as(a.desk));
    QVERIFY(own.exec(u"select count(*) from frontdesk.follow_ups where id = %1"_s.arg(id)) && own.next());
    QCOMPARE(own.value(0).toLongLong(), qint64(1));

    // Agents never read the queue, and cannot call the booking function's helpers.
    const QString agentB = m_db->createLogin(u"agent"_s, b.clinic.id);
    for (const QString &login : { m_agent, agentB }) {
        QSqlQuery read(as(login));
        QVERIFY(!read.exec(u"select count(*) from frontdesk.follow_ups"_s));
        QCOMPARE(read.lastError().nativeErrorCode(), u"42501"_s);
        for (const QString &call : { u"select frontdesk.heard_text('x', 10)"_s,
                                     u"select frontdesk.is_fixable_refusal('SLOT_UNAVAILABLE')"_s,
                                     u"select frontdesk.queue_callback(o, '{}', 1, now(), now(), 'A', '1', 'a@b.co', 'k', null) "
                                     "from frontdesk.organisations o"_s }) {
            QSqlQuery helper(as(login));
            QVERIFY2(!helper.exec(call), qPrintable(call));
            QCOMPARE(helper.lastError().nativeErrorCode(), u"42501"_s);
        }
    }

    // B's agent, asking for A: refused before anything, no callback in A.
    const QString before = bookingCounts(a.clinic.id);
    Request intruder = r;
    intruder.key = newKey();
    intruder.phone = u"(212) 555-0177"_s;
    const QJsonObject refused = jsonAnswer(as(agentB), kBook, intruder.values());
    QCOMPARE(refused.value(u"code").toString(), u"NOT_PERMITTED"_s);
    QVERIFY(!refused.contains(u"callback_id"));
    QCOMPARE(bookingCounts(a.clinic.id), before);

    // A's agent naming B's provider: a callback in A that says nothing of B's provider.
    Request stray = request(a);
    stray.phone = u"(212) 555-0178"_s;
    stray.provider = b.clinic.providers.first().id;
    const QJsonObject unknown = jsonAnswer(agent(), kBook, stray.values());
    QCOMPARE(unknown.value(u"code").toString(), u"UNKNOWN_PROVIDER"_s);
    const QJsonObject item = followUp(unknown.value(u"callback_id").toInteger());
    QCOMPARE(item.value(u"org_id").toInteger(), a.clinic.id);
    QVERIFY(item.value(u"callback").toObject().value(u"provider_id").isNull());
    QVERIFY(item.value(u"callback").toObject().value(u"provider_name").isNull());
    QCOMPARE(callbacksOf(b.clinic.id), qint64(0));
}

// ---------------------------------------------------------------------------------------------
// Completing

// Queued under the e-mail address (the number was garbled), then a second refused call gives a
// good number: from then on the number finds it, for a third call and for a booking (v12; found in
// review: v10 queued a second item for the third call and left the first open after the booking).
void TestCallbacks::aCallbackLearnsTheCallersNumber()
{
    const Place place = newPlace();
    Request taken = request(place);
    taken.name = u"Tina Taken"_s;
    taken.phone = u"(212) 555-0100"_s;
    QVERIFY(ownerBook(taken).value(u"ok").toBool());

    Request garbled = request(place);
    garbled.phone = u"555-12"_s;
    garbled.email = u"maria@example.com"_s;
    const qint64 id = jsonAnswer(agent(), kBook, garbled.values()).value(u"callback_id").toInteger();
    QVERIFY(id > 0);
    QCOMPARE(followUp(id).value(u"contact_key").toString(), u"maria@example.com"_s);
    Request withNumber = request(place);
    withNumber.email = u"maria@example.com"_s;
    QCOMPARE(jsonAnswer(agent(), kBook, withNumber.values()).value(u"callback_id").toInteger(), id);
    QCOMPARE(followUp(id).value(u"contact_key").toString(), u"+12125550142"_s);
    Request numberOnly = request(place);
    QCOMPARE(jsonAnswer(agent(), kBook, numberOnly.values()).value(u"callback_id").toInteger(), id);
    QCOMPARE(callbacksOf(place.clinic.id), qint64(1));
    QCOMPARE(followUp(id).value(u"callback").toObject().value(u"attempts").toInt(), 3);

    // Booked by that number alone (another slot): the callback is done.
    Request booking = request(place, 3, 12);
    QVERIFY(jsonAnswer(agent(), kBook, booking.values()).value(u"ok").toBool());
    QCOMPARE(followUp(id).value(u"status").toString(), u"done"_s);
    QCOMPARE(followUp(id).value(u"outcome").toString(), u"booked"_s);
}

void TestCallbacks::aLaterBookingCompletesIt_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("completes");
    QTest::newRow("the agent books an alternative in the same call") << u"agent"_s << true;
    QTest::newRow("the desk books the caller, the number typed otherwise") << u"desk"_s << true;
    QTest::newRow("the desk books the caller known by email") << u"desk by email"_s << true;
    QTest::newRow("a claimed callback is completed too") << u"claimed"_s << true;
    // Found when the simulated agent's test failed one morning: the callback was matched to the
    // patient by email, the caller gave a new number, and the booking (found by that email too)
    // did not complete it, its contact key being the new number.
    QTest::newRow("the caller known by email with a new number") << u"new number"_s << true;
    QTest::newRow("another caller's booking") << u"other caller"_s << false;
    // Found in review: the family's phone booked for her son closed the mother's callback (v10).
    QTest::newRow("another caller on the same phone") << u"family phone"_s << false;
    QTest::newRow("another clinic's booking of that number") << u"other clinic"_s << false;
    QTest::newRow("an earlier booking's answer sent again") << u"replay"_s << false;
}

void TestCallbacks::aLaterBookingCompletesIt()
{
    QFETCH(QString, how);
    QFETCH(bool, completes);
    const Place place = newPlace();
    const Clinic &clinic = place.clinic;
    Request earlier = request(place, 5, 9);
    if (how == u"replay")
        QVERIFY(jsonAnswer(agent(), kBook, earlier.values()).value(u"ok").toBool());

    Request taken = request(place);
    taken.name = u"Tina Taken"_s;
    taken.phone = u"(212) 555-0100"_s;
    QVERIFY(ownerBook(taken).value(u"ok").toBool());
    Request refused = request(place);
    if (how == u"new number") {
        Request known = request(place, 6, 9);
        known.email = u"maria@example.com"_s;
        QVERIFY(ownerBook(known).value(u"ok").toBool());
        refused.phone = u"(212) 555-0177"_s;
        refused.email = u"maria@example.com"_s;
    }
    if (how == u"desk by email") {
        refused.phone = u"555-12"_s;
        refused.email = u"maria@example.com"_s;
    }
    const QJsonObject answer = jsonAnswer(agent(), kBook, refused.values());
    // A garbled number is refused before the slot is looked at.
    QCOMPARE(answer.value(u"code").toString(), how == u"desk by email" ? u"INVALID_PHONE"_s : u"SLOT_UNAVAILABLE"_s);
    const qint64 id = answer.value(u"callback_id").toInteger();
    QVERIFY(id > 0);
    if (how == u"claimed")
        QVERIFY(jsonAnswer(as(place.desk), u"frontdesk.claim_follow_up(%1)"_s.arg(id)).value(u"ok").toBool());

    Listener listener(*m_db);
    Request booking = request(place);
    if (answer.contains(u"alternatives")) {
        booking.startsAt = answer.value(u"alternatives").toArray().first().toString();
        booking.endsAt = timeOf(booking.startsAt).addSecs(1800).toString(Qt::ISODate);
    } else {
        booking = request(place, 3, 11);
    }
    QSqlDatabase *by = &agent();
    QString booker = m_agent;
    if (how == u"desk" || how == u"claimed" || how == u"other caller" || how == u"family phone") {
        booking.source = u"staff"_s;
        booking.name = u"maria GARCIA"_s;
        booking.phone = u"+1 212.555.0142"_s;
        by = &as(place.desk);
        booker = place.desk;
        if (how == u"other caller") {
            booking.name = u"Olga Other"_s;
            booking.phone = u"(212) 555-0199"_s;
        }
        if (how == u"family phone")
            booking.name = u"Leo Garcia"_s;
    } else if (how == u"desk by email") {
        booking.source = u"staff"_s;
        booking.phone = u"(212) 555-0143"_s;
        booking.email = u"MARIA@example.com"_s;
        by = &as(place.desk);
        booker = place.desk;
    } else if (how == u"new number") {
        booking.phone = refused.phone;
        booking.email = refused.email;
    } else if (how == u"other clinic") {
        const Place other = newPlace();
        booking = request(other);
    } else if (how == u"replay") {
        booking = earlier;
    }
    const QJsonObject booked = jsonAnswer(*by, kBook, booking.values());
    QVERIFY2(booked.value(u"ok").toBool(), QJsonDocument(booked).toJson(QJsonDocument::Compact).constData());

    const QJsonObject item = followUp(id);
    if (!completes) {
        QCOMPARE(item.value(u"status").toString(), how == u"claimed" ? u"claimed"_s : u"pending"_s);
        QCOMPARE(count(u"select count(*) from frontdesk.events where details->>'follow_up_id' = '%1' "
                       "and kind = 'follow_up.complete'"_s.arg(id)),
                 qint64(0));
        return;
    }
    QCOMPARE(item.value(u"status").toString(), u"done"_s);
    QCOMPARE(item.value(u"outcome").toString(), u"booked"_s);
    QCOMPARE(item.value(u"completed_by").toString(), booker);
    QVERIFY(item.value(u"note").isNull());
    QSqlQuery q(m_db->connection());
    QVERIFY(execPrepared(q, u"select id, actor, appointment_id, details->>'outcome' from frontdesk.events "
                            "where org_id = ? and kind = 'follow_up.complete' and details->>'follow_up_id' = ?"_s,
                         { clinic.id, QString::number(id) }));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), booker);
    QCOMPARE(q.value(2).toLongLong(), booked.value(u"appointment_id").toInteger());
    QCOMPARE(q.value(3).toString(), u"booked"_s);
    const qint64 eventId = q.value(0).toLongLong();
    QVERIFY(!q.next());
    QVERIFY2(!listener.payloadOf(eventId).isEmpty(), "no doorbell for the completion");
    // Done: the desk cannot complete it again.
    QCOMPARE(jsonAnswer(as(place.desk), u"frontdesk.claim_follow_up(%1)"_s.arg(id)).value(u"code").toString(),
             u"ALREADY_DONE"_s);
}

void TestCallbacks::completingChecksOutcomePerKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");
    const QString callback = u"callback"_s, sms = u"sms"_s, calendar = u"calendar"_s;
    QTest::newRow("callback booked, no note") << callback << u"'booked'"_s << u"done"_s;
    QTest::newRow("callback booked with a note") << callback << u"'booked', 'Thursday instead'"_s << u"done"_s;
    QTest::newRow("callback called back") << callback << u"'called_back', 'will call again next week'"_s << u"done"_s;
    QTest::newRow("callback no answer") << callback << u"'no_answer', 'voicemail full'"_s << u"done"_s;
    QTest::newRow("callback not needed") << callback << u"'not_needed', 'booked at the desk in person'"_s << u"done"_s;
    QTest::newRow("called back, no note") << callback << u"'called_back'"_s << u"NOTE_REQUIRED"_s;
    QTest::newRow("no answer, empty note") << callback << u"'no_answer', ''"_s << u"NOTE_REQUIRED"_s;
    QTest::newRow("not needed, white space note") << callback << u"'not_needed', e' \\t\\n '"_s << u"NOTE_REQUIRED"_s;
    QTest::newRow("called back, 1001-character note") << callback << u"'called_back', repeat('x', 1001)"_s
                                                      << u"TEXT_TOO_LONG"_s;
    QTest::newRow("called back, 1000 characters with spaces around")
        << callback << u"'called_back', '  ' || repeat('x', 1000) || '  '"_s << u"done"_s;
    QTest::newRow("sent on a callback") << callback << u"'sent'"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("failed on a callback") << callback << u"'failed', 'a note'"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("no outcome on a callback") << callback << u"null"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("BOOKED in capitals") << callback << u"'BOOKED'"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("booked on an sms") << sms << u"'booked'"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("called back on an sms") << sms << u"'called_back', 'a note'"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("no answer on a calendar entry") << calendar << u"'no_answer', 'a note'"_s << u"INVALID_OUTCOME"_s;
    QTest::newRow("sent on an sms") << sms << u"'sent'"_s << u"done"_s;
    QTest::newRow("skipped on a calendar entry, no note") << calendar << u"'skipped'"_s << u"NOTE_REQUIRED"_s;
}

void TestCallbacks::completingChecksOutcomePerKind()
{
    QFETCH(QString, kind);
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    const Place place = newPlace();
    qint64 item = 0;
    if (kind == u"callback") {
        Request r = request(place);
        r.startsAt = at(3, 19);
        r.endsAt = at(3, 19, 30);
        item = jsonAnswer(agent(), kBook, r.values()).value(u"callback_id").toInteger();
    } else {
        const QJsonObject booked = ownerBook(request(place));
        QVERIFY(booked.value(u"ok").toBool());
        item = count(u"select id from frontdesk.follow_ups where appointment_id = %1 and kind = '%2'"_s
                         .arg(booked.value(u"appointment_id").toInteger()).arg(kind));
    }
    QVERIFY(item > 0);
    const QJsonObject answer = claimAndComplete(place.desk, item, arguments);
    const QJsonObject row = followUp(item);
    if (expected == u"done") {
        QVERIFY2(answer.value(u"ok").toBool(), QJsonDocument(answer).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(row.value(u"status").toString(), u"done"_s);
        QCOMPARE(row.value(u"completed_by").toString(), place.desk);
        QCOMPARE(count(u"select count(*) from frontdesk.events where kind = 'follow_up.complete' "
                       "and details->>'follow_up_id' = '%1' and details->>'kind' = '%2'"_s.arg(item).arg(kind)),
                 qint64(1));
        if (!row.value(u"note").isNull())
            QVERIFY(row.value(u"note").toString().size() <= 1000 && !row.value(u"note").toString().startsWith(u' '));
    } else {
        QCOMPARE(answer.value(u"code").toString(), expected);
        QCOMPARE(row.value(u"status").toString(), u"claimed"_s);   // nothing completed
    }
}

// ---------------------------------------------------------------------------------------------
// Transactions

void TestCallbacks::refusedTransactionsStoreNothing_data()
{
    QTest::addColumn<QString>("begin");
    QTest::addColumn<QString>("code");
    QTest::newRow("read only") << u"begin read only"_s << u"READ_ONLY_TRANSACTION"_s;
    QTest::newRow("serializable") << u"begin isolation level serializable"_s << u"UNSUPPORTED_ISOLATION"_s;
}

// As before v10: the transaction is refused first, so no callback either.
void TestCallbacks::refusedTransactionsStoreNothing()
{
    QFETCH(QString, begin);
    QFETCH(QString, code);
    const Place place = newPlace();
    Request r = request(place);
    r.startsAt = at(3, 19);
    r.endsAt = at(3, 19, 30);
    const QString before = bookingCounts(place.clinic.id);
    Session s(*m_db, m_agent);
    QVERIFY(s.exec(begin));
    const QJsonObject answer = s.book(r);
    QVERIFY(s.exec(u"commit"_s));
    QCOMPARE(answer.value(u"code").toString(), code);
    QVERIFY(!answer.contains(u"callback_id"));
    QCOMPARE(bookingCounts(place.clinic.id), before);
}

// REPEATABLE READ: a refusal is served with its callback; a call whose snapshot cannot see the
// caller's open callback as it now is answers RETRY with nothing stored, and in a new
// transaction gets the current answer. A booking that would complete a callback changed since
// its snapshot answers RETRY too, and books nothing.
void TestCallbacks::repeatableReadIsServedOrAnswersRetry()
{
    const Place place = newPlace();
    const Clinic &clinic = place.clinic;
    Session late(*m_db, m_agent);
    Session other(*m_db, m_agent);
    Request closed = request(place);
    closed.startsAt = at(3, 19);
    closed.endsAt = at(3, 19, 30);

    // Served.
    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    const qint64 id = late.book(closed).value(u"callback_id").toInteger();
    QVERIFY(late.exec(u"commit"_s));
    QVERIFY(id > 0);
    QCOMPARE(followUp(id).value(u"callback").toObject().value(u"attempts").toInt(), 1);

    // The item refreshed by another call after the snapshot: RETRY, nothing stored.
    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    Request second = closed;
    second.key = newKey();
    QCOMPARE(other.book(second).value(u"callback_id").toInteger(), id);
    QString before = bookingCounts(clinic.id);
    Request third = closed;
    third.key = newKey();
    QCOMPARE(late.book(third).value(u"code").toString(), u"RETRY"_s);
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(bookingCounts(clinic.id), before);
    QCOMPARE(followUp(id).value(u"callback").toObject().value(u"attempts").toInt(), 2);
    // In a new transaction: the current answer.
    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QCOMPARE(late.book(third).value(u"callback_id").toInteger(), id);
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(followUp(id).value(u"callback").toObject().value(u"attempts").toInt(), 3);

    // A new caller's item queued after the snapshot: RETRY (the index sees it, the snapshot not).
    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    Request newcomer = closed;
    newcomer.key = newKey();
    newcomer.name = u"Nadia New"_s;
    newcomer.phone = u"(212) 555-0150"_s;
    const qint64 fresh = other.book(newcomer).value(u"callback_id").toInteger();
    QVERIFY(fresh > 0);
    before = bookingCounts(clinic.id);
    Request again = newcomer;
    again.key = newKey();
    QCOMPARE(late.book(again).value(u"code").toString(), u"RETRY"_s);
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(bookingCounts(clinic.id), before);
    QCOMPARE(callbacksOf(clinic.id), qint64(2));

    // A booking of the caller whose callback changed after the snapshot: RETRY, not booked.
    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.exec(u"select 1"_s));
    Request fourth = closed;
    fourth.key = newKey();
    QCOMPARE(other.book(fourth).value(u"callback_id").toInteger(), id);
    before = bookingCounts(clinic.id);
    Request booking = request(place, 3, 12);
    QCOMPARE(late.book(booking).value(u"code").toString(), u"RETRY"_s);
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(bookingCounts(clinic.id), before);
    QCOMPARE(followUp(id).value(u"status").toString(), u"pending"_s);
    // In a new transaction it books, and completes the callback.
    QVERIFY(late.exec(u"begin isolation level repeatable read"_s));
    QVERIFY(late.book(booking).value(u"ok").toBool());
    QVERIFY(late.exec(u"commit"_s));
    QCOMPARE(followUp(id).value(u"outcome").toString(), u"booked"_s);
    QCOMPARE(count(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(clinic.id)), qint64(1));
}

// ---------------------------------------------------------------------------------------------
// The simulated agent

// frontdesk-sim's calls (CallSimulator), sent as the voice backend sends them: every refusal a
// person can fix comes back with a callback queued for the desk, the caller who left no usable
// contact is lost, and a refused caller who takes an offered alternative completes the callback
// with the booking. Until each kind of call was seen (at most 600 calls).
void TestCallbacks::theSimulatedAgentsRefusalsAreCalledBack()
{
    using Intent = CallSimulator::Intent;
    const Place place = newPlace();
    const auto clinic = ClinicQueries::loadClinic(m_db->connection(), place.clinic.id);
    QVERIFY(clinic.ok());
    CallSimulator simulator(clinic.value(), 20261122);
    QMap<Intent, int> seen;
    int callbacks = 0;
    int completed = 0;
    std::optional<CallSimulator::Call> accepting;
    qint64 acceptingCallback = 0;
    const auto done = [&] {
        return seen.value(Intent::TakenSlot) > 0 && seen.value(Intent::OutsideHours) > 0
            && seen.value(Intent::InvalidOnPurpose) > 0 && seen.value(Intent::NoContact) > 0 && completed > 0;
    };
    for (int i = 0; i < 600 && !done(); ++i) {
        CallSimulator::Call call;
        qint64 completing = 0;
        if (accepting) {
            call = *accepting;
            completing = acceptingCallback;
            accepting.reset();
        } else {
            call = simulator.nextCall(QDateTime::currentDateTimeUtc());
        }
        const auto answer = callFunctionRetrying(agent(), Commands::book(call.request));
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().message));
        const BookingResult result = BookingResult::fromAnswer(answer.value());
        const qint64 callbackId = answer->answer.value(u"callback_id").toInteger();
        const QByteArray where = CallSimulator::intentName(call.intent).toUtf8() + ": " + call.what.toUtf8() + " -> "
                               + (result.ok ? QByteArray("booked") : result.code.toUtf8());
        seen[call.intent] += 1;
        callbacks += callbackId > 0 ? 1 : 0;
        if (result.ok) {
            simulator.recordBooked(call);
            QVERIFY2(call.intent != Intent::TakenSlot && call.intent != Intent::OutsideHours
                         && call.intent != Intent::InvalidOnPurpose && call.intent != Intent::NoContact,
                     where.constData());
            if (completing > 0) {
                // Seen failing for a few minutes one morning (08:25 UTC) and passing after: the
                // calls follow the clock. Say which call and which item, for the next time.
                const QJsonObject item = followUp(completing);
                QVERIFY2(item.value(u"outcome").toString() == u"booked"_s,
                         qPrintable(QString::fromUtf8(where) + u" did not complete "_s
                                    + QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact))));
                ++completed;
            }
            continue;
        }
        switch (call.intent) {
        case Intent::TakenSlot:
            QVERIFY2(result.code == u"SLOT_UNAVAILABLE" || result.code == u"PATIENT_BUSY", where.constData());
            break;
        case Intent::OutsideHours:
            QVERIFY2(result.code == u"OUTSIDE_HOURS", where.constData());
            break;
        case Intent::NoContact:
            QVERIFY2(result.code == u"INVALID_PHONE", where.constData());
            break;
        default:
            QVERIFY2(kFixable.contains(result.code), where.constData());
            break;
        }
        // Called back, unless the caller left nobody to call.
        QCOMPARE(callbackId > 0, call.intent != Intent::NoContact);
        if (auto next = simulator.acceptAlternative(call, result.alternatives)) {
            accepting = *next;
            acceptingCallback = callbackId;
        }
    }
    QVERIFY2(done(), qPrintable(u"taken %1, closed %2, garbled %3, no contact %4, completed %5"_s
                                    .arg(seen.value(Intent::TakenSlot)).arg(seen.value(Intent::OutsideHours))
                                    .arg(seen.value(Intent::InvalidOnPurpose)).arg(seen.value(Intent::NoContact))
                                    .arg(completed)));
    // Each refused caller is one item (distinct callers), and none is another clinic's.
    QVERIFY(callbacks > 0);
    QCOMPARE(count(u"select count(*) from frontdesk.follow_ups where kind = 'callback' and org_id <> %1 "
                   "and request_key like 'sim-%'"_s.arg(place.clinic.id)),
             qint64(0));
}

QTEST_GUILESS_MAIN(TestCallbacks)
#include "tst_callbacks.moc"
