// Finding patients as the desk types: the reads (search_patients, patient_history, the owners of
// a phone or email) against a seeded clinic, never another clinic's; the search that never shows
// an older keystroke's answer last (superseded queries skipped on the database thread, late
// answers dropped) and says when it needs the connection; and the models the views show.
#include "TestDatabase.h"
#include "db/ClinicQueries.h"
#include "db/PatientQueries.h"
#include "patients/PatientAppointmentsModel.h"
#include "patients/PatientMatchesModel.h"
#include "patients/PatientNotesModel.h"
#include "patients/PatientSearch.h"
#include "patients/PatientTexts.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

// A query of the desk's session waiting for a lock.
const QString kWaitingForTheLock = u"select count(*) from pg_stat_activity where datname = current_database() "
                                   "and wait_event_type = 'Lock' and application_name = 'frontdesk'"_s;

struct EndsTransaction
{
    QSqlDatabase &db;
    ~EndsTransaction() { db.rollback(); }
};

QStringList namesOf(const PatientMatchList &matches)
{
    QStringList out;
    for (const PatientMatch &m : matches)
        out.append(m.fullName);
    return out;
}

QStringList textsOf(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).toString());
    return out;
}

PatientAppointment appointmentAt(qint64 id, const QDateTime &start, const QString &provider,
                                 AppointmentStatus status = AppointmentStatus::Booked)
{
    PatientAppointment a;
    a.id = id;
    a.startsAt = start;
    a.endsAt = start.addSecs(1800);
    a.status = status;
    a.statusText = toDatabaseText(status);
    a.providerName = provider;
    a.service = u"Check-up"_s;
    return a;
}

PatientInteraction interaction(qint64 id, PatientInteraction::Kind kind, const QString &author, const QString &body,
                               const QDateTime &at)
{
    PatientInteraction i;
    i.id = id;
    i.kind = kind;
    i.kindText = kind == PatientInteraction::Kind::AiCall ? u"ai_call"_s : u"staff_note"_s;
    i.author = author;
    i.body = body;
    i.occurredAt = at;
    return i;
}

} // namespace

class TestPatientSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The reads
    void searchFindsByNameOrPhoneDigits_data();
    void searchFindsByNameOrPhoneDigits();
    void anotherClinicsPatientsAreNeverFound();
    void searchCarriesNextAndLastAppointment();
    void historyHasAppointmentsNoShowsAndInteractions();
    void historyOfAnotherClinicsPatientIsUnknown();
    void historyAnswersThatAreNotOneAreRefused_data();
    void historyAnswersThatAreNotOneAreRefused();
    void contactOwnersAreFoundByExactPhoneOrEmail();

    // The search as you type
    void shortTextAnswersAtOnceWithoutAQuery_data();
    void shortTextAnswersAtOnceWithoutAQuery();
    void deliversTheTextsResults();
    void supersededQueriesAreSkippedAndARunningOneCancelled();
    void lateAnswersAreDropped();
    void offlineAnswersEmptyAtOnceAndSearchesWhenBack();

    // The models
    void matchesModelShowsEachPatient();
    void matchesModelKeepsRowsForTheSamePatients();
    void appointmentsModelGroupsComingUpAndPast();
    void notesModelInsertsNewerNotesOnTop();

private:
    qint64 book(const Clinic &clinic, const QString &name, const QString &phone, const QString &email, QDateTime start);
    qint64 patientOf(qint64 appointmentId) const;
    qint64 pastAppointment(const Clinic &clinic, qint64 patientId, int daysAgo, const QString &status) const;
    QSqlDatabase &desk() { return m_db->connectionAs(m_deskLogin, TestDatabase::loginPassword()); }
    std::unique_ptr<ClinicSession> startSession();

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    Clinic m_other;
    QString m_deskLogin;
    QString m_agentLogin;
    QDateTime m_adaStart;
    qint64 m_ada = 0;
    qint64 m_adaAppointment = 0;
    qint64 m_stranger = 0;   // a patient of the other clinic
};

