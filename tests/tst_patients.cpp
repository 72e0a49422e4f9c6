// Patients: found as the desk types (part of a name, a typo, digits of a phone), their history
// with no-shows and interactions, notes by staff and call notes by the AI agent, the duplicate
// report; and none of it across clinics.
#include "TestDatabase.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;

namespace {

const QString kPassword = QStringLiteral("patients-password");

QStringList names(QSqlDatabase &db, qint64 orgId, const QString &query)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("select full_name from frontdesk.search_patients(?, ?)"));
    q.addBindValue(orgId);
    q.addBindValue(query);
    QStringList out;
    if (!q.exec())
        return { QStringLiteral("error: ") + q.lastError().text() };
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace

class TestPatients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void searchAsYouType_data();
    void searchAsYouType();
    void historyHasAppointmentsNoShowsAndInteractions();
    void notesAreCheckedAndLogged_data();
    void notesAreCheckedAndLogged();
    void theAgentRecordsItsCalls();
    void duplicatesAreReported();
    void anotherClinicsPatientsAreOutOfReach();
    void searchFindsANumberGivenLater();

private:
    qint64 book(const QString &name, const QString &phone, const QString &email, int hour);
    QSqlDatabase &as(const char *who);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    Clinic m_other;
    QString m_prefix;
    qint64 m_ada = 0;
    qint64 m_adaAppointment = 0;
};

void TestPatients::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(QStringLiteral("UTC"), 1);
    m_other = m_db->createClinic(QStringLiteral("UTC"), 1);
    m_prefix = QStringLiteral("p") + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'_';
    QSqlDatabase &admin = m_db->connection();
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"desk", m_clinic.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"other", m_other.id, QStringLiteral("receptionist"), {}, kPassword).ok());
    QVERIFY(AdminQueries::grantAgent(admin, m_prefix + u"agent", m_clinic.id, kPassword).ok());

    m_adaAppointment = book(QStringLiteral("Ada Lovelace"), QStringLiteral("(415) 555-2671"), {}, 9);
    m_ada = m_db->scalar(QStringLiteral("select patient_id from frontdesk.appointments where id = %1").arg(m_adaAppointment)).toLongLong();
    book(QStringLiteral("Grace Hopper"), QStringLiteral("(212) 555-0143"), QStringLiteral("grace@example.com"), 10);
    book(QStringLiteral("Alan Turing"), {}, QStringLiteral("alan@example.com"), 11);
    book(QStringLiteral("Adam Smith"), QStringLiteral("(617) 555-0112"), {}, 12);
    book(QStringLiteral("Zoe O'Neil-Park"), {}, QStringLiteral("zoe@example.com"), 13);
}

void TestPatients::cleanupTestCase()
{
    m_db.reset();
}

QSqlDatabase &TestPatients::as(const char *who)
{
    return m_db->connectionAs(m_prefix + QLatin1String(who), kPassword);
}

qint64 TestPatients::book(const QString &name, const QString &phone, const QString &email, int hour)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(hour, 0), QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = name;
    r.phone = phone;
    r.email = email;
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto result = ClinicQueries::book(m_db->connection(), r);
    if (!result || !result->ok)
        qFatal("book: %s", qPrintable(result ? result->code : result.error().message));
    return result->appointmentId;
}

void TestPatients::searchAsYouType_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");   // in order, best first
    // Two letters find the first and last names starting with them, by the word matched (v13:
    // read in order from btrees, so a keystroke's answer is quick at any size).
    QTest::newRow("two letters: start of a first name") << QStringLiteral("ad") << QStringList{ QStringLiteral("Ada Lovelace"), QStringLiteral("Adam Smith") };
    QTest::newRow("two letters: start of a surname") << QStringLiteral("LO") << QStringList{ QStringLiteral("Ada Lovelace") };
    QTest::newRow("two letters: after a hyphen") << QStringLiteral("pa") << QStringList{ QStringLiteral("Zoe O'Neil-Park") };
    QTest::newRow("two letters: not a middle part") << QStringLiteral("ne") << QStringList{};
    QTest::newRow("three letters: a middle part") << QStringLiteral("nei") << QStringList{ QStringLiteral("Zoe O'Neil-Park") };
    QTest::newRow("two letters inside a word find nothing") << QStringLiteral("ov") << QStringList{};
    QTest::newRow("three letters inside a word") << QStringLiteral("ove") << QStringList{ QStringLiteral("Ada Lovelace") };
    QTest::newRow("two letters, a wildcard is text") << QStringLiteral("a%") << QStringList{};
    QTest::newRow("part of a surname") << QStringLiteral("love") << QStringList{ QStringLiteral("Ada Lovelace") };
    QTest::newRow("any case") << QStringLiteral("HOPPER") << QStringList{ QStringLiteral("Grace Hopper") };
    QTest::newRow("a typo") << QStringLiteral("Alan Turnig") << QStringList{ QStringLiteral("Alan Turing") };
    QTest::newRow("phone digits") << QStringLiteral("2671") << QStringList{ QStringLiteral("Ada Lovelace") };
    QTest::newRow("phone as typed") << QStringLiteral("(212) 555") << QStringList{ QStringLiteral("Grace Hopper") };
    QTest::newRow("one character finds nothing") << QStringLiteral("a") << QStringList{};
    QTest::newRow("blank finds nothing") << QStringLiteral("   ") << QStringList{};
    QTest::newRow("two digits are not a phone") << QStringLiteral("55") << QStringList{};
    QTest::newRow("nobody") << QStringLiteral("Dijkstra") << QStringList{};
    QTest::newRow("wildcards are text") << QStringLiteral("%%") << QStringList{};
}

