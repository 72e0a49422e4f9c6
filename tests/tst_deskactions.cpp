// The receptionist's morning, driven through the real main window by objectName and action:
// every status action from every status, enabled exactly as the database's rules say and carried
// out through the change feed; cancel needs a reason; reschedule offers alternatives; the
// selection and the scroll hold while bookings land; a day asked for while the server is away
// never shows the day before.
#include "ActionTrigger.h"
#include "BookingDialog.h"
#include "CancelDialog.h"
#include "MainWindow.h"
#include "TestDatabase.h"
#include "actions/ActionRegistry.h"
#include "book/AppointmentBookView.h"
#include "commands/AppointmentActions.h"
#include "common/Confirmation.h"
#include "common/MessageBanner.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "services/ClinicSession.h"
#include "settings/DeskSettings.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::triggerAction;
using namespace Qt::StringLiterals;

namespace {

const char *objectNameOf(AppointmentAction action)
{
    switch (action) {
    case AppointmentAction::Confirm: return "actionConfirm";
    case AppointmentAction::CheckIn: return "actionCheckIn";
    case AppointmentAction::Complete: return "actionComplete";
    case AppointmentAction::Cancel: return "actionCancel";
    case AppointmentAction::NoShow: return "actionNoShow";
    case AppointmentAction::Reschedule: return "actionReschedule";
    case AppointmentAction::Reopen: return "actionReopen";
    }
    return "";
}

// Names may not hold digits: spell a number in letters.
QString letters(int n)
{
    QString s;
    do {
        s.prepend(QChar(u'a' + n % 26));
        n /= 26;
    } while (n > 0);
    s[0] = s[0].toUpper();
    return s;
}

} // namespace

class TestDeskActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void statusActionFromEveryStatus_data();
    void statusActionFromEveryStatus();
    void cancelWithoutAReasonIsRefused();
    void rescheduleIntoATakenSlotOffersAlternatives();
    void aBookingLandingElsewhereKeepsSelectionAndScroll();
    void aDayAskedForOfflineShowsNoRowOfTheDayBefore();
    void anActionTakenOfflineIsKeptAndSentWhenBack();
    void triggeringAMissingOrDisabledActionFailsTheTest();
    void actionsAreInTheMenuBarToolbarAndContextMenu();
    void theNewBookingsListJumpsToEachAndMarksAllSeen();

private:
    // An appointment of the clinic `minutesFromNow` from now, in `status`, written directly as
    // history is; shown once the day is read again.
    qint64 appointment(AppointmentStatus status, int minutesFromNow, int providerIndex = 1, int seconds = 1);
    qint64 book(QDate day, QTime time, int providerIndex);
    bool showFresh(qint64 id);
    AppointmentStatus statusOf(qint64 id) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_login;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_slot = 0;
};

void TestDeskActions::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    DeskSettings::useFile(m_settingsDir.filePath(u"frontdesk.ini"_s));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    // A zone where it is now about noon, so "today" has room before and after now.
    const int offset = 12 - QDateTime::currentDateTimeUtc().time().hour();
    const QString zone = offset == 0 ? u"UTC"_s
                                     : u"Etc/GMT%1%2"_s.arg(offset > 0 ? u"-"_s : u"+"_s).arg(qAbs(offset));
    m_clinic = m_db->createClinic(zone, 2);
    // A manager, so that reopening is on offer too; a receptionist's rules are held to the
    // database in tst_appointmentactions.
    m_login = m_db->createLogin(u"manager"_s, m_clinic.id);
    m_session = std::make_unique<ClinicSession>(m_db->settingsAs(m_login), m_clinic.id);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_session->dayModel(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_session->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState().status, ConnectionState::Online, 10000);
    QTRY_VERIFY(m_session->user().isManager);
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
}

void TestDeskActions::cleanupTestCase()
{
    m_window.reset();
    m_tester.reset();
    m_session.reset();
    m_db.reset();
    DeskSettings::useFile({});
}