void TestPatientSearch::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 1);
    m_other = m_db->createClinic(u"UTC"_s, 1);
    m_deskLogin = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_agentLogin = m_db->createLogin(u"agent"_s, m_clinic.id);

    const QDate day = QDate::currentDate().addDays(3);
    m_adaStart = QDateTime(day, QTime(9, 0), QTimeZone::utc());
    m_adaAppointment = book(m_clinic, u"Ada Lovelace"_s, u"(415) 555-2671"_s, u"ada@example.com"_s, m_adaStart);
    m_ada = patientOf(m_adaAppointment);
    book(m_clinic, u"Grace Hopper"_s, u"(212) 555-0143"_s, u"grace@example.com"_s, QDateTime(day, QTime(10, 0), QTimeZone::utc()));
    book(m_clinic, u"Adam Smith"_s, u"(617) 555-0112"_s, {}, QDateTime(day, QTime(11, 0), QTimeZone::utc()));
    // The other clinic's patients share names and numbers with this one's.
    m_stranger = patientOf(book(m_other, u"Ada Lovelock"_s, u"(415) 555-2671"_s, u"ada@example.com"_s,
                                QDateTime(day, QTime(9, 0), QTimeZone::utc())));
    book(m_other, u"Zelda Other"_s, u"(503) 555-0177"_s, {}, QDateTime(day, QTime(12, 0), QTimeZone::utc()));
}

void TestPatientSearch::cleanupTestCase()
{
    m_db.reset();
}

qint64 TestPatientSearch::book(const Clinic &clinic, const QString &name, const QString &phone, const QString &email,
                               QDateTime start)
{
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.first().id;
    r.startsAt = start;
    r.endsAt = start.addSecs(1800);
    r.patientName = name;
    r.phone = phone;
    r.email = email;
    r.service = u"Check-up"_s;
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto result = ClinicQueries::book(m_db->connection(), r);
    if (!result || !result->ok)
        qFatal("book: %s", qPrintable(result ? result->code : result.error().message));
    return result->appointmentId;
}

qint64 TestPatientSearch::patientOf(qint64 appointmentId) const
{
    return m_db->scalar(u"select patient_id from frontdesk.appointments where id = %1"_s.arg(appointmentId)).toLongLong();
}

qint64 TestPatientSearch::pastAppointment(const Clinic &clinic, qint64 patientId, int daysAgo, const QString &status) const
{
    // History is written directly: no function books in the past.
    return m_db->scalar(u"insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, "
                        "status, source, service) values (%1, %2, %3, date_trunc('hour', now()) - interval '%4 days', "
                        "date_trunc('hour', now()) - interval '%4 days' + interval '30 minutes', '%5', 'staff', 'Check-up') "
                        "returning id"_s.arg(clinic.id).arg(clinic.providers.first().id).arg(patientId).arg(daysAgo).arg(status))
        .toLongLong();
}

std::unique_ptr<ClinicSession> TestPatientSearch::startSession()
{
    auto session = std::make_unique<ClinicSession>(m_db->settings(), m_clinic.id);
    session->start();
    if (!QTest::qWaitFor([&] { return session->isOnline() && session->clinic().isValid(); }, 10000))
        qWarning("the session did not come online");
    return session;
}

// ---- The reads ---------------------------------------------------------------------------------------

void TestPatientSearch::searchFindsByNameOrPhoneDigits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("part of a surname") << u"love"_s << QStringList{ u"Ada Lovelace"_s };
    // Two letters: the names with a word starting with them, by name (v11).
    QTest::newRow("start of first names, by name") << u"ad"_s << QStringList{ u"Ada Lovelace"_s, u"Adam Smith"_s };
    QTest::newRow("any case") << u"HOPPER"_s << QStringList{ u"Grace Hopper"_s };
    QTest::newRow("phone digits") << u"2671"_s << QStringList{ u"Ada Lovelace"_s };
    QTest::newRow("phone as typed") << u"(212) 555"_s << QStringList{ u"Grace Hopper"_s };
    QTest::newRow("one character") << u"a"_s << QStringList{};
    QTest::newRow("one character padded") << u"  a  "_s << QStringList{};
    QTest::newRow("two digits are not a phone") << u"55"_s << QStringList{};
    QTest::newRow("over 100 characters") << u"Ada"_s + QString(100, u' ') << QStringList{};
    QTest::newRow("nobody") << u"Dijkstra"_s << QStringList{};
}

void TestPatientSearch::searchFindsByNameOrPhoneDigits()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const auto found = PatientQueries::loadSearch(desk(), m_clinic.id, text);
    QVERIFY2(found, qPrintable(found.error().message));
    QCOMPARE(namesOf(found.value()), expected);
    // The read the session runs answers the same.
    const auto read = PatientQueries::search(m_clinic.id, text)(desk());
    QVERIFY(read);
    QCOMPARE(namesOf(read.value()), expected);
}