void TestPatients::searchAsYouType()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(names(as("desk"), m_clinic.id, query), expected);
}

void TestPatients::historyHasAppointmentsNoShowsAndInteractions()
{
    // A past appointment that was missed, written as history.
    m_db->scalar(QStringLiteral(
        "insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, status, source) "
        "values (%1, %2, %3, now() - interval '10 days', now() - interval '10 days' + interval '30 minutes', 'no_show', 'staff') "
        "returning id").arg(m_clinic.id).arg(m_clinic.providers.first().id).arg(m_ada));
    QVERIFY(jsonAnswer(as("desk"), QStringLiteral("frontdesk.add_patient_note(%1, 'Prefers mornings')").arg(m_ada)).value(u"ok").toBool());
    const QJsonObject history = jsonAnswer(as("desk"), QStringLiteral("frontdesk.patient_history(%1)").arg(m_ada));
    QVERIFY(history.value(u"ok").toBool());
    QCOMPARE(history.value(u"patient").toObject().value(u"full_name").toString(), QStringLiteral("Ada Lovelace"));
    const QJsonArray appointments = history.value(u"appointments").toArray();
    QCOMPARE(appointments.size(), 2);
    QCOMPARE(appointments.at(0).toObject().value(u"id").toInteger(), m_adaAppointment);   // the future one first
    QCOMPARE(appointments.at(1).toObject().value(u"status").toString(), QStringLiteral("no_show"));
    QCOMPARE(history.value(u"no_shows").toInt(), 1);
    const QJsonArray interactions = history.value(u"interactions").toArray();
    QCOMPARE(interactions.size(), 1);
    QCOMPARE(interactions.at(0).toObject().value(u"body").toString(), QStringLiteral("Prefers mornings"));
    QCOMPARE(interactions.at(0).toObject().value(u"created_by").toString(), m_prefix + u"desk");
    QCOMPARE(jsonAnswer(as("desk"), QStringLiteral("frontdesk.patient_history(%1)").arg(m_ada + 100000)).value(u"code").toString(),
             QStringLiteral("UNKNOWN_PATIENT"));
}

void TestPatients::notesAreCheckedAndLogged_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a note") << QStringLiteral("'Asked about parking'") << QStringLiteral("OK");
    QTest::newRow("about its appointment") << QStringLiteral("'Bring the referral', :appointment") << QStringLiteral("OK");
    QTest::newRow("an empty note") << QStringLiteral("''") << QStringLiteral("NOTE_REQUIRED");
    QTest::newRow("only spaces") << QStringLiteral("'   '") << QStringLiteral("NOTE_REQUIRED");
    QTest::newRow("no note") << QStringLiteral("null") << QStringLiteral("NOTE_REQUIRED");
    QTest::newRow("4001 characters") << QStringLiteral("repeat('x', 4001)") << QStringLiteral("TEXT_TOO_LONG");
    QTest::newRow("someone else's appointment") << QStringLiteral("'Wrong one', :appointment + 1") << QStringLiteral("UNKNOWN_APPOINTMENT");
}

