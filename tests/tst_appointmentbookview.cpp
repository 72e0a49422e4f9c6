#include "book/AppointmentBookView.h"
#include "book/BookGeometry.h"
#include "book/StatusStyle.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

#include <ctime>
#include <set>

using namespace frontdesk;

namespace {

// The GUI thread's own CPU time, in milliseconds: the work the book makes it do, which on a
// desk's PC is the stall; unlike the wall clock, untouched by whatever else a CI machine runs.
double threadMilliseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

class PaintCounter : public QObject
{
public:
    explicit PaintCounter(int *count) : m_count(count) { }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++*m_count;
        return false;
    }

private:
    int *m_count;
};

} // namespace

// The appointment book: where each block goes (provider column, time in the clinic's zone),
// how overlaps, the keyboard and live bookings behave, and that it draws readably.
class TestAppointmentBookView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void blockFollowsProviderColumnAndClinicTime_data();
    void blockFollowsProviderColumnAndClinicTime();
    void theClocksGoingBackShowsTheRepeatedHour();
    void inactiveProviderGetsAColumnAtTheEnd();
    void appointmentOutsideOpeningHoursExtendsTheGrid();
    void overlappingAppointmentsSitSideBySide();
    void keyboardMovesBetweenAppointments_data();
    void keyboardMovesBetweenAppointments();
    void pageKeysScrollAndKeepTheSelection();
    void mouseSelectsAndActivates();
    void rightClickSelectsThenAsksForTheMenu();
    void currentAppointmentIdSelectsScrollsAndClears();
    void removedCurrentAppointmentSelectsNothingElse();
    void liveBookingKeepsSelectionAndScroll_data();
    void liveBookingKeepsSelectionAndScroll();
    void gridGrowingAboveKeepsWhatIsInView();
    void burstOfBookingsNeverStalls();
    void nowLineOnTodayOnly_data();
    void nowLineOnTodayOnly();
    void placeholderShownWhenTheDayIsEmpty();
    void everyStatusHasADistinctLabelAndShape();
    void rendersARealisticDayInLightAndDarkPalettes();
    void staleBookIsDrawnWithoutColour();

private:
    Appointment make(qint64 id, qint64 providerId, QTime localStart, int minutes,
                     AppointmentStatus status = AppointmentStatus::Booked, QDate day = {}) const;
    void show(QDate day, const AppointmentList &appointments);
    QRect blockOf(qint64 id) const;
    int ppmRound(double minutes) const { return qRound(minutes * m_view->pixelsPerMinute()); }
    QDateTime at(QTime local, QDate day = {}) const
    {
        return QDateTime(day.isValid() ? day : m_day, local, m_clinic.timeZone);
    }
    // Lets the book's once-a-turn layout and paint run, as the event loop does between bookings.
    static void settle() { QCoreApplication::processEvents(); }

    Clinic m_clinic;
    QDate m_day;
    QDateTime m_now;
    DayModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    AppointmentBookView *m_view = nullptr;
};

void TestAppointmentBookView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_clinic.id = 7;
    m_clinic.name = QStringLiteral("Test");
    m_clinic.timeZone = QTimeZone("America/New_York");
    m_clinic.phoneRegion = QStringLiteral("US");
    m_clinic.opensAt = QTime(8, 0);
    m_clinic.closesAt = QTime(18, 0);
    m_clinic.providers = { { 1, QStringLiteral("Dr. Adams") }, { 2, QStringLiteral("Dr. Baker") },
                           { 3, QStringLiteral("Dr. Chen") }, { 4, QStringLiteral("Dr. Diaz") } };
    m_day = QDate(2026, 11, 23);
}