void TestDeskActions::init()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState().status, ConnectionState::Online, 20000);
}

qint64 TestDeskActions::appointment(AppointmentStatus status, int minutesFromNow, int providerIndex, int seconds)
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(
        (QDateTime::currentSecsSinceEpoch() / 60 + minutesFromNow) * 60, QTimeZone::utc()).addSecs(++m_slot);
    QSqlQuery q(m_db->connection());
    q.prepare(u"with p as (insert into frontdesk.patients (org_id, full_name, phone) "
              "values (?, ?, '+14155552671') returning id) "
              "insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, status, source, service) "
              "select ?, ?, p.id, ?, ?, ?, 'ai_voice', 'Check-up' from p returning id"_s);
    q.addBindValue(m_clinic.id);
    q.addBindValue(QString(u"Patient "_s + letters(m_slot)));
    q.addBindValue(m_clinic.id);
    q.addBindValue(m_clinic.providers.at(providerIndex).id);
    q.addBindValue(start);
    q.addBindValue(start.addSecs(seconds));
    q.addBindValue(toDatabaseText(status));
    if (!q.exec() || !q.next())
        qFatal("appointment(): %s", qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

qint64 TestDeskActions::book(QDate day, QTime time, int providerIndex)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.at(providerIndex).id;
    r.startsAt = QDateTime(day, time, m_clinic.timeZone).toUTC();
    r.endsAt = r.startsAt.addSecs(900);
    r.patientName = u"Caller "_s + letters(++m_slot);
    r.phone = u"(212) 555-0143"_s;
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    const BookingResult result = m_db->bookOnOwnThread(r);
    if (!result.ok)
        qWarning("booking failed: %s", qPrintable(result.code));
    return result.appointmentId;
}

// Written directly, an appointment rings no doorbell: read its day again, then select it.
bool TestDeskActions::showFresh(qint64 id)
{
    const QDate day = m_session->today();
    m_session->showDay(day.addDays(-3));
    if (!QTest::qWaitFor([&] { return m_session->dayModel()->loadState() == DayModel::LoadState::Loaded; }, 5000))
        return false;
    m_session->showDay(day);
    if (!QTest::qWaitFor([&] { return m_session->dayModel()->rowOf(id) >= 0; }, 5000))
        return false;
    m_window->goToAppointment(id, m_session->dayModel()->appointment(id)->startsAt);
    return m_window->currentAppointmentId() == id;
}

AppointmentStatus TestDeskActions::statusOf(qint64 id) const
{
    const Appointment *a = m_session->dayModel()->appointment(id);
    return a ? a->status : AppointmentStatus::Unknown;
}

void TestDeskActions::statusActionFromEveryStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("minutesFromNow");
    for (const AppointmentStatus status : kKnownStatuses) {
        for (const AppointmentAction action : kAppointmentActions) {
            for (const int minutes : { -60, 90 }) {
                QTest::addRow("%s, %s, %s", qPrintable(toDatabaseText(status)), qPrintable(displayText(action)),
                              minutes < 0 ? "started" : "later today")
                    << int(status) << int(action) << minutes;
            }
        }
    }
}

