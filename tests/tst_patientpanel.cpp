// The patient search panel and the patient panel, driven with the keyboard as a receptionist
// drives them, on a real session against a real clinic database: find a patient by typing, move
// into the results and back, open one with Enter, read their appointments (in the clinic's time
// zone) and notes, and add a note (Ctrl+Enter); a bad note is refused with its text kept.
#include "TestDatabase.h"
#include "common/MessageBanner.h"
#include "db/ClinicQueries.h"
#include "patients/PatientAppointmentsModel.h"
#include "patients/PatientMatchesModel.h"
#include "patients/PatientNotesModel.h"
#include "patients/PatientPanel.h"
#include "patients/PatientSearch.h"
#include "patients/PatientSearchPanel.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"
#include "text/ErrorTexts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

class TestPatientPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void findsAndOpensAPatientWithTheKeyboard();
    void upFromTheFirstResultReturnsToTheField();
    void escapeClears();
    void saysWhenNobodyIsFound();
    void saysWhenSearchNeedsTheConnection();
    void showsAppointmentsInTheClinicsZoneAndNotesNewestFirst();
    void addsANoteWithCtrlEnter();
    void badNotesAreRefusedAndKept_data();
    void badNotesAreRefusedAndKept();
    void aNoteOfTheLongestLengthIsAdded();
    void aNoteByAnotherDeskArrivesThroughTheFeed();
    void aHalfWrittenNoteStaysWithItsPatient();

private:
    qint64 book(const QString &name, const QString &phone, const QDateTime &start);
    void openWindow(ClinicSession *session);
    void openAda();
    template <typename T = QWidget>
    T *child(const char *name) const
    {
        T *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    int storedNotes() const
    {
        return m_db->scalar(u"select count(*) from frontdesk.interactions where patient_id = %1"_s.arg(m_ada)).toInt();
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<QWidget> m_window;
    PatientSearchPanel *m_search = nullptr;
    PatientPanel *m_panel = nullptr;
    Clinic m_clinic;
    QString m_login;
    qint64 m_ada = 0;
    QDateTime m_adaNext;
};

void TestPatientPanel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestPatientPanel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"America/New_York"_s, 2);
    m_login = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    const QDate day = QDate::currentDate().addDays(4);
    m_adaNext = QDateTime(day, QTime(15, 0), QTimeZone::utc());
    m_ada = m_db->scalar(u"select patient_id from frontdesk.appointments where id = %1"_s
                             .arg(book(u"Ada Lovelace"_s, u"(415) 555-2671"_s, m_adaNext))).toLongLong();
    book(u"Adam Smith"_s, u"(617) 555-0112"_s, QDateTime(day, QTime(16, 0), QTimeZone::utc()));
    book(u"Grace Hopper"_s, u"(212) 555-0143"_s, QDateTime(day, QTime(17, 0), QTimeZone::utc()));

    // As a receptionist of the clinic logs in, under row-level security.
    m_session = std::make_unique<ClinicSession>(m_db->settingsAs(m_login), m_clinic.id);
}

void TestPatientPanel::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_db.reset();
}

qint64 TestPatientPanel::book(const QString &name, const QString &phone, const QDateTime &start)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = start;
    r.endsAt = start.addSecs(1800);
    r.patientName = name;
    r.phone = phone;
    r.service = u"Check-up"_s;
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto result = ClinicQueries::book(m_db->connection(), r);
    if (!result || !result->ok)
        qFatal("book: %s", qPrintable(result ? result->code : result.error().message));
    return result->appointmentId;
}

void TestPatientPanel::openWindow(ClinicSession *session)
{
    m_window = std::make_unique<QWidget>();
    m_search = new PatientSearchPanel(session, m_window.get());
    m_panel = new PatientPanel(session, m_window.get());
    auto *layout = new QHBoxLayout(m_window.get());
    layout->addWidget(m_search);
    layout->addWidget(m_panel, 2);
    connect(m_search, &PatientSearchPanel::patientActivated, m_panel, &PatientPanel::showPatient);
    m_window->resize(1000, 700);
    m_window->show();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qWarning("window not active");
}

