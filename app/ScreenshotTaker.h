#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

namespace frontdesk {

class ClinicSession;
class MainWindow;
struct Appointment;

// For `frontdesk --screenshot FILE`: waits until a booking from the AI agent arrives live,
// brings its day on screen, saves a PNG of the main window and quits (exit code 0), or
// gives up after a time limit (exit code 1).
class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    ScreenshotTaker(ClinicSession *session, MainWindow *window, QString file, int timeoutSeconds);

private:
    void onArrived(const Appointment &appointment);
    void takeWhenShown();
    void save();

    ClinicSession *m_session;
    MainWindow *m_window;
    QString m_file;
    QDateTime m_startedAt;
    qint64 m_waitingFor = 0;
    bool m_saving = false;
    QTimer m_deadline;
};

} // namespace frontdesk
