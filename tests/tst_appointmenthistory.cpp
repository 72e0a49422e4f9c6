// An appointment's history: read from the event log under row-level security (oldest first, none
// of another clinic's), told in plain words by its model, and shown with every stored field by
// the details panel, which follows the change feed and never shows an answer it no longer wants.
#include "TestDatabase.h"
#include "common/MessageBanner.h"
#include "day/DayModel.h"
#include "db/AppointmentQueries.h"
#include "db/ClinicQueries.h"
#include "details/AppointmentDetailsPanel.h"
#include "details/AppointmentHistoryModel.h"
#include "services/ClinicSession.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

class TestAppointmentHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    // The read
    void historyIsTheAppointmentsEventsOldestFirst();
    void rescheduleIsToldWithItsTimesAndProvider();
    void anotherClinicsLoginGetsNoEvents();

    // The model
    void texts_data();
    void texts();
    void newerEventsOfTheSameAppointmentAreInserted();
    void concerns_data();
    void concerns();

    // The panel
    void panelShowsTheFieldsAndFollowsTheHistory();
    void panelDropsAnswersForAnAppointmentNoLongerShown();
    void panelOfflineKeepsTheFieldsAndSaysWhy();

private:
    BookingRequest request(const Clinic &clinic, QDate day, QTime localStart, int minutes,
                           const QString &patient) const;
    static qint64 book(QSqlDatabase &db, const BookingRequest &request);
    static QDate tomorrowIn(const Clinic &clinic);
    template <typename T = QLabel>
    static T *child(QWidget *panel, const char *name) { return panel->findChild<T *>(QString::fromLatin1(name)); }
    static QString field(QWidget *panel, const char *name)
    {
        QLabel *label = child(panel, name);
        return label ? label->text() : u"<no %1>"_s.arg(QString::fromLatin1(name));
    }
    static bool waitOnline(ClinicSession &session)
    {
        return QTest::qWaitFor([&] { return session.connectionState().status == ConnectionState::Online; }, 10000);
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppointmentHistoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAppointmentHistory::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestAppointmentHistory::cleanupTestCase()
{
    m_db.reset();
}

void TestAppointmentHistory::init()
{
    m_model = std::make_unique<AppointmentHistoryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAppointmentHistory::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

BookingRequest TestAppointmentHistory::request(const Clinic &clinic, QDate day, QTime localStart, int minutes,
                                               const QString &patient) const
{
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.first().id;
    r.startsAt = QDateTime(day, localStart, clinic.timeZone).toUTC();
    r.endsAt = r.startsAt.addSecs(60 * minutes);
    r.patientName = patient;
    r.phone = u"(212) 555-0143"_s;
    r.source = BookingSource::Staff;
    r.idempotencyKey = QUuid::createUuid().toString();
    return r;
}

qint64 TestAppointmentHistory::book(QSqlDatabase &db, const BookingRequest &request)
{
    const auto booked = ClinicQueries::book(db, request);
    if (!booked) {
        qWarning("booking failed: %s", qPrintable(booked.error().message));
        return 0;
    }
    if (!booked->ok)
        qWarning("booking refused: %s", qPrintable(booked->code));
    return booked->appointmentId;
}

QDate TestAppointmentHistory::tomorrowIn(const Clinic &clinic)
{
    return QDateTime::currentDateTimeUtc().toTimeZone(clinic.timeZone).date().addDays(1);
}

// ---- The read ---------------------------------------------------------------------------------------

void TestAppointmentHistory::historyIsTheAppointmentsEventsOldestFirst()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    const QString login = m_db->createLogin(u"receptionist"_s, clinic.id);
    QSqlDatabase &desk = m_db->connectionAs(login, TestDatabase::loginPassword());
    const QDate day = tomorrowIn(clinic).addDays(2);
    const qint64 id = book(desk, request(clinic, day, QTime(10, 0), 30, u"Ada Lovelace"_s));
    QVERIFY(id > 0);
    // Another appointment's events, in between: not in this one's history.
    const qint64 other = book(desk, request(clinic, day, QTime(11, 0), 30, u"Grace Hopper"_s));
    QVERIFY(other > 0);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.confirm_appointment(?)"_s, { other }).value(u"ok").toBool(), true);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.confirm_appointment(?)"_s, { id }).value(u"status").toString(), u"confirmed"_s);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.cancel_appointment(?, ?)"_s, { id, u"Patient has the flu"_s })
                 .value(u"status").toString(), u"cancelled"_s);

    const auto history = AppointmentQueries::loadHistory(desk, clinic.id, id);
    QVERIFY2(history.ok(), qPrintable(history.error().message));
    QCOMPARE(history->size(), 3);
    const AppointmentEvent &booked = history->at(0);
    const AppointmentEvent &confirmed = history->at(1);
    const AppointmentEvent &cancelled = history->at(2);
    QCOMPARE(booked.kind, ChangeEvent::Kind::Booked);
    QCOMPARE(booked.kindText, u"appointment.booked"_s);
    QCOMPARE(confirmed.kind, ChangeEvent::Kind::Confirmed);
    QCOMPARE(cancelled.kind, ChangeEvent::Kind::Cancelled);
    QVERIFY(booked.id < confirmed.id && confirmed.id < cancelled.id);
    QVERIFY(booked.occurredAt.isValid());
    QCOMPARE(booked.occurredAt.timeSpec(), Qt::UTC);
    QVERIFY(booked.occurredAt <= confirmed.occurredAt && confirmed.occurredAt <= cancelled.occurredAt);
    for (const AppointmentEvent &event : *history)
        QCOMPARE(event.actor, login);
    QCOMPARE(booked.details.value(u"source").toString(), u"staff"_s);
    QCOMPARE(cancelled.details.value(u"reason").toString(), u"Patient has the flu"_s);

    // The same through the read the panel sends to the session.
    const auto viaRead = AppointmentQueries::history(clinic.id, id)(desk);
    QVERIFY(viaRead.ok());
    QCOMPARE(viaRead->size(), 3);

    m_model->setClinic(clinic);
    m_model->setHistory(id, history.value());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0).data(AppointmentHistoryModel::DescriptionRole).toString(), u"Booked by "_s + login);
    QCOMPARE(m_model->index(1).data(AppointmentHistoryModel::DescriptionRole).toString(), u"Confirmed by "_s + login);
    QCOMPARE(m_model->index(2).data(AppointmentHistoryModel::DescriptionRole).toString(),
             u"Cancelled by "_s + login + u": Patient has the flu"_s);
}

