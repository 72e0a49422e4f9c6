#include "MainWindow.h"

#include "BookingDialog.h"
#include "ConnectionStatusLabel.h"
#include "NewBookingDelegate.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"

#include <QAction>
#include <QApplication>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace frontdesk {

MainWindow::MainWindow(ClinicSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_table(new QTableView(this))
    , m_dayTitle(new QLabel(this))
    , m_dayPicker(new QDateEdit(this))
    , m_newCount(new QLabel(this))
    , m_connection(new ConnectionStatusLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Frontdesk"));
    resize(1100, 680);

    m_table->setObjectName(QStringLiteral("appointmentTable"));
    m_table->setModel(session->dayModel());
    m_table->setItemDelegate(new NewBookingDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Not ResizeToContents: that measures every row of the day again on each live booking.
    // Columns fit their contents when a day is shown, and the desk may resize them after.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    connect(session->dayModel(), &QAbstractItemModel::modelReset, this, &MainWindow::fitColumnsSoon);
    // A day shown empty gets its widths from its first bookings, not from the headers alone; a
    // booking arriving later widens only the columns its own texts do not fit (a name must be
    // readable), measuring that row alone: never every row, never narrower than set by hand.
    connect(session->dayModel(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (m_table->model()->rowCount() == last - first + 1)
                    fitColumnsSoon();
                else
                    widenColumnsFor(first, last);
            });
    connect(session->dayModel(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (bottomRight.row() - topLeft.row() < 5)
                    widenColumnsFor(topLeft.row(), bottomRight.row());
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::markCurrentSeen);

    m_dayTitle->setObjectName(QStringLiteral("dayTitle"));
    QFont titleFont = m_dayTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_dayTitle->setFont(titleFont);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_dayTitle);
    layout->addWidget(m_table);
    setCentralWidget(central);

    createActions();

    m_newCount->setObjectName(QStringLiteral("newBookingsLabel"));
    statusBar()->addPermanentWidget(m_newCount);
    statusBar()->addPermanentWidget(m_connection);

    connect(session, &ClinicSession::connectionStateChanged, m_connection, &ConnectionStatusLabel::setState);
    connect(session, &ClinicSession::clinicChanged, this, [this](const Clinic &clinic) {
        setWindowTitle(tr("Frontdesk – %1").arg(clinic.name));
        m_book->setEnabled(true);
        updateDayTitle();
    });
    connect(session, &ClinicSession::dayRequested, this, &MainWindow::updateDayTitle);
    connect(session->newBookings(), &NewBookingsModel::arrived, this, &MainWindow::onAppointmentArrived);
    connect(session->newBookings(), &NewBookingsModel::countChanged, this, [this](int count) {
        m_newCount->setText(count > 0 ? tr("New bookings: %1").arg(count) : QString());
    });
    updateDayTitle();
}

void MainWindow::createActions()
{
    auto *toolbar = addToolBar(tr("Day"));
    toolbar->setObjectName(QStringLiteral("dayToolbar"));
    toolbar->setMovable(false);

    m_previousDay = toolbar->addAction(tr("◀ &Previous day"), m_session, &ClinicSession::showPreviousDay);
    m_previousDay->setObjectName(QStringLiteral("actionPreviousDay"));
    m_previousDay->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_today = toolbar->addAction(tr("&Today"), m_session, &ClinicSession::showToday);
    m_today->setObjectName(QStringLiteral("actionToday"));
    m_today->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_nextDay = toolbar->addAction(tr("&Next day ▶"), m_session, &ClinicSession::showNextDay);
    m_nextDay->setObjectName(QStringLiteral("actionNextDay"));
    m_nextDay->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));

    m_dayPicker->setObjectName(QStringLiteral("dayPicker"));
    m_dayPicker->setCalendarPopup(true);
    m_dayPicker->setToolTip(tr("Go to a date (Ctrl+G)"));
    toolbar->addWidget(m_dayPicker);
    connect(m_dayPicker, &QDateEdit::dateChanged, this, [this](QDate day) {
        if (day != m_session->day())
            m_session->showDay(day);
    });
    auto *goToDate = new QAction(tr("&Go to date"), this);
    goToDate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(goToDate, &QAction::triggered, m_dayPicker, qOverload<>(&QWidget::setFocus));
    addAction(goToDate);

    toolbar->addSeparator();
    m_book = toolbar->addAction(tr("&Book appointment…"), this, &MainWindow::openBookingDialog);
    m_book->setObjectName(QStringLiteral("actionBook"));
    m_book->setShortcut(QKeySequence::New);
    m_book->setEnabled(m_session->clinic().isValid());
}

void MainWindow::updateDayTitle()
{
    const QDate day = m_session->day();
    if (!day.isValid()) {
        m_dayTitle->setText(tr("Loading…"));
        return;
    }
    QString title = QLocale().toString(day, QLocale::LongFormat);
    if (day == m_session->today())
        title = tr("Today, %1").arg(title);
    m_dayTitle->setText(title);
    const QSignalBlocker blocker(m_dayPicker);
    m_dayPicker->setDate(day);
}

void MainWindow::openBookingDialog()
{
    // Suggest the next quarter hour of the shown day, or of today.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime suggestion = QDateTime::fromSecsSinceEpoch((now.toSecsSinceEpoch() / 900 + 1) * 900, QTimeZone::utc());
    const Clinic &clinic = m_session->clinic();
    if (m_session->day().isValid() && m_session->day() != m_session->today())
        suggestion = QDateTime(m_session->day(), clinic.opensAt, clinic.timeZone).toUTC();

    auto *dialog = new BookingDialog(m_session, suggestion, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        statusBar()->showMessage(tr("Booked."), 5000);
    });
    dialog->open();
}

void MainWindow::onAppointmentArrived(const Appointment &appointment)
{
    const QDateTime start = appointment.startsAt.toTimeZone(m_session->clinic().timeZone);
    QString when = clockTime(start.time());
    if (start.date() != m_session->day())
        when = QLocale().toString(start.date(), QLocale::ShortFormat) + u' ' + when;
    statusBar()->showMessage(tr("New booking: %1 at %2 with %3 (%4)")
                                 .arg(appointment.patientName, when, appointment.providerName,
                                      displayText(appointment.source)),
                             10000);
    QApplication::alert(this);
}

// Deferred so that the view has laid out the new rows, and so that one fit serves a burst.
void MainWindow::fitColumnsSoon()
{
    if (m_columnFitPending)
        return;
    m_columnFitPending = true;
    QTimer::singleShot(0, this, [this] {
        m_columnFitPending = false;
        m_table->resizeColumnsToContents();
    });
}

void MainWindow::widenColumnsFor(int firstRow, int lastRow)
{
    QHeaderView *header = m_table->horizontalHeader();
    // The last column stretches to the window's edge already.
    for (int column = 0; column < header->count() - 1; ++column) {
        int needed = 0;
        for (int row = firstRow; row <= lastRow; ++row)
            needed = qMax(needed, m_table->sizeHintForIndex(m_table->model()->index(row, column)).width());
        if (needed > header->sectionSize(column))
            header->resizeSection(column, needed);
    }
}

void MainWindow::markCurrentSeen()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_session->newBookings()->markSeen(current.data(DayModel::AppointmentIdRole).toLongLong());
}

} // namespace frontdesk
