#pragma once

#include "Command.h"
#include "domain/Appointment.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace frontdesk {

// What the desk can do to an appointment (the clinic database's life cycle).
enum class AppointmentAction { Confirm, CheckIn, Complete, Cancel, NoShow, Reschedule, Reopen };
inline constexpr AppointmentAction kAppointmentActions[] = {
    AppointmentAction::Confirm, AppointmentAction::CheckIn, AppointmentAction::Complete, AppointmentAction::Cancel,
    AppointmentAction::NoShow, AppointmentAction::Reschedule, AppointmentAction::Reopen,
};

// Whether the database would accept the action now, and if not, why, in plain words. The same
// rules as frontdesk.apply_appointment_action (resources/migrations/README.md, "life cycle");
// tst_appointmentactions holds the two together. The database still decides: a slot taken
// meanwhile, for one, is only known there.
struct ActionCheck
{
    bool allowed = false;
    QString reason;   // empty when allowed
};

struct ActionContext
{
    QDateTime nowUtc;
    QTimeZone clinicZone;
    bool isManager = false;
};

ActionCheck checkAction(AppointmentAction action, const Appointment &appointment, const ActionContext &context);

// The action's name as a person reads it ("Check in").
QString displayText(AppointmentAction action);

// The life-cycle action a command performs; nullopt for a command that is not one.
std::optional<AppointmentAction> actionOf(Operation operation);

// The command for the actions that need nothing more than the appointment (not cancel, which
// needs a reason, nor reschedule, which needs a time).
Command simpleCommand(AppointmentAction action, qint64 appointmentId);

} // namespace frontdesk
