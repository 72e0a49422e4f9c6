// The outbox as the receptionist sees it, through the real main window and a real database: an
// appointment with a kept action is marked pending in the book and the list until it is sent,
// pressing C twice keeps one confirm, a kept booking is a provisional row until its real row
// arrives, and the outbox dock lists every entry and decides a refused one (retry, discard,
// book another time), keyboard only. The desk is shut out by `alter role ... nologin` and its
// backends terminated, as tst_deskactions does.
#include "BookingDialog.h"
#include "MainWindow.h"
#include "TestDatabase.h"
#include "actions/ActionRegistry.h"
#include "book/AppointmentBookView.h"
#include "common/Confirmation.h"
#include "common/MessageBanner.h"
#include "day/DayModel.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxDock.h"
#include "outbox/OutboxModel.h"
#include "outbox/PendingActions.h"
#include "services/ClinicSession.h"
#include "settings/DeskSettings.h"
#include "text/ErrorTexts.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using namespace Qt::StringLiterals;

class TestOutboxUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void aKeptConfirmIsMarkedPendingUntilSent();
    void pressingConfirmTwiceKeepsOneConfirm();
    void aKeptBookingIsProvisionalUntilItsRowArrives();
    void theDockListsWaitingEntriesWithoutDecisions();
    void aRefusedBookingOpensTheDockAndIsDecided_data();
    void aRefusedBookingOpensTheDockAndIsDecided();
    void aRefusedStatusActionOffersNoOtherTime();

private:
    qint64 bookAsAgent(QTime time, const QString &name, const QString &phone);
    int rowOfPatient(const QString &name) const;
    void shutOut(bool out);
    void selectAppointment(qint64 id);
    void keepBookingFromTheDialog(const QString &name, QTime time);
    QDateTime at(QTime time) const { return QDateTime(m_day, time, m_clinic.timeZone).toUTC(); }
    int patientAppointments(const QString &name) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_login;
    QDate m_day;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_dayTester;
    std::unique_ptr<QAbstractItemModelTester> m_outboxTester;
    int m_daysUsed = 0;
};

void TestOutboxUi::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    DeskSettings::useFile(m_settingsDir.filePath(u"frontdesk.ini"_s));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"UTC"_s, 2);
    m_login = m_db->createLogin(u"receptionist"_s, m_clinic.id);
    m_session = std::make_unique<ClinicSession>(m_db->settingsAs(m_login), m_clinic.id);
    m_dayTester = std::make_unique<QAbstractItemModelTester>(m_session->dayModel(),
                                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_outboxTester = std::make_unique<QAbstractItemModelTester>(m_window->outboxDock()->model(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_session->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState().status, ConnectionState::Online, 10000);
    QTRY_VERIFY(m_session->outbox()->isOpen());
    QCOMPARE(m_session->outbox()->entries().size(), 0);
}

void TestOutboxUi::cleanupTestCase()
{
    m_window.reset();
    m_outboxTester.reset();
    m_dayTester.reset();
    m_session.reset();
    m_db.reset();
    DeskSettings::useFile({});
}

void TestOutboxUi::init()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState().status, ConnectionState::Online, 30000);
    // Shortcuts go to the active window only.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // A day of each test's own, in the future, shown and read.
    m_day = m_session->today().addDays(10 + m_daysUsed++);
    m_session->showDay(m_day);
    QTRY_COMPARE(m_session->dayModel()->day(), m_day);
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
}

void TestOutboxUi::cleanup()
{
    // Whatever a failed test left: the desk back in, the outbox emptied by a person's hand.
    m_db->setLoginAllowed(m_login, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isOnline(), 30000);
    for (const OutboxEntry &e : m_session->outbox()->entries()) {
        if (e.state == OutboxEntry::State::Conflict)
            m_session->outbox()->discard(e.seq);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_session->outbox()->entries().size(), 0, 10000);
}

qint64 TestOutboxUi::bookAsAgent(QTime time, const QString &name, const QString &phone)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.at(0).id;
    r.startsAt = at(time);
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = name;
    r.phone = phone;
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    const BookingResult result = m_db->bookOnOwnThread(r);
    if (!result.ok)
        qWarning("booking failed: %s", qPrintable(result.code));
    return result.appointmentId;
}

