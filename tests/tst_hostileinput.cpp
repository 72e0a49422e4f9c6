// Hostile and careless input to the clinic database's functions, as a staff or agent login would
// send it: every answer is a documented code, never a raw SQLSTATE, stores nothing (but for the
// callback an AI agent's fixable refusal queues, schema v10), and comes back within the statement
// timeout (5 s) that every connection here runs under.
// - infinite and extreme times in booking and reschedule (22008 before);
// - megabytes of text in every text argument (a 1 MB name took 37 s before);
// - names with each refused class of character (stored and sent in SMS texts before);
// - sources other than the two documented ones, from every kind of caller (NOT_PERMITTED, and a
//   null let through, before).

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "db/SqlStatement.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace frontdesk;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

const QString kBook = u"frontdesk.book_appointment_atomic(?::bigint, ?::bigint, ?::timestamptz, ?::timestamptz, "
                      "?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text)"_s;

QString megabytes(int mb, QChar c = u'a')
{
    return QString(mb * 1024 * 1024, c);
}

QString key()
{
    return u"hostile-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void bookingTimes_data();
    void bookingTimes();
    void rescheduleTimes_data();
    void rescheduleTimes();
    void hugeText_data();
    void hugeText();
    void refusedNameCharacters_data();
    void refusedNameCharacters();
    void sourceIsValidatedForEveryCaller_data();
    void sourceIsValidatedForEveryCaller();

private:
    QSqlDatabase &as(const QString &who);
    QVariantList booking(const QString &name = u"Valid Name"_s) const;
    QString stored() const;

    std::unique_ptr<test::TestDatabase> m_db;
    Clinic m_clinic;
    QMap<QString, QString> m_logins;   // "receptionist", "agent" -> login
    qint64 m_appointment = 0;          // booked, for reschedule and notes
    qint64 m_patient = 0;
};

void TestHostileInput::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(m_clinic.isValid());
    for (const QString &kind : { u"receptionist"_s, u"agent"_s })
        m_logins.insert(kind, m_db->createLogin(kind, m_clinic.id));
    for (const QString &who : { u"owner"_s, u"receptionist"_s, u"agent"_s }) {
        QSqlQuery q(as(who));
        QVERIFY2(q.exec(u"set statement_timeout = '5s'"_s), qPrintable(q.lastError().text()));
    }
    QVariantList values = booking(u"Betty Booked"_s);
    values[2] = QDateTime(QDate::currentDate().addDays(3), QTime(9, 0), QTimeZone::utc());
    values[3] = QDateTime(QDate::currentDate().addDays(3), QTime(9, 30), QTimeZone::utc());
    const QJsonObject booked = jsonAnswer(as(u"receptionist"_s), kBook, values);
    QVERIFY2(booked.value(u"ok").toBool(), qPrintable(booked.value(u"code").toString()));
    m_appointment = booked.value(u"appointment_id").toInteger();
    m_patient = booked.value(u"patient_id").toInteger();
}

void TestHostileInput::cleanupTestCase()
{
    m_db.reset();
}

QSqlDatabase &TestHostileInput::as(const QString &who)
{
    if (who == u"owner")
        return m_db->connection();
    return m_db->connectionAs(m_logins.value(who), test::TestDatabase::loginPassword());
}

// A valid staff booking two days ahead, as values for kBook.
QVariantList TestHostileInput::booking(const QString &name) const
{
    const QDateTime start(QDate::currentDate().addDays(2), QTime(10, 0), QTimeZone::utc());
    return { m_clinic.id, m_clinic.providers.first().id, start, start.addSecs(1800), name, u"(415) 555-2671"_s,
             u"valid@example.com"_s, u"staff"_s, key(), QVariant(QMetaType::fromType<QString>()),
             QVariant(QMetaType::fromType<QString>()) };
}

QString TestHostileInput::stored() const
{
    return m_db->scalar(u"select format('%s %s %s %s', (select count(*) from frontdesk.appointments), "
                        "(select count(*) from frontdesk.patients), (select count(*) from frontdesk.events), "
                        "(select count(*) from frontdesk.booking_requests))"_s).toString();
}

