#include "MainWindow.h"

#include "BookingDialog.h"
#include "ConnectionStatusLabel.h"
#include "actions/ActionRegistry.h"
#include "actions/AppointmentActionController.h"
#include "book/AppointmentBookView.h"
#include "common/Confirmation.h"
#include "common/MessageBanner.h"
#include "day/DayModel.h"
#include "details/AppointmentDetailsPanel.h"
#include "followups/FollowUpPanel.h"
#include "followups/FollowUpQueueModel.h"
#include "list/DayListPanel.h"
#include "live/NewBookingsModel.h"
#include "live/NewBookingsPanel.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxCountLabel.h"
#include "outbox/OutboxDock.h"
#include "text/ErrorTexts.h"
#include "patients/PatientDock.h"
#include "services/ClinicSession.h"
#include "settings/DeskSettings.h"
#include "text/ClockTime.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateEdit>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace frontdesk {

namespace {
constexpr int kBookTab = 0;
constexpr int kListTab = 1;
} // namespace

MainWindow::MainWindow(ClinicSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_actions(new ActionRegistry(this))
    , m_dayTitle(new QLabel(this))
    , m_dayNotice(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_tabs(new QTabWidget(this))
    , m_book(new AppointmentBookView(this))
    , m_list(new DayListPanel(session->dayModel(), this))
    , m_dayPicker(new QDateEdit(this))
    , m_newCount(new QLabel(this))
    , m_followUpCount(new QLabel(this))
    , m_outboxCount(new OutboxCountLabel(session->outbox(), this))
    , m_clinicClock(new QLabel(this))
    , m_connection(new ConnectionStatusLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Frontdesk"));
    resize(1200, 760);

    createCentralWidget();
    createDocks();
    m_actions->fillMenuBar(menuBar());
    m_actions->menu(ActionRegistry::Menu::View)->addSeparator();
    m_actions->menu(ActionRegistry::Menu::View)->addAction(m_detailsDock->toggleViewAction());
    m_actions->menu(ActionRegistry::Menu::View)->addAction(m_newBookingsDock->toggleViewAction());
    m_actions->menu(ActionRegistry::Menu::View)->addAction(m_followUpDock->toggleViewAction());
    m_actions->menu(ActionRegistry::Menu::View)->addAction(m_patientDock->toggleViewAction());
    m_actions->menu(ActionRegistry::Menu::View)->addAction(m_outboxDock->toggleViewAction());
    createToolBar();
    m_statusActions = new AppointmentActionController(session, m_actions, m_banner, this);
    connectActions();

    m_newCount->setObjectName(QStringLiteral("newBookingsLabel"));
    m_clinicClock->setObjectName(QStringLiteral("clinicClock"));
    m_followUpCount->setObjectName(QStringLiteral("followUpCount"));
    statusBar()->addPermanentWidget(m_followUpCount);
    statusBar()->addPermanentWidget(m_outboxCount);
    statusBar()->addPermanentWidget(m_newCount);
    statusBar()->addPermanentWidget(m_clinicClock);
    statusBar()->addPermanentWidget(m_connection);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon().isNull() ? style()->standardIcon(QStyle::SP_ComputerIcon)
                                                                          : QApplication::windowIcon(),
                                     this);
        m_tray->setToolTip(tr("Frontdesk"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
            m_newBookingsDock->show();
        });
        m_tray->show();
    }

    connectSession();
    auto *minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &MainWindow::updateClock);
    minute->start(15 * 1000);

    restoreGeometry(DeskSettings::value(DeskSettings::Key::MainWindowGeometry).toByteArray());
    // The first run: the details get most of the side, the new bookings the rest.
    if (!restoreState(DeskSettings::value(DeskSettings::Key::MainWindowState).toByteArray())) {
        resizeDocks({ m_detailsDock, m_newBookingsDock }, { 3, 2 }, Qt::Vertical);
        resizeDocks({ m_detailsDock, m_followUpDock }, { width() / 4, width() / 4 }, Qt::Horizontal);
    }
    m_tabs->setCurrentIndex(DeskSettings::value(DeskSettings::Key::ShownTab).toInt() == kListTab ? kListTab : kBookTab);
    updateDayTitle();
    updateDayNotice();
    updateClock();
    updateWindowTitle();
}

QTableView *MainWindow::appointmentTable() const
{
    return m_list->table();
}

