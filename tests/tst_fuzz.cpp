// A fuzz test of every function a client may call: random and hostile values for every argument
// (NULLs, empty and huge text, control, bidirectional and zero-width characters, SQL, infinite and
// extreme times, extreme integers, the other clinic's ids), from every kind of login, in every
// kind of transaction. Each answer must be a documented code or a correct result, never a raw
// SQLSTATE, within the 5 s statement timeout every connection runs under; afterwards the book
// still holds no overlap, every stored patient is valid, and the other clinic is untouched.
//
// The seed is fixed so that a failure can be replayed; FRONTDESK_FUZZ_SEED picks another and
// FRONTDESK_FUZZ_CALLS runs more calls.

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "db/SqlStatement.h"

#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <functional>
#include <memory>

using namespace frontdesk;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

// Every code a client function may answer, as resources/migrations/README.md documents them.
const QStringList kDocumentedCodes = {
    u"SLOT_UNAVAILABLE"_s, u"PATIENT_BUSY"_s, u"INVALID_PHONE"_s, u"INVALID_EMAIL"_s, u"INVALID_NAME"_s,
    u"CONTACT_REQUIRED"_s, u"INVALID_TIME"_s, u"IN_THE_PAST"_s, u"OUTSIDE_HOURS"_s, u"UNKNOWN_ORG"_s,
    u"UNKNOWN_PROVIDER"_s, u"INVALID_SOURCE"_s, u"INVALID_IDEMPOTENCY_KEY"_s, u"IDEMPOTENCY_MISMATCH"_s,
    u"IDEMPOTENCY_RETRY"_s, u"TEXT_TOO_LONG"_s, u"NOT_PERMITTED"_s, u"RETRY"_s, u"UNSUPPORTED_ISOLATION"_s,
    u"READ_ONLY_TRANSACTION"_s, u"INVALID_TRANSITION"_s, u"UNKNOWN_APPOINTMENT"_s, u"REASON_REQUIRED"_s,
    u"INVALID_ACTION"_s, u"CLAIMED_BY_OTHER"_s, u"ALREADY_DONE"_s, u"UNKNOWN_FOLLOW_UP"_s, u"NOT_CLAIMED"_s,
    u"INVALID_OUTCOME"_s, u"NOTE_REQUIRED"_s, u"INVALID_CURSOR"_s, u"UNKNOWN_PATIENT"_s,
};

enum class Type { BigInt, Int, Time, Text };

struct Function
{
    QString name;
    QList<Type> arguments;
    bool table = false;   // returns rows, not a jsonb answer
    QStringList callers;  // the logins it is granted to
};

const QList<Function> &functions()
{
    constexpr Type BigInt = Type::BigInt, Int = Type::Int, Time = Type::Time, Text = Type::Text;
    const QStringList desk = { u"receptionist"_s, u"manager"_s };
    const QStringList everyone = { u"receptionist"_s, u"manager"_s, u"agent"_s };
    static const QList<Function> all = {
        { u"book_appointment_atomic"_s, { BigInt, BigInt, Time, Time, Text, Text, Text, Text, Text, Text, Text }, false, everyone },
        { u"confirm_appointment"_s, { BigInt }, false, desk },
        { u"check_in_appointment"_s, { BigInt }, false, desk },
        { u"complete_appointment"_s, { BigInt }, false, desk },
        { u"cancel_appointment"_s, { BigInt, Text }, false, desk },
        { u"mark_no_show"_s, { BigInt }, false, desk },
        { u"reschedule_appointment"_s, { BigInt, Time, Time, BigInt }, false, desk },
        { u"reopen_appointment"_s, { BigInt }, false, desk },
        { u"claim_follow_up"_s, { BigInt }, false, desk },
        { u"release_follow_up"_s, { BigInt }, false, desk },
        { u"complete_follow_up"_s, { BigInt, Text, Text }, false, desk },
        { u"changes_since"_s, { BigInt, Text }, false, everyone },
        { u"search_patients"_s, { BigInt, Text, Int }, true, everyone },
        { u"patient_history"_s, { BigInt }, false, everyone },
        { u"add_patient_note"_s, { BigInt, Text, BigInt }, false, desk },
        { u"record_ai_call"_s, { BigInt, Text, BigInt }, false, { u"agent"_s } },
        { u"duplicate_patients"_s, { BigInt }, true, everyone },
    };
    return all;
}