void TestHostileInput::bookingTimes_data()
{
    QTest::addColumn<QString>("startsAt");
    QTest::addColumn<QString>("endsAt");
    QTest::addColumn<QString>("code");
    QTest::newRow("end infinity") << u"now() + interval '2 days'"_s << u"'infinity'"_s << u"INVALID_TIME"_s;
    QTest::newRow("start -infinity") << u"'-infinity'"_s << u"now() + interval '2 days'"_s << u"INVALID_TIME"_s;
    QTest::newRow("both infinity") << u"'infinity'"_s << u"'infinity'"_s << u"INVALID_TIME"_s;
    QTest::newRow("start infinity, end -infinity") << u"'infinity'"_s << u"'-infinity'"_s << u"INVALID_TIME"_s;
    QTest::newRow("last representable hour") << u"'294276-12-31 22:00:00+00'"_s << u"'294276-12-31 23:00:00+00'"_s
                                             << u"INVALID_TIME"_s;
    QTest::newRow("first representable day") << u"'4713-11-24 00:00:00+00 BC'"_s << u"'4713-11-24 01:00:00+00 BC'"_s
                                             << u"INVALID_TIME"_s;
    QTest::newRow("before 2000") << u"'1999-12-31 10:00:00+00'"_s << u"'1999-12-31 10:30:00+00'"_s << u"INVALID_TIME"_s;
    QTest::newRow("more than two years ahead") << u"now() + interval '2 years 1 day'"_s
                                               << u"now() + interval '2 years 1 day 30 minutes'"_s << u"INVALID_TIME"_s;
    QTest::newRow("nine hours") << u"now() + interval '2 days'"_s << u"now() + interval '2 days 9 hours'"_s
                                << u"INVALID_TIME"_s;
    QTest::newRow("yesterday") << u"now() - interval '1 day'"_s << u"now() - interval '1 day' + interval '30 minutes'"_s
                               << u"IN_THE_PAST"_s;
}

void TestHostileInput::bookingTimes()
{
    QFETCH(QString, startsAt);
    QFETCH(QString, endsAt);
    QFETCH(QString, code);
    const QString before = stored();
    // Refused before any slot is looked at: a taken slot near the end of the range once overflowed
    // while finding the alternatives.
    const QJsonObject answer = jsonAnswer(
        as(u"receptionist"_s),
        u"frontdesk.book_appointment_atomic(%1, %2, %3, %4, 'Tess Time', '(415) 555-2671', null, 'staff', '%5')"_s
            .arg(m_clinic.id).arg(m_clinic.providers.first().id).arg(startsAt, endsAt, key()));
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"code").toString(), code);
    QCOMPARE(stored(), before);
}

void TestHostileInput::rescheduleTimes_data()
{
    bookingTimes_data();
}

void TestHostileInput::rescheduleTimes()
{
    QFETCH(QString, startsAt);
    QFETCH(QString, endsAt);
    QFETCH(QString, code);
    const QString before = stored();
    const QJsonObject answer = jsonAnswer(as(u"receptionist"_s), u"frontdesk.reschedule_appointment(%1, %2, %3)"_s
                                                                     .arg(m_appointment).arg(startsAt, endsAt));
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"code").toString(), code);
    QCOMPARE(stored(), before);
}