void TestAppointmentBookView::init()
{
    m_model = new DayModel;
    m_model->setClinic(m_clinic);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = new AppointmentBookView;
    // Another day than the one shown, unless a test says otherwise.
    m_now = at(QTime(10, 30), m_day.addDays(-3));
    m_view->setClock([this] { return m_now; });
    m_view->setModel(m_model);
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestAppointmentBookView::cleanup()
{
    delete m_view;
    delete m_tester;
    delete m_model;
}

Appointment TestAppointmentBookView::make(qint64 id, qint64 providerId, QTime localStart, int minutes,
                                          AppointmentStatus status, QDate day) const
{
    Appointment a;
    a.id = id;
    a.orgId = m_clinic.id;
    a.providerId = providerId;
    a.providerName = QStringLiteral("Provider %1").arg(providerId);
    a.patientId = 100 + id;
    a.patientName = QStringLiteral("Patient %1").arg(id);
    const QDateTime start = at(localStart, day);
    a.startsAt = start.toUTC();
    a.endsAt = start.addSecs(minutes * 60).toUTC();
    a.status = status;
    a.source = BookingSource::AiVoice;
    a.service = QStringLiteral("Check-up");
    a.createdBy = QStringLiteral("ai-agent");
    a.createdAt = QDateTime(m_day.addDays(-1), QTime(7, 0), m_clinic.timeZone).toUTC();
    return a;
}

void TestAppointmentBookView::show(QDate day, const AppointmentList &appointments)
{
    m_model->setDay(day, appointments);
    settle();
}

QRect TestAppointmentBookView::blockOf(qint64 id) const
{
    return m_view->visualRect(m_model->index(m_model->rowOf(id), 0));
}

void TestAppointmentBookView::blockFollowsProviderColumnAndClinicTime_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QTime>("earliest");   // an appointment that moves the grid's top, if valid
    QTest::addColumn<QTime>("start");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<int>("minutesBelowTop");   // real minutes from the grid's top

    QTest::newRow("ordinary day") << QDate(2026, 11, 23) << QTime() << QTime(10, 15) << 30 << 135;
    QTest::newRow("short, late") << QDate(2026, 11, 23) << QTime() << QTime(17, 45) << 15 << 585;
    // 10:00 EDT is 14:00 UTC; read at the day's first offset (EST) it would be 09:00.
    QTest::newRow("clocks go forward") << QDate(2026, 3, 8) << QTime() << QTime(10, 0) << 45 << 120;
    // From 01:00 EST to 10:00 EDT: 8 real hours, not the 9 the clock faces differ by.
    QTest::newRow("clocks go forward, grid across the change")
        << QDate(2026, 3, 8) << QTime(1, 30) << QTime(10, 0) << 45 << 480;
    // From 00:00 EDT to 09:00 EST: 10 real hours, the hour 01:00-02:00 twice.
    QTest::newRow("clocks go back, grid across the change")
        << QDate(2026, 11, 1) << QTime(0, 30) << QTime(9, 0) << 60 << 600;
}

void TestAppointmentBookView::blockFollowsProviderColumnAndClinicTime()
{
    QFETCH(QDate, day);
    QFETCH(QTime, earliest);
    QFETCH(QTime, start);
    QFETCH(int, minutes);
    QFETCH(int, minutesBelowTop);

    AppointmentList list { make(1, 3, start, minutes, AppointmentStatus::Confirmed, day) };
    if (earliest.isValid())
        list.append(make(2, 1, earliest, 15, AppointmentStatus::Booked, day));
    show(day, list);

    const QRect block = blockOf(1);
    const QRect column = m_view->providerColumnRect(3);
    QVERIFY(column.isValid());
    QVERIFY2(block.left() >= column.left() && block.right() <= column.right(),
             qPrintable(QStringLiteral("block %1..%2, column %3..%4").arg(block.left()).arg(block.right())
                            .arg(column.left()).arg(column.right())));
    QVERIFY(block.width() > column.width() / 2);   // alone in its column: nearly all of it
    QVERIFY(!block.intersects(m_view->providerColumnRect(2)));
    QVERIFY(!block.intersects(m_view->providerColumnRect(4)));

    const QDateTime startsAt = at(start, day);
    QCOMPARE(block.top(), m_view->timeY(startsAt));
    // The grid's top is at the content's top: scrolled, it is above the viewport by the offset.
    const int gridTop = -m_view->verticalScrollBar()->value();
    QVERIFY2(qAbs(block.top() - gridTop - ppmRound(minutesBelowTop)) <= 1,
        qPrintable(QStringLiteral("top %1 below the grid, expected %2")
                       .arg(block.top() - gridTop)
                       .arg(ppmRound(minutesBelowTop))));
    QVERIFY2(qAbs(block.height() + BookGeometry::BlockGap - ppmRound(minutes)) <= 1,
             qPrintable(QStringLiteral("height %1 for %2 minutes").arg(block.height()).arg(minutes)));
}

void TestAppointmentBookView::theClocksGoingBackShowsTheRepeatedHour()
{
    const QDate day(2026, 11, 1);
    BookGeometry geometry;
    const Appointment early = make(1, 1, QTime(0, 30), 30, AppointmentStatus::Booked, day);
    geometry.layOut(m_clinic, day, { &early });
    QList<QTime> hours;
    for (const BookGeometry::GridLine &line : geometry.gridLines()) {
        if (line.hour)
            hours.append(line.time);
    }
    // 00:00 to 18:00 on a 25-hour day: 19 wall-clock hours, 01:00 twice.
    QCOMPARE(hours.size(), 20);
    QCOMPARE(hours.count(QTime(1, 0)), 2);
    QCOMPARE(hours.first(), QTime(0, 0));
    QCOMPARE(hours.last(), QTime(18, 0));
}