void TestDeskActions::statusActionFromEveryStatus()
{
    QFETCH(int, status);
    QFETCH(int, action);
    QFETCH(int, minutesFromNow);
    const auto what = AppointmentAction(action);
    const qint64 id = appointment(AppointmentStatus(status), minutesFromNow);
    QVERIFY(showFresh(id));
    const Appointment before = *m_session->dayModel()->appointment(id);
    const ActionCheck rule = checkAction(what, before, { QDateTime::currentDateTimeUtc(), m_clinic.timeZone, true });
    QAction *qaction = m_window->findChild<QAction *>(QLatin1String(objectNameOf(what)));
    QVERIFY(qaction);
    QCOMPARE(qaction->isEnabled(), rule.allowed);
    if (!rule.allowed) {
        // Disabled with the reason where a person can read it.
        QVERIFY2(qaction->toolTip().contains(rule.reason), qPrintable(qaction->toolTip()));
        return;
    }

    // By its key, as a receptionist would, with the book focused in the active window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->appointmentBook()->setFocus();
    switch (what) {
    case AppointmentAction::Confirm:
    case AppointmentAction::CheckIn:
    case AppointmentAction::Complete:
    case AppointmentAction::Reopen: {
        QTest::keySequence(m_window->appointmentBook(), qaction->shortcut());
        const AppointmentStatus expected = what == AppointmentAction::Confirm ? AppointmentStatus::Confirmed
            : what == AppointmentAction::CheckIn                            ? AppointmentStatus::Arrived
            : what == AppointmentAction::Complete                           ? AppointmentStatus::Completed
                                                                            : AppointmentStatus::Booked;
        QTRY_COMPARE(statusOf(id), expected);
        break;
    }
    case AppointmentAction::NoShow: {
        const int asked = Confirmation::answeredInAdvance();
        Confirmation::setNextAnswer(true);
        QTest::keySequence(m_window->appointmentBook(), qaction->shortcut());
        QCOMPARE(Confirmation::answeredInAdvance(), asked + 1);
        QTRY_COMPARE(statusOf(id), AppointmentStatus::NoShow);
        break;
    }
    case AppointmentAction::Cancel: {
        QTest::keySequence(m_window->appointmentBook(), qaction->shortcut());
        CancelDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CancelDialog *>()) != nullptr);
        auto *reason = dialog->findChild<QLineEdit *>(u"cancelReasonEdit"_s);
        QVERIFY(reason);
        QTest::keyClicks(reason, u"Patient called: unwell"_s);
        QTest::keyClick(reason, Qt::Key_Return);
        QTRY_COMPARE(statusOf(id), AppointmentStatus::Cancelled);
        QTRY_VERIFY(!m_window->findChild<CancelDialog *>());
        break;
    }
    case AppointmentAction::Reschedule: {
        QTest::keySequence(m_window->appointmentBook(), qaction->shortcut());
        BookingDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<BookingDialog *>()) != nullptr);
        // Days later, same time (a day of its own per row: the dialog keeps lengths in whole
        // minutes, so these one-second appointments grow): it leaves today and the desk follows it.
        const int days = 2 + m_slot % 40;
        auto *date = dialog->findChild<QDateEdit *>(u"dateEdit"_s);
        QVERIFY(date);
        date->setDate(date->date().addDays(days));
        auto *reschedule = dialog->findChild<QPushButton *>(u"rescheduleButton"_s);
        QVERIFY(reschedule);
        QTest::mouseClick(reschedule, Qt::LeftButton);
        QTRY_COMPARE(m_session->day(), m_session->today().addDays(days));
        QTRY_COMPARE(m_window->currentAppointmentId(), id);
        QCOMPARE(statusOf(id), AppointmentStatus::Booked);
        break;
    }
    }
}

void TestDeskActions::cancelWithoutAReasonIsRefused()
{
    const qint64 id = appointment(AppointmentStatus::Booked, 120);
    QVERIFY(showFresh(id));
    triggerAction(m_window.get(), "actionCancel");
    if (QTest::currentTestFailed())
        return;
    CancelDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<CancelDialog *>()) != nullptr);
    auto *ok = dialog->findChild<QPushButton *>(u"confirmCancelButton"_s);
    auto *reason = dialog->findChild<QLineEdit *>(u"cancelReasonEdit"_s);
    QVERIFY(ok && reason);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(reason, u"   "_s);
    QVERIFY(!ok->isEnabled());
    // Enter (or a stray submit) without a reason: refused in plain words, nothing sent.
    dialog->submit();
    auto *banner = dialog->findChild<MessageBanner *>(u"cancelError"_s);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->code(), u"REASON_REQUIRED"_s);
    // Too long: said, and what was typed is kept.
    reason->setText(QString(CancelDialog::kMaxReason + 1, u'x'));
    QVERIFY(!banner->text().isEmpty());
    dialog->submit();
    QCOMPARE(reason->text().size(), CancelDialog::kMaxReason + 1);
    QTest::qWait(200);
    QCOMPARE(statusOf(id), AppointmentStatus::Booked);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(id)).toString(), u"booked"_s);
    dialog->reject();
}