void TestPatients::notesAreCheckedAndLogged()
{
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    arguments.replace(QStringLiteral(":appointment"), QString::number(m_adaAppointment));
    const auto count = [this] {
        return m_db->scalar(QStringLiteral("select (select count(*) from frontdesk.interactions where patient_id = %1) * 1000 "
                                           "+ (select count(*) from frontdesk.events where patient_id = %1 and kind like 'patient.%')")
                                .arg(m_ada)).toInt();
    };
    const int before = count();
    const QJsonObject result = jsonAnswer(as("desk"), QStringLiteral("frontdesk.add_patient_note(%1, %2)").arg(m_ada).arg(arguments));
    if (expected == u"OK") {
        QVERIFY(result.value(u"ok").toBool());
        QCOMPARE(count(), before + 1001);   // one interaction, one event
    } else {
        QCOMPARE(result.value(u"code").toString(), expected);
        QCOMPARE(count(), before);
    }
}

void TestPatients::theAgentRecordsItsCalls()
{
    const QJsonObject result = jsonAnswer(as("agent"), QStringLiteral("frontdesk.record_ai_call(%1, 'Caller asked to move to mornings', %2)")
                                                      .arg(m_ada).arg(m_adaAppointment));
    QVERIFY(result.value(u"ok").toBool());
    QCOMPARE(m_db->scalar(QStringLiteral("select kind || '|' || created_by from frontdesk.interactions where id = %1")
                              .arg(result.value(u"interaction_id").toInteger())).toString(),
             QStringLiteral("ai_call|") + m_prefix + u"agent");
    // The agent writes call notes, not staff notes; staff do not record AI calls.
    QCOMPARE(jsonAnswer(as("agent"), QStringLiteral("frontdesk.add_patient_note(%1, 'x')").arg(m_ada)).value(u"sql_error").toString(),
             QStringLiteral("42501"));
    QCOMPARE(jsonAnswer(as("desk"), QStringLiteral("frontdesk.record_ai_call(%1, 'x')").arg(m_ada)).value(u"sql_error").toString(),
             QStringLiteral("42501"));
}

void TestPatients::duplicatesAreReported()
{
    // The same phone under a differently spelled name: a second record, reported for review.
    const qint64 twin = book(QStringLiteral("Ada Lovelace-Byron"), QStringLiteral("415.555.2671"), {}, 15);
    const qint64 twinPatient = m_db->scalar(QStringLiteral("select patient_id from frontdesk.appointments where id = %1").arg(twin)).toLongLong();
    QVERIFY(twinPatient != m_ada);
    QSqlQuery q(as("desk"));
    QVERIFY(q.exec(QStringLiteral("select patient_id, duplicate_of, shared, value from frontdesk.duplicate_patients(%1)").arg(m_clinic.id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), twinPatient);
    QCOMPARE(q.value(1).toLongLong(), m_ada);
    QCOMPARE(q.value(2).toString(), QStringLiteral("phone"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("+14155552671"));
    QVERIFY(!q.next());
}

void TestPatients::anotherClinicsPatientsAreOutOfReach()
{
    QSqlDatabase &other = as("other");
    QCOMPARE(names(other, m_clinic.id, QStringLiteral("Ada")), QStringList{});
    QCOMPARE(jsonAnswer(other, QStringLiteral("frontdesk.patient_history(%1)").arg(m_ada)).value(u"code").toString(),
             QStringLiteral("UNKNOWN_PATIENT"));
    QCOMPARE(jsonAnswer(other, QStringLiteral("frontdesk.add_patient_note(%1, 'spying')").arg(m_ada)).value(u"code").toString(),
             QStringLiteral("UNKNOWN_PATIENT"));
    QSqlQuery q(other);
    QVERIFY(q.exec(QStringLiteral("select count(*) from frontdesk.duplicate_patients(%1)").arg(m_clinic.id)) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("select count(*) from frontdesk.interactions")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(!q.exec(QStringLiteral("insert into frontdesk.interactions (org_id, patient_id, kind, body) values (%1, %2, 'staff_note', 'x')")
                        .arg(m_clinic.id).arg(m_ada)));
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
}

// Search reads its own copy of names and numbers: a number a returning caller gives later (it
// fills in the record's missing phone) is found by its digits at once.
void TestPatients::searchFindsANumberGivenLater()
{
    QCOMPARE(names(as("desk"), m_clinic.id, QStringLiteral("0187")), QStringList{});
    book(QStringLiteral("Alan Turing"), QStringLiteral("(202) 555-0187"), QStringLiteral("alan@example.com"), 14);
    QCOMPARE(m_db->scalar(QStringLiteral("select count(*) from frontdesk.patients where org_id = %1 and full_name = 'Alan Turing'")
                              .arg(m_clinic.id)).toLongLong(), 1);
    QCOMPARE(names(as("desk"), m_clinic.id, QStringLiteral("0187")), QStringList{ QStringLiteral("Alan Turing") });
}

QTEST_GUILESS_MAIN(TestPatients)
#include "tst_patients.moc"