void TestAppointmentHistory::rescheduleIsToldWithItsTimesAndProvider()
{
    // A clinic whose wall clock is not UTC: the times are told as the clinic reads them.
    const Clinic clinic = m_db->createClinic(u"America/New_York"_s, 2);
    const QString login = m_db->createLogin(u"receptionist"_s, clinic.id);
    QSqlDatabase &desk = m_db->connectionAs(login, TestDatabase::loginPassword());
    const QDate day = tomorrowIn(clinic).addDays(3);
    const qint64 id = book(desk, request(clinic, day, QTime(9, 0), 30, u"Ada Lovelace"_s));
    QVERIFY(id > 0);
    const QDateTime newStart = QDateTime(day.addDays(1), QTime(10, 30), clinic.timeZone).toUTC();
    const QJsonObject moved = jsonAnswer(desk, u"frontdesk.reschedule_appointment(?, ?, ?, ?)"_s,
                                         { id, newStart, newStart.addSecs(1800), clinic.providers.at(1).id });
    QVERIFY2(moved.value(u"ok").toBool(), QJsonDocument(moved).toJson().constData());

    const auto history = AppointmentQueries::loadHistory(desk, clinic.id, id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(1).kind, ChangeEvent::Kind::Rescheduled);
    m_model->setClinic(clinic);
    m_model->setHistory(id, history.value());
    const auto shortDate = [](QDate d) { return QLocale().toString(d, QLocale::ShortFormat); };
    QCOMPARE(m_model->index(1).data(AppointmentHistoryModel::DescriptionRole).toString(),
             u"Rescheduled by %1 from %2 09:00 to %3 10:30 with Dr. Provider 2"_s.arg(login, shortDate(day),
                                                                                    shortDate(day.addDays(1))));
}