void TestAppointmentBookView::inactiveProviderGetsAColumnAtTheEnd()
{
    Appointment retired = make(1, 99, QTime(9, 0), 30);
    retired.providerName = QStringLiteral("Dr. Gone");
    show(m_day, { make(2, 4, QTime(9, 0), 30), retired });

    const QRect extra = m_view->providerColumnRect(99);
    QVERIFY(extra.isValid());
    QVERIFY(extra.left() >= m_view->providerColumnRect(4).right());
    QVERIFY(extra.contains(blockOf(1)));
    QVERIFY(m_view->providerColumnRect(4).contains(blockOf(2)));
    // Without appointments, no column for it.
    m_model->applyChange(make(1, 99, QTime(9, 0), 30, AppointmentStatus::Booked, m_day.addDays(1)));
    settle();
    QVERIFY(!m_view->providerColumnRect(99).isValid());
}

void TestAppointmentBookView::appointmentOutsideOpeningHoursExtendsTheGrid()
{
    show(m_day, { make(1, 1, QTime(9, 0), 30) });
    const int openingHeight = m_view->verticalScrollBar()->maximum() + m_view->viewport()->height();

    show(m_day, { make(1, 1, QTime(9, 0), 30), make(2, 2, QTime(6, 30), 30), make(3, 3, QTime(19, 0), 45) });
    m_view->verticalScrollBar()->setValue(0);
    // The grid starts on the hour before the early one and ends on the hour after the late one.
    QCOMPARE(m_view->timeY(at(QTime(6, 0))), 0);
    QCOMPARE(blockOf(2).top(), ppmRound(30));
    const int height = m_view->verticalScrollBar()->maximum() + m_view->viewport()->height();
    QVERIFY(blockOf(3).bottom() < height);
    QVERIFY2(qAbs(height - 1 - ppmRound(14 * 60)) <= 1, qPrintable(QString::number(height)));
    QVERIFY(height > openingHeight);
}

void TestAppointmentBookView::overlappingAppointmentsSitSideBySide()
{
    // A cancelled appointment and the booking that took its slot, and one overlapping both.
    show(m_day, { make(1, 2, QTime(10, 0), 30, AppointmentStatus::Cancelled), make(2, 2, QTime(10, 0), 30),
                  make(3, 2, QTime(10, 15), 30), make(4, 2, QTime(11, 0), 30), make(5, 1, QTime(10, 0), 30) });
    const QRect column = m_view->providerColumnRect(2);
    const QList<qint64> overlapping { 1, 2, 3 };
    for (qint64 a : overlapping) {
        QVERIFY(column.contains(blockOf(a)));
        for (qint64 b : overlapping) {
            if (a < b)
                QVERIFY2(
                    !blockOf(a).intersects(blockOf(b)), qPrintable(QStringLiteral("%1 and %2 overlap").arg(a).arg(b)));
        }
    }
    // The live booking stays left of the cancelled one it replaced.
    QVERIFY(blockOf(2).left() < blockOf(1).left());
    // Alone at its time, the next one has the column to itself again.
    QVERIFY(blockOf(4).width() > 2 * blockOf(2).width());
    QCOMPARE(blockOf(5).width(), blockOf(4).width());
}

void TestAppointmentBookView::keyboardMovesBetweenAppointments_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<int>("key");
    QTest::addColumn<qint64>("to");

    // Adams: 11 at 09:00, 12 at 10:00, 13 at 11:00; Baker: 21 at 09:30, 22 at 12:00;
    // Chen: nothing; Diaz: 41 at 10:15.
    QTest::newRow("down, same column") << qint64(11) << int(Qt::Key_Down) << qint64(12);
    QTest::newRow("down at the last stays") << qint64(13) << int(Qt::Key_Down) << qint64(13);
    QTest::newRow("up, same column") << qint64(12) << int(Qt::Key_Up) << qint64(11);
    QTest::newRow("up at the first stays") << qint64(11) << int(Qt::Key_Up) << qint64(11);
    QTest::newRow("right, nearest in time") << qint64(12) << int(Qt::Key_Right) << qint64(21);
    QTest::newRow("right, later is nearer") << qint64(13) << int(Qt::Key_Right) << qint64(22);
    QTest::newRow("right skips an empty column") << qint64(21) << int(Qt::Key_Right) << qint64(41);
    QTest::newRow("right at the last column stays") << qint64(41) << int(Qt::Key_Right) << qint64(41);
    QTest::newRow("left skips an empty column") << qint64(41) << int(Qt::Key_Left) << qint64(21);
    QTest::newRow("left at the first column stays") << qint64(11) << int(Qt::Key_Left) << qint64(11);
    QTest::newRow("home: first of the day") << qint64(22) << int(Qt::Key_Home) << qint64(11);
    QTest::newRow("end: last of the day") << qint64(11) << int(Qt::Key_End) << qint64(22);
}

