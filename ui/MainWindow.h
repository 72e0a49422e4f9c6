#pragma once

#include <QMainWindow>

class QAction;
class QDateEdit;
class QLabel;
class QTableView;

namespace frontdesk {

class ClinicSession;
class ConnectionStatusLabel;
struct Appointment;

// The desk's window: the selected day's appointments, live, with day navigation, booking
// and the connection state. It shows what the session's model holds and sends user actions
// to the session; it never touches the database.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ClinicSession *session, QWidget *parent = nullptr);

    QTableView *appointmentTable() const { return m_table; }
    QAction *bookAction() const { return m_book; }

public Q_SLOTS:
    void openBookingDialog();

private:
    void createActions();
    void updateDayTitle();
    void onAppointmentArrived(const Appointment &appointment);
    void markCurrentSeen();
    void fitColumnsSoon();
    void widenColumnsFor(int firstRow, int lastRow);

    ClinicSession *m_session;
    QTableView *m_table;
    QLabel *m_dayTitle;
    QDateEdit *m_dayPicker;
    QLabel *m_newCount;
    ConnectionStatusLabel *m_connection;
    QAction *m_previousDay = nullptr;
    QAction *m_today = nullptr;
    QAction *m_nextDay = nullptr;
    QAction *m_book = nullptr;
    bool m_columnFitPending = false;
};

} // namespace frontdesk
