#include "ConnectionStatusLabel.h"
#include "MainWindow.h"
#include "TestDatabase.h"
#include "cache/DeskCache.h"
#include "common/Confirmation.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "patients/PatientDock.h"
#include "patients/PatientPanel.h"
#include "services/ClinicSession.h"
#include "settings/DeskSettings.h"

#include <QAction>
#include <QDateEdit>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTableView>
#include <QUuid>
#include <QtTest>


using namespace frontdesk;
using frontdesk::test::TestDatabase;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheClinicAndConnectionState();
    void dayNavigation_data();
    void dayNavigation();
    void aTypedDateIsShownOnEnter();
    void theDocksStayReadable();
    void liveBookingKeepsSelectionAndScroll();
    void selectingANewBookingMarksItSeen();
    void columnsFitWhenADayIsShownNotOnEachBooking();
    void connectionLabelTexts_data();
    void connectionLabelTexts();
    void aPatientIsFoundAndNotedFromTheKeyboard();
    void signingOutAsksThenWipesThisPcsCopyAndCloses();

private:
    qint64 bookElsewhere(QDate day, QTime time, qint64 providerIndex = 0);
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QString::fromLatin1(name)); }
    QString dayTitle() const { return m_window->findChild<QLabel *>(QStringLiteral("dayTitle"))->text(); }

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    std::unique_ptr<ClinicSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    // A layout saved by an earlier run must not decide what this one sees.
    DeskSettings::useFile(m_settingsDir.filePath(QStringLiteral("frontdesk.ini")));
}

void TestMainWindow::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(QStringLiteral("UTC"), 2);
    m_session = std::make_unique<ClinicSession>(m_db->settings(), m_clinic.id);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_session->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState().status, ConnectionState::Online, 10000);
    QTRY_COMPARE(m_session->dayModel()->day(), m_session->today());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_db.reset();
}

qint64 TestMainWindow::bookElsewhere(QDate day, QTime time, qint64 providerIndex)
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.at(providerIndex).id;
    r.startsAt = QDateTime(day, time, QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(900);
    // One patient per slot and provider (a patient is never in two places at once). Names may not
    // hold digits: spell them in letters ("Patient Aiaf B" for 08:05 with the second provider).
    QString suffix = time.toString(QStringLiteral("HHmm"));
    for (QChar &c : suffix)
        c = QChar(u'a' + c.digitValue());
    suffix[0] = suffix[0].toUpper();
    r.patientName = QStringLiteral("Patient ") + suffix + u' ' + QChar(u'A' + int(providerIndex));
    r.phone = QStringLiteral("(212) 555-0143");
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    const BookingResult result = m_db->bookOnOwnThread(r);
    if (!result.ok)
        qWarning("booking failed: %s", qPrintable(result.code));
    return result.appointmentId;
}

void TestMainWindow::showsTheClinicAndConnectionState()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Frontdesk – Test Clinic"));
    QVERIFY(dayTitle().startsWith(QStringLiteral("Today, ")));
    auto *connection = m_window->findChild<ConnectionStatusLabel *>(QStringLiteral("connectionStatus"));
    QVERIFY(connection);
    QCOMPARE(connection->text(), QStringLiteral("Online"));
    QVERIFY(action("actionBook")->isEnabled());
}

void TestMainWindow::dayNavigation_data()
{
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<int>("expectedOffset");
    QTest::newRow("next") << QStringList{ QStringLiteral("actionNextDay") } << 1;
    QTest::newRow("previous") << QStringList{ QStringLiteral("actionPreviousDay") } << -1;
    QTest::newRow("next twice") << QStringList{ QStringLiteral("actionNextDay"), QStringLiteral("actionNextDay") } << 2;
    QTest::newRow("away and back to today")
        << QStringList{ QStringLiteral("actionNextDay"), QStringLiteral("actionNextDay"), QStringLiteral("actionToday") } << 0;
}