void TestHostileInput::hugeText_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("argument");   // which ? of the call gets the text (-1: the only one)
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");   // empty: a table function, answering no rows
    const QString name1mb = megabytes(1);
    const QString spaced = QString(u"ab "_s).repeated(350000);   // collapses to far less, still too long
    QTest::newRow("name 1 MB") << kBook << 4 << name1mb << u"INVALID_NAME"_s;
    QTest::newRow("name 10 MB") << kBook << 4 << megabytes(10) << u"INVALID_NAME"_s;
    QTest::newRow("name of 1 MB of short words") << kBook << 4 << spaced << u"INVALID_NAME"_s;
    QTest::newRow("name 1001 characters of spaces around two letters")
        << kBook << 4 << QString(500, u' ') + u"Li"_s + QString(499, u' ') << u"INVALID_NAME"_s;
    QTest::newRow("phone 1 MB") << kBook << 5 << megabytes(1, u'5') << u"INVALID_PHONE"_s;
    QTest::newRow("email 1 MB") << kBook << 6 << megabytes(1) + u"@example.com"_s << u"INVALID_EMAIL"_s;
    QTest::newRow("key 1 MB") << kBook << 8 << megabytes(1) << u"INVALID_IDEMPOTENCY_KEY"_s;
    QTest::newRow("service 1 MB") << kBook << 9 << megabytes(1) << u"TEXT_TOO_LONG"_s;
    QTest::newRow("notes 10 MB") << kBook << 10 << megabytes(10) << u"TEXT_TOO_LONG"_s;
    QTest::newRow("cancel reason 10 MB") << u"frontdesk.cancel_appointment(%1, ?)"_s << -1 << megabytes(10)
                                         << u"REASON_REQUIRED"_s;
    QTest::newRow("staff note 10 MB") << u"frontdesk.add_patient_note(%2, ?)"_s << -1 << megabytes(10)
                                      << u"TEXT_TOO_LONG"_s;
    QTest::newRow("follow-up note 10 MB") << u"frontdesk.complete_follow_up(%3, 'failed', ?)"_s << -1 << megabytes(10)
                                          << u"TEXT_TOO_LONG"_s;
    QTest::newRow("cursor 10 MB") << u"frontdesk.changes_since(%4, ?)"_s << -1 << megabytes(10) << u"INVALID_CURSOR"_s;
    QTest::newRow("cursor of 1 MB of transaction ids") << u"frontdesk.changes_since(%4, ?)"_s << -1
                                                       << u"1:2:"_s + QString(u"1,"_s).repeated(300000)
                                                       << u"INVALID_CURSOR"_s;
    QTest::newRow("search 10 MB") << u"(select count(*) from frontdesk.search_patients(%4, ?))"_s << -1
                                  << megabytes(10) << QString();
    QTest::newRow("search 1 MB of digits") << u"(select count(*) from frontdesk.search_patients(%4, ?))"_s << -1
                                           << megabytes(1, u'4') << QString();
}

void TestHostileInput::hugeText()
{
    QFETCH(QString, call);
    QFETCH(int, argument);
    QFETCH(QString, text);
    QFETCH(QString, code);
    const qint64 followUp = m_db->scalar(u"select min(id) from frontdesk.follow_ups where appointment_id = %1"_s
                                             .arg(m_appointment)).toLongLong();
    QVERIFY(followUp > 0);
    QSqlDatabase &desk = as(u"receptionist"_s);
    if (call.contains(u"complete_follow_up"))
        QVERIFY(jsonAnswer(desk, u"frontdesk.claim_follow_up(%1)"_s.arg(followUp)).value(u"ok").toBool());
    QString sql = call;
    sql.replace(u"%1"_s, QString::number(m_appointment)).replace(u"%2"_s, QString::number(m_patient))
        .replace(u"%3"_s, QString::number(followUp)).replace(u"%4"_s, QString::number(m_clinic.id));
    QVariantList values;
    if (argument < 0) {
        values << text;
    } else {
        values = booking();
        values[argument] = text;
    }
    const QString before = stored();
    if (code.isEmpty()) {
        QSqlQuery q(desk);
        QVERIFY2(execPrepared(q, u"select "_s + sql, values) && q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toLongLong(), qint64(0));
        return;
    }
    const QJsonObject answer = jsonAnswer(desk, sql, values);
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"code").toString(), code);
    QCOMPARE(stored(), before);
}

