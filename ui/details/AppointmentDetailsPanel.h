#pragma once

#include "domain/Appointment.h"
#include "domain/AppointmentHistory.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"
#include "domain/Result.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QListView;
class QStackedWidget;

namespace frontdesk {

class AppointmentHistoryModel;
class ClinicSession;
class MessageBanner;

// Everything stored about one appointment, and its history, for a dock beside the book: who,
// how to reach them, with whom, when, for what, its status and who booked it; then each event
// of its life in plain words. It follows the change feed and the day's rows, so what it shows is
// current; the history is read through the session, never on this thread, and an answer for an
// appointment no longer shown is dropped. Problems show in a banner inside the panel, with the
// fields still shown.
class AppointmentDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AppointmentDetailsPanel(ClinicSession *session, QWidget *parent = nullptr);

    // Shows the appointment with this id (one of the clinic's); 0 shows that nothing is selected.
    void showAppointment(qint64 appointmentId);
    qint64 appointmentId() const { return m_appointmentId; }
    // The shown history, for the dock's owner and tests.
    AppointmentHistoryModel *historyModel() const { return m_historyModel; }

private:
    Clinic clinic() const;
    void showPlaceholder(const QString &text);
    void showFields(const Appointment &appointment);
    // The shown appointment as the day's rows have it now, when it changed there.
    void followDayModel();
    void followChanges(const ChangeSet &changes);
    // Not among the shown day's rows: read it.
    void loadAppointment();
    void loadHistory();
    // Several signals of one change ask for the history: it is read once, after them.
    void queueHistoryLoad();
    void onHistoryLoaded(quint64 token, qint64 appointmentId, const Result<AppointmentHistory> &history);
    void showReadError(const Error &error, const QString &offlineText);
    QLabel *addField(QFormLayout *form, const QString &title, const char *objectName);

    ClinicSession *m_session;
    AppointmentHistoryModel *m_historyModel;
    qint64 m_appointmentId = 0;
    std::optional<Appointment> m_appointment;   // as last shown
    quint64 m_historyToken = 0;       // the history read whose answer is awaited; others are stale
    quint64 m_appointmentToken = 0;   // the same for reading the appointment itself
    bool m_historyQueued = false;
    bool m_historyFailed = false;

    MessageBanner *m_banner;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    QWidget *m_content;
    QLabel *m_patient;
    QLabel *m_phone;
    QLabel *m_email;
    QLabel *m_provider;
    QLabel *m_when;
    QLabel *m_duration;
    QLabel *m_service;
    QLabel *m_notes;
    QLabel *m_status;
    QLabel *m_bookedBy;
    QLabel *m_bookedAt;
    QListView *m_history;
};

} // namespace frontdesk