void TestAppointmentHistory::anotherClinicsLoginGetsNoEvents()
{
    const Clinic mine = m_db->createClinic(u"UTC"_s, 1);
    const Clinic theirs = m_db->createClinic(u"UTC"_s, 1);
    const QString login = m_db->createLogin(u"receptionist"_s, mine.id);
    const QString stranger = m_db->createLogin(u"manager"_s, theirs.id);
    QSqlDatabase &desk = m_db->connectionAs(login, TestDatabase::loginPassword());
    const qint64 id = book(desk, request(mine, tomorrowIn(mine).addDays(2), QTime(10, 0), 30, u"Ada Lovelace"_s));
    QVERIFY(id > 0);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.confirm_appointment(?)"_s, { id }).value(u"ok").toBool(), true);
    QCOMPARE(AppointmentQueries::loadHistory(desk, mine.id, id)->size(), 2);

    // Asked as the other clinic's login, with either clinic's id: no events, and no error that
    // would say that the appointment exists.
    QSqlDatabase &elsewhere = m_db->connectionAs(stranger, TestDatabase::loginPassword());
    for (const qint64 orgId : { theirs.id, mine.id }) {
        const auto history = AppointmentQueries::loadHistory(elsewhere, orgId, id);
        QVERIFY2(history.ok(), qPrintable(history.error().message));
        QVERIFY(history->isEmpty());
    }
    // The same as for an appointment that does not exist at all.
    const auto none = AppointmentQueries::loadHistory(elsewhere, theirs.id, id + 1000000);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

// ---- The model --------------------------------------------------------------------------------------

void TestAppointmentHistory::texts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QByteArray>("details");
    QTest::addColumn<int>("expectedKind");
    QTest::addColumn<QString>("expected");

    const auto k = [](ChangeEvent::Kind kind) { return int(kind); };
    using K = ChangeEvent::Kind;
    QTest::newRow("booked by the agent") << u"appointment.booked"_s << u"voice_agent"_s
        << QByteArray(R"({"source": "ai_voice", "provider_id": 1})") << k(K::Booked) << u"Booked by the AI agent"_s;
    QTest::newRow("booked at the desk") << u"appointment.booked"_s << u"jdoe"_s
        << QByteArray(R"({"source": "staff", "provider_id": 1})") << k(K::Booked) << u"Booked by jdoe"_s;
    QTest::newRow("confirmed") << u"appointment.confirm"_s << u"jdoe"_s
        << QByteArray(R"({"from": "booked", "to": "confirmed"})") << k(K::Confirmed) << u"Confirmed by jdoe"_s;
    QTest::newRow("checked in") << u"appointment.check_in"_s << u"jdoe"_s
        << QByteArray(R"({"from": "confirmed", "to": "arrived"})") << k(K::CheckedIn) << u"Checked in"_s;
    QTest::newRow("completed") << u"appointment.complete"_s << u"jdoe"_s
        << QByteArray(R"({"from": "arrived", "to": "completed"})") << k(K::Completed) << u"Completed"_s;
    QTest::newRow("cancelled") << u"appointment.cancel"_s << u"jdoe"_s
        << QByteArray(R"({"from": "booked", "to": "cancelled", "reason": "Patient has the flu"})") << k(K::Cancelled)
        << u"Cancelled by jdoe: Patient has the flu"_s;
    QTest::newRow("cancelled, no reason logged") << u"appointment.cancel"_s << u"jdoe"_s
        << QByteArray(R"({"from": "booked", "to": "cancelled"})") << k(K::Cancelled) << u"Cancelled by jdoe"_s;
    QTest::newRow("no-show") << u"appointment.no_show"_s << u"jdoe"_s
        << QByteArray(R"({"from": "booked", "to": "no_show"})") << k(K::NoShow) << u"Marked as a no-show"_s;
    // New York is UTC-5 in November: 14:00Z is 09:00 at the clinic.
    QTest::newRow("rescheduled") << u"appointment.reschedule"_s << u"jdoe"_s
        << QByteArray(R"({"from": "booked", "to": "booked", "old_starts_at": "2026-11-23T14:00:00+00:00",
                          "old_ends_at": "2026-11-23T14:30:00+00:00", "old_provider_id": 1,
                          "starts_at": "2026-11-24T15:30:00+00:00", "ends_at": "2026-11-24T16:00:00+00:00",
                          "provider_id": 1})")
        << k(K::Rescheduled) << u"Rescheduled by jdoe from 23/11/2026 09:00 to 24/11/2026 10:30"_s;
    QTest::newRow("rescheduled to another provider") << u"appointment.reschedule"_s << u"jdoe"_s
        << QByteArray(R"({"old_starts_at": "2026-11-23T14:00:00.25+00:00", "old_provider_id": 1,
                          "starts_at": "2026-11-23T20:00:00-05:00", "provider_id": 2})")
        << k(K::Rescheduled) << u"Rescheduled by jdoe from 23/11/2026 09:00 to 23/11/2026 20:00 with Dr Two"_s;
    QTest::newRow("rescheduled, times missing") << u"appointment.reschedule"_s << u"jdoe"_s << QByteArray("{}")
        << k(K::Rescheduled) << u"Rescheduled by jdoe"_s;
    QTest::newRow("reopened") << u"appointment.reopen"_s << u"boss"_s
        << QByteArray(R"({"from": "cancelled", "to": "booked"})") << k(K::Reopened) << u"Reopened by boss"_s;
    QTest::newRow("SMS claimed") << u"follow_up.claim"_s << u"jdoe"_s
        << QByteArray(R"({"follow_up_id": 7, "kind": "sms"})") << k(K::FollowUp) << u"SMS confirmation claimed by jdoe"_s;
    QTest::newRow("SMS sent") << u"follow_up.complete"_s << u"jdoe"_s
        << QByteArray(R"({"follow_up_id": 7, "kind": "sms", "outcome": "sent"})") << k(K::FollowUp)
        << u"SMS confirmation sent by jdoe"_s;
    QTest::newRow("SMS failed, with a note") << u"follow_up.complete"_s << u"jdoe"_s
        << QByteArray(R"({"follow_up_id": 7, "kind": "sms", "outcome": "failed", "note": "number not in service"})")
        << k(K::FollowUp) << u"SMS confirmation marked as failed by jdoe: number not in service"_s;
    QTest::newRow("calendar entry released") << u"follow_up.release"_s << u"jdoe"_s
        << QByteArray(R"({"follow_up_id": 8, "kind": "calendar"})") << k(K::FollowUp)
        << u"Calendar entry released by jdoe"_s;
    QTest::newRow("follow-up of a kind not known") << u"follow_up.complete"_s << u"jdoe"_s
        << QByteArray(R"({"follow_up_id": 9, "kind": "fax", "outcome": "sent"})") << k(K::FollowUp)
        << u"follow_up.complete"_s;
    QTest::newRow("staff note") << u"patient.staff_note"_s << u"jdoe"_s << QByteArray(R"({"interaction_id": 3})")
        << k(K::Other) << u"Note added by jdoe"_s;
    QTest::newRow("unknown kind, as logged") << u"appointment.teleport"_s << u"jdoe"_s
        << QByteArray(R"({"to": "mars"})") << k(K::Other) << u"appointment.teleport"_s;
}