void TestDeskActions::rescheduleIntoATakenSlotOffersAlternatives()
{
    const QDate tomorrow = m_session->today().addDays(1);
    const qint64 taken = book(tomorrow, QTime(11, 0), 0);
    const qint64 moving = book(tomorrow, QTime(9, 0), 0);
    QVERIFY(taken > 0 && moving > 0);
    m_window->goToAppointment(moving, QDateTime(tomorrow, QTime(9, 0), m_clinic.timeZone).toUTC());
    QTRY_COMPARE(m_window->currentAppointmentId(), moving);
    triggerAction(m_window.get(), "actionReschedule");
    if (QTest::currentTestFailed())
        return;
    BookingDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<BookingDialog *>()) != nullptr);
    dialog->findChild<QTimeEdit *>(u"timeEdit"_s)->setTime(QTime(11, 0));
    auto *reschedule = dialog->findChild<QPushButton *>(u"rescheduleButton"_s);
    QVERIFY(reschedule);
    QTest::mouseClick(reschedule, Qt::LeftButton);
    auto *banner = dialog->findChild<MessageBanner *>(u"bookingError"_s);
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
    QCOMPARE(banner->code(), u"SLOT_UNAVAILABLE"_s);
    const auto alternatives = dialog->findChildren<QPushButton *>(u"alternativeButton"_s);
    QVERIFY(!alternatives.isEmpty());
    alternatives.first()->click();
    QTest::mouseClick(reschedule, Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<BookingDialog *>());
    QTRY_VERIFY(m_session->dayModel()->appointment(moving)
                && m_session->dayModel()->appointment(moving)->startsAt
                       != QDateTime(tomorrow, QTime(9, 0), m_clinic.timeZone).toUTC());
}

void TestDeskActions::aBookingLandingElsewhereKeepsSelectionAndScroll()
{
    const QDate day = m_session->today().addDays(4);
    for (int i = 0; i < 30; ++i)
        QVERIFY(book(day, QTime(8, 0).addSecs(900 * (i / 2)), i % 2) > 0);
    const qint64 selected = book(day, QTime(15, 0), 1);
    m_window->goToAppointment(selected, QDateTime(day, QTime(15, 0), m_clinic.timeZone).toUTC());
    QTRY_COMPARE(m_window->currentAppointmentId(), selected);
    QTRY_VERIFY(m_session->dayModel()->rowCount() >= 31);

    for (const bool list : { false, true }) {
        triggerAction(m_window.get(), list ? "actionShowList" : "actionShowBook");
        if (QTest::currentTestFailed())
            return;
        QAbstractItemView *view = list ? static_cast<QAbstractItemView *>(m_window->appointmentTable())
                                       : m_window->appointmentBook();
        QCoreApplication::processEvents();
        const QModelIndex current = view->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(DayModel::AppointmentIdRole).toLongLong(), selected);
        view->scrollTo(current, QAbstractItemView::PositionAtCenter);
        QCoreApplication::processEvents();
        const int scrollBefore = view->verticalScrollBar()->value();
        const QRect rectBefore = view->visualRect(current);
        QVERIFY(scrollBefore > 0);

        // The AI agent books at 07:00 and 07:15, above everything, from its own connection.
        const int rows = m_session->dayModel()->rowCount();
        QVERIFY(book(day, QTime(7, list ? 15 : 0), 0) > 0);
        QTRY_COMPARE(m_session->dayModel()->rowCount(), rows + 1);
        QCoreApplication::processEvents();
        QCOMPARE(view->currentIndex().data(DayModel::AppointmentIdRole).toLongLong(), selected);
        QCOMPARE(m_window->currentAppointmentId(), selected);
        // The appointment looked at stays where it was on the screen, to the pixel.
        QCOMPARE(view->visualRect(view->currentIndex()).top(), rectBefore.top());
        if (!list)
            QCOMPARE(view->verticalScrollBar()->value(), scrollBefore);
    }
}