QString sqlType(Type t)
{
    switch (t) {
    case Type::BigInt: return u"bigint"_s;
    case Type::Int: return u"integer"_s;
    case Type::Time: return u"timestamptz"_s;
    case Type::Text: return u"text"_s;
    }
    return {};
}

QVariant null()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace

class TestFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void documentedCodesAreInTheReference();
    void everyClientFunctionAnswersEveryInput();

private:
    QSqlDatabase &as(const QString &kind);
    QVariant value(Type type, const Function &f, int index);
    QVariant validValue(const Function &f, int index);
    QVariant hostileValue(Type type);
    QString randomText(int maxLength);
    QString fingerprintOfB() const;

    std::unique_ptr<test::TestDatabase> m_db;
    QRandomGenerator m_random;
    Clinic m_a;
    Clinic m_b;
    QMap<QString, QString> m_logins;
    QList<qint64> m_appointmentsA, m_appointmentsB, m_patientsA, m_patientsB, m_followUpsA, m_followUpsB;
    QString m_cursor;
};

void TestFuzz::initTestCase()
{
    const quint32 seed = qEnvironmentVariableIsSet("FRONTDESK_FUZZ_SEED")
        ? quint32(qEnvironmentVariableIntValue("FRONTDESK_FUZZ_SEED")) : 20261121u;
    qInfo("fuzz seed %u", seed);
    m_random.seed(seed);
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_a = m_db->createClinic(u"UTC"_s, 2);
    m_b = m_db->createClinic(u"UTC"_s, 2);
    for (const QString &kind : { u"receptionist"_s, u"manager"_s, u"agent"_s }) {
        m_logins.insert(kind, m_db->createLogin(kind, m_a.id));
        QSqlQuery q(as(kind));
        QVERIFY2(q.exec(u"set statement_timeout = '5s'"_s), qPrintable(q.lastError().text()));
    }
    // Something of each clinic to aim at: appointments (with their follow-ups) and patients.
    for (const Clinic *c : { &m_a, &m_b }) {
        for (int i = 0; i < 6; ++i) {
            BookingRequest r;
            r.orgId = c->id;
            r.providerId = c->providers.at(i % 2).id;
            r.startsAt = QDateTime(QDate::currentDate().addDays(1 + i / 2), QTime(9 + i, 0), QTimeZone::utc());
            r.endsAt = r.startsAt.addSecs(1800);
            r.patientName = QStringList{ u"Ada Fuzz"_s, u"Bo Fuzz"_s, u"Cy Fuzz"_s }.at(i % 3);
            r.phone = u"(415) 555-01%1"_s.arg(10 + i % 3);
            r.idempotencyKey = QUuid::createUuid().toString();
            const auto booked = ClinicQueries::book(m_db->connection(), r);
            QVERIFY(booked.ok() && booked->ok);
            (c == &m_a ? m_appointmentsA : m_appointmentsB) << booked->appointmentId;
            (c == &m_a ? m_patientsA : m_patientsB) << booked->patientId;
        }
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"select id from frontdesk.follow_ups where org_id = %1"_s.arg(c->id)));
        while (q.next())
            (c == &m_a ? m_followUpsA : m_followUpsB) << q.value(0).toLongLong();
    }
    m_cursor = jsonAnswer(as(u"receptionist"_s), u"frontdesk.changes_since(%1, null)"_s.arg(m_a.id))
                   .value(u"cursor").toString();
    QVERIFY(!m_cursor.isEmpty());
}

void TestFuzz::cleanupTestCase()
{
    m_db.reset();
}

QSqlDatabase &TestFuzz::as(const QString &kind)
{
    return m_db->connectionAs(m_logins.value(kind), test::TestDatabase::loginPassword());
}