void TestPatientPanel::openAda()
{
    m_session->start();
    QVERIFY(QTest::qWaitFor([this] { return m_session->isOnline() && m_session->clinic().isValid(); }, 10000));
    openWindow(m_session.get());
    QSignalSpy loaded(m_panel, &PatientPanel::historyLoaded);
    m_panel->showPatient(m_ada);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
}

void TestPatientPanel::findsAndOpensAPatientWithTheKeyboard()
{
    m_session->start();
    QVERIFY(QTest::qWaitFor([this] { return m_session->isOnline(); }, 10000));
    openWindow(m_session.get());
    auto *edit = child<QLineEdit>("patientSearchEdit");
    auto *results = child<QListView>("patientSearchResults");
    QCOMPARE(edit->placeholderText(), u"Name or phone digits"_s);
    QSignalSpy activated(m_search, &PatientSearchPanel::patientActivated);
    QSignalSpy loaded(m_panel, &PatientPanel::historyLoaded);

    edit->setFocus();
    QTest::keyClicks(edit, u"ad"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_search->matchesModel()->searchText(), u"ad"_s, 5000);
    QCOMPARE(results->model()->rowCount(), 2);   // Adam Smith, Ada Lovelace
    QTest::keyClicks(edit, u"a l"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_search->matchesModel()->searchText(), u"ada l"_s, 5000);
    QCOMPARE(results->model()->rowCount(), 1);
    QVERIFY(results->model()->index(0, 0).data().toString().startsWith(u"Ada Lovelace\n(415) 555-2671"_s));
    QCOMPARE(m_search->statusText(), QString());

    // Down: into the results, on the first; Enter opens it.
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(results->hasFocus());
    QCOMPARE(results->currentIndex().row(), 0);
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toLongLong(), m_ada);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    QCOMPARE(m_panel->patientId(), m_ada);
    QCOMPARE(child<QLabel>("patientName")->text(), u"Ada Lovelace"_s);
    QCOMPARE(child<QLabel>("patientPhone")->text(), u"(415) 555-2671"_s);

    // Enter in the field opens the first result at once.
    m_panel->showPatient(0);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, u"hopper"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_search->matchesModel()->searchText(), u"hopper"_s, 5000);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("patientName")->text(), u"Grace Hopper"_s, 5000);
}

void TestPatientPanel::upFromTheFirstResultReturnsToTheField()
{
    m_session->start();
    QVERIFY(QTest::qWaitFor([this] { return m_session->isOnline(); }, 10000));
    openWindow(m_session.get());
    auto *edit = child<QLineEdit>("patientSearchEdit");
    auto *results = child<QListView>("patientSearchResults");
    edit->setFocus();
    QTest::keyClicks(edit, u"ad"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_search->matchesModel()->searchText(), u"ad"_s, 5000);
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(results->hasFocus());
    QTest::keyClick(results, Qt::Key_Down);   // within the list
    QCOMPARE(results->currentIndex().row(), 1);
    QVERIFY(results->hasFocus());
    QTest::keyClick(results, Qt::Key_Up);
    QCOMPARE(results->currentIndex().row(), 0);
    QVERIFY(results->hasFocus());
    QTest::keyClick(results, Qt::Key_Up);   // from the first: back to the field, text as typed
    QVERIFY(edit->hasFocus());
    QCOMPARE(edit->text(), u"ad"_s);

    // Down does nothing while the list shows another text's results: "ada" is asked for, and its
    // answer cannot have come before the event loop runs again.
    QTest::keyClicks(edit, u"a"_s);
    QCOMPARE(m_search->matchesModel()->searchText(), u"ad"_s);
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(edit->hasFocus());
    QTRY_COMPARE_WITH_TIMEOUT(m_search->matchesModel()->searchText(), u"ada"_s, 5000);
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(results->hasFocus());
}

void TestPatientPanel::escapeClears()
{
    m_session->start();
    QVERIFY(QTest::qWaitFor([this] { return m_session->isOnline(); }, 10000));
    openWindow(m_session.get());
    auto *edit = child<QLineEdit>("patientSearchEdit");
    auto *results = child<QListView>("patientSearchResults");
    edit->setFocus();
    QTest::keyClicks(edit, u"love"_s);
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), 1, 5000);
    QTest::keyClick(edit, Qt::Key_Escape);
    QCOMPARE(edit->text(), QString());
    QCOMPARE(results->model()->rowCount(), 0);

    // From the results too: cleared, and back in the field.
    QTest::keyClicks(edit, u"love"_s);
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), 1, 5000);
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(results->hasFocus());
    QTest::keyClick(results, Qt::Key_Escape);
    QCOMPARE(edit->text(), QString());
    QCOMPARE(results->model()->rowCount(), 0);
    QVERIFY(edit->hasFocus());
}