int TestOutboxUi::rowOfPatient(const QString &name) const
{
    const DayModel *day = m_session->dayModel();
    for (int row = 0; row < day->rowCount(); ++row) {
        if (day->appointmentAt(row).patientName == name)
            return row;
    }
    return -1;
}

int TestOutboxUi::patientAppointments(const QString &name) const
{
    return m_db->scalar(u"select count(*) from frontdesk.appointments a join frontdesk.patients p on p.id = a.patient_id "
                        "where a.org_id = %1 and p.full_name = '%2' and a.status <> 'cancelled'"_s
                            .arg(m_clinic.id).arg(name)).toInt();
}

void TestOutboxUi::shutOut(bool out)
{
    m_db->setLoginAllowed(m_login, !out);
    if (out) {
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->isOnline(), 15000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isOnline(), 30000);
    }
}

void TestOutboxUi::selectAppointment(qint64 id)
{
    QTRY_VERIFY(m_session->dayModel()->rowOf(id) >= 0);
    m_window->goToAppointment(id, m_session->dayModel()->appointment(id)->startsAt);
    QTRY_COMPARE(m_window->currentAppointmentId(), id);
}

// Books through the real dialog, as a receptionist does: Ctrl+N, type, Enter.
void TestOutboxUi::keepBookingFromTheDialog(const QString &name, QTime time)
{
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    BookingDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<BookingDialog *>()) != nullptr);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->findChild<QLineEdit *>(u"patientNameEdit"_s)->setText(name);
    dialog->findChild<QLineEdit *>(u"phoneEdit"_s)->setText(u"(212) 555-0143"_s);
    dialog->findChild<QDateEdit *>(u"dateEdit"_s)->setDate(m_day);
    dialog->findChild<QTimeEdit *>(u"timeEdit"_s)->setTime(time);
    auto *provider = dialog->findChild<QComboBox *>(u"providerCombo"_s);
    provider->setCurrentIndex(provider->findData(m_clinic.providers.at(0).id));
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 5000);
    QTRY_VERIFY(!m_window->findChild<BookingDialog *>());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestOutboxUi::aKeptConfirmIsMarkedPendingUntilSent()
{
    const qint64 id = bookAsAgent(QTime(9, 0), u"Ada Lovelace"_s, u"(212) 555-0143"_s);
    QVERIFY(id > 0);
    selectAppointment(id);
    DayModel *day = m_session->dayModel();
    QCOMPARE(day->data(day->index(day->rowOf(id), DayModel::StatusColumn)).toString(), u"Booked"_s);
    QCOMPARE(day->data(day->index(day->rowOf(id), 0), DayModel::PendingRole).toString(), QString());

    shutOut(true);
    m_window->appointmentBook()->setFocus();
    QTRY_VERIFY(m_window->action(ActionId::Confirm)->isEnabled());
    QTest::keyClick(m_window->appointmentBook(), Qt::Key_C);
    QTRY_COMPARE(m_session->outbox()->pendingCount(), 1);

    // Marked in the model, in the list's status column and its tooltip, and given to the book.
    QTRY_COMPARE(day->data(day->index(day->rowOf(id), 0), DayModel::PendingRole).toString(),
                 u"Confirm waiting to be sent"_s);
    QCOMPARE(day->data(day->index(day->rowOf(id), 0), DayModel::PendingNeedsPersonRole).toBool(), false);
    QTableView *table = m_window->appointmentTable();
    const QModelIndex listed = static_cast<QSortFilterProxyModel *>(table->model())
                                   ->mapFromSource(day->index(day->rowOf(id), DayModel::StatusColumn));
    QCOMPARE(listed.data().toString(), u"Booked – Confirm waiting to be sent"_s);
    QVERIFY(listed.data(Qt::ToolTipRole).toString().endsWith(u"Confirm waiting to be sent"_s));
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(id)).toString(), u"booked"_s);
    // The book paints it with its mark (no crash, no blank): a grab has the block's pixels.
    QVERIFY(!m_window->appointmentBook()->grab().isNull());

    shutOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->outbox()->entries().size(), 0, 10000);
    QTRY_COMPARE(day->appointment(id)->status, AppointmentStatus::Confirmed);
    QTRY_COMPARE(day->data(day->index(day->rowOf(id), 0), DayModel::PendingRole).toString(), QString());
    QCOMPARE(day->data(day->index(day->rowOf(id), DayModel::StatusColumn)).toString(), u"Confirmed"_s);
}