// The reference lists every code the fuzz may meet, so a caller can handle each.
void TestFuzz::documentedCodesAreInTheReference()
{
    QFile reference(QStringLiteral(FRONTDESK_MIGRATIONS_README));
    QVERIFY2(reference.open(QIODevice::ReadOnly), FRONTDESK_MIGRATIONS_README);
    const QString text = QString::fromUtf8(reference.readAll());
    for (const QString &code : kDocumentedCodes)
        QVERIFY2(text.contains(u'`' + code + u'`'), qPrintable(code + u" is not in resources/migrations/README.md"_s));
}

QString TestFuzz::randomText(int maxLength)
{
    // Any code point but NUL (which PostgreSQL's text cannot hold) and surrogates.
    const int length = int(m_random.bounded(maxLength + 1));
    QString out;
    for (int i = 0; i < length; ++i) {
        char32_t c;
        switch (m_random.bounded(4)) {
        case 0: c = char32_t(m_random.bounded(1, 0x80)); break;
        case 1: c = char32_t(m_random.bounded(0x80, 0x3000)); break;
        case 2: c = char32_t(m_random.bounded(0x3000, 0xd800)); break;
        default: c = char32_t(m_random.bounded(0xe000, 0x110000)); break;
        }
        out.append(QString::fromUcs4(&c, 1));
    }
    return out;
}

QVariant TestFuzz::hostileValue(Type type)
{
    const auto pick = [this](const QVariantList &list) { return list.at(int(m_random.bounded(qsizetype(list.size())))); };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (type) {
    case Type::BigInt:
        return pick({ null(), 0, -1, 1, std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min(),
                      qint64(m_random.bounded(1, 1000000)), m_b.id, m_b.providers.first().id,
                      m_appointmentsB.first(), m_patientsB.first(), m_followUpsB.first() });
    case Type::Int:
        return pick({ null(), 0, -1, 1, 100, 101, std::numeric_limits<int>::max(), std::numeric_limits<int>::min() });
    case Type::Time:
        return pick({ null(), u"infinity"_s, u"-infinity"_s, u"4713-11-24 00:00:00+00 BC"_s,
                      u"294276-12-31 23:59:59+00"_s, u"1999-12-31 23:00:00+00"_s, u"2000-01-01 00:00:00+00"_s,
                      now.addYears(-1).toString(Qt::ISODate), now.addSecs(-3600).toString(Qt::ISODate),
                      now.addYears(2).addDays(1).toString(Qt::ISODate), now.addYears(2).addSecs(-3600).toString(Qt::ISODate),
                      now.addDays(int(m_random.bounded(1, 8))).toString(Qt::ISODate) });
    case Type::Text:
        switch (m_random.bounded(12)) {
        case 0: return null();
        case 1: return pick({ u""_s, u" "_s, u"\t\n"_s, u"\u00a0\u3000"_s });
        case 2: return pick({ u"'); drop table frontdesk.appointments; --"_s, u"%_\\"_s, u"$$;$$"_s, u"\\x00"_s });
        case 3: return pick({ u"Mary \u202ehtims"_s, u"\ufeffAnn"_s, u"Ma\u200bry"_s, u"\U0001F600\u200d\U0001F4BB"_s,
                              u"\u24c2ary \u3299 \u2139"_s, u"\U0001d7d9\u00b2\u00bd\u2460"_s });
        case 4: return QString(int(m_random.bounded(200, 5000)), QChar(u'a' + int(m_random.bounded(26))));
        case 5: return m_random.bounded(8) == 0 ? QString(1024 * 1024, u'x') : QString(100000, u'y');
        case 6: return pick({ u"infinity"_s, u"NaN"_s, u"-1"_s, u"99999999999999999999999"_s, u"1e308"_s });
        case 7: return pick({ u"1:1:"_s, u"10:5:"_s, u"1:2:3"_s, u"a:b:c"_s, u"18446744073709551615:18446744073709551615:"_s,
                              u"1:9223372036854775807:5"_s, m_cursor });
        case 8: return pick({ u"staff"_s, u"ai_voice"_s, u"sent"_s, u"failed"_s, u"skipped"_s, u"AI_VOICE"_s });
        case 9: return pick({ u"(415) 555-2671"_s, u"+44 20 7946 0958"_s, u"jane@example.com"_s, u"Jane Doe"_s });
        default: return randomText(60);
        }
    }
    return {};
}