void TestAppointmentHistory::texts()
{
    QFETCH(QString, kind);
    QFETCH(QString, actor);
    QFETCH(QByteArray, details);
    QFETCH(int, expectedKind);
    QFETCH(QString, expected);

    Clinic clinic;
    clinic.id = 1;
    clinic.timeZone = QTimeZone("America/New_York");
    clinic.phoneRegion = u"US"_s;
    clinic.providers = { Provider{ 1, u"Dr One"_s }, Provider{ 2, u"Dr Two"_s } };
    m_model->setClinic(clinic);

    AppointmentEvent event;
    event.id = 41;
    event.kindText = kind;
    event.kind = ChangeEvent::kindFromDatabase(kind);
    event.actor = actor;
    event.occurredAt = QDateTime(QDate(2026, 11, 23), QTime(14, 5), QTimeZone::utc());
    QJsonParseError error;
    event.details = QJsonDocument::fromJson(details, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setHistory(7, { event });
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->appointmentId(), qint64(7));
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex row = m_model->index(0);
    QCOMPARE(row.data(AppointmentHistoryModel::KindRole).toInt(), expectedKind);
    QCOMPARE(row.data(AppointmentHistoryModel::DescriptionRole).toString(), expected);
    QCOMPARE(m_model->describe(event), expected);
    // When, in the clinic's zone and the locale's short formats (en_GB here).
    QCOMPARE(row.data(AppointmentHistoryModel::TimeTextRole).toString(), u"23/11/2026 09:05"_s);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), u"23/11/2026 09:05 – "_s + expected);
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(actor));
    // The raw fields, for whoever needs more than the words.
    QCOMPARE(row.data(AppointmentHistoryModel::EventIdRole).toLongLong(), qint64(41));
    QCOMPARE(row.data(AppointmentHistoryModel::KindTextRole).toString(), kind);
    QCOMPARE(row.data(AppointmentHistoryModel::ActorRole).toString(), actor);
    QCOMPARE(row.data(AppointmentHistoryModel::OccurredAtRole).toDateTime(), event.occurredAt);
    QCOMPARE(row.data(AppointmentHistoryModel::DetailsRole).toJsonObject(), event.details);

    // Another zone: the texts are made again, and views are told.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    clinic.timeZone = QTimeZone("Europe/London");
    m_model->setClinic(clinic);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(row.data(AppointmentHistoryModel::TimeTextRole).toString(), u"23/11/2026 14:05"_s);
}