void TestAppointmentBookView::keyboardMovesBetweenAppointments()
{
    QFETCH(qint64, from);
    QFETCH(int, key);
    QFETCH(qint64, to);
    show(m_day, { make(11, 1, QTime(9, 0), 30), make(12, 1, QTime(10, 0), 30), make(13, 1, QTime(11, 0), 30),
                  make(21, 2, QTime(9, 30), 30), make(22, 2, QTime(12, 0), 30), make(41, 4, QTime(10, 15), 30) });
    m_view->setCurrentAppointmentId(from);
    QCOMPARE(m_view->currentAppointmentId(), from);
    QTest::keyClick(m_view, Qt::Key(key));
    QCOMPARE(m_view->currentAppointmentId(), to);
    // Moved to is selected, alone.
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_view->selectionModel()->selectedRows().first().row(), m_model->rowOf(to));
}

void TestAppointmentBookView::pageKeysScrollAndKeepTheSelection()
{
    show(m_day, { make(1, 1, QTime(8, 0), 30), make(2, 1, QTime(17, 0), 30) });
    m_view->setCurrentAppointmentId(1);
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QCOMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->pageStep());
    QCOMPARE(m_view->currentAppointmentId(), qint64(1));
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
    QCOMPARE(m_view->currentAppointmentId(), qint64(1));
}

void TestAppointmentBookView::mouseSelectsAndActivates()
{
    show(m_day, { make(1, 1, QTime(8, 30), 30), make(2, 2, QTime(9, 0), 60) });
    QSignalSpy changed(m_view, &AppointmentBookView::currentAppointmentChanged);
    QSignalSpy activated(m_view, &QAbstractItemView::activated);

    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, blockOf(2).center());
    QCOMPARE(m_view->currentAppointmentId(), qint64(2));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), qint64(2));
    QCOMPARE(activated.count(), 0);

    // A double click as the window system delivers it: press, release, then the double click.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, blockOf(1).center());
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, blockOf(1).center());
    QCOMPARE(m_view->currentAppointmentId(), qint64(1));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toModelIndex().row(), m_model->rowOf(1));

    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);

    // A click between blocks leaves the selection alone.
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, {}, QPoint(blockOf(1).center().x(), blockOf(1).bottom() + ppmRound(60)));
    QCOMPARE(m_view->currentAppointmentId(), qint64(1));
}

void TestAppointmentBookView::rightClickSelectsThenAsksForTheMenu()
{
    show(m_day, { make(1, 1, QTime(8, 30), 30), make(2, 2, QTime(9, 0), 60) });
    QCOMPARE(m_view->contextMenuPolicy(), Qt::CustomContextMenu);
    m_view->setCurrentAppointmentId(1);
    QSignalSpy menu(m_view, &QWidget::customContextMenuRequested);

    const QPoint point = blockOf(2).center();
    QTest::mousePress(m_view->viewport(), Qt::RightButton, {}, point);
    QTest::mouseRelease(m_view->viewport(), Qt::RightButton, {}, point);
    // QTest sends mouse events to the widget directly; the window system would follow with this.
    QContextMenuEvent event(QContextMenuEvent::Mouse, point, m_view->viewport()->mapToGlobal(point));
    QCoreApplication::sendEvent(m_view->viewport(), &event);

    QCOMPARE(m_view->currentAppointmentId(), qint64(2));
    QCOMPARE(menu.count(), 1);
    QCOMPARE(m_view->indexAt(menu.first().first().toPoint()).row(), m_model->rowOf(2));
}

void TestAppointmentBookView::currentAppointmentIdSelectsScrollsAndClears()
{
    show(m_day, { make(1, 1, QTime(8, 0), 30), make(2, 4, QTime(17, 0), 30) });
    QSignalSpy changed(m_view, &AppointmentBookView::currentAppointmentChanged);
    m_view->resize(400, 300);
    settle();

    m_view->setCurrentAppointmentId(2);
    QCOMPARE(m_view->currentAppointmentId(), qint64(2));
    QVERIFY(m_view->selectionModel()->isRowSelected(m_model->rowOf(2), {}));
    QVERIFY2(m_view->viewport()->rect().contains(blockOf(2)), "scrolled into view");
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().first().toLongLong(), qint64(2));

    m_view->setCurrentAppointmentId(0);
    QCOMPARE(m_view->currentAppointmentId(), qint64(0));
    QVERIFY(!m_view->selectionModel()->hasSelection());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.last().first().toLongLong(), qint64(0));

    // Another day: nothing current any more, and said so.
    m_view->setCurrentAppointmentId(1);
    QCOMPARE(changed.count(), 3);
    m_model->setDay(m_day.addDays(1), {});
    QCOMPARE(m_view->currentAppointmentId(), qint64(0));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(changed.last().first().toLongLong(), qint64(0));
}