void TestPatientPanel::saysWhenNobodyIsFound()
{
    m_session->start();
    QVERIFY(QTest::qWaitFor([this] { return m_session->isOnline(); }, 10000));
    openWindow(m_session.get());
    auto *edit = child<QLineEdit>("patientSearchEdit");
    auto *status = child<QLabel>("patientSearchStatus");
    QVERIFY(!status->isVisible());   // nothing typed: nothing to say
    QTest::keyClicks(edit, u"Dijkstra"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_search->statusText(), u"No patient found"_s, 5000);
    QVERIFY(status->isVisible());
    // One letter: not searched, and said why.
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, u"D"_s);
    QVERIFY2(m_search->statusText().contains(u"at least two letters"_s), qPrintable(m_search->statusText()));
    // Somebody: the line goes.
    QTest::keyClicks(edit, u"ijk"_s);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, u"Grace"_s);
    QTRY_COMPARE_WITH_TIMEOUT(child<QListView>("patientSearchResults")->model()->rowCount(), 1, 5000);
    QCOMPARE(m_search->statusText(), QString());
    QVERIFY(!status->isVisible());
}

void TestPatientPanel::saysWhenSearchNeedsTheConnection()
{
    // The session is not started: the desk is not online.
    openWindow(m_session.get());
    auto *edit = child<QLineEdit>("patientSearchEdit");
    QTest::keyClicks(edit, u"love"_s);
    QVERIFY2(m_search->statusText().startsWith(u"Search needs the connection"_s), qPrintable(m_search->statusText()));
    QVERIFY(child<QLabel>("patientSearchStatus")->isVisible());
    QCOMPARE(child<QListView>("patientSearchResults")->model()->rowCount(), 0);
    QCOMPARE(m_search->search()->queriesSent(), 0);
    // Back online, the text is searched without retyping.
    m_session->start();
    QTRY_COMPARE_WITH_TIMEOUT(child<QListView>("patientSearchResults")->model()->rowCount(), 1, 10000);
    QCOMPARE(m_search->statusText(), QString());
}