void TestAppointmentHistory::newerEventsOfTheSameAppointmentAreInserted()
{
    const auto event = [](qint64 id, const QString &kind) {
        AppointmentEvent e;
        e.id = id;
        e.kindText = kind;
        e.kind = ChangeEvent::kindFromDatabase(kind);
        e.actor = u"jdoe"_s;
        e.occurredAt = QDateTime::currentDateTimeUtc();
        return e;
    };
    const AppointmentEvent booked = event(10, u"appointment.booked"_s);
    const AppointmentEvent confirmed = event(12, u"appointment.confirm"_s);
    const AppointmentEvent cancelled = event(15, u"appointment.cancel"_s);

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(m_model->appointmentId(), qint64(0));
    m_model->setHistory(5, {});   // asked for, not read yet
    QCOMPARE(m_model->appointmentId(), qint64(5));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setHistory(5, { booked });
    m_model->setHistory(5, { booked, confirmed, cancelled });
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 1);
    QCOMPARE(inserted.last().at(2).toInt(), 2);
    QCOMPARE(m_model->rowCount(), 3);

    // The same again: nothing to tell a view.
    m_model->setHistory(5, { booked, confirmed, cancelled });
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 2);

    // Another appointment, or a history that is not the shown one grown: all rows anew.
    m_model->setHistory(6, { booked });
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->appointmentId(), qint64(6));
    m_model->setHistory(6, { confirmed });
    QCOMPARE(reset.count(), 3);
    QCOMPARE(m_model->index(0).data(AppointmentHistoryModel::EventIdRole).toLongLong(), qint64(12));

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->appointmentId(), qint64(0));
}