void TestAppointmentBookView::removedCurrentAppointmentSelectsNothingElse()
{
    show(m_day, { make(1, 1, QTime(8, 0), 30), make(2, 1, QTime(9, 0), 30), make(3, 2, QTime(16, 0), 30) });
    m_view->setCurrentAppointmentId(2);
    QSignalSpy changed(m_view, &AppointmentBookView::currentAppointmentChanged);
    const int scrolled = m_view->verticalScrollBar()->value();

    // Rescheduled to another day: it leaves the shown one.
    m_model->applyChange(make(2, 1, QTime(9, 0), 30, AppointmentStatus::Booked, m_day.addDays(2)));
    settle();
    QCOMPARE(m_view->currentAppointmentId(), qint64(0));
    QVERIFY(!m_view->selectionModel()->hasSelection());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toLongLong(), qint64(0));
    QCOMPARE(m_view->verticalScrollBar()->value(), scrolled);
}

void TestAppointmentBookView::liveBookingKeepsSelectionAndScroll_data()
{
    QTest::addColumn<qint64>("providerId");
    QTest::addColumn<QTime>("start");
    QTest::newRow("above, in another column") << qint64(1) << QTime(9, 0);
    QTest::newRow("above, in the same column") << qint64(4) << QTime(14, 0);
    QTest::newRow("beside, at the same time") << qint64(3) << QTime(15, 0);
    QTest::newRow("below") << qint64(4) << QTime(17, 30);
}

void TestAppointmentBookView::liveBookingKeepsSelectionAndScroll()
{
    QFETCH(qint64, providerId);
    QFETCH(QTime, start);
    AppointmentList day;
    qint64 id = 1;
    for (int provider = 1; provider <= 4; ++provider) {
        for (QTime t(8, 0); t < QTime(17, 0); t = t.addSecs(3600))
            day.append(make(id++, provider, t, 30));
    }
    show(m_day, day);
    // Narrow and short, so that both scroll bars have somewhere to be.
    m_view->resize(450, 300);
    settle();
    const qint64 looked = m_model->appointmentAt(m_model->rowCount() - 1).id;   // Diaz, 16:00
    m_view->setCurrentAppointmentId(looked);
    settle();
    const int vertical = m_view->verticalScrollBar()->value();
    const int horizontal = m_view->horizontalScrollBar()->value();
    QVERIFY(vertical > 0);
    QVERIFY(horizontal > 0);
    const QRect before = blockOf(looked);

    m_model->applyChange(make(500, providerId, start, 30));
    settle();
    QCOMPARE(m_model->rowCount(), day.size() + 1);
    QCOMPARE(m_view->currentAppointmentId(), looked);
    QCOMPARE(m_view->verticalScrollBar()->value(), vertical);
    QCOMPARE(m_view->horizontalScrollBar()->value(), horizontal);
    QCOMPARE(blockOf(looked), before);
}

// An appointment before the opening hours makes the grid taller above everything: the scroll
// bar moves by as much, so that what the receptionist looks at does not.
void TestAppointmentBookView::gridGrowingAboveKeepsWhatIsInView()
{
    show(m_day, { make(1, 1, QTime(9, 0), 30), make(2, 2, QTime(15, 0), 30) });
    m_view->resize(600, 300);
    settle();
    m_view->setCurrentAppointmentId(2);
    settle();
    const QRect before = blockOf(2);
    const int vertical = m_view->verticalScrollBar()->value();

    m_model->applyChange(make(3, 1, QTime(6, 15), 30));
    QCOMPARE(blockOf(2), before);   // at once, not just after the event loop has run
    settle();
    QCOMPARE(blockOf(2), before);
    QCOMPARE(m_view->verticalScrollBar()->value(), vertical + ppmRound(120));
    QCOMPARE(m_view->currentAppointmentId(), qint64(2));
}

