#pragma once

#include "commands/AppointmentActions.h"

#include <QObject>

class QAction;
class QTimer;
class QWidget;

namespace frontdesk {

class ActionRegistry;
class ClinicSession;
class MessageBanner;
struct Appointment;

// The status actions on the desk's current appointment: each enabled exactly where the
// database would accept it (commands/AppointmentActions.h), with the reason in its tooltip when
// not, and carried out through the session. Results come back through the change feed like any
// other change; a refusal shows in the window's banner in plain words.
class AppointmentActionController : public QObject
{
    Q_OBJECT

public:
    AppointmentActionController(ClinicSession *session, ActionRegistry *registry, MessageBanner *banner,
                                QWidget *window);

    void setCurrentAppointment(qint64 id);
    qint64 currentAppointment() const { return m_current; }
    QAction *actionFor(AppointmentAction action) const;
    void refresh();

Q_SIGNALS:
    // Said in the status bar: what was done.
    void done(const QString &message);
    // A reschedule went through: the window shows the new day and selects it.
    void moved(qint64 appointmentId, const QDateTime &startsAtUtc);

private:
    void trigger(AppointmentAction action);
    void send(AppointmentAction action, const Appointment &appointment);
    const Appointment *current() const;

    ClinicSession *m_session;
    ActionRegistry *m_registry;
    MessageBanner *m_banner;
    qint64 m_waitingNoticeFor = 0;   // the appointment whose "already waiting" warning shows
    QWidget *m_window;
    QTimer *m_tick;
    qint64 m_current = 0;
};

} // namespace frontdesk
