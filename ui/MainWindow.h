#pragma once

#include <QMainWindow>

class QDateEdit;
class QDockWidget;
class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;

namespace frontdesk {

class ActionRegistry;
class AppointmentActionController;
class AppointmentBookView;
class AppointmentDetailsPanel;
class ClinicSession;
class ConnectionStatusLabel;
class DayListPanel;
class FollowUpPanel;
class PatientDock;
struct FollowUp;
class MessageBanner;
class NewBookingsPanel;
class OutboxCountLabel;
class OutboxDock;
struct Appointment;
enum class ActionId;

// The desk's window. It only assembles: the day as the central widget (the appointment book and
// the list, one selection between them), the panels as docks whose layout is kept, and the
// actions of the registry in the menu bar, the toolbar and the context menus. It shows what the
// session's models hold and sends user actions to the session; it never touches the database.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ClinicSession *session, QWidget *parent = nullptr);

    QTableView *appointmentTable() const;
    AppointmentBookView *appointmentBook() const { return m_book; }
    QAction *action(ActionId id) const;
    qint64 currentAppointmentId() const { return m_currentId; }
    FollowUpPanel *followUpPanel() const { return m_followUps; }
    PatientDock *patientDock() const { return m_patientDock; }
    OutboxDock *outboxDock() const { return m_outboxDock; }

public Q_SLOTS:
    void openBookingDialog();
    // Books for a caller the AI agent could not book, from the follow-up queue; booking
    // completes the callback.
    void bookForCaller(const frontdesk::FollowUp &callback);
    // Shows the appointment's day and selects it, now or as soon as that day has been read.
    void goToAppointment(qint64 appointmentId, const QDateTime &startsAtUtc);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createCentralWidget();
    void createDocks();
    void createToolBar();
    void connectActions();
    void connectSession();
    void setCurrentAppointment(qint64 id);
    void selectPendingAppointment();
    void updateDayTitle();
    void updateWindowTitle();
    void updateDayNotice();
    void signOut();
    void updateClock();
    void onAppointmentArrived(const Appointment &appointment);
    void showContextMenu(QWidget *view, const QPoint &position);

    ClinicSession *m_session;
    ActionRegistry *m_actions;
    AppointmentActionController *m_statusActions = nullptr;
    QLabel *m_dayTitle;
    QLabel *m_dayNotice;
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    AppointmentBookView *m_book;
    DayListPanel *m_list;
    AppointmentDetailsPanel *m_details = nullptr;
    NewBookingsPanel *m_newBookings = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_newBookingsDock = nullptr;
    FollowUpPanel *m_followUps = nullptr;
    QDockWidget *m_followUpDock = nullptr;
    PatientDock *m_patientDock = nullptr;
    OutboxDock *m_outboxDock = nullptr;
    QDateEdit *m_dayPicker;
    QLabel *m_newCount;
    QLabel *m_followUpCount;
    OutboxCountLabel *m_outboxCount;
    QLabel *m_clinicClock;
    ConnectionStatusLabel *m_connection;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_currentId = 0;
    qint64 m_pendingSelection = 0;
    bool m_syncingSelection = false;
};

} // namespace frontdesk