// Bookings arriving on a day of 500, a stress far above a real clinic's (four providers, ten
// overlapping lanes each): no arrival may hold the window for 50 ms, its paint included, and
// 500 delivered in one event-loop turn (a reload after a reconnect) are laid out once, not once
// per row, which would take seconds.
void TestAppointmentBookView::burstOfBookingsNeverStalls()
{
    const auto booking = [this](int n) {
        return make(n + 1, n % 4 + 1, QTime(8, 0).addSecs(60 * (n * 7 % 600)), 15 + n % 4 * 15);
    };
    AppointmentList day;
    for (int n = 0; n < 500; ++n)
        day.append(booking(n));
    show(m_day, day);
    m_view->setCurrentAppointmentId(250);
    settle();
    int paints = 0;
    PaintCounter counter(&paints);
    m_view->viewport()->installEventFilter(&counter);

    // The model checker walks the whole model on every signal it sees (milliseconds a row on a
    // day this size): timed, the test would measure the checker. It checks the model before the
    // timed part and again after it.
    delete m_tester;
    m_tester = nullptr;

    // One by one, each laid out and painted before the next arrives.
    double worst = 0;
    for (int n = 500; n < 750; ++n) {
        const double start = threadMilliseconds();
        m_model->applyChange(booking(n));
        settle();
        worst = std::max(worst, threadMilliseconds() - start);
    }
    QVERIFY2(paints >= 250, qPrintable(QStringLiteral("%1 paints for 250 bookings").arg(paints)));
    QVERIFY2(worst < 50, qPrintable(QStringLiteral("a booking stalled the book for %1 ms").arg(worst, 0, 'f', 1)));

    AppointmentList reload = day;
    for (int n = 500; n < 1250; ++n)
        reload.append(booking(n));
    paints = 0;
    const double start = threadMilliseconds();
    m_model->setDay(m_day, reload);
    settle();
    const double burst = threadMilliseconds() - start;
    QCOMPARE(paints, 1);
    QCOMPARE(m_model->rowCount(), 1250);
    QVERIFY2(burst < 50,
        qPrintable(QStringLiteral("500 bookings at once stalled the book for %1 ms").arg(burst, 0, 'f', 1)));
    QCOMPARE(m_view->currentAppointmentId(), qint64(250));

    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAppointmentBookView::nowLineOnTodayOnly_data()
{
    QTest::addColumn<int>("daysFromShown");
    QTest::addColumn<QTime>("clock");
    QTest::addColumn<bool>("shown");
    QTest::newRow("today") << 0 << QTime(10, 30) << true;
    QTest::newRow("today, before opening") << 0 << QTime(6, 0) << false;
    QTest::newRow("yesterday") << -1 << QTime(10, 30) << false;
    QTest::newRow("tomorrow") << 1 << QTime(10, 30) << false;
}

void TestAppointmentBookView::nowLineOnTodayOnly()
{
    QFETCH(int, daysFromShown);
    QFETCH(QTime, clock);
    QFETCH(bool, shown);
    show(m_day, { make(1, 1, QTime(14, 0), 30) });
    m_view->verticalScrollBar()->setValue(ppmRound(60));
    m_now = at(QTime(10, 30), m_day.addDays(3));   // surely not today
    const QImage without = m_view->viewport()->grab().toImage();

    m_now = at(clock, m_day.addDays(daysFromShown));
    const std::optional<int> y = m_view->nowLineY();
    QCOMPARE(y.has_value(), shown);
    const QImage with = m_view->viewport()->grab().toImage();
    if (!shown) {
        QCOMPARE(with, without);
        return;
    }
    QCOMPARE(*y, ppmRound(150) - ppmRound(60));
    QCOMPARE(*y, m_view->timeY(m_now));
    // Drawn there and nowhere else.
    int top = with.height();
    int bottom = -1;
    for (int row = 0; row < with.height(); ++row) {
        for (int x = 0; x < with.width(); ++x) {
            if (with.pixel(x, row) != without.pixel(x, row)) {
                top = std::min(top, row);
                bottom = std::max(bottom, row);
                break;
            }
        }
    }
    const qreal dpr = with.devicePixelRatio();
    QVERIFY2(bottom >= 0, "no line drawn");
    QVERIFY2(top >= (*y - 3) * dpr && bottom <= (*y + 3) * dpr,
             qPrintable(QStringLiteral("drawn from %1 to %2, expected near %3").arg(top).arg(bottom).arg(*y)));
}

void TestAppointmentBookView::placeholderShownWhenTheDayIsEmpty()
{
    show(m_day, {});
    const QImage blank = m_view->viewport()->grab().toImage();
    m_view->setPlaceholderText(QStringLiteral("No appointments"));
    const QImage empty = m_view->viewport()->grab().toImage();
    QVERIFY(empty != blank);
    // In the middle.
    const QPoint centre = m_view->viewport()->rect().center() * empty.devicePixelRatio();
    bool centreDiffers = false;
    for (int x = centre.x() - 60; x < centre.x() + 60 && !centreDiffers; ++x)
        centreDiffers = empty.pixel(x, centre.y()) != blank.pixel(x, centre.y());
    QVERIFY(centreDiffers);

    // A day with appointments does not say it has none.
    show(m_day, { make(1, 1, QTime(8, 0), 15) });
    const QImage withPlaceholder = m_view->viewport()->grab().toImage();
    m_view->setPlaceholderText({});
    QCOMPARE(m_view->viewport()->grab().toImage(), withPlaceholder);
}

// A status added later must come with its own label and shape: it fails here until it has one.
void TestAppointmentBookView::everyStatusHasADistinctLabelAndShape()
{
    QList<AppointmentStatus> statuses(std::begin(kKnownStatuses), std::end(kKnownStatuses));
    statuses.append(AppointmentStatus::Unknown);
    std::set<QString> labels;
    std::set<decltype(StatusStyle().shape())> shapes;
    for (AppointmentStatus status : std::as_const(statuses)) {
        const StatusStyle style = statusStyle(status, QStringLiteral("on_hold"));
        QVERIFY2(style.isValid(), qPrintable(QStringLiteral("status %1 has no style").arg(int(status))));
        QVERIFY2(labels.insert(style.label).second, qPrintable(style.label));
        QVERIFY2(shapes.insert(style.shape()).second,
            qPrintable(QStringLiteral("%1 looks like another status").arg(style.label)));
    }
    // A value without a style is invalid, which is what makes the loop above fail for one.
    QVERIFY(!statusStyle(AppointmentStatus(int(AppointmentStatus::Unknown) + 1)).isValid());
    QVERIFY(
        statusStyle(AppointmentStatus::Unknown, QStringLiteral("on_hold")).label.contains(QStringLiteral("on_hold")));
}

// FRONTDESK_BOOK_SCREENSHOT=/tmp/book.png saves this day there (and the dark one as book-dark.png),
// for a person to judge how it reads.
void TestAppointmentBookView::rendersARealisticDayInLightAndDarkPalettes()
{
    m_now = at(QTime(11, 40));
    NewBookingsModel newBookings;
    newBookings.setClinic(m_clinic);
    newBookings.setWatchingSince(at(QTime(8, 0)).toUTC());
    newBookings.setToday(m_day);
    m_model->setNewBookings(&newBookings);
    const auto detach = qScopeGuard([this] { m_model->setNewBookings(nullptr); });

    const QStringList patients { QStringLiteral("Maria Gonzalez"), QStringLiteral("James O'Connor"),
        QStringLiteral("Aisha Rahman"), QStringLiteral("Wei Zhang"), QStringLiteral("Olivia Brown"),
        QStringLiteral("Noah Williams"), QStringLiteral("Sofia Rossi"), QStringLiteral("Liam Murphy"),
        QStringLiteral("Emma Schneider"), QStringLiteral("Lucas Martin"), QStringLiteral("Chloé Dubois"),
        QStringLiteral("Mateo Silva"), QStringLiteral("Hannah Kim"), QStringLiteral("Ethan Clarke") };
    const QStringList services { QStringLiteral("Check-up"), QStringLiteral("Cleaning"), QStringLiteral("Consultation"),
        QStringLiteral("Follow-up visit"), QStringLiteral("Vaccination"), QStringLiteral("Blood test") };
    struct Booking { qint64 provider; QTime start; int minutes; AppointmentStatus status; BookingSource source; };
    const QList<Booking> bookings {
        { 1, QTime(7, 30), 30, AppointmentStatus::Completed, BookingSource::Staff },
        { 1, QTime(8, 30), 30, AppointmentStatus::Completed, BookingSource::AiVoice },
        { 1, QTime(9, 15), 45, AppointmentStatus::NoShow, BookingSource::AiVoice },
        { 1, QTime(10, 30), 15, AppointmentStatus::Arrived, BookingSource::Staff },
        { 1, QTime(11, 0), 30, AppointmentStatus::Confirmed, BookingSource::AiVoice },
        { 1, QTime(12, 0), 60, AppointmentStatus::Booked, BookingSource::AiVoice },
        { 2, QTime(8, 0), 60, AppointmentStatus::Completed, BookingSource::Staff },
        { 2, QTime(9, 30), 30, AppointmentStatus::Cancelled, BookingSource::AiVoice },
        { 2, QTime(9, 30), 30, AppointmentStatus::Arrived, BookingSource::AiVoice },
        { 2, QTime(11, 15), 15, AppointmentStatus::Booked, BookingSource::AiVoice },
        { 2, QTime(11, 30), 15, AppointmentStatus::Booked, BookingSource::Staff },
        { 3, QTime(9, 0), 30, AppointmentStatus::Completed, BookingSource::AiVoice },
        { 3, QTime(10, 0), 90, AppointmentStatus::Unknown, BookingSource::Staff },
        { 3, QTime(12, 0), 30, AppointmentStatus::Confirmed, BookingSource::Staff },
        { 99, QTime(10, 0), 30, AppointmentStatus::Cancelled, BookingSource::Staff },
    };
    AppointmentList day;
    for (int i = 0; i < bookings.size(); ++i) {
        Appointment a
            = make(i + 1, bookings.at(i).provider, bookings.at(i).start, bookings.at(i).minutes, bookings.at(i).status);
        a.patientName = patients.at(i % patients.size());
        a.service = services.at(i % services.size());
        a.source = bookings.at(i).source;
        a.statusText = a.status == AppointmentStatus::Unknown ? QStringLiteral("on_hold") : QString();
        a.providerName = a.providerId == 99 ? QStringLiteral("Dr. Retired") : a.providerName;
        day.append(a);
    }
    Clinic clinic = m_clinic;
    clinic.providers[3].displayName = QStringLiteral("Dr. Dimitra Papadopoulou-Fitzgerald");
    m_model->setClinic(clinic);
    show(m_day, day);
    // Two of the AI agent's bookings arrive live and are new until looked at.
    for (qint64 id : { qint64(6), qint64(10) }) {
        Appointment a = day.at(int(id - 1));
        a.createdAt = at(QTime(11, 35)).toUTC();
        ChangeSet changes;
        ChangeEvent event;
        event.kind = ChangeEvent::Kind::Booked;
        event.appointmentId = id;
        changes.events.append(event);
        changes.appointments.append(a);
        newBookings.applyChanges(changes);
    }
    QVERIFY(m_model->index(m_model->rowOf(6), 0).data(DayModel::IsNewRole).toBool());
    m_view->resize(1100, 900);
    m_view->setCurrentAppointmentId(5);
    m_view->setFocus();
    m_view->verticalScrollBar()->setValue(0);
    settle();

    // Every block within its column, none on top of another.
    for (int a = 0; a < m_model->rowCount(); ++a) {
        const Appointment &appointment = m_model->appointmentAt(a);
        QVERIFY(m_view->providerColumnRect(appointment.providerId).contains(blockOf(appointment.id)));
        for (int b = a + 1; b < m_model->rowCount(); ++b)
            QVERIFY(!blockOf(appointment.id).intersects(blockOf(m_model->appointmentAt(b).id)));
    }

    const QImage light = m_view->grab().toImage();
    QVERIFY(!light.isNull());
    const QString screenshot = qEnvironmentVariable("FRONTDESK_BOOK_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(light.save(screenshot));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    m_view->setPalette(dark);
    const QImage image = m_view->viewport()->grab().toImage();
    QVERIFY(!image.isNull());
    if (!screenshot.isEmpty())
        QVERIFY(m_view->grab().toImage().save(
            QString(screenshot).replace(QStringLiteral(".png"), QStringLiteral("-dark.png"))));
    // The palette's dark base, not a light one of the book's own...
    qreal sum = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            sum += qreal(QColor(image.pixel(x, y)).lightnessF());
    }
    const qreal mean = sum / ((image.height() + 2) / 3) / ((image.width() + 2) / 3);
    QVERIFY2(mean < 0.35, qPrintable(QString::number(mean)));
    // ...and light text on the blocks.
    const QRect block = blockOf(4).intersected(m_view->viewport()->rect());
    QVERIFY(!block.isEmpty());
    qreal lightest = 0;
    const qreal dpr = image.devicePixelRatio();
    for (int y = block.top(); y <= block.bottom(); ++y) {
        for (int x = block.left(); x <= block.right(); ++x)
            lightest = std::max(lightest, qreal(QColor(image.pixel(int(x * dpr), int(y * dpr))).lightnessF()));
    }
    QVERIFY2(lightest > 0.8, qPrintable(QString::number(lightest)));
}

void TestAppointmentBookView::staleBookIsDrawnWithoutColour()
{
    Appointment fresh = make(2, 2, QTime(10, 0), 30, AppointmentStatus::Arrived);
    show(m_day, { make(1, 1, QTime(9, 0), 30), fresh, make(3, 3, QTime(9, 30), 60, AppointmentStatus::Cancelled) });
    m_view->setCurrentAppointmentId(1);
    m_now = at(QTime(9, 45));
    // The default palette's highlight is a colour: the book uses it, then leaves it out.
    const auto saturated = [this] {
        // The book with its header and hours; the scroll bars and the frame are the style's.
        const QRect book(m_view->contentsRect().topLeft(), m_view->viewport()->geometry().bottomRight());
        const QImage image = m_view->grab(book).toImage();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (QColor(image.pixel(x, y)).hsvSaturationF() > 0.1)
                    ++count;
            }
        }
        return count;
    };
    QVERIFY(saturated() > 100);
    m_view->setStale(true);
    QVERIFY(m_view->isStale());
    QCOMPARE(saturated(), 0);
}

QTEST_MAIN(TestAppointmentBookView)
#include "tst_appointmentbookview.moc"