void TestAppointmentHistory::concerns_data()
{
    QTest::addColumn<qint64>("shown");
    QTest::addColumn<qint64>("eventAppointment");
    QTest::addColumn<qint64>("changedAppointment");
    QTest::addColumn<bool>("expected");
    QTest::newRow("an event of the shown appointment") << qint64(5) << qint64(5) << qint64(0) << true;
    QTest::newRow("the shown appointment changed") << qint64(5) << qint64(0) << qint64(5) << true;
    QTest::newRow("both") << qint64(5) << qint64(5) << qint64(5) << true;
    QTest::newRow("another appointment") << qint64(5) << qint64(6) << qint64(6) << false;
    QTest::newRow("an event of no appointment") << qint64(5) << qint64(0) << qint64(0) << false;
    QTest::newRow("nothing shown") << qint64(0) << qint64(0) << qint64(0) << false;
}

void TestAppointmentHistory::concerns()
{
    QFETCH(qint64, shown);
    QFETCH(qint64, eventAppointment);
    QFETCH(qint64, changedAppointment);
    QFETCH(bool, expected);
    if (shown != 0)
        m_model->setHistory(shown, {});
    ChangeSet changes;
    ChangeEvent event;
    event.eventId = 99;
    event.kind = ChangeEvent::Kind::Confirmed;
    event.appointmentId = eventAppointment;
    changes.events.append(event);
    if (changedAppointment != 0) {
        Appointment a;
        a.id = changedAppointment;
        changes.appointments.append(a);
    }
    QCOMPARE(m_model->concerns(changes), expected);
    QVERIFY(!m_model->concerns(ChangeSet()));
}

// ---- The panel --------------------------------------------------------------------------------------