// A value that gets a call past its first checks, so the fuzz reaches the deeper paths too.
QVariant TestFuzz::validValue(const Function &f, int index)
{
    const auto pick = [this](const QList<qint64> &ids) { return ids.at(int(m_random.bounded(qsizetype(ids.size())))); };
    const QDateTime start = QDateTime(QDate::currentDate().addDays(int(m_random.bounded(1, 5))),
                                      QTime(int(m_random.bounded(7, 18)), 15 * int(m_random.bounded(4))), QTimeZone::utc());
    if (f.name == u"book_appointment_atomic") {
        switch (index) {
        case 0: return m_a.id;
        case 1: return m_a.providers.at(int(m_random.bounded(2))).id;
        case 2: return start.toString(Qt::ISODate);
        case 3: return start.addSecs(1800).toString(Qt::ISODate);
        case 4: return QStringList{ u"Ada Fuzz"_s, u"Dee Fuzz"_s, u"élodie o'brien"_s }.at(int(m_random.bounded(3)));
        case 5: return u"(415) 555-01%1"_s.arg(10 + m_random.bounded(5));
        case 6: return null();
        case 7: return m_random.bounded(2) ? u"staff"_s : u"ai_voice"_s;
        case 8: return QUuid::createUuid().toString();
        default: return null();
        }
    }
    if (f.name == u"reschedule_appointment") {
        switch (index) {
        case 0: return pick(m_appointmentsA);
        case 1: return start.toString(Qt::ISODate);
        case 2: return start.addSecs(1800).toString(Qt::ISODate);
        default: return null();
        }
    }
    if (f.name.contains(u"follow_up")) {
        if (index == 0)
            return pick(m_followUpsA);
        return index == 1 ? QVariant(u"sent"_s) : QVariant(u"done by fuzz"_s);
    }
    if (f.name.contains(u"note") || f.name == u"record_ai_call" || f.name == u"patient_history") {
        if (index == 0)
            return pick(m_patientsA);
        return index == 1 ? QVariant(u"a note from the fuzz"_s) : null();
    }
    if (f.name == u"changes_since" || f.name == u"search_patients" || f.name == u"duplicate_patients") {
        if (index == 0)
            return m_a.id;
        return index == 1 ? QVariant(f.name == u"changes_since" ? m_cursor : u"fuzz"_s) : QVariant(20);
    }
    // The life-cycle functions: an appointment, and a reason.
    return index == 0 ? QVariant(pick(m_appointmentsA)) : QVariant(u"a reason"_s);
}

QVariant TestFuzz::value(Type type, const Function &f, int index)
{
    return m_random.bounded(10) < 3 ? hostileValue(type) : validValue(f, index);
}

QString TestFuzz::fingerprintOfB() const
{
    return m_db->scalar(u"select md5(concat_ws('|', "
                        "(select string_agg(concat_ws(':', id, provider_id, patient_id, starts_at, ends_at, status, "
                        "  service, notes), ',' order by id) from frontdesk.appointments where org_id = %1), "
                        "(select string_agg(concat_ws(':', id, full_name, phone, email), ',' order by id) "
                        "  from frontdesk.patients where org_id = %1), "
                        "(select string_agg(concat_ws(':', id, status, claimed_by, outcome, note), ',' order by id) "
                        "  from frontdesk.follow_ups where org_id = %1), "
                        "(select count(*) from frontdesk.interactions where org_id = %1), "
                        "(select count(*) from frontdesk.events where org_id = %1)))"_s.arg(m_b.id)).toString();
}