void TestOutboxUi::pressingConfirmTwiceKeepsOneConfirm()
{
    const qint64 id = bookAsAgent(QTime(10, 0), u"Grace Hopper"_s, u"(212) 555-0144"_s);
    QVERIFY(id > 0);
    selectAppointment(id);
    shutOut(true);
    auto *banner = m_window->findChild<MessageBanner *>(u"windowBanner"_s);
    m_window->appointmentBook()->setFocus();
    QTRY_VERIFY(m_window->action(ActionId::Confirm)->isEnabled());
    QTest::keyClick(m_window->appointmentBook(), Qt::Key_C);
    QTRY_COMPARE(m_session->outbox()->pendingCount(), 1);
    // The bad value: the same confirm again. Told it waits already; nothing more is kept.
    QTest::keyClick(m_window->appointmentBook(), Qt::Key_C);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
    QVERIFY2(banner->text().contains(u"Grace Hopper is already waiting to be sent"_s), qPrintable(banner->text()));
    QTest::qWait(300);   // a second keep would be on disk by now
    QCOMPARE(m_session->outbox()->entries().size(), 1);

    shutOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->outbox()->entries().size(), 0, 10000);
    QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.events where kind = 'appointment.confirm' "
                          "and appointment_id = %1"_s.arg(id)).toInt(), 1);
    QCOMPARE(m_session->outbox()->conflictCount(), 0);
    // Found in the demo: once sent, "is already waiting to be sent" stayed on screen.
    QTRY_VERIFY(!banner->isVisible());
}

void TestOutboxUi::aKeptBookingIsProvisionalUntilItsRowArrives()
{
    DayModel *day = m_session->dayModel();
    shutOut(true);
    keepBookingFromTheDialog(u"katherine johnson"_s, QTime(11, 0));
    QTRY_COMPARE(m_session->outbox()->pendingCount(), 1);

    // A provisional row, as the database will name her, marked as waiting; nothing to act on yet.
    QTRY_VERIFY(rowOfPatient(u"Katherine Johnson"_s) >= 0);
    const QModelIndex provisional = day->index(rowOfPatient(u"Katherine Johnson"_s), 0);
    QVERIFY(provisional.data(DayModel::IsProvisionalRole).toBool());
    const qint64 provisionalId = provisional.data(DayModel::AppointmentIdRole).toLongLong();
    QVERIFY(isProvisional(provisionalId));
    QCOMPARE(day->index(provisional.row(), DayModel::StatusColumn).data().toString(),
             u"Not booked yet – Booking waiting to be sent"_s);
    QCOMPARE(day->appointment(provisionalId)->startsAt, at(QTime(11, 0)));
    QCOMPARE(day->appointment(provisionalId)->providerId, m_clinic.providers.at(0).id);
    m_window->goToAppointment(provisionalId, at(QTime(11, 0)));
    QTRY_COMPARE(m_window->currentAppointmentId(), provisionalId);
    QAction *confirm = m_window->action(ActionId::Confirm);
    QTRY_VERIFY(!confirm->isEnabled());
    QVERIFY2(confirm->statusTip().startsWith(u"Not booked yet"_s), qPrintable(confirm->statusTip()));
    QCOMPARE(patientAppointments(u"Katherine Johnson"_s), 0);

    // Back: the real row replaces it, once.
    shutOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->outbox()->entries().size(), 0, 10000);
    QTRY_VERIFY(day->rowOf(provisionalId) < 0);
    QTRY_VERIFY(rowOfPatient(u"Katherine Johnson"_s) >= 0);
    const QModelIndex real = day->index(rowOfPatient(u"Katherine Johnson"_s), 0);
    QVERIFY(!real.data(DayModel::IsProvisionalRole).toBool());
    QVERIFY(real.data(DayModel::AppointmentIdRole).toLongLong() > 0);
    QCOMPARE(real.data(DayModel::PendingRole).toString(), QString());
    QCOMPARE(patientAppointments(u"Katherine Johnson"_s), 1);
    int shown = 0;
    for (int row = 0; row < day->rowCount(); ++row)
        shown += day->appointmentAt(row).patientName == u"Katherine Johnson"_s;
    QCOMPARE(shown, 1);
    QCOMPARE(day->rowCount(), m_db->scalar(u"select count(*) from frontdesk.appointments where org_id = %1 "
                                           "and starts_at::date = '%2'"_s.arg(m_clinic.id).arg(m_day.toString(Qt::ISODate))).toInt());
}