void TestPatientSearch::anotherClinicsPatientsAreNeverFound()
{
    // The other clinic's Ada Lovelock shares the number: searched from this clinic, never found.
    for (const QString &text : { u"Lovelock"_s, u"2671"_s, u"Zelda"_s }) {
        const auto found = PatientQueries::loadSearch(desk(), m_clinic.id, text);
        QVERIFY(found);
        QVERIFY2(!namesOf(found.value()).contains(u"Ada Lovelock"_s), qPrintable(text));
        QVERIFY2(!namesOf(found.value()).contains(u"Zelda Other"_s), qPrintable(text));
    }
    // Asking with the other clinic's id: nothing, not an error.
    const auto asked = PatientQueries::loadSearch(desk(), m_other.id, u"Zelda"_s);
    QVERIFY(asked);
    QCOMPARE(asked->size(), 0);
    // The owner sees that the patient exists: the search is the login's limit, not a typo.
    QCOMPARE(namesOf(PatientQueries::loadSearch(m_db->connection(), m_other.id, u"Zelda"_s).value()),
             QStringList{ u"Zelda Other"_s });
}

void TestPatientSearch::searchCarriesNextAndLastAppointment()
{
    const auto before = PatientQueries::loadSearch(desk(), m_clinic.id, u"Hopper"_s);
    QVERIFY(before && before->size() == 1);
    const PatientMatch grace = before->first();
    QCOMPARE(grace.phone, u"+12125550143"_s);
    QCOMPARE(grace.email, u"grace@example.com"_s);
    QCOMPARE(grace.nextAppointment, QDateTime(QDate::currentDate().addDays(3), QTime(10, 0), QTimeZone::utc()));
    QVERIFY(!grace.lastAppointment.isValid());

    const qint64 past = pastAppointment(m_clinic, grace.id, 5, u"completed"_s);
    QVERIFY(past > 0);
    const QDateTime pastStart = m_db->scalar(u"select starts_at from frontdesk.appointments where id = %1"_s.arg(past))
                                    .toDateTime().toUTC();
    const auto after = PatientQueries::loadSearch(desk(), m_clinic.id, u"Hopper"_s);
    QVERIFY(after && after->size() == 1);
    QCOMPARE(after->first().lastAppointment, pastStart);
    QCOMPARE(after->first().nextAppointment, grace.nextAppointment);
}