void TestMainWindow::dayNavigation()
{
    QFETCH(QStringList, actions);
    QFETCH(int, expectedOffset);
    const QDate today = m_session->today();
    const qint64 onTarget = bookElsewhere(today.addDays(expectedOffset) > today ? today.addDays(expectedOffset) : today.addDays(5),
                                          QTime(12, 0));
    for (const QString &name : actions)
        action(name.toLatin1().constData())->trigger();
    const QDate expected = today.addDays(expectedOffset);
    QTRY_COMPARE(m_session->dayModel()->day(), expected);
    QCOMPARE(m_window->findChild<QDateEdit *>(QStringLiteral("dayPicker"))->date(), expected);
    QVERIFY2(dayTitle().contains(QLocale().toString(expected, QLocale::LongFormat)), qPrintable(dayTitle()));
    QCOMPARE(dayTitle().startsWith(QStringLiteral("Today")), expectedOffset == 0);
    if (expectedOffset > 0)
        QTRY_VERIFY(m_session->dayModel()->rowOf(onTarget) >= 0);

    // The date picker goes anywhere.
    m_window->findChild<QDateEdit *>(QStringLiteral("dayPicker"))->setDate(today.addDays(5));
    QTRY_COMPARE(m_session->dayModel()->day(), today.addDays(5));
}

void TestMainWindow::liveBookingKeepsSelectionAndScroll()
{
    const QDate tomorrow = m_session->today().addDays(1);
    // A full morning for two providers: enough rows to scroll.
    for (int i = 0; i < 40; ++i)
        QVERIFY(bookElsewhere(tomorrow, QTime(8, 0).addSecs(900 * (i / 2)), i % 2) > 0);
    action("actionShowList")->trigger();
    action("actionNextDay")->trigger();
    QTableView *table = m_window->appointmentTable();
    QTRY_COMPARE(table->model()->rowCount(), 40);

    table->selectRow(30);
    const qint64 selected = table->currentIndex().data(DayModel::AppointmentIdRole).toLongLong();
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() / 2);
    const int scroll = table->verticalScrollBar()->value();
    QVERIFY(scroll > 0);
    QCoreApplication::processEvents();
    const int selectedTop = table->visualRect(table->currentIndex()).top();

    const int unseenBefore = m_session->newBookings()->count();
    // An AI booking lands at 07:00, above everything.
    const qint64 fresh = bookElsewhere(tomorrow, QTime(7, 0));
    QTRY_COMPARE(table->model()->rowCount(), 41);
    QCOMPARE(m_session->dayModel()->rowOf(fresh), 0);
    QCOMPARE(table->currentIndex().data(DayModel::AppointmentIdRole).toLongLong(), selected);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().data(DayModel::AppointmentIdRole).toLongLong(), selected);
    // The row looked at stays where it was on the screen: the view never drifts by the rows
    // landing above it (found in the demo).
    QCOMPARE(table->visualRect(table->currentIndex()).top(), selectedTop);
    QCOMPARE(m_session->newBookings()->count(), unseenBefore + 1);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("newBookingsLabel"))->text(),
             QStringLiteral("New bookings: %1").arg(unseenBefore + 1));
}

void TestMainWindow::selectingANewBookingMarksItSeen()
{
    const qint64 fresh = bookElsewhere(m_session->today().addDays(1), QTime(9, 0));
    action("actionNextDay")->trigger();
    QTRY_COMPARE(m_session->dayModel()->rowOf(fresh), 0);
    QTRY_COMPARE(m_session->newBookings()->count(), 1);
    QTableView *table = m_window->appointmentTable();
    QVERIFY(table->model()->index(0, 0).data(DayModel::IsNewRole).toBool());
    table->setFocus();
    table->selectRow(0);
    QCOMPARE(table->model()->index(0, 0).data(DayModel::IsNewRole).toBool(), false);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("newBookingsLabel"))->text(), QString());
}

// Sizing columns to their contents measures every row of the day: done when a day is shown,
// never for each live booking (at 100 bookings a second that stalled the window).
void TestMainWindow::theDocksStayReadable()
{
    const int readable = m_window->fontMetrics().averageCharWidth() * 30;
    for (const char *name : { "detailsDock", "newBookingsDock", "followUpDock" }) {
        auto *dock = m_window->findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY(dock);
        QVERIFY2(dock->width() >= readable, qPrintable(QStringLiteral("%1: %2 < %3").arg(QLatin1String(name))
                                                           .arg(dock->width()).arg(readable)));
        // Squeezed by hand (or by a saved layout), it stops at a readable width.
        m_window->resizeDocks({ dock }, { 40 }, Qt::Horizontal);
        QCoreApplication::processEvents();
        QVERIFY2(dock->width() >= readable, qPrintable(QStringLiteral("%1 squeezed to %2").arg(QLatin1String(name))
                                                           .arg(dock->width())));
    }
}