QAction *MainWindow::action(ActionId id) const
{
    return m_actions->action(id);
}

void MainWindow::createCentralWidget()
{
    m_dayTitle->setObjectName(QStringLiteral("dayTitle"));
    QFont titleFont = m_dayTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_dayTitle->setFont(titleFont);
    m_dayNotice->setObjectName(QStringLiteral("dayNotice"));
    m_dayNotice->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("windowBanner"));

    m_book->setModel(m_session->dayModel());
    m_tabs->setObjectName(QStringLiteral("dayTabs"));
    m_tabs->addTab(m_book, tr("Book"));
    m_tabs->addTab(m_list, tr("List"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [](int index) {
        DeskSettings::setValue(DeskSettings::Key::ShownTab, index);
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_dayTitle);
    layout->addWidget(m_dayNotice);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
}

void MainWindow::createDocks()
{
    // Found in the demo: a layout with the docks squeezed left their texts unreadable, a few
    // letters wide. Never narrower than a readable line.
    const int readable = fontMetrics().averageCharWidth() * 34;
    m_details = new AppointmentDetailsPanel(m_session, this);
    m_details->setMinimumWidth(readable);
    m_detailsDock = new QDockWidget(tr("Appointment details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    m_detailsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);

    m_newBookings = new NewBookingsPanel(m_session->newBookings(), this);
    m_newBookings->setMinimumWidth(readable);
    m_newBookingsDock = new QDockWidget(tr("New bookings"), this);
    m_newBookingsDock->setObjectName(QStringLiteral("newBookingsDock"));
    m_newBookingsDock->setWidget(m_newBookings);
    addDockWidget(Qt::RightDockWidgetArea, m_newBookingsDock);
    m_followUps = new FollowUpPanel(m_session, this);
    m_followUps->setMinimumWidth(readable);
    m_followUpDock = new QDockWidget(tr("Follow-ups"), this);
    m_followUpDock->setObjectName(QStringLiteral("followUpDock"));
    m_followUpDock->setWidget(m_followUps);
    addDockWidget(Qt::LeftDockWidgetArea, m_followUpDock);
    connect(m_followUps, &FollowUpPanel::bookForCallerRequested, this, &MainWindow::bookForCaller);

    m_patientDock = new PatientDock(m_session, this);
    m_patientDock->widget()->setMinimumWidth(readable);
    addDockWidget(Qt::RightDockWidgetArea, m_patientDock);
    tabifyDockWidget(m_detailsDock, m_patientDock);
    m_detailsDock->raise();
    connect(m_followUps, &FollowUpPanel::patientRequested, m_patientDock, &PatientDock::showPatient);

    // Below the follow-up queue; hidden until something is kept (a conflict opens it).
    m_outboxDock = new OutboxDock(m_session, this);
    m_outboxDock->widget()->setMinimumWidth(readable);
    addDockWidget(Qt::LeftDockWidgetArea, m_outboxDock);
    m_outboxDock->hide();
    connect(m_outboxDock, &OutboxDock::booked, this, &MainWindow::goToAppointment);

    connect(m_newBookings, &NewBookingsPanel::openRequested, this, [this](qint64 id) {
        const NewBookingsModel *model = m_session->newBookings();
        for (int row = 0; row < model->count(); ++row) {
            if (model->appointmentAt(row).id == id)
                goToAppointment(id, model->appointmentAt(row).startsAt);
        }
    });
}

void MainWindow::createToolBar()
{
    auto *toolbar = addToolBar(tr("Day"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(action(ActionId::PreviousDay));
    toolbar->addAction(action(ActionId::Today));
    toolbar->addAction(action(ActionId::NextDay));
    m_dayPicker->setObjectName(QStringLiteral("dayPicker"));
    m_dayPicker->setCalendarPopup(true);
    m_dayPicker->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_dayPicker->setToolTip(tr("Type a date, or pick one (Ctrl+G)"));
    m_dayPicker->setAccessibleName(tr("Date shown"));
    toolbar->addWidget(m_dayPicker);
    toolbar->addSeparator();
    toolbar->addAction(action(ActionId::Book));
    toolbar->addSeparator();
    for (const ActionId id : { ActionId::Confirm, ActionId::CheckIn, ActionId::Complete, ActionId::NoShow,
                               ActionId::Cancel, ActionId::Reschedule, ActionId::Reopen })
        toolbar->addAction(action(id));
}

void MainWindow::connectActions()
{
    connect(action(ActionId::Quit), &QAction::triggered, this, &QWidget::close);
    connect(action(ActionId::SignOut), &QAction::triggered, this, &MainWindow::signOut);
    connect(action(ActionId::Book), &QAction::triggered, this, &MainWindow::openBookingDialog);
    connect(action(ActionId::PreviousDay), &QAction::triggered, m_session, &ClinicSession::showPreviousDay);
    connect(action(ActionId::Today), &QAction::triggered, m_session, &ClinicSession::showToday);
    connect(action(ActionId::NextDay), &QAction::triggered, m_session, &ClinicSession::showNextDay);
    connect(action(ActionId::GoToDate), &QAction::triggered, this, [this] {
        m_dayPicker->setFocus(Qt::ShortcutFocusReason);
        m_dayPicker->setSelectedSection(QDateTimeEdit::DaySection);
    });
    // A typed date counts once it is whole (Enter or leaving the field), not at each keystroke.
    connect(m_dayPicker, &QDateEdit::editingFinished, this, [this] {
        if (m_dayPicker->date() != m_session->day())
            m_session->showDay(m_dayPicker->date());
    });
    connect(m_dayPicker, &QDateEdit::dateChanged, this, [this](QDate day) {
        if (!m_dayPicker->hasFocus() && day != m_session->day())
            m_session->showDay(day);   // from the calendar popup
    });
    connect(action(ActionId::ShowBook), &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(kBookTab);
        m_book->setFocus();
    });
    connect(action(ActionId::ShowList), &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(kListTab);
        m_list->table()->setFocus();
    });
    connect(action(ActionId::FindInList), &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(kListTab);
        m_list->textFilter()->setFocus(Qt::ShortcutFocusReason);
        m_list->textFilter()->selectAll();
    });
    connect(action(ActionId::MarkAllSeen), &QAction::triggered, m_session->newBookings(), &NewBookingsModel::markAllSeen);
    connect(action(ActionId::ShowFollowUps), &QAction::triggered, this, [this] {
        m_followUpDock->show();
        m_followUpDock->raise();
        m_followUps->list()->setFocus(Qt::ShortcutFocusReason);
        if (!m_followUps->list()->currentIndex().isValid() && m_followUps->list()->model()->rowCount() > 0)
            m_followUps->list()->setCurrentIndex(m_followUps->list()->model()->index(0, 0));
    });
    connect(action(ActionId::FindPatient), &QAction::triggered, m_patientDock, &PatientDock::focusSearch);
    connect(action(ActionId::ShowOutbox), &QAction::triggered, m_outboxDock, &OutboxDock::focusList);
    connect(action(ActionId::PatientOfAppointment), &QAction::triggered, this, [this] {
        if (const Appointment *a = m_session->dayModel()->appointment(m_currentId))
            m_patientDock->showPatient(a->patientId);
    });
    action(ActionId::PatientOfAppointment)->setEnabled(false);
    connect(m_session->followUps(), &FollowUpQueueModel::openCountChanged, this, &MainWindow::updateWindowTitle);
    connect(action(ActionId::NextNewBooking), &QAction::triggered, this, [this] {
        const NewBookingsModel *model = m_session->newBookings();
        if (model->count() > 0)
            goToAppointment(model->appointmentAt(0).id, model->appointmentAt(0).startsAt);
    });
    action(ActionId::SoundOnNewBookings)->setChecked(DeskSettings::soundOnNewBooking());
    connect(action(ActionId::SoundOnNewBookings), &QAction::toggled, this, [](bool on) {
        DeskSettings::setValue(DeskSettings::Key::SoundOnNewBooking, on);
    });
    const auto updateNewActions = [this] {
        const bool any = m_session->newBookings()->count() > 0;
        action(ActionId::MarkAllSeen)->setEnabled(any);
        action(ActionId::NextNewBooking)->setEnabled(any);
    };
    connect(m_session->newBookings(), &NewBookingsModel::countChanged, this, updateNewActions);
    updateNewActions();

    // The status actions' single keys act on the selected appointment while the day (book or
    // list) or its details have the focus; in a text field they are letters.
    for (const ActionId id : { ActionId::Confirm, ActionId::CheckIn, ActionId::Complete, ActionId::NoShow,
                               ActionId::Cancel, ActionId::Reschedule, ActionId::Reopen }) {
        QAction *a = action(id);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_book->addAction(a);
        m_list->table()->addAction(a);
        m_details->addAction(a);
    }
    // Window-wide: the rest.
    for (const ActionId id : { ActionId::Quit, ActionId::Book, ActionId::PreviousDay, ActionId::Today, ActionId::NextDay,
                               ActionId::GoToDate, ActionId::NextNewBooking, ActionId::ShowBook, ActionId::ShowList,
                               ActionId::FindInList, ActionId::MarkAllSeen, ActionId::ShowFollowUps, ActionId::FindPatient,
                               ActionId::PatientOfAppointment, ActionId::ShowOutbox })
        addAction(action(id));

    connect(m_book, &AppointmentBookView::currentAppointmentChanged, this, &MainWindow::setCurrentAppointment);
    connect(m_list, &DayListPanel::currentAppointmentChanged, this, &MainWindow::setCurrentAppointment);
    connect(m_book, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) { showContextMenu(m_book, at); });
    connect(m_list->table(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &at) { showContextMenu(m_list->table(), at); });
    const auto showDetails = [this] {
        m_detailsDock->show();
        m_detailsDock->raise();
    };
    connect(m_book, &QAbstractItemView::activated, this, showDetails);
    connect(m_list, &DayListPanel::activated, this, showDetails);
    connect(m_statusActions, &AppointmentActionController::done, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_statusActions, &AppointmentActionController::moved, this, &MainWindow::goToAppointment);
}

void MainWindow::connectSession()
{
    DayModel *day = m_session->dayModel();
    Outbox *outbox = m_session->outbox();
    connect(outbox, &Outbox::opened, this, &MainWindow::updateDayNotice);
    connect(outbox, &Outbox::applied, this, [this](const OutboxEntry &entry) {
        statusBar()->showMessage(tr("Sent from this PC: %1").arg(entry.summary), 8000);
    });
    connect(outbox, &Outbox::conflicted, this, [this](const OutboxEntry &entry) {
        // The dock shows it (OutboxDock); the banner says where to decide.
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Not done: %1. %2 Decide in the outbox (Ctrl+4).")
                                  .arg(entry.summary, errorText(entry.lastAnswer.code)),
                              entry.lastAnswer.code + u": " + entry.lastAnswer.message);
    });
    connect(outbox, &Outbox::storeFailed, this, [this](const QString &why) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("This PC cannot keep actions for later: %1").arg(why));
    });
    connect(m_session, &ClinicSession::connectionStateChanged, m_connection, &ConnectionStatusLabel::setState);
    connect(m_session, &ClinicSession::connectionStateChanged, this, &MainWindow::updateDayNotice);
    connect(m_session, &ClinicSession::clinicChanged, this, [this](const Clinic &clinic) {
        updateWindowTitle();
        m_connection->setTimeZone(clinic.timeZone);
        m_list->setClinic(clinic);
        updateDayTitle();
        updateClock();
    });
    connect(m_session, &ClinicSession::dayRequested, this, &MainWindow::updateDayTitle);
    connect(day, &DayModel::loadStateChanged, this, &MainWindow::updateDayNotice);
    connect(day, &QAbstractItemModel::modelReset, this, &MainWindow::selectPendingAppointment);
    connect(day, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectPendingAppointment);
    connect(day, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_currentId && m_session->dayModel()->rowOf(m_currentId) < 0)
            setCurrentAppointment(0);
    });
    connect(day, &QAbstractItemModel::modelReset, this, [this] {
        if (m_currentId && m_session->dayModel()->rowOf(m_currentId) < 0)
            setCurrentAppointment(0);
    });
    connect(m_session->newBookings(), &NewBookingsModel::arrived, this, &MainWindow::onAppointmentArrived);
    connect(m_session->newBookings(), &NewBookingsModel::countChanged, this, [this](int count) {
        m_newCount->setText(count > 0 ? tr("New bookings: %1").arg(count) : QString());
    });
}