void TestPatientPanel::showsAppointmentsInTheClinicsZoneAndNotesNewestFirst()
{
    // A missed visit in the past, and a call note and a staff note.
    m_db->scalar(u"insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, status, "
                 "source, service) values (%1, %2, %3, '2024-03-05 14:00+00', '2024-03-05 14:30+00', 'no_show', "
                 "'staff', 'Vaccination') returning id"_s.arg(m_clinic.id).arg(m_clinic.providers.at(1).id).arg(m_ada));
    const QString agent = m_db->createLogin(u"agent"_s, m_clinic.id);
    QVERIFY(jsonAnswer(m_db->connectionAs(agent, TestDatabase::loginPassword()),
                       u"frontdesk.record_ai_call(%1, 'Wanted an earlier slot')"_s.arg(m_ada)).value(u"ok").toBool());
    QVERIFY(jsonAnswer(m_db->connectionAs(m_login, TestDatabase::loginPassword()),
                       u"frontdesk.add_patient_note(%1, 'Prefers mornings')"_s.arg(m_ada)).value(u"ok").toBool());
    openAda();

    QCOMPARE(child<QLabel>("patientName")->text(), u"Ada Lovelace"_s);
    QCOMPARE(child<QLabel>("patientEmail")->text(), u"Not given"_s);
    QCOMPARE(child<QLabel>("patientNoShows")->text(), u"1"_s);

    auto *appointments = child<QTreeView>("patientAppointments");
    QAbstractItemModel *model = appointments->model();
    const QModelIndex upcoming = model->index(PatientAppointmentsModel::Upcoming, 0);
    const QModelIndex past = model->index(PatientAppointmentsModel::Past, 0);
    QCOMPARE(upcoming.data().toString(), u"Coming up (1)"_s);
    QCOMPARE(past.data().toString(), u"Past (1)"_s);
    QVERIFY(appointments->isExpanded(upcoming));
    QVERIFY(appointments->isExpanded(past));
    // The date and time in New York, not in UTC.
    const QDateTime local = m_adaNext.toTimeZone(QTimeZone("America/New_York"));
    QVERIFY(local.time() != m_adaNext.time());
    QCOMPARE(model->index(0, PatientAppointmentsModel::WhenColumn, upcoming).data().toString(),
             QLocale().toString(local.date(), QLocale::ShortFormat) + u' ' + clockTime(local.time()));
    QCOMPARE(model->index(0, PatientAppointmentsModel::ProviderColumn, upcoming).data().toString(),
             m_clinic.providers.first().displayName);
    QCOMPARE(model->index(0, PatientAppointmentsModel::ServiceColumn, upcoming).data().toString(), u"Check-up"_s);
    QCOMPARE(model->index(0, PatientAppointmentsModel::StatusColumn, upcoming).data().toString(), u"Booked"_s);
    // 14:00 UTC on 5 March 2024 was 09:00 in New York (EST).
    QCOMPARE(model->index(0, PatientAppointmentsModel::WhenColumn, past).data().toString(), u"05/03/2024 09:00"_s);
    QCOMPARE(model->index(0, PatientAppointmentsModel::ProviderColumn, past).data().toString(),
             m_clinic.providers.at(1).displayName);
    QCOMPARE(model->index(0, PatientAppointmentsModel::StatusColumn, past).data().toString(), u"No-show"_s);

    auto *notes = child<QListView>("patientNotes");
    QCOMPARE(notes->model()->rowCount(), 2);
    QVERIFY2(notes->model()->index(0, 0).data().toString().startsWith(u"Note by %1, "_s.arg(m_login)),
             qPrintable(notes->model()->index(0, 0).data().toString()));
    QVERIFY(notes->model()->index(0, 0).data().toString().endsWith(u"\nPrefers mornings"_s));
    QVERIFY(notes->model()->index(1, 0).data().toString().startsWith(u"AI call, "_s));
    QVERIFY(notes->model()->index(1, 0).data().toString().endsWith(u"\nWanted an earlier slot"_s));
}