void TestDeskActions::aDayAskedForOfflineShowsNoRowOfTheDayBefore()
{
    // Past the days this PC keeps a copy of (30 ahead): the next day has no copy either.
    const QDate day = m_session->today().addDays(40);
    QVERIFY(book(day, QTime(9, 0), 0) > 0);
    QVERIFY(book(day, QTime(10, 0), 1) > 0);
    m_session->showDay(day);
    QTRY_COMPARE(m_session->dayModel()->rowCount(), 2);

    // The server goes away for this desk: its sessions end and it cannot log in again.
    m_db->setLoginAllowed(m_login, false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isOnline(), 15000);
    // What is shown is the day as it was, and says so.
    auto *notice = m_window->findChild<QLabel *>(u"dayNotice"_s);
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(m_window->appointmentBook()->isStale());
    // Offline, booking is kept on this PC and sent later: still open to the receptionist.
    QVERIFY(m_window->findChild<QAction *>(u"actionBook"_s)->isEnabled());
    QVERIFY2(notice->text().contains(u"kept on this PC"_s), qPrintable(notice->text()));

    triggerAction(m_window.get(), "actionNextDay");
    QCOMPARE(m_session->day(), day.addDays(1));
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::UnavailableOffline);
    QCOMPARE(m_session->dayModel()->rowCount(), 0);
    QCOMPARE(m_window->appointmentTable()->model()->rowCount(), 0);
    QVERIFY2(notice->text().contains(u"cannot be shown"_s), qPrintable(notice->text()));

    // Back: the day asked for is read and shown.
    m_db->setLoginAllowed(m_login, true);
    const qint64 next = book(day.addDays(1), QTime(9, 0), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isOnline(), 30000);
    QTRY_VERIFY(m_session->dayModel()->rowOf(next) >= 0);
    QCOMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
    QVERIFY(!m_window->appointmentBook()->isStale());
}

// Found in the demo: with the server stopped every change was disabled ("Changes need the
// connection"), so the outbox was reached only by a connection lost mid-call.
void TestDeskActions::anActionTakenOfflineIsKeptAndSentWhenBack()
{
    const QDate day = m_session->today().addDays(7);
    const qint64 id = book(day, QTime(11, 0), 0);
    QVERIFY(id > 0);
    m_session->showDay(day);
    QTRY_VERIFY(m_session->dayModel()->rowOf(id) >= 0);
    m_window->goToAppointment(id, QDateTime(day, QTime(11, 0), m_clinic.timeZone).toUTC());
    QTRY_COMPARE(m_window->currentAppointmentId(), id);

    m_db->setLoginAllowed(m_login, false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->isOnline(), 15000);

    QAction *confirm = m_window->findChild<QAction *>(u"actionConfirm"_s);
    QTRY_VERIFY2(confirm->isEnabled(), qPrintable(confirm->statusTip()));
    triggerAction(m_window.get(), "actionConfirm");
    auto *outboxCount = m_window->findChild<QLabel *>(u"outboxCount"_s);
    QTRY_VERIFY(outboxCount->isVisible());
    QCOMPARE(outboxCount->text(), u"Outbox: 1 waiting"_s);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"kept on this PC"_s));
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(id)).toString(), u"booked"_s);

    m_db->setLoginAllowed(m_login, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isOnline(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!outboxCount->isVisible(), 10000);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(id)).toString(), u"confirmed"_s);
    QTRY_COMPARE(m_session->dayModel()->appointment(id)->status, AppointmentStatus::Confirmed);
}