void TestPatientSearch::historyHasAppointmentsNoShowsAndInteractions()
{
    const qint64 missed = pastAppointment(m_clinic, m_ada, 10, u"no_show"_s);
    QVERIFY(missed > 0);
    QVERIFY(jsonAnswer(desk(), u"frontdesk.add_patient_note(%1, 'Prefers mornings')"_s.arg(m_ada)).value(u"ok").toBool());
    QSqlDatabase &agent = m_db->connectionAs(m_agentLogin, TestDatabase::loginPassword());
    QVERIFY(jsonAnswer(agent, u"frontdesk.record_ai_call(%1, 'Asked to move to Friday', %2)"_s.arg(m_ada).arg(m_adaAppointment))
                .value(u"ok").toBool());

    const auto read = PatientQueries::history(m_ada)(desk());
    QVERIFY2(read, qPrintable(read.error().code));
    const PatientHistory &h = read.value();
    QCOMPARE(h.patient.id, m_ada);
    QCOMPARE(h.patient.fullName, u"Ada Lovelace"_s);
    QCOMPARE(h.patient.phone, u"+14155552671"_s);
    QCOMPARE(h.patient.email, u"ada@example.com"_s);
    QVERIFY(h.patient.since.isValid());
    QCOMPARE(h.noShows, 1);
    QCOMPARE(h.appointments.size(), 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<PatientAppointment> upcoming = h.upcoming(now);
    const QList<PatientAppointment> past = h.past(now);
    QCOMPARE(upcoming.size(), 1);
    QCOMPARE(upcoming.first().id, m_adaAppointment);
    QCOMPARE(upcoming.first().startsAt, m_adaStart);
    QCOMPARE(upcoming.first().providerName, m_clinic.providers.first().displayName);
    QCOMPARE(upcoming.first().service, u"Check-up"_s);
    QCOMPARE(upcoming.first().status, AppointmentStatus::Booked);
    QCOMPARE(past.size(), 1);
    QCOMPARE(past.first().id, missed);
    QCOMPARE(past.first().status, AppointmentStatus::NoShow);

    // Newest first, each with its author.
    QCOMPARE(h.interactions.size(), 2);
    QCOMPARE(h.interactions.at(0).kind, PatientInteraction::Kind::AiCall);
    QCOMPARE(h.interactions.at(0).body, u"Asked to move to Friday"_s);
    QCOMPARE(h.interactions.at(0).author, m_agentLogin);
    QCOMPARE(h.interactions.at(0).appointmentId, m_adaAppointment);
    QCOMPARE(h.interactions.at(1).kind, PatientInteraction::Kind::StaffNote);
    QCOMPARE(h.interactions.at(1).body, u"Prefers mornings"_s);
    QCOMPARE(h.interactions.at(1).author, m_deskLogin);
    QCOMPARE(h.interactions.at(1).appointmentId, 0);
    QVERIFY(h.interactions.at(0).occurredAt >= h.interactions.at(1).occurredAt);
    QVERIFY(h.interactions.at(1).occurredAt.isValid());
}

void TestPatientSearch::historyOfAnotherClinicsPatientIsUnknown()
{
    const auto read = PatientQueries::loadHistory(desk(), m_stranger);
    QVERIFY(!read);
    QCOMPARE(read.error().code, u"UNKNOWN_PATIENT"_s);
    // As one that does not exist at all.
    const auto none = PatientQueries::loadHistory(desk(), 987654321);
    QVERIFY(!none);
    QCOMPARE(none.error().code, u"UNKNOWN_PATIENT"_s);
}

void TestPatientSearch::historyAnswersThatAreNotOneAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::newRow("a refusal") << QByteArray(R"({"ok": false, "code": "UNKNOWN_PATIENT", "message": "no"})") << u"UNKNOWN_PATIENT"_s;
    QTest::newRow("nothing") << QByteArray("{}") << u"BAD_RESPONSE"_s;
    QTest::newRow("not ok, no code") << QByteArray(R"({"ok": false})") << u"BAD_RESPONSE"_s;
    QTest::newRow("ok without a patient") << QByteArray(R"({"ok": true, "appointments": []})") << u"BAD_RESPONSE"_s;
    QTest::newRow("a patient without an id") << QByteArray(R"({"ok": true, "patient": {"full_name": "Ada"}})") << u"BAD_RESPONSE"_s;
}

void TestPatientSearch::historyAnswersThatAreNotOneAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    const auto parsed = PatientHistory::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, code);
}

void TestPatientSearch::contactOwnersAreFoundByExactPhoneOrEmail()
{
    const auto byPhone = PatientQueries::loadByContact(desk(), m_clinic.id, u"+14155552671"_s, {});
    QVERIFY(byPhone);
    QCOMPARE(namesOf(byPhone.value()), QStringList{ u"Ada Lovelace"_s });   // not the other clinic's Lovelock
    const auto byEmail = PatientQueries::loadByContact(desk(), m_clinic.id, {}, u"grace@example.com"_s);
    QVERIFY(byEmail);
    QCOMPARE(namesOf(byEmail.value()), QStringList{ u"Grace Hopper"_s });
    const auto both = PatientQueries::byContact(m_clinic.id, u"+14155552671"_s, u"grace@example.com"_s)(desk());
    QVERIFY(both);
    QCOMPARE(both->size(), 2);
    // Part of a number is not the number.
    QCOMPARE(PatientQueries::loadByContact(desk(), m_clinic.id, u"+1415555267"_s, {})->size(), 0);
    QCOMPARE(PatientQueries::loadByContact(desk(), m_clinic.id, {}, {})->size(), 0);
    // Another clinic's patient with the number, asked for with that clinic's id: none for this login.
    QCOMPARE(PatientQueries::loadByContact(desk(), m_other.id, u"+14155552671"_s, {})->size(), 0);
}

// ---- The search as you type --------------------------------------------------------------------------

void TestPatientSearch::shortTextAnswersAtOnceWithoutAQuery_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("one letter") << u"a"_s;
    QTest::newRow("one letter in spaces") << u"   a "_s;
    QTest::newRow("over 100 characters") << QString(101, u'a');
}