void TestMainWindow::aTypedDateIsShownOnEnter()
{
    auto *picker = m_window->findChild<QDateEdit *>(QStringLiteral("dayPicker"));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier);
    QTRY_VERIFY(picker->hasFocus());
    const QDate target = m_session->today().addDays(9);
    // As typed on a numeric pad: each whole section moves on to the next.
    QTest::keyClicks(picker, target.toString(u"ddMMyyyy"));
    // Nothing is shown for a half-typed date; Enter shows the whole one.
    QCOMPARE(m_session->day(), m_session->today());
    QTest::keyClick(picker, Qt::Key_Return);
    QTRY_COMPARE(m_session->day(), target);
    QTRY_COMPARE(m_session->dayModel()->loadState(), DayModel::LoadState::Loaded);
}

void TestMainWindow::columnsFitWhenADayIsShownNotOnEachBooking()
{
    QTableView *table = m_window->appointmentTable();
    QHeaderView *header = table->horizontalHeader();
    for (int section = 0; section < header->count(); ++section) {
        QVERIFY2(header->sectionResizeMode(section) != QHeaderView::ResizeToContents,
                 qPrintable(QString::number(section)));
    }
    QVERIFY(header->stretchLastSection());
    action("actionShowList")->trigger();
    const QList<int> fitted = { DayModel::TimeColumn, DayModel::PatientColumn, DayModel::PhoneColumn };
    // Public in QAbstractItemView, protected in QTableView; answers QTableView's.
    const auto contentWidth = [table](int column) {
        return static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(column);
    };

    const QDate tomorrow = m_session->today().addDays(1);
    for (int i = 0; i < 6; ++i)
        QVERIFY(bookElsewhere(tomorrow, QTime(9, 0).addSecs(900 * i)) > 0);
    // Columns the desk made too narrow fit again when another day is shown.
    for (int column : fitted)
        header->resizeSection(column, 20);
    action("actionNextDay")->trigger();
    QTRY_COMPARE(table->model()->rowCount(), 6);
    QTRY_VERIFY(header->sectionSize(DayModel::TimeColumn) >= contentWidth(DayModel::TimeColumn));
    for (int column : fitted) {
        QVERIFY2(header->sectionSize(column) >= contentWidth(column),
                 qPrintable(QStringLiteral("column %1: %2 < %3").arg(column).arg(header->sectionSize(column))
                                .arg(contentWidth(column))));
    }

    // A live booking widens a column its own texts do not fit, and leaves the others as they are.
    header->resizeSection(DayModel::TimeColumn, 20);
    QVERIFY(header->sectionSize(DayModel::TimeColumn) < contentWidth(DayModel::TimeColumn));
    header->resizeSection(DayModel::ProviderColumn, 400);
    QVERIFY(bookElsewhere(tomorrow, QTime(7, 0)) > 0);
    QTRY_COMPARE(table->model()->rowCount(), 7);
    QCoreApplication::processEvents();
    const QModelIndex arrived = table->model()->index(0, DayModel::TimeColumn);
    QCOMPARE(arrived.data(DayModel::StartsAtRole).toDateTime().time(), QTime(7, 0));
    QVERIFY2(header->sectionSize(DayModel::TimeColumn) >= table->sizeHintForIndex(arrived).width(),
             qPrintable(QString::number(header->sectionSize(DayModel::TimeColumn))));
    QCOMPARE(header->sectionSize(DayModel::ProviderColumn), 400);

    // A day shown empty fits its first booking.
    const QDate empty = m_session->today().addDays(3);
    m_window->findChild<QDateEdit *>(QStringLiteral("dayPicker"))->setDate(empty);
    QTRY_COMPARE(m_session->dayModel()->day(), empty);
    QCOMPARE(table->model()->rowCount(), 0);
    QCoreApplication::processEvents();
    header->resizeSection(DayModel::TimeColumn, 20);
    QVERIFY(bookElsewhere(empty, QTime(10, 0)) > 0);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QTRY_VERIFY(header->sectionSize(DayModel::TimeColumn) >= contentWidth(DayModel::TimeColumn));
}