void TestOutboxUi::theDockListsWaitingEntriesWithoutDecisions()
{
    const qint64 id = bookAsAgent(QTime(12, 0), u"Alan Turing"_s, u"(212) 555-0145"_s);
    QVERIFY(id > 0);
    selectAppointment(id);
    shutOut(true);
    m_window->appointmentBook()->setFocus();
    QTRY_VERIFY(m_window->action(ActionId::Confirm)->isEnabled());
    QTest::keyClick(m_window->appointmentBook(), Qt::Key_C);
    keepBookingFromTheDialog(u"Dorothy Vaughan"_s, QTime(13, 0));
    QTRY_COMPARE(m_session->outbox()->pendingCount(), 2);

    // Ctrl+4 shows the dock with the focus on its list, oldest first.
    OutboxDock *dock = m_window->outboxDock();
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(dock->isVisible());
    QTRY_VERIFY(dock->list()->hasFocus());
    OutboxModel *model = dock->model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY2(model->index(0).data(OutboxModel::SummaryRole).toString().startsWith(u"Confirm: Alan Turing"_s),
             qPrintable(model->index(0).data(OutboxModel::SummaryRole).toString()));
    QVERIFY(model->index(1).data(OutboxModel::SummaryRole).toString().contains(u"Dorothy Vaughan"_s));
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->index(row).data(OutboxModel::StateTextRole).toString(), u"Waiting to be sent"_s);
        QCOMPARE(model->index(row).data(OutboxModel::AnswerTextRole).toString(), QString());
    }
    // The bad value for a decision: an entry still to be sent. Retry and Discard are not offered.
    QCOMPARE(dock->list()->currentIndex().row(), 0);
    auto *retry = dock->findChild<QPushButton *>(u"outboxRetryButton"_s);
    auto *discard = dock->findChild<QPushButton *>(u"outboxDiscardButton"_s);
    QVERIFY(!retry->isEnabled());
    QVERIFY(!discard->isEnabled());
    QVERIFY(!dock->findChild<QWidget *>(u"outboxAlternatives"_s)->isVisible());
    QTest::keyClick(dock->list(), Qt::Key_Down);
    QCOMPARE(dock->currentSeq(), model->index(1).data(OutboxModel::SeqRole).toLongLong());
    QVERIFY(!retry->isEnabled());
    // And the outbox itself refuses to drop what waits to be sent.
    m_session->outbox()->discard(dock->currentSeq());
    QCOMPARE(m_session->outbox()->entries().size(), 2);

    shutOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
    QCOMPARE(dock->findChild<QLabel *>(u"outboxSummaryLine"_s)->text(),
             u"Nothing waits: every action taken here has reached the clinic database."_s);
    QCOMPARE(patientAppointments(u"Dorothy Vaughan"_s), 1);
}

void TestOutboxUi::aRefusedBookingOpensTheDockAndIsDecided_data()
{
    QTest::addColumn<QString>("decision");
    QTest::newRow("retry, then discard") << u"discard"_s;
    QTest::newRow("book another time") << u"another time"_s;
}