void TestPatientSearch::shortTextAnswersAtOnceWithoutAQuery()
{
    QFETCH(QString, text);
    auto session = startSession();
    PatientSearch search(session.get());
    QSignalSpy results(&search, &PatientSearch::resultsReady);
    search.setText(u"ada"_s);   // something to supersede
    search.setText(text);
    QCOMPARE(results.count(), 1);   // at once, before any answer could come
    QCOMPARE(results.last().at(0).toString(), text);
    QVERIFY(results.last().at(1).value<PatientMatchList>().isEmpty());
    QCOMPARE(search.state(), PatientSearch::State::Idle);
    QCOMPARE(search.queriesSent(), 1);   // "ada" only
    // The answer for "ada" comes and is never shown.
    QTRY_COMPARE(search.skippedQueries() + search.droppedAnswers(), 1);
    QCOMPARE(results.count(), 1);
}

void TestPatientSearch::deliversTheTextsResults()
{
    auto session = startSession();
    PatientSearch search(session.get());
    QSignalSpy results(&search, &PatientSearch::resultsReady);
    QSignalSpy states(&search, &PatientSearch::stateChanged);
    search.setText(u"love"_s);
    QCOMPARE(search.state(), PatientSearch::State::Searching);
    QTRY_COMPARE(results.count(), 1);
    QCOMPARE(results.last().at(0).toString(), u"love"_s);
    QCOMPARE(namesOf(results.last().at(1).value<PatientMatchList>()), QStringList{ u"Ada Lovelace"_s });
    QCOMPARE(search.state(), PatientSearch::State::Ready);
    QCOMPARE(namesOf(search.matches()), QStringList{ u"Ada Lovelace"_s });
    QCOMPARE(states.count(), 2);   // Searching, Ready
    // The same text again asks nothing; refresh() does.
    search.setText(u"love"_s);
    QCOMPARE(search.queriesSent(), 1);
    search.refresh();
    QTRY_COMPARE(results.count(), 2);
    QCOMPARE(search.queriesSent(), 2);
    // A limit of one.
    search.setLimit(1);
    search.setText(u"ad"_s);
    QTRY_COMPARE(results.count(), 3);
    QCOMPARE(namesOf(results.last().at(1).value<PatientMatchList>()), QStringList{ u"Ada Lovelace"_s });
}

// The database thread is held (the search's table locked by another connection) while the first
// keystroke's query runs; four more keystrokes queue behind it. The running query is cancelled
// at once, with the table still locked; the three queued in between are skipped without running,
// and the last text's results are the only ones delivered.
void TestPatientSearch::supersededQueriesAreSkippedAndARunningOneCancelled()
{
    auto session = startSession();
    PatientSearch search(session.get());
    QSignalSpy results(&search, &PatientSearch::resultsReady);
    QSqlDatabase &owner = m_db->connection();
    QVERIFY(owner.transaction());
    const EndsTransaction ends { owner };   // a failing check never leaves the table locked
    QSqlQuery lock(owner);
    QVERIFY(lock.exec(u"lock table frontdesk.patient_search in access exclusive mode"_s));

    search.setText(u"ad"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(kWaitingForTheLock).toInt(), 1, 10000);   // running, and held
    for (const QString &text : { u"ada"_s, u"ada l"_s, u"ada lo"_s, u"ada lov"_s })
        search.setText(text);
    QCOMPARE(search.queriesSent(), 5);
    // The lock is still held: only a cancel can have ended "ad".
    QTRY_COMPARE_WITH_TIMEOUT(search.cancelledQueries(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(search.skippedQueries(), 3, 5000);   // "ada", "ada l", "ada lo": never ran
    QCOMPARE(results.count(), 0);
    QVERIFY(owner.commit());

    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 10000);
    QCOMPARE(textsOf(results), QStringList{ u"ada lov"_s });
    QCOMPARE(namesOf(results.last().at(1).value<PatientMatchList>()), QStringList{ u"Ada Lovelace"_s });
    QCOMPARE(search.droppedAnswers(), 0);
    QTest::qWait(100);
    QCOMPARE(results.count(), 1);   // nothing older arrives after it
    QCOMPARE(search.state(), PatientSearch::State::Ready);
    // The connection goes on serving: the cancel hit nothing else.
    search.setText(u"hopper"_s);
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 2, 5000);
    QCOMPARE(namesOf(results.last().at(1).value<PatientMatchList>()), QStringList{ u"Grace Hopper"_s });
    QVERIFY(session->isOnline());
}