void TestFuzz::everyClientFunctionAnswersEveryInput()
{
    const int calls = qEnvironmentVariableIsSet("FRONTDESK_FUZZ_CALLS") ? qEnvironmentVariableIntValue("FRONTDESK_FUZZ_CALLS")
                                                                         : 3000;
    const QString bBefore = fingerprintOfB();
    const QStringList transactions = { QString(), QString(), QString(), u"begin isolation level repeatable read"_s,
                                       u"begin isolation level serializable"_s, u"begin read only"_s };
    QMap<QString, int> answers;   // code (or OK) -> how often
    for (int n = 0; n < calls; ++n) {
        const Function &f = functions().at(int(m_random.bounded(qsizetype(functions().size()))));
        const QString caller = f.callers.at(int(m_random.bounded(qsizetype(f.callers.size()))));
        QStringList placeholders;
        QVariantList values;
        QStringList shown;
        for (int i = 0; i < f.arguments.size(); ++i) {
            placeholders << u"?::"_s + sqlType(f.arguments.at(i));
            values << value(f.arguments.at(i), f, i);
            const QString text = values.last().isNull() ? u"null"_s : values.last().toString();
            shown << (text.size() > 40 ? text.left(40) + u"…(%1)"_s.arg(text.size()) : text);
        }
        const QString call = u"frontdesk.%1(%2)"_s.arg(f.name, placeholders.join(u", "_s));
        const QString context = u"call %1 as %2: %3(%4)"_s.arg(n).arg(caller, f.name, shown.join(u", "_s));
        QSqlDatabase &db = as(caller);
        const QString begin = transactions.at(int(m_random.bounded(qsizetype(transactions.size()))));
        if (!begin.isEmpty())
            QVERIFY2(QSqlQuery(db).exec(begin), qPrintable(context));

        if (f.table) {
            QSqlQuery q(db);
            const bool ran = execPrepared(q, u"select * from "_s + call, values);
            QVERIFY2(ran, qPrintable(context + u": "_s + q.lastError().nativeErrorCode() + u" "_s + q.lastError().text()));
            // A correct result: rows of the caller's own clinic only.
            while (q.next()) {
                const qint64 patient = q.value(0).toLongLong();
                QVERIFY2(!m_patientsB.contains(patient), qPrintable(context + u": returned clinic B's patient"_s));
            }
            ++answers[u"rows"_s];
        } else {
            const QJsonObject answer = jsonAnswer(db, call, values);
            QVERIFY2(!answer.contains(u"sql_error"),
                     qPrintable(context + u": raw "_s + answer.value(u"sql_error").toString() + u" "_s
                                + answer.value(u"sql_message").toString()));
            if (answer.value(u"ok").toBool()) {
                ++answers[u"OK"_s];
            } else {
                const QString code = answer.value(u"code").toString();
                QVERIFY2(kDocumentedCodes.contains(code), qPrintable(context + u": undocumented code "_s + code));
                ++answers[code];
            }
        }
        if (!begin.isEmpty()) {
            QSqlQuery commit(db);
            QVERIFY2(commit.exec(u"commit"_s), qPrintable(context + u": commit: "_s + commit.lastError().text()));
        }
    }
    QStringList summary;
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        summary << u"%1 %2"_s.arg(it.key()).arg(it.value());
    qInfo("%d calls: %s", calls, qPrintable(summary.join(u", "_s)));
    // The fuzz reached past the first checks: bookings and life-cycle changes went through.
    QVERIFY(answers.value(u"OK"_s) > calls / 10);

    // What the calls left behind is still a valid book, and clinic B was never touched.
    QCOMPARE(fingerprintOfB(), bBefore);
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.appointments a join frontdesk.appointments b "
                          "on a.org_id = b.org_id and a.id < b.id and (a.provider_id = b.provider_id or a.patient_id = b.patient_id) "
                          "and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) "
                          "where a.status not in ('cancelled', 'no_show') and b.status not in ('cancelled', 'no_show')"_s)
                 .toLongLong(),
             qint64(0));
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.patients where not frontdesk.is_valid_name(full_name) "
                          "or phone !~ '^\\+[1-9][0-9]{6,14}$'"_s).toLongLong(),
             qint64(0));
}

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
