#include "AppointmentActionController.h"

#include "ActionRegistry.h"
#include "BookingDialog.h"
#include "CancelDialog.h"
#include "common/Confirmation.h"
#include "common/MessageBanner.h"
#include "day/DayModel.h"
#include "outbox/Outbox.h"
#include "outbox/PendingActions.h"
#include "services/ClinicSession.h"

#include <QAction>
#include <QTimer>
#include <QWidget>

namespace frontdesk {

namespace {

ActionId idOf(AppointmentAction action)
{
    switch (action) {
    case AppointmentAction::Confirm: return ActionId::Confirm;
    case AppointmentAction::CheckIn: return ActionId::CheckIn;
    case AppointmentAction::Complete: return ActionId::Complete;
    case AppointmentAction::Cancel: return ActionId::Cancel;
    case AppointmentAction::NoShow: return ActionId::NoShow;
    case AppointmentAction::Reschedule: return ActionId::Reschedule;
    case AppointmentAction::Reopen: return ActionId::Reopen;
    }
    return ActionId::Confirm;
}

} // namespace

AppointmentActionController::AppointmentActionController(ClinicSession *session, ActionRegistry *registry,
                                                         MessageBanner *banner, QWidget *window)
    : QObject(window), m_session(session), m_registry(registry), m_banner(banner), m_window(window),
      m_tick(new QTimer(this))
{
    for (const AppointmentAction action : kAppointmentActions)
        connect(actionFor(action), &QAction::triggered, this, [this, action] { trigger(action); });
    // What the current appointment allows changes with it, with the connection, and with the
    // clock (a no-show only after the start; check in only on the day).
    connect(session->dayModel(), &QAbstractItemModel::dataChanged, this, &AppointmentActionController::refresh);
    connect(session->dayModel(), &QAbstractItemModel::modelReset, this, &AppointmentActionController::refresh);
    connect(session->dayModel(), &QAbstractItemModel::rowsRemoved, this, &AppointmentActionController::refresh);
    connect(session, &ClinicSession::connectionStateChanged, this, &AppointmentActionController::refresh);
    connect(session->outbox(), &Outbox::opened, this, &AppointmentActionController::refresh);
    // "Already waiting" is true only while it waits: once sent (or decided), the warning goes.
    connect(session->outbox(), &Outbox::entriesChanged, this, [this] {
        if (m_waitingNoticeFor != 0 && !m_session->outbox()->holdsAppointment(m_waitingNoticeFor)) {
            m_waitingNoticeFor = 0;
            if (m_banner->kind() == MessageBanner::Kind::Warning)
                m_banner->clear();
        }
    });
    connect(session, &ClinicSession::userChanged, this, &AppointmentActionController::refresh);
    connect(m_tick, &QTimer::timeout, this, &AppointmentActionController::refresh);
    m_tick->start(30 * 1000);
    refresh();
}

QAction *AppointmentActionController::actionFor(AppointmentAction action) const
{
    return m_registry->action(idOf(action));
}

void AppointmentActionController::setCurrentAppointment(qint64 id)
{
    m_current = id;
    refresh();
}

const Appointment *AppointmentActionController::current() const
{
    return m_current ? m_session->dayModel()->appointment(m_current) : nullptr;
}

void AppointmentActionController::refresh()
{
    const Appointment *appointment = current();
    const ActionContext context{ QDateTime::currentDateTimeUtc(), m_session->clinic().timeZone,
                                 m_session->user().isManager };
    for (const AppointmentAction action : kAppointmentActions) {
        QAction *qaction = actionFor(action);
        QString reason;
        if (!appointment)
            reason = tr("Select an appointment first.");
        else if (isProvisional(appointment->id))
            reason = tr("Not booked yet: the booking is kept on this PC until the clinic database has it.");
        else if (!m_session->canTakeActions())
            reason = tr("Needs the connection to the clinic database.");
        else
            reason = checkAction(action, *appointment, context).reason;
        qaction->setEnabled(reason.isEmpty());
        const QString name = displayText(action);
        const QString shortcut = qaction->shortcut().toString(QKeySequence::NativeText);
        const QString label = shortcut.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, shortcut);
        qaction->setToolTip(reason.isEmpty() ? label : QStringLiteral("%1 – %2").arg(label, reason));
        qaction->setStatusTip(reason);
    }
}

void AppointmentActionController::trigger(AppointmentAction action)
{
    refresh();
    const Appointment *appointment = current();
    // A shortcut or a stale menu must never get past the rules the buttons follow.
    if (!appointment || !actionFor(action)->isEnabled())
        return;
    const Appointment target = *appointment;
    switch (action) {
    case AppointmentAction::Cancel: {
        auto *dialog = new CancelDialog(m_session, target, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, target] {
            Q_EMIT done(tr("Cancelled: %1").arg(target.patientName));
        });
        dialog->open();
        return;
    }
    case AppointmentAction::Reschedule: {
        auto *dialog = new BookingDialog(m_session, target, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &BookingDialog::booked, this, [this, target](qint64 id, const QDateTime &startsAt) {
            Q_EMIT done(tr("Rescheduled: %1").arg(target.patientName));
            Q_EMIT moved(id, startsAt);
        });
        dialog->open();
        return;
    }
    case AppointmentAction::NoShow:
        Confirmation::ask(m_window, tr("No-show"),
                          tr("Mark %1 as not having come? This frees the slot; only a manager can undo it.")
                              .arg(target.patientName),
                          tr("Mark &no-show"), [this, target] { send(AppointmentAction::NoShow, target); });
        return;
    case AppointmentAction::Confirm:
    case AppointmentAction::CheckIn:
    case AppointmentAction::Complete:
    case AppointmentAction::Reopen:
        send(action, target);
        return;
    }
}

void AppointmentActionController::send(AppointmentAction action, const Appointment &appointment)
{
    m_banner->clear();
    m_waitingNoticeFor = 0;
    m_session->send(this, simpleCommand(action, appointment.id), [this, action, appointment](const CommandResult &result) {
        if (result.isKept()) {
            Q_EMIT done(tr("%1: %2 (kept on this PC, sent when the connection is back)")
                            .arg(displayText(action), appointment.patientName));
            return;
        }
        if (result.code == u"ALREADY_WAITING") {
            // Pressing the key again is no second request: say that the first one is kept.
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("%1: %2 is already waiting to be sent. It is done once, when the connection "
                                     "is back.").arg(displayText(action), appointment.patientName),
                                  result.code);
            m_waitingNoticeFor = appointment.id;
            return;
        }
        if (!result.ok) {
            m_banner->showError(result.code, result.message);
            return;
        }
        Q_EMIT done(tr("%1: %2").arg(displayText(action), appointment.patientName));
    });
}

} // namespace frontdesk