void TestMainWindow::connectionLabelTexts_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("withData");
    QTest::addColumn<QString>("text");
    QTest::newRow("connecting") << int(ConnectionState::Connecting) << false << QStringLiteral("Connecting…");
    QTest::newRow("online") << int(ConnectionState::Online) << true << QStringLiteral("Online");
    QTest::newRow("reconnecting") << int(ConnectionState::Reconnecting) << true << QStringLiteral("Reconnecting…");
    QTest::newRow("offline with data") << int(ConnectionState::Offline) << true
                                       << QStringLiteral("Offline since 09:41 – data as of 09:30");
    QTest::newRow("offline without data") << int(ConnectionState::Offline) << false
                                          << QStringLiteral("Offline since 09:41 – no data yet");
}

void TestMainWindow::connectionLabelTexts()
{
    QFETCH(int, status);
    QFETCH(bool, withData);
    QFETCH(QString, text);
    ConnectionState state;
    state.status = ConnectionState::Status(status);
    state.since = QDateTime(QDate(2026, 11, 21), QTime(9, 41)).toUTC();
    if (withData)
        state.dataAsOf = QDateTime(QDate(2026, 11, 21), QTime(9, 30)).toUTC();
    state.detail = QStringLiteral("connection refused");
    ConnectionStatusLabel label;
    label.setState(state);
    QCOMPARE(label.text(), text);
    QCOMPARE(label.toolTip(), QStringLiteral("connection refused"));
}


// Ctrl+H from the selected appointment, Ctrl+F to search by name: both show the patient dock;
// a note added there is listed.
void TestMainWindow::aPatientIsFoundAndNotedFromTheKeyboard()
{
    // Tomorrow: today's noon is in the past every afternoon (found running the suite at 23:38).
    const QDate tomorrow = m_session->today().addDays(1);
    const qint64 id = bookElsewhere(tomorrow, QTime(12, 0));
    QVERIFY(id > 0);
    const qint64 patient = m_db->scalar(QStringLiteral("select patient_id from frontdesk.appointments where id = %1").arg(id)).toLongLong();
    m_window->goToAppointment(id, QDateTime(tomorrow, QTime(12, 0), QTimeZone::utc()));
    QTRY_COMPARE(m_window->currentAppointmentId(), id);
    QVERIFY(action("actionPatientOfAppointment")->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    PatientDock *dock = m_window->patientDock();
    QTRY_VERIFY(dock->isVisible());
    QCOMPARE(dock->patientPanel()->patientId(), patient);

    dock->patientPanel()->showPatient(0);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    auto *search = dock->findChild<QLineEdit *>(QStringLiteral("patientSearchEdit"));
    QVERIFY(search);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("Patient Bcaa"));   // 12:00, the first provider
    auto *results = dock->findChild<QListView *>(QStringLiteral("patientSearchResults"));
    QTRY_VERIFY(results->model()->rowCount() > 0);
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(results->hasFocus());
    QTest::keyClick(results, Qt::Key_Return);
    QTRY_COMPARE(dock->patientPanel()->patientId(), patient);

    auto *note = dock->findChild<QPlainTextEdit *>(QStringLiteral("patientNoteEdit"));
    QVERIFY(note);
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("Prefers the afternoon"));
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    auto *notes = dock->findChild<QAbstractItemView *>(QStringLiteral("patientNotes"));
    QVERIFY(notes);
    const auto listed = [notes] {
        for (int row = 0; row < notes->model()->rowCount(); ++row) {
            if (notes->model()->index(row, 0).data().toString().contains(QStringLiteral("Prefers the afternoon")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(listed());
}

void TestMainWindow::signingOutAsksThenWipesThisPcsCopyAndCloses()
{
    const QString copy = m_session->cache()->path();
    QTRY_VERIFY(QFile::exists(copy));   // the days around today, saved once online
    // Asked first: "no" keeps everything.
    Confirmation::setNextAnswer(false);
    action("actionSignOut")->trigger();
    QVERIFY(m_window->isVisible());
    QTest::qWait(200);   // a wipe would have reached the cache's thread by now
    QVERIFY(QFile::exists(copy));

    Confirmation::setNextAnswer(true);
    action("actionSignOut")->trigger();
    QTRY_VERIFY(!m_window->isVisible());
    QTRY_VERIFY(!QFile::exists(copy));
    QVERIFY(!QFile::exists(copy + QStringLiteral("-wal")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