void TestPatientPanel::addsANoteWithCtrlEnter()
{
    openAda();
    auto *edit = child<QPlainTextEdit>("patientNoteEdit");
    auto *notes = child<QListView>("patientNotes");
    QSignalSpy added(m_panel, &PatientPanel::noteAdded);
    QCOMPARE(notes->model()->rowCount(), 0);
    edit->setFocus();
    QTest::keyClicks(edit, u"Allergic to latex"_s);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(notes->model()->rowCount(), 1, 5000);
    QCOMPARE(notes->model()->index(0, 0).data(PatientNotesModel::BodyRole).toString(), u"Allergic to latex"_s);
    QCOMPARE(notes->model()->index(0, 0).data(PatientNotesModel::AuthorRole).toString(), m_login);
    QCOMPARE(edit->toPlainText(), QString());   // done: the box is empty for the next one
    QVERIFY(!child<MessageBanner>("patientMessage")->isVisible());
    QCOMPARE(storedNotes(), 1);

    // A second, by the button, with its lines kept and its blanks around trimmed.
    edit->setPlainText(u"  First line\nsecond line  \n"_s);
    QTest::mouseClick(child<QPushButton>("addPatientNoteButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(notes->model()->rowCount(), 2, 5000);
    QCOMPARE(notes->model()->index(0, 0).data(PatientNotesModel::BodyRole).toString(), u"First line\nsecond line"_s);
    QCOMPARE(storedNotes(), 2);
    // A plain Enter is a new line, not "add".
    QTest::keyClicks(edit, u"a"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(edit->toPlainText(), u"a\n"_s);
    QTest::qWait(200);
    QCOMPARE(storedNotes(), 2);
}

void TestPatientPanel::badNotesAreRefusedAndKept_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QString() << u"NOTE_REQUIRED"_s << u"The note is empty"_s;
    QTest::newRow("blanks only") << u"  \n\t "_s << u"NOTE_REQUIRED"_s << u"The note is empty"_s;
    QTest::newRow("4001 characters") << QString(4001, u'x') << u"TEXT_TOO_LONG"_s
                                     << u"The note is too long: 4,001 characters, at most 4,000"_s;
    QTest::newRow("4001 characters, not counted in UTF-16 units")
        << QString(2000, u'x') + QString::fromUcs4(U"\U0001F600").repeated(2001) << u"TEXT_TOO_LONG"_s
        << u"4,001 characters"_s;
}

void TestPatientPanel::badNotesAreRefusedAndKept()
{
    QFETCH(QString, note);
    QFETCH(QString, code);
    QFETCH(QString, says);
    openAda();
    auto *edit = child<QPlainTextEdit>("patientNoteEdit");
    auto *banner = child<MessageBanner>("patientMessage");
    edit->setPlainText(note);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QCOMPARE(banner->code(), code);
    QVERIFY2(banner->text().contains(says), qPrintable(banner->text()));
    QCOMPARE(edit->toPlainText(), note);   // kept, for correcting
    QVERIFY(edit->hasFocus());
    QTest::qWait(200);
    QCOMPARE(storedNotes(), 0);
    QCOMPARE(child<QListView>("patientNotes")->model()->rowCount(), 0);
    // The button says the same.
    banner->clear();
    QTest::mouseClick(child<QPushButton>("addPatientNoteButton"), Qt::LeftButton);
    QCOMPARE(banner->code(), code);
    QCOMPARE(edit->toPlainText(), note);
}

void TestPatientPanel::aNoteOfTheLongestLengthIsAdded()
{
    openAda();
    auto *edit = child<QPlainTextEdit>("patientNoteEdit");
    edit->setPlainText(QString(PatientPanel::kMaxNoteLength, u'y') + u"   "_s);
    QTest::mouseClick(child<QPushButton>("addPatientNoteButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QListView>("patientNotes")->model()->rowCount(), 1, 5000);
    QCOMPARE(storedNotes(), 1);
    QVERIFY(!child<MessageBanner>("patientMessage")->isVisible());
    QCOMPARE(edit->toPlainText(), QString());
}

void TestPatientPanel::aNoteByAnotherDeskArrivesThroughTheFeed()
{
    openAda();
    QSignalSpy loaded(m_panel, &PatientPanel::historyLoaded);
    const QString other = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    QVERIFY(jsonAnswer(m_db->connectionAs(other, TestDatabase::loginPassword()),
                       u"frontdesk.add_patient_note(%1, 'Called to confirm')"_s.arg(m_ada)).value(u"ok").toBool());
    QTRY_COMPARE_WITH_TIMEOUT(child<QListView>("patientNotes")->model()->rowCount(), 1, 5000);
    QCOMPARE(m_panel->notesModel()->index(0).data(PatientNotesModel::AuthorRole).toString(), other);
    // Another patient's note reads nothing for this panel.
    const int reads = int(loaded.count());
    const qint64 adam = m_db->scalar(u"select id from frontdesk.patients where full_name = 'Adam Smith'"_s).toLongLong();
    QVERIFY(jsonAnswer(m_db->connectionAs(other, TestDatabase::loginPassword()),
                       u"frontdesk.add_patient_note(%1, 'Not Ada')"_s.arg(adam)).value(u"ok").toBool());
    QTest::qWait(1000);
    QCOMPARE(int(loaded.count()), reads);
    QCOMPARE(m_panel->notesModel()->rowCount(), 1);
}

void TestPatientPanel::aHalfWrittenNoteStaysWithItsPatient()
{
    openAda();
    auto *edit = child<QPlainTextEdit>("patientNoteEdit");
    QSignalSpy loaded(m_panel, &PatientPanel::historyLoaded);
    QTest::keyClicks(edit, u"For Ada only"_s);
    const qint64 adam = m_db->scalar(u"select id from frontdesk.patients where full_name = 'Adam Smith'"_s).toLongLong();
    m_panel->showPatient(adam);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("patientName")->text(), u"Adam Smith"_s, 5000);
    QCOMPARE(edit->toPlainText(), QString());   // never added to Adam by mistake
    m_panel->showPatient(m_ada);
    QCOMPARE(edit->toPlainText(), u"For Ada only"_s);
}

QTEST_MAIN(TestPatientPanel)
#include "tst_patientpanel.moc"
