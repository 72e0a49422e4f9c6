#include "AppointmentActions.h"

#include <QCoreApplication>

namespace frontdesk {

namespace {

bool isOneOf(AppointmentStatus status, std::initializer_list<AppointmentStatus> statuses)
{
    return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

ActionCheck allowed()
{
    return { true, {} };
}

ActionCheck refused(const QString &reason)
{
    return { false, reason };
}

} // namespace

ActionCheck checkAction(AppointmentAction action, const Appointment &a, const ActionContext &context)
{
    using S = AppointmentStatus;
    const bool open = isOneOf(a.status, { S::Booked, S::Confirmed });
    switch (action) {
    case AppointmentAction::Confirm:
        return a.status == S::Booked ? allowed() : refused(QCoreApplication::translate("AppointmentAction", "Only a booked appointment can be confirmed."));
    case AppointmentAction::CheckIn:
        if (!open)
            return refused(QCoreApplication::translate("AppointmentAction", "Only a booked or confirmed appointment can be checked in."));
        if (a.startsAt.toTimeZone(context.clinicZone).date() != context.nowUtc.toTimeZone(context.clinicZone).date())
            return refused(QCoreApplication::translate("AppointmentAction", "Patients can be checked in only on the day of their appointment."));
        return allowed();
    case AppointmentAction::Complete:
        return a.status == S::Arrived ? allowed() : refused(QCoreApplication::translate("AppointmentAction", "Only a checked-in appointment can be completed."));
    case AppointmentAction::Cancel:
        return open ? allowed() : refused(QCoreApplication::translate("AppointmentAction", "Only a booked or confirmed appointment can be cancelled."));
    case AppointmentAction::NoShow:
        if (!open)
            return refused(QCoreApplication::translate("AppointmentAction", "Only a booked or confirmed appointment can be marked as a no-show."));
        if (a.startsAt > context.nowUtc)
            return refused(QCoreApplication::translate("AppointmentAction", "A no-show can be marked only after the appointment's start."));
        return allowed();
    case AppointmentAction::Reschedule:
        return open ? allowed() : refused(QCoreApplication::translate("AppointmentAction", "Only a booked or confirmed appointment can be rescheduled."));
    case AppointmentAction::Reopen:
        if (!isOneOf(a.status, { S::Cancelled, S::NoShow }))
            return refused(QCoreApplication::translate("AppointmentAction", "Only a cancelled appointment or a no-show can be reopened."));
        if (!context.isManager)
            return refused(QCoreApplication::translate("AppointmentAction", "Only a manager can reopen an appointment."));
        if (a.startsAt < context.nowUtc)
            return refused(QCoreApplication::translate("AppointmentAction", "Only a future appointment can be reopened."));
        return allowed();
    }
    return refused({});
}

QString displayText(AppointmentAction action)
{
    switch (action) {
    case AppointmentAction::Confirm: return QCoreApplication::translate("AppointmentAction", "Confirm");
    case AppointmentAction::CheckIn: return QCoreApplication::translate("AppointmentAction", "Check in");
    case AppointmentAction::Complete: return QCoreApplication::translate("AppointmentAction", "Complete");
    case AppointmentAction::Cancel: return QCoreApplication::translate("AppointmentAction", "Cancel appointment");
    case AppointmentAction::NoShow: return QCoreApplication::translate("AppointmentAction", "No-show");
    case AppointmentAction::Reschedule: return QCoreApplication::translate("AppointmentAction", "Reschedule");
    case AppointmentAction::Reopen: return QCoreApplication::translate("AppointmentAction", "Reopen");
    }
    return {};
}

std::optional<AppointmentAction> actionOf(Operation operation)
{
    switch (operation) {
    case Operation::Confirm: return AppointmentAction::Confirm;
    case Operation::CheckIn: return AppointmentAction::CheckIn;
    case Operation::Complete: return AppointmentAction::Complete;
    case Operation::Cancel: return AppointmentAction::Cancel;
    case Operation::MarkNoShow: return AppointmentAction::NoShow;
    case Operation::Reschedule: return AppointmentAction::Reschedule;
    case Operation::Reopen: return AppointmentAction::Reopen;
    default: return std::nullopt;
    }
}

Command simpleCommand(AppointmentAction action, qint64 id)
{
    switch (action) {
    case AppointmentAction::Confirm: return Commands::confirm(id);
    case AppointmentAction::CheckIn: return Commands::checkIn(id);
    case AppointmentAction::Complete: return Commands::complete(id);
    case AppointmentAction::NoShow: return Commands::markNoShow(id);
    case AppointmentAction::Reopen: return Commands::reopen(id);
    case AppointmentAction::Cancel:
    case AppointmentAction::Reschedule:
        break;
    }
    Q_ASSERT_X(false, "simpleCommand", "cancel and reschedule need more than the appointment");
    return Commands::confirm(id);
}

} // namespace frontdesk