// The same without cancelling: the first query runs to its end once the lock goes, and its
// answer, too late, is dropped.
void TestPatientSearch::lateAnswersAreDropped()
{
    auto session = startSession();
    PatientSearch search(session.get());
    search.setCancelsRunningQueries(false);
    QSignalSpy results(&search, &PatientSearch::resultsReady);
    QSqlDatabase &owner = m_db->connection();
    QVERIFY(owner.transaction());
    const EndsTransaction ends { owner };   // a failing check never leaves the table locked
    QSqlQuery lock(owner);
    QVERIFY(lock.exec(u"lock table frontdesk.patient_search in access exclusive mode"_s));

    search.setText(u"ad"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(kWaitingForTheLock).toInt(), 1, 10000);
    for (const QString &text : { u"ada"_s, u"ada l"_s, u"ada lo"_s, u"ada lov"_s })
        search.setText(text);
    QTest::qWait(200);
    QCOMPARE(search.cancelledQueries(), 0);
    QVERIFY(owner.commit());

    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 10000);
    QCOMPARE(textsOf(results), QStringList{ u"ada lov"_s });
    QCOMPARE(search.droppedAnswers(), 1);   // "ad": it ran, and came too late
    QCOMPARE(search.skippedQueries(), 3);
    QCOMPARE(search.cancelledQueries(), 0);
    QTest::qWait(100);
    QCOMPARE(results.count(), 1);
}

void TestPatientSearch::offlineAnswersEmptyAtOnceAndSearchesWhenBack()
{
    // Not started yet: not online.
    ClinicSession session(m_db->settings(), m_clinic.id);
    PatientSearch search(&session);
    QSignalSpy results(&search, &PatientSearch::resultsReady);
    search.setText(u"love"_s);
    QCOMPARE(results.count(), 1);
    QCOMPARE(results.last().at(0).toString(), u"love"_s);
    QVERIFY(results.last().at(1).value<PatientMatchList>().isEmpty());
    QCOMPARE(search.state(), PatientSearch::State::Offline);
    QVERIFY(search.needsConnection());
    QCOMPARE(search.lastError().code, u"OFFLINE"_s);
    QCOMPARE(search.queriesSent(), 0);

    // Back online: the text is searched again by itself.
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 2, 10000);
    QCOMPARE(results.last().at(0).toString(), u"love"_s);
    QCOMPARE(namesOf(results.last().at(1).value<PatientMatchList>()), QStringList{ u"Ada Lovelace"_s });
    QVERIFY(!search.needsConnection());
}

// ---- The models -----------------------------------------------------------------------------------------

void TestPatientSearch::matchesModelShowsEachPatient()
{
    PatientMatchesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Clinic clinic = m_clinic;
    clinic.timeZone = QTimeZone("America/New_York");
    clinic.phoneRegion = u"US"_s;
    model.setClinic(clinic);

    PatientMatch maria;
    maria.id = 7;
    maria.fullName = u"Maria Gonzalez"_s;
    maria.phone = u"+14155552671"_s;
    maria.email = u"maria@example.com"_s;
    maria.nextAppointment = QDateTime(QDate(2031, 1, 15), QTime(14, 0), QTimeZone::utc());
    PatientMatch john;
    john.id = 8;
    john.fullName = u"John Smith"_s;
    john.lastAppointment = QDateTime(QDate(2020, 7, 1), QTime(13, 30), QTimeZone::utc());
    PatientMatch bare;
    bare.id = 9;
    bare.fullName = u"Bare Name"_s;
    model.setMatches(u"ma"_s, { maria, john, bare });

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.searchText(), u"ma"_s);
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(PatientMatchesModel::PatientIdRole).toLongLong(), 7);
    QCOMPARE(first.data(PatientMatchesModel::FullNameRole).toString(), u"Maria Gonzalez"_s);
    QCOMPARE(first.data(PatientMatchesModel::PhoneRole).toString(), u"+14155552671"_s);
    QCOMPARE(first.data(PatientMatchesModel::PhoneTextRole).toString(), u"(415) 555-2671"_s);
    QCOMPARE(first.data(PatientMatchesModel::EmailRole).toString(), u"maria@example.com"_s);
    QCOMPARE(first.data(PatientMatchesModel::NextAppointmentRole).toDateTime(), maria.nextAppointment);
    // 14:00 UTC in January is 09:00 in New York.
    QCOMPARE(first.data(PatientMatchesModel::DetailsRole).toString(),
             u"(415) 555-2671 · maria@example.com · next 15/01/2031 09:00"_s);
    QCOMPARE(first.data().toString(), u"Maria Gonzalez\n(415) 555-2671 · maria@example.com · next 15/01/2031 09:00"_s);
    // 13:30 UTC in July is 09:30 in New York.
    QCOMPARE(model.index(1).data(PatientMatchesModel::DetailsRole).toString(), u"last 01/07/2020 09:30"_s);
    QCOMPARE(model.index(2).data().toString(), u"Bare Name"_s);
    QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(u"No appointment booked"_s));
    QCOMPARE(model.match(1).id, 8);
    QCOMPARE(model.match(3).id, 0);
    QCOMPARE(model.match(-1).id, 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clinic.timeZone = QTimeZone("Europe/Berlin");
    model.setClinic(clinic);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0).data(PatientMatchesModel::DetailsRole).toString(),
             u"(415) 555-2671 · maria@example.com · next 15/01/2031 15:00"_s);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.searchText(), QString());
}