void TestHostileInput::refusedNameCharacters_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("right-to-left override U+202E") << u"Mary \u202ehtims"_s;
    QTest::newRow("left-to-right override U+202D and pop U+202C") << u"Mary \u202dSmith\u202c"_s;
    QTest::newRow("isolates U+2066-2069") << u"\u2066Mary\u2069 \u2067Smith\u2068"_s;
    QTest::newRow("zero-width space") << u"Ma\u200bry Smith"_s;
    QTest::newRow("zero-width joiner") << u"Ma\u200dry Smith"_s;
    QTest::newRow("byte-order mark") << u"\ufeffMary Smith"_s;
    QTest::newRow("double exclamation") << u"Mary \u203c"_s;
    QTest::newRow("circled M") << u"\u24c2ary Smith"_s;
    QTest::newRow("circled ideograph secret") << u"Mary \u3299"_s;
    QTest::newRow("information source") << u"Mary \u2139"_s;
    QTest::newRow("mathematical double-struck one") << u"Mary \U0001d7d9"_s;
    QTest::newRow("superscript two") << u"Mary\u00b2"_s;
    QTest::newRow("fraction one half") << u"Mary \u00bd"_s;
    QTest::newRow("circled digit one") << u"Mary \u2460"_s;
    QTest::newRow("dollar") << u"Mary $mith"_s;
    QTest::newRow("euro") << u"Mary \u20acuro"_s;
    QTest::newRow("yen") << u"Mary \u00a5"_s;
    QTest::newRow("private use") << u"Mary \ue000"_s;
    QTest::newRow("variation selector") << u"Mary\ufe0f Smith"_s;
    QTest::newRow("emoji") << u"Mary \U0001F600"_s;
}

// Each refused class, through the booking itself: INVALID_NAME, and no patient, appointment or
// SMS text with the name. The desk's refusal stores nothing; the AI agent's queues (or refreshes)
// the caller's callback, its event the one thing stored, and the name as heard shown there without
// control or invisible formatting characters.
void TestHostileInput::refusedNameCharacters()
{
    QFETCH(QString, name);
    const QString before = stored();
    const QJsonObject refused = jsonAnswer(as(u"receptionist"_s), kBook, booking(name));
    QVERIFY2(!refused.contains(u"sql_error"), qPrintable(refused.value(u"sql_message").toString()));
    QCOMPARE(refused.value(u"code").toString(), u"INVALID_NAME"_s);
    QVERIFY(!refused.contains(u"callback_id"));
    QCOMPARE(stored(), before);

    QVariantList values = booking(name);
    values[7] = u"ai_voice"_s;
    const QJsonObject answer = jsonAnswer(as(u"agent"_s), kBook, values);
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"code").toString(), u"INVALID_NAME"_s);
    const qint64 callback = answer.value(u"callback_id").toInteger();
    QVERIFY(callback > 0);
    const QStringList counts = before.split(u' ');
    QCOMPARE(stored(), u"%1 %2 %3 %4"_s.arg(counts.at(0), counts.at(1)).arg(counts.at(2).toInt() + 1).arg(counts.at(3)));
    const QString heard = m_db->scalar(u"select callback->>'caller_name' from frontdesk.follow_ups where id = %1"_s
                                           .arg(callback)).toString();
    QVERIFY(!heard.isEmpty());
    static const QRegularExpression invisible(u"[\\x{0000}-\\x{001f}\\x{007f}-\\x{009f}\\x{200b}-\\x{200f}"
                                              "\\x{202a}-\\x{202e}\\x{2060}-\\x{206f}\\x{feff}]"_s);
    QVERIFY2(!heard.contains(invisible), qPrintable(heard));
}

void TestHostileInput::sourceIsValidatedForEveryCaller_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QVariant>("source");
    const QList<std::pair<const char *, QVariant>> sources = {
        { "AI_VOICE", u"AI_VOICE"_s }, { "Staff", u"Staff"_s }, { "bogus", u"bogus"_s }, { "empty", u""_s },
        { "padded", u" staff"_s }, { "null", QVariant(QMetaType::fromType<QString>()) }, { "1 MB", megabytes(1) },
    };
    for (const QString &who : { u"owner"_s, u"receptionist"_s, u"agent"_s }) {
        for (const auto &[tag, source] : sources)
            QTest::addRow("%s %s", qPrintable(who), tag) << who << source;
    }
}

void TestHostileInput::sourceIsValidatedForEveryCaller()
{
    QFETCH(QString, who);
    QFETCH(QVariant, source);
    QVariantList values = booking();
    values[7] = source;
    const QString before = stored();
    const QJsonObject answer = jsonAnswer(as(who), kBook, values);
    QVERIFY2(!answer.contains(u"sql_error"), qPrintable(answer.value(u"sql_message").toString()));
    QCOMPARE(answer.value(u"code").toString(), u"INVALID_SOURCE"_s);
    QCOMPARE(stored(), before);
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