void TestOutboxUi::aRefusedBookingOpensTheDockAndIsDecided()
{
    QFETCH(QString, decision);
    DayModel *day = m_session->dayModel();
    OutboxDock *dock = m_window->outboxDock();
    dock->hide();
    shutOut(true);
    keepBookingFromTheDialog(u"Mary Jackson"_s, QTime(14, 0));
    QTRY_COMPARE(m_session->outbox()->pendingCount(), 1);
    // Meanwhile the agent takes the slot.
    QVERIFY(bookAsAgent(QTime(14, 0), u"Annie Easley"_s, u"(617) 555-0112"_s) > 0);
    QSignalSpy conflicted(m_session->outbox(), &Outbox::conflicted);
    shutOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(conflicted.count(), 1, 10000);

    // The dock opens by itself on the refused entry; the window's banner points to it.
    QTRY_VERIFY(dock->isVisible());
    OutboxModel *model = dock->model();
    QCOMPARE(model->rowCount(), 1);
    const qint64 seq = model->index(0).data(OutboxModel::SeqRole).toLongLong();
    QCOMPARE(dock->currentSeq(), seq);
    QVERIFY(model->index(0).data(OutboxModel::NeedsPersonRole).toBool());
    QCOMPARE(model->index(0).data(OutboxModel::StateTextRole).toString(), u"Needs you"_s);
    auto *answer = dock->findChild<QLabel *>(u"outboxEntryAnswer"_s);
    QCOMPARE(answer->text(), errorText(u"SLOT_UNAVAILABLE"_s));
    QVERIFY(answer->isVisible());
    auto *banner = m_window->findChild<MessageBanner *>(u"windowBanner"_s);
    QVERIFY2(banner->text().contains(u"Decide in the outbox (Ctrl+4)"_s), qPrintable(banner->text()));
    // Still in the book, marked as needing a person.
    QTRY_VERIFY(rowOfPatient(u"Mary Jackson"_s) >= 0);
    const QModelIndex row = day->index(rowOfPatient(u"Mary Jackson"_s), 0);
    QVERIFY(row.data(DayModel::IsProvisionalRole).toBool());
    QVERIFY(row.data(DayModel::PendingNeedsPersonRole).toBool());
    QCOMPARE(row.data(DayModel::PendingRole).toString(), u"Booking not done: needs you (outbox)"_s);

    const QList<QPushButton *> alternatives = dock->findChildren<QPushButton *>(u"outboxAlternativeButton"_s);
    QVERIFY(!alternatives.isEmpty());
    QVERIFY(dock->findChild<QWidget *>(u"outboxAlternatives"_s)->isVisible());
    // Found in the demo: side by side in a dock of a third of the window, each time was cut to
    // "in 22 Nov 09:". Each reads whole in the dock at its narrowest.
    dock->resize(dock->minimumSizeHint().width(), dock->height());
    QApplication::processEvents();
    for (QPushButton *time : alternatives)
        QVERIFY2(time->width() >= time->sizeHint().width(), qPrintable(time->text()));
    auto *retry = dock->findChild<QPushButton *>(u"outboxRetryButton"_s);
    auto *discard = dock->findChild<QPushButton *>(u"outboxDiscardButton"_s);
    QVERIFY(retry->isEnabled());
    QVERIFY(discard->isEnabled());

    if (decision == u"discard") {
        // Retry by keyboard: refused again, and still kept.
        retry->setFocus();
        QTest::keyClick(retry, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(conflicted.count(), 2, 10000);
        QCOMPARE(model->rowCount(), 1);
        // Discard asks first; "no" keeps it.
        const int asked = Confirmation::answeredInAdvance();
        Confirmation::setNextAnswer(false);
        discard->setFocus();
        QTest::keyClick(discard, Qt::Key_Space);
        QCOMPARE(Confirmation::answeredInAdvance(), asked + 1);
        QCOMPARE(model->rowCount(), 1);
        Confirmation::setNextAnswer(true);
        QTest::keyClick(discard, Qt::Key_Space);
        QCOMPARE(Confirmation::answeredInAdvance(), asked + 2);
        QTRY_COMPARE(model->rowCount(), 0);
        QCOMPARE(m_session->outbox()->entries().size(), 0);
        QTRY_VERIFY(rowOfPatient(u"Mary Jackson"_s) < 0);
        QCOMPARE(patientAppointments(u"Mary Jackson"_s), 0);
        return;
    }

    // Book another time: the first time offered, by keyboard.
    const QDateTime chosen = model->index(0).data(OutboxModel::AlternativesRole).toList().first().toDateTime();
    alternatives.first()->setFocus();
    QTest::keyClick(alternatives.first(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->outbox()->entries().size(), 0, 10000);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(patientAppointments(u"Mary Jackson"_s), 1);
    QCOMPARE(m_db->scalar(u"select a.starts_at = '%1'::timestamptz from frontdesk.appointments a join frontdesk.patients p "
                          "on p.id = a.patient_id where a.org_id = %2 and p.full_name = 'Mary Jackson'"_s
                              .arg(chosen.toString(Qt::ISODate)).arg(m_clinic.id)).toBool(), true);
    // The same details as the refused booking: provider, length.
    QCOMPARE(m_db->scalar(u"select a.provider_id = %1 and a.ends_at - a.starts_at = interval '30 minutes' "
                          "from frontdesk.appointments a join frontdesk.patients p on p.id = a.patient_id "
                          "where p.full_name = 'Mary Jackson'"_s.arg(m_clinic.providers.at(0).id)).toBool(), true);
    // The book shows the real booking, selected; the provisional row is gone.
    QTRY_VERIFY(rowOfPatient(u"Mary Jackson"_s) >= 0);
    QTRY_VERIFY(!day->index(rowOfPatient(u"Mary Jackson"_s), 0).data(DayModel::IsProvisionalRole).toBool());
    const qint64 realId = day->index(rowOfPatient(u"Mary Jackson"_s), 0).data(DayModel::AppointmentIdRole).toLongLong();
    QTRY_COMPARE(m_window->currentAppointmentId(), realId);
    QCOMPARE(dock->findChild<MessageBanner *>(u"outboxBanner"_s)->kind(), MessageBanner::Kind::Success);
}

void TestOutboxUi::aRefusedStatusActionOffersNoOtherTime()
{
    const qint64 id = bookAsAgent(QTime(15, 0), u"Hedy Lamarr"_s, u"(212) 555-0146"_s);
    QVERIFY(id > 0);
    selectAppointment(id);
    shutOut(true);
    m_window->appointmentBook()->setFocus();
    QTRY_VERIFY(m_window->action(ActionId::Confirm)->isEnabled());
    QTest::keyClick(m_window->appointmentBook(), Qt::Key_C);
    QTRY_COMPARE(m_session->outbox()->pendingCount(), 1);
    // Meanwhile the appointment is cancelled elsewhere: the kept confirm makes no sense any more.
    m_db->scalar(u"update frontdesk.appointments set status = 'cancelled' where id = %1"_s.arg(id));
    QSignalSpy conflicted(m_session->outbox(), &Outbox::conflicted);
    shutOut(false);
    QTRY_COMPARE_WITH_TIMEOUT(conflicted.count(), 1, 10000);

    OutboxDock *dock = m_window->outboxDock();
    QTRY_VERIFY(dock->isVisible());
    const OutboxEntry refused = conflicted.first().first().value<OutboxEntry>();
    QVERIFY(!refused.lastAnswer.code.isEmpty());
    QCOMPARE(dock->findChild<QLabel *>(u"outboxEntryAnswer"_s)->text(), errorText(refused.lastAnswer.code));
    // No other time for a confirm; retry and discard are the person's.
    QVERIFY(!dock->findChild<QWidget *>(u"outboxAlternatives"_s)->isVisible());
    QVERIFY(dock->findChildren<QPushButton *>(u"outboxAlternativeButton"_s).isEmpty());
    QVERIFY(dock->findChild<QPushButton *>(u"outboxRetryButton"_s)->isEnabled());
    DayModel *day = m_session->dayModel();
    QTRY_COMPARE(day->data(day->index(day->rowOf(id), 0), DayModel::PendingRole).toString(),
                 u"Confirm not done: needs you (outbox)"_s);
    // Pressing C again is still no second confirm.
    QCOMPARE(m_session->outbox()->sameActionWaiting(Commands::confirm(id)), m_session->outbox()->entry(refused.seq));

    Confirmation::setNextAnswer(true);
    QTest::keyClick(dock->findChild<QPushButton *>(u"outboxDiscardButton"_s), Qt::Key_Space);
    QTRY_COMPARE(m_session->outbox()->entries().size(), 0);
    QTRY_COMPARE(day->data(day->index(day->rowOf(id), 0), DayModel::PendingRole).toString(), QString());
}

QTEST_MAIN(TestOutboxUi)
#include "tst_outboxui.moc"
