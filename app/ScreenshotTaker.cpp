#include "ScreenshotTaker.h"

#include "MainWindow.h"
#include "day/DayModel.h"
#include "services/ClinicSession.h"

#include <QCoreApplication>
#include <QTableView>
#include <QTextStream>

namespace frontdesk {

ScreenshotTaker::ScreenshotTaker(ClinicSession *session, MainWindow *window, QString file, int timeoutSeconds)
    : QObject(window), m_session(session), m_window(window), m_file(std::move(file))
{
    m_startedAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    connect(session, &ClinicSession::changesArrived, this, [this](const ChangeSet &changes) {
        for (const Appointment &a : changes.appointments)
            onArrived(a);
    });
    connect(session->dayModel(), &QAbstractItemModel::modelReset, this, &ScreenshotTaker::takeWhenShown);
    connect(session->dayModel(), &QAbstractItemModel::rowsInserted, this, &ScreenshotTaker::takeWhenShown);
    connect(&m_deadline, &QTimer::timeout, this, [] {
        QTextStream(stderr) << "frontdesk: no booking from the AI agent arrived in time; no screenshot taken\n";
        QCoreApplication::exit(1);
    });
    m_deadline.setSingleShot(true);
    m_deadline.start(timeoutSeconds * 1000);
}

void ScreenshotTaker::onArrived(const Appointment &appointment)
{
    if (m_waitingFor || appointment.source != BookingSource::AiVoice || appointment.createdAt < m_startedAt)
        return;
    m_waitingFor = appointment.id;
    const QDate day = appointment.startsAt.toTimeZone(m_session->clinic().timeZone).date();
    if (day != m_session->day())
        m_session->showDay(day);   // the first new booking may be for another day: go there
    else
        takeWhenShown();
}

void ScreenshotTaker::takeWhenShown()
{
    if (!m_waitingFor || m_saving)
        return;
    const int row = m_session->dayModel()->rowOf(m_waitingFor);
    if (row < 0)
        return;
    // Let the view lay out and paint the new row before grabbing.
    m_saving = true;
    m_window->appointmentTable()->scrollTo(m_session->dayModel()->index(row, 0));
    QTimer::singleShot(400, this, &ScreenshotTaker::save);
}

void ScreenshotTaker::save()
{
    const bool saved = m_window->grab().save(m_file, "PNG");
    QTextStream(saved ? stdout : stderr) << (saved ? "frontdesk: screenshot saved to " : "frontdesk: could not write ")
                                         << m_file << '\n';
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace frontdesk