void TestPatientSearch::matchesModelKeepsRowsForTheSamePatients()
{
    PatientMatchesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClinic(m_clinic);
    PatientMatch a;
    a.id = 1;
    a.fullName = u"Ada Lovelace"_s;
    PatientMatch b;
    b.id = 2;
    b.fullName = u"Adam Smith"_s;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setMatches(u"ad"_s, { a, b });
    QCOMPARE(resets.count(), 1);
    // "ada" finds the same two: the rows stay (a view keeps its current row), their data changes.
    b.email = u"adam@example.com"_s;
    model.setMatches(u"ada"_s, { a, b });
    QCOMPARE(resets.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.searchText(), u"ada"_s);
    QCOMPARE(model.index(1).data(PatientMatchesModel::EmailRole).toString(), u"adam@example.com"_s);
    // Others, or another order: the rows are made anew.
    model.setMatches(u"adam"_s, { b, a });
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.index(0).data(PatientMatchesModel::PatientIdRole).toLongLong(), 2);
    model.setMatches(u"adam s"_s, { b });
    QCOMPARE(resets.count(), 3);
    QCOMPARE(model.rowCount(), 1);
}

void TestPatientSearch::appointmentsModelGroupsComingUpAndPast()
{
    PatientAppointmentsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Clinic clinic = m_clinic;
    clinic.timeZone = QTimeZone("Asia/Tokyo");
    model.setClinic(clinic);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"Coming up: none"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Past: none"_s);

    const QDateTime now(QDate(2030, 5, 10), QTime(12, 0), QTimeZone::utc());
    PatientHistory h;
    h.patient.id = 1;
    // Newest first, as patient_history gives them.
    h.appointments = {
        appointmentAt(4, now.addDays(20), u"Dr Who"_s),
        appointmentAt(3, now.addDays(2), u"Dr No"_s, AppointmentStatus::Confirmed),
        appointmentAt(2, now.addDays(-3), u"Dr No"_s, AppointmentStatus::NoShow),
        appointmentAt(1, now.addDays(-30), u"Dr Who"_s, AppointmentStatus::Completed),
    };
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setHistory(h, now);
    QCOMPARE(resets.count(), 1);

    const QModelIndex upcoming = model.groupIndex(PatientAppointmentsModel::Upcoming);
    const QModelIndex past = model.groupIndex(PatientAppointmentsModel::Past);
    QCOMPARE(upcoming.data().toString(), u"Coming up (2)"_s);
    QCOMPARE(past.data().toString(), u"Past (2)"_s);
    QVERIFY(upcoming.data(PatientAppointmentsModel::IsGroupRole).toBool());
    QVERIFY(!(model.flags(upcoming) & Qt::ItemIsSelectable));
    QCOMPARE(model.rowCount(upcoming), 2);
    QCOMPARE(model.rowCount(past), 2);
    // Coming up: soonest first. Past: newest first.
    QCOMPARE(model.index(0, 0, upcoming).data(PatientAppointmentsModel::AppointmentIdRole).toLongLong(), 3);
    QCOMPARE(model.index(1, 0, upcoming).data(PatientAppointmentsModel::AppointmentIdRole).toLongLong(), 4);
    QCOMPARE(model.index(0, 0, past).data(PatientAppointmentsModel::AppointmentIdRole).toLongLong(), 2);
    QCOMPARE(model.index(1, 0, past).data(PatientAppointmentsModel::AppointmentIdRole).toLongLong(), 1);
    QCOMPARE(model.index(0, 0, past).parent(), past);
    QVERIFY(!model.index(0, 0, past).data(PatientAppointmentsModel::IsGroupRole).toBool());
    QCOMPARE(model.index(0, 0, past).data(PatientAppointmentsModel::GroupRole).toInt(), int(PatientAppointmentsModel::Past));

    // When in the clinic's zone (Tokyo is UTC+9), provider, service, status.
    const QModelIndex soonest = model.index(0, 0, upcoming);
    const QDateTime tokyo = now.addDays(2).toTimeZone(clinic.timeZone);
    QCOMPARE(soonest.data().toString(), QLocale().toString(tokyo.date(), QLocale::ShortFormat) + u" 21:00"_s);
    QCOMPARE(soonest.siblingAtColumn(PatientAppointmentsModel::ProviderColumn).data().toString(), u"Dr No"_s);
    QCOMPARE(soonest.siblingAtColumn(PatientAppointmentsModel::ServiceColumn).data().toString(), u"Check-up"_s);
    QCOMPARE(soonest.siblingAtColumn(PatientAppointmentsModel::StatusColumn).data().toString(), u"Confirmed"_s);
    QCOMPARE(model.index(0, PatientAppointmentsModel::StatusColumn, past).data().toString(),
             displayText(AppointmentStatus::NoShow));
    QCOMPARE(model.headerData(PatientAppointmentsModel::WhenColumn, Qt::Horizontal).toString(), u"When"_s);

    // The same history again changes nothing; a changed status makes the rows anew.
    model.setHistory(h, now);
    QCOMPARE(resets.count(), 1);
    h.appointments[1].status = AppointmentStatus::Cancelled;
    model.setHistory(h, now);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.index(0, PatientAppointmentsModel::StatusColumn, upcoming).data().toString(),
             displayText(AppointmentStatus::Cancelled));
    model.clear();
    QCOMPARE(model.rowCount(upcoming), 0);
    QCOMPARE(model.rowCount(), 2);
}