void MainWindow::setCurrentAppointment(qint64 id)
{
    if (m_syncingSelection)
        return;
    m_currentId = id;
    // One selection for both views: whichever changed it, the other follows.
    m_syncingSelection = true;
    m_book->setCurrentAppointmentId(id);
    m_list->setCurrentAppointmentId(id);
    m_syncingSelection = false;
    m_details->showAppointment(id);
    m_statusActions->setCurrentAppointment(id);
    action(ActionId::PatientOfAppointment)->setEnabled(id != 0);
    if (id)
        m_session->newBookings()->markSeen(id);
}

void MainWindow::goToAppointment(qint64 appointmentId, const QDateTime &startsAtUtc)
{
    const QDate day = startsAtUtc.toTimeZone(m_session->clinic().timeZone).date();
    m_pendingSelection = appointmentId;
    if (day != m_session->day())
        m_session->showDay(day);
    selectPendingAppointment();
}

void MainWindow::selectPendingAppointment()
{
    if (!m_pendingSelection || m_session->dayModel()->rowOf(m_pendingSelection) < 0)
        return;
    const qint64 id = m_pendingSelection;
    m_pendingSelection = 0;
    setCurrentAppointment(id);
    (m_tabs->currentIndex() == kBookTab ? static_cast<QWidget *>(m_book) : m_list->table())->setFocus();
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

// What the shown rows are: the day as it is now, the day as it was (offline), or nothing yet.
void MainWindow::updateDayNotice()
{
    const ConnectionState &state = m_session->connectionState();
    const DayModel *day = m_session->dayModel();
    const bool online = state.status == ConnectionState::Online;
    QString notice;
    switch (day->loadState()) {
    case DayModel::LoadState::UnavailableOffline:
        notice = tr("This day cannot be shown while the clinic database is unreachable. It will appear as soon as the "
                    "connection is back.");
        m_book->setPlaceholderText(tr("This day cannot be loaded while offline"));
        break;
    case DayModel::LoadState::Loading:
        m_book->setPlaceholderText(tr("Loading…"));
        break;
    case DayModel::LoadState::FromCache:
        m_book->setPlaceholderText(tr("No appointments"));
        notice = tr("Offline: showing this PC's copy of this day, as it was at %1. Changes are kept on this PC and "
                    "sent when the connection is back.")
                     .arg(QLocale().toString(day->asOf().toTimeZone(m_session->clinic().timeZone), QLocale::ShortFormat));
        break;
    case DayModel::LoadState::Loaded:
        m_book->setPlaceholderText(tr("No appointments"));
        if (!online && state.dataAsOf.isValid())
            notice = tr("Offline: showing this day as it was at %1. Changes are kept on this PC and sent "
                        "when the connection is back.")
                         .arg(clockTime(state.dataAsOf.toTimeZone(m_session->clinic().timeZone).time()));
        break;
    }
    m_dayNotice->setText(notice);
    m_dayNotice->setVisible(!notice.isEmpty());
    const bool stale = !online
        && (day->loadState() == DayModel::LoadState::Loaded || day->loadState() == DayModel::LoadState::FromCache);
    m_book->setStale(stale);
    m_list->setStale(stale);
    const bool canAct = m_session->canTakeActions();
    action(ActionId::Book)->setEnabled(canAct);
    action(ActionId::Book)->setStatusTip(canAct ? QString() : tr("Needs the connection to the clinic database."));
}

void MainWindow::signOut()
{
    const int waiting = int(m_session->outbox()->entries().size());   // waiting or refused: not done
    QString question = tr("This removes this PC's copy of the clinic's appointments and follow-ups, and closes "
                          "Frontdesk.");
    if (waiting > 0)
        question += u' ' + tr("The %n action(s) still in the outbox stay on this PC and are sent the next time "
                              "this login opens Frontdesk.", nullptr, waiting);
    Confirmation::ask(this, tr("Sign out of this PC"), question, tr("Sign out"), [this] {
        m_session->signOut();
        close();
    });
}

void MainWindow::updateClock()
{
    if (!m_session->clinic().isValid())
        return;
    // The clinic's time, which may not be this PC's.
    m_clinicClock->setText(tr("Clinic time %1").arg(clockTime(m_session->clinicNow().time())));
    m_clinicClock->setToolTip(QString::fromUtf8(m_session->clinic().timeZone.id()));
    if (m_session->day().isValid())
        updateDayTitle();
}

void MainWindow::openBookingDialog()
{
    // The shown day at opening time, or now on today; the dialog never suggests the past.
    const Clinic &clinic = m_session->clinic();
    QDateTime suggestion = QDateTime::currentDateTimeUtc();
    if (m_session->day().isValid() && m_session->day() > m_session->today())
        suggestion = QDateTime(m_session->day(), clinic.opensAt, clinic.timeZone).toUTC();

    auto *dialog = new BookingDialog(m_session, suggestion, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::booked, this, [this](qint64 id, const QDateTime &startsAt) {
        statusBar()->showMessage(tr("Booked."), 5000);
        goToAppointment(id, startsAt);
    });
    dialog->open();
}

void MainWindow::bookForCaller(const FollowUp &callback)
{
    const CallbackRequest &request = callback.callback;
    auto *dialog = new BookingDialog(m_session, QDateTime::currentDateTimeUtc(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    BookingPrefill prefill;
    prefill.name = request.callerName;
    prefill.phone = request.phone;
    prefill.email = request.email;
    prefill.providerId = request.providerId;
    // The nearest free slot when the call failed, else what the caller asked for.
    prefill.startsAt = request.alternatives.isEmpty() ? request.startsAt : request.alternatives.first();
    if (request.startsAt.isValid() && request.endsAt > request.startsAt)
        prefill.minutes = int(request.startsAt.secsTo(request.endsAt) / 60);
    prefill.service = request.service;
    dialog->prefill(prefill);
    const qint64 callbackId = callback.id;
    connect(dialog, &BookingDialog::booked, this, [this, callbackId](qint64 id, const QDateTime &startsAt) {
        statusBar()->showMessage(tr("Booked. The callback is done."), 5000);
        goToAppointment(id, startsAt);
        // The booking completes the callback itself when the caller's number or email is the
        // patient's; this covers a corrected number too. Done already is fine.
        m_session->send(this, Commands::completeFollowUp(callbackId, QStringLiteral("booked"), QString()),
                        [this](const CommandResult &result) {
                            if (!result.ok && result.code != u"ALREADY_DONE")
                                m_banner->showError(result.code, result.message);
                        });
    });
    dialog->open();
}

void MainWindow::updateWindowTitle()
{
    const qint64 open = m_session->followUps()->openCount();
    const QString name = m_session->clinic().isValid() ? m_session->clinic().name : QString();
    QString title = name.isEmpty() ? tr("Frontdesk") : tr("Frontdesk – %1").arg(name);
    if (open > 0)
        title += tr(" – open follow-ups: %1").arg(open);
    setWindowTitle(title);
    m_followUpCount->setText(tr("Follow-ups: %1").arg(open));
    m_followUpCount->setToolTip(tr("Open items in the follow-up queue (Ctrl+3)"));
}

void MainWindow::onAppointmentArrived(const Appointment &appointment)
{
    const QDateTime start = appointment.startsAt.toTimeZone(m_session->clinic().timeZone);
    QString when = clockTime(start.time());
    if (start.date() != m_session->day())
        when = QLocale().toString(start.date(), QLocale::ShortFormat) + u' ' + when;
    const QString message = tr("New booking: %1 at %2 with %3 (%4)")
                                .arg(appointment.patientName, when, appointment.providerName,
                                     displayText(appointment.source));
    statusBar()->showMessage(message, 10000);
    QApplication::alert(this);
    if (m_tray && DeskSettings::trayOnNewBooking())
        m_tray->showMessage(tr("New booking"), message, QSystemTrayIcon::Information, 8000);
    if (DeskSettings::soundOnNewBooking())
        QApplication::beep();
}

void MainWindow::showContextMenu(QWidget *view, const QPoint &position)
{
    if (!m_currentId)
        return;
    // Popped up, not exec()'d: the live views keep updating under it.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("appointmentContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const ActionId id : { ActionId::Confirm, ActionId::CheckIn, ActionId::Complete, ActionId::NoShow,
                               ActionId::Cancel, ActionId::Reschedule, ActionId::Reopen })
        menu->addAction(action(id));
    menu->addSeparator();
    menu->addAction(m_detailsDock->toggleViewAction());
    QWidget *viewport = view;
    if (auto *scrollArea = qobject_cast<QAbstractScrollArea *>(view))
        viewport = scrollArea->viewport();
    menu->popup(viewport->mapToGlobal(position));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    DeskSettings::setValue(DeskSettings::Key::MainWindowGeometry, saveGeometry());
    DeskSettings::setValue(DeskSettings::Key::MainWindowState, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace frontdesk