void TestAppointmentHistory::panelShowsTheFieldsAndFollowsTheHistory()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    const QString login = m_db->createLogin(u"receptionist"_s, clinic.id);
    QSqlDatabase &desk = m_db->connectionAs(login, TestDatabase::loginPassword());

    ClinicSession session(m_db->settings(), clinic.id);
    AppointmentDetailsPanel panel(&session, nullptr);
    QAbstractItemModelTester tester(panel.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.objectName(), u"appointmentDetails"_s);
    auto *placeholder = child(&panel, "detailsPlaceholder");
    QVERIFY(placeholder && placeholder->isVisible());
    QCOMPARE(placeholder->text(), u"Select an appointment to see its details"_s);

    session.start();
    QVERIFY(waitOnline(session));
    const QDate tomorrow = session.today().addDays(1);
    session.showDay(tomorrow);
    QTRY_COMPARE(session.dayModel()->loadState(), DayModel::LoadState::Loaded);

    BookingRequest r = request(clinic, tomorrow, QTime(10, 0), 45, u"ada lovelace"_s);
    r.email = u"Ada@Example.org"_s;
    r.service = u"Check-up"_s;
    r.notes = u"Allergic to penicillin.\nPrefers the morning."_s;
    const qint64 id = book(desk, r);
    QVERIFY(id > 0);
    QTRY_VERIFY(session.dayModel()->rowOf(id) >= 0);

    panel.showAppointment(id);
    QCOMPARE(panel.appointmentId(), id);
    QVERIFY(!placeholder->isVisible());
    QCOMPARE(field(&panel, "detailPatient"), u"Ada Lovelace"_s);
    QCOMPARE(field(&panel, "detailPhone"), u"(212) 555-0143"_s);
    QCOMPARE(field(&panel, "detailEmail"), u"ada@example.org"_s);
    QCOMPARE(field(&panel, "detailProvider"), u"Dr. Provider 1"_s);
    QCOMPARE(field(&panel, "detailWhen"), QLocale().toString(tomorrow, QLocale::LongFormat) + u", 10:00 – 10:45"_s);
    QCOMPARE(field(&panel, "detailDuration"), u"45 min"_s);
    QCOMPARE(field(&panel, "detailService"), u"Check-up"_s);
    QCOMPARE(field(&panel, "detailNotes"), u"Allergic to penicillin.\nPrefers the morning."_s);
    QCOMPARE(field(&panel, "detailStatus"), u"Booked"_s);
    QCOMPARE(field(&panel, "detailBookedBy"), u"Staff (%1)"_s.arg(login));
    const Appointment *stored = session.dayModel()->appointment(id);
    QVERIFY(stored);
    QCOMPARE(field(&panel, "detailBookedAt"),
             QLocale().toString(stored->createdAt.date(), QLocale::ShortFormat) + u' '
                 + stored->createdAt.time().toString(u"HH:mm"_s));
    // Every value can be selected and copied, and is named for a screen reader by its label.
    QLabel *notes = child(&panel, "detailNotes");
    QVERIFY(notes->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QCOMPARE(notes->textFormat(), Qt::PlainText);
    bool hasBuddy = false;
    for (QLabel *label : panel.findChildren<QLabel *>())
        hasBuddy = hasBuddy || label->buddy() == notes;
    QVERIFY(hasBuddy);

    auto *list = child<QListView>(&panel, "appointmentHistory");
    QVERIFY(list);
    QCOMPARE(list->model(), panel.historyModel());
    QTRY_COMPARE(list->model()->rowCount(), 1);
    const auto description = [list](int row) {
        return list->model()->index(row, 0).data(AppointmentHistoryModel::DescriptionRole).toString();
    };
    QCOMPARE(description(0), u"Booked by "_s + login);

    // Confirmed at another desk: the feed brings it, the status follows and the history grows by
    // an inserted row (a view keeps its place).
    QSignalSpy reset(list->model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(list->model(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.confirm_appointment(?)"_s, { id }).value(u"ok").toBool(), true);
    QTRY_COMPARE(list->model()->rowCount(), 2);
    QCOMPARE(description(1), u"Confirmed by "_s + login);
    QCOMPARE(field(&panel, "detailStatus"), u"Confirmed"_s);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);

    QCOMPARE(jsonAnswer(desk, u"frontdesk.cancel_appointment(?, ?)"_s, { id, u"Patient has the flu"_s })
                 .value(u"ok").toBool(), true);
    QTRY_COMPARE(list->model()->rowCount(), 3);
    QCOMPARE(description(2), u"Cancelled by %1: Patient has the flu"_s.arg(login));
    QCOMPARE(field(&panel, "detailStatus"), u"Cancelled"_s);
    QVERIFY(!child<MessageBanner>(&panel, "detailsMessage")->isVisible());

    panel.showAppointment(0);
    QVERIFY(placeholder->isVisible());
    QCOMPARE(placeholder->text(), u"Select an appointment to see its details"_s);
    QCOMPARE(panel.historyModel()->rowCount(), 0);
}

void TestAppointmentHistory::panelDropsAnswersForAnAppointmentNoLongerShown()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    const QString login = m_db->createLogin(u"receptionist"_s, clinic.id);
    QSqlDatabase &desk = m_db->connectionAs(login, TestDatabase::loginPassword());
    ClinicSession session(m_db->settings(), clinic.id);
    AppointmentDetailsPanel panel(&session, nullptr);
    QAbstractItemModelTester tester(panel.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.start();
    QVERIFY(waitOnline(session));
    const QDate tomorrow = session.today().addDays(1);
    session.showDay(tomorrow);
    QTRY_COMPARE(session.dayModel()->loadState(), DayModel::LoadState::Loaded);
    const qint64 first = book(desk, request(clinic, tomorrow, QTime(9, 0), 30, u"Ada Lovelace"_s));
    const qint64 second = book(desk, request(clinic, tomorrow, QTime(11, 0), 30, u"Grace Hopper"_s));
    QVERIFY(first > 0 && second > 0);
    QCOMPARE(jsonAnswer(desk, u"frontdesk.confirm_appointment(?)"_s, { second }).value(u"ok").toBool(), true);
    QTRY_VERIFY(session.dayModel()->rowOf(second) >= 0);
    QTRY_COMPARE(session.dayModel()->appointment(second)->status, AppointmentStatus::Confirmed);

    // The user moves on before the first answer is back: it must never land.
    panel.showAppointment(first);
    panel.showAppointment(second);
    QList<qint64> shownAfterMovingOn;
    const auto record = [&] { shownAfterMovingOn.append(panel.historyModel()->appointmentId()); };
    connect(panel.historyModel(), &QAbstractItemModel::modelReset, this, record);
    connect(panel.historyModel(), &QAbstractItemModel::rowsInserted, this, record);
    QTRY_COMPARE(panel.historyModel()->rowCount(), 2);
    QTest::qWait(300);   // the first answer came before the second: anything late would be here too
    QVERIFY2(!shownAfterMovingOn.contains(first), "a stale history was shown");
    QCOMPARE(panel.historyModel()->appointmentId(), second);
    QCOMPARE(panel.historyModel()->rowCount(), 2);
    QCOMPARE(field(&panel, "detailPatient"), u"Grace Hopper"_s);
    disconnect(panel.historyModel(), nullptr, this, nullptr);
}

void TestAppointmentHistory::panelOfflineKeepsTheFieldsAndSaysWhy()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 1);
    ConnectionSettings nowhere = m_db->settings();
    nowhere.port = 1;   // nothing listens there
    ClinicSession session(nowhere, clinic.id);
    AppointmentDetailsPanel panel(&session, nullptr);
    QAbstractItemModelTester tester(panel.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.connectionState().status, ConnectionState::Offline, 10000);

    // A day the desk holds (as from its local copy) while the database cannot be reached.
    Appointment a;
    a.id = 4242;
    a.orgId = clinic.id;
    a.providerId = clinic.providers.first().id;
    a.providerName = clinic.providers.first().displayName;
    a.patientId = 17;
    a.patientName = u"Grace Hopper"_s;
    a.phone = u"+12125550143"_s;
    const QDate day = tomorrowIn(clinic);
    a.startsAt = QDateTime(day, QTime(9, 30), QTimeZone::utc());
    a.endsAt = a.startsAt.addSecs(90 * 60);
    a.source = BookingSource::AiVoice;
    a.createdBy = u"voice_agent"_s;
    a.createdAt = a.startsAt.addDays(-2);
    session.dayModel()->setClinic(clinic);
    session.dayModel()->setDay(day, { a });

    panel.showAppointment(a.id);
    QCOMPARE(field(&panel, "detailPatient"), u"Grace Hopper"_s);
    QCOMPARE(field(&panel, "detailDuration"), u"1 h 30 min"_s);
    QCOMPARE(field(&panel, "detailBookedBy"), u"The AI agent"_s);
    QCOMPARE(field(&panel, "detailEmail"), u"Not given"_s);
    auto *banner = child<MessageBanner>(&panel, "detailsMessage");
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"The history cannot be loaded while offline; it is read again when the desk is back online."_s);
    QVERIFY2(banner->toolTip().contains(u"Code: OFFLINE"_s), qPrintable(banner->toolTip()));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
    // The fields are still there under it; no history rows of anything else.
    QVERIFY(child(&panel, "detailPatient")->isVisible());
    QCOMPARE(panel.historyModel()->rowCount(), 0);
    QCOMPARE(panel.historyModel()->appointmentId(), a.id);

    // One the desk does not hold cannot be read either: said so, in the same place.
    panel.showAppointment(a.id + 1);
    QVERIFY(!banner->isVisible());
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->text(),
             u"The details cannot be loaded while offline; they are read again when the desk is back online."_s);
    QVERIFY(child(&panel, "detailsPlaceholder")->isVisible());
    QVERIFY(!child(&panel, "detailPatient")->isVisible());
}

QTEST_MAIN(TestAppointmentHistory)
#include "tst_appointmenthistory.moc"
