#include "ActionSummary.h"

#include "commands/AppointmentActions.h"

#include <QCoreApplication>
#include <QLocale>

namespace frontdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ActionSummary", text);
}

QString when(const QDateTime &at, const QTimeZone &zone)
{
    return QLocale().toString(at.toTimeZone(zone), QStringLiteral("ddd d MMM HH:mm"));
}

QString verb(Operation operation)
{
    // The life cycle's actions are named as on their buttons.
    if (const auto action = actionOf(operation))
        return displayText(*action);
    switch (operation) {
    case Operation::Book: return tr("Book");
    case Operation::ClaimFollowUp: return tr("Take follow-up");
    case Operation::ReleaseFollowUp: return tr("Give back follow-up");
    case Operation::CompleteFollowUp: return tr("Follow-up done");
    case Operation::AddPatientNote: return tr("Note");
    default: return {};
    }
}

} // namespace

QString describeAction(const Command &command, const Appointment *appointment, const QTimeZone &zone)
{
    const QString what = verb(command.operation);
    switch (targetOf(command.operation)) {
    case CommandTarget::None: {
        // A booking's arguments: org, provider, start, end, name, ...
        const QDateTime start = command.arguments.value(2).toDateTime();
        return QStringLiteral("%1: %2, %3").arg(what, command.arguments.value(4).toString(), when(start, zone));
    }
    case CommandTarget::Appointment:
        if (appointment)
            return QStringLiteral("%1: %2, %3").arg(what, appointment->patientName, when(appointment->startsAt, zone));
        return QStringLiteral("%1: %2").arg(what, tr("appointment %1").arg(command.targetId));
    case CommandTarget::FollowUp:
        if (command.operation == Operation::CompleteFollowUp)
            return QStringLiteral("%1 (%2): #%3").arg(what, command.arguments.value(1).toString()).arg(command.targetId);
        return QStringLiteral("%1: #%2").arg(what).arg(command.targetId);
    case CommandTarget::Patient:
        return QStringLiteral("%1: %2").arg(what, command.arguments.value(1).toString().left(60));
    }
    return what;
}

} // namespace frontdesk