void TestPatientSearch::notesModelInsertsNewerNotesOnTop()
{
    PatientNotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClinic(m_clinic);   // UTC
    const QDateTime at(QDate(2030, 5, 10), QTime(9, 15), QTimeZone::utc());
    const QList<PatientInteraction> first = {
        interaction(2, PatientInteraction::Kind::AiCall, u"agent1"_s, u"Asked for Friday"_s, at),
        interaction(1, PatientInteraction::Kind::StaffNote, u"jdoe"_s, u"Prefers mornings"_s, at.addDays(-1)),
    };
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setInteractions(5, first);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(PatientNotesModel::HeadingRole).toString(), u"AI call, 10/05/2030 09:15"_s);
    QCOMPARE(model.index(1).data(PatientNotesModel::HeadingRole).toString(), u"Note by jdoe, 09/05/2030 09:15"_s);
    QCOMPARE(model.index(1).data().toString(), u"Note by jdoe, 09/05/2030 09:15\nPrefers mornings"_s);
    QCOMPARE(model.index(0).data(PatientNotesModel::KindRole).toInt(), int(PatientInteraction::Kind::AiCall));
    QCOMPARE(model.index(1).data(PatientNotesModel::AuthorRole).toString(), u"jdoe"_s);

    // A newer note of the same patient: one row inserted at the top, the rest kept.
    QList<PatientInteraction> grown = first;
    grown.prepend(interaction(3, PatientInteraction::Kind::StaffNote, u"asmith"_s, u"Called back"_s, at.addSecs(60)));
    model.setInteractions(5, grown);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(model.index(0).data(PatientNotesModel::BodyRole).toString(), u"Called back"_s);
    // The same again: nothing.
    model.setInteractions(5, grown);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(inserted.count(), 1);
    // Another patient with the same ids: made anew.
    model.setInteractions(6, grown);
    QCOMPARE(resets.count(), 2);
    // A kind this desk does not know: shown as stored.
    PatientInteraction odd = interaction(9, PatientInteraction::Kind::Other, u"x"_s, u"?"_s, at);
    odd.kindText = u"sms_reply"_s;
    model.setInteractions(6, { odd });
    QCOMPARE(model.index(0).data(PatientNotesModel::HeadingRole).toString(), u"sms_reply by x, 10/05/2030 09:15"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPatientSearch)
#include "tst_patientsearch.moc"