void TestDeskActions::triggeringAMissingOrDisabledActionFailsTheTest()
{
    QEXPECT_FAIL("", "there is no such action", Continue);
    triggerAction(m_window.get(), "actionThatDoesNotExist");
    m_window->goToAppointment(0, {});
    QAction *confirm = m_window->findChild<QAction *>(u"actionConfirm"_s);
    confirm->setEnabled(false);
    QEXPECT_FAIL("", "a disabled action is not triggered", Continue);
    triggerAction(m_window.get(), "actionConfirm");
}

void TestDeskActions::actionsAreInTheMenuBarToolbarAndContextMenu()
{
    QMenuBar *bar = m_window->menuBar();
    QStringList menus;
    for (QAction *menu : bar->actions())
        menus << menu->text().remove(u'&');
    QCOMPARE(menus, (QStringList{ u"File"_s, u"Appointment"_s, u"Go"_s, u"View"_s }));
    QAction *quit = m_window->findChild<QAction *>(u"actionQuit"_s);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    auto *toolbar = m_window->findChild<QToolBar *>(u"mainToolbar"_s);
    QVERIFY(toolbar);
    for (const AppointmentAction action : kAppointmentActions) {
        QAction *a = m_window->findChild<QAction *>(QLatin1String(objectNameOf(action)));
        QVERIFY(a);
        QVERIFY(!a->shortcut().isEmpty());
        QVERIFY2(toolbar->actions().contains(a), objectNameOf(action));
        const auto menu = bar->findChild<QMenu *>(u"menuAppointment"_s);
        QVERIFY(menu && menu->actions().contains(a));
    }
    // The context menu of the book offers the same actions.
    const qint64 id = appointment(AppointmentStatus::Booked, 150, 0, 1800);
    QVERIFY(showFresh(id));
    AppointmentBookView *bookView = m_window->appointmentBook();
    triggerAction(m_window.get(), "actionShowBook");
    const QRect block = bookView->visualRect(bookView->currentIndex());
    Q_EMIT bookView->customContextMenuRequested(block.center());
    QMenu *context = nullptr;
    QTRY_VERIFY((context = m_window->findChild<QMenu *>(u"appointmentContextMenu"_s)) != nullptr);
    QVERIFY(context->actions().contains(m_window->findChild<QAction *>(u"actionConfirm"_s)));
    context->close();
}

void TestDeskActions::theNewBookingsListJumpsToEachAndMarksAllSeen()
{
    m_session->newBookings()->markAllSeen();
    const QDate later = m_session->today().addDays(8);
    const qint64 first = book(later, QTime(9, 0), 0);
    const qint64 second = book(later, QTime(9, 0), 1);
    QTRY_COMPARE(m_session->newBookings()->count(), 2);
    auto *list = m_window->findChild<QListView *>(u"newBookingsList"_s);
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(m_window->findChild<QLabel *>(u"newBookingsLabel"_s)->text(), u"New bookings: 2"_s);

    // Enter on one goes to its day and selects it, which marks it seen.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, 0));
    const qint64 chosen = list->currentIndex().data(NewBookingsModel::AppointmentIdRole).toLongLong();
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE(m_window->currentAppointmentId(), chosen);
    QCOMPARE(m_session->day(), later);
    QVERIFY(!m_session->newBookings()->isNew(chosen));
    QCOMPARE(m_session->newBookings()->count(), 1);

    // The rest, at once.
    auto *markAll = m_window->findChild<QPushButton *>(u"markAllSeenButton"_s);
    QVERIFY(markAll && markAll->isEnabled());
    QTest::mouseClick(markAll, Qt::LeftButton);
    QCOMPARE(m_session->newBookings()->count(), 0);
    QVERIFY(!m_session->newBookings()->isNew(chosen == first ? second : first));
    QVERIFY(!markAll->isEnabled());
    QCOMPARE(m_window->findChild<QLabel *>(u"newBookingsLabel"_s)->text(), QString());
}

QTEST_MAIN(TestDeskActions)
#include "tst_deskactions.moc"
