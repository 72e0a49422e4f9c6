#pragma once

#include "commands/Command.h"
#include "domain/Appointment.h"

#include <QString>
#include <QTimeZone>

namespace frontdesk {

// What a staff action did, in words a receptionist reads in the outbox ("Cancel: Ada Lovelace,
// Tue 24 Nov 10:30"). `appointment` is the one it acts on when the desk has it, else null.
QString describeAction(const Command &command, const Appointment *appointment, const QTimeZone &zone);

} // namespace frontdesk
