#include "ScreenshotTaker.h"

#include "MainWindow.h"
#include "day/DayModel.h"
#include "followups/FollowUpPanel.h"
#include "followups/FollowUpQueueModel.h"
#include "services/ClinicSession.h"

#include <QCoreApplication>
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
    // The first new booking may be for another day: the window goes there and selects it.
    m_window->goToAppointment(appointment.id, appointment.startsAt);
    takeWhenShown();
}

void ScreenshotTaker::takeWhenShown()
{
    if (!m_waitingFor || m_saving)
        return;
    const int row = m_session->dayModel()->rowOf(m_waitingFor);
    if (row < 0)
        return;
    // Let the views lay out and paint the selection (and the details it shows) before grabbing.
    m_saving = true;
    QTimer::singleShot(600, this, &ScreenshotTaker::save);
}

void ScreenshotTaker::save()
{
    // The follow-up queue with an item shown (a callback when there is one): selected, never
    // claimed, so a screenshot takes no work from a desk.
    const FollowUpQueueModel *queue = m_session->followUps();
    int chosen = queue->rowCount() > 0 ? 0 : -1;
    for (int row = 0; row < queue->rowCount(); ++row) {
        if (queue->itemAt(row).kind == FollowUp::Kind::Callback) {
            chosen = row;
            break;
        }
    }
    if (chosen >= 0)
        m_window->followUpPanel()->selectItem(queue->itemAt(chosen).id);
    QCoreApplication::processEvents();

    const bool saved = m_window->grab().save(m_file, "PNG");
    QTextStream(saved ? stdout : stderr) << (saved ? "frontdesk: screenshot saved to " : "frontdesk: could not write ")
                                         << m_file << '\n';
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace frontdesk
