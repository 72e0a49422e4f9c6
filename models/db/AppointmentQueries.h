#pragma once

#include "db/DatabaseJob.h"
#include "domain/AppointmentHistory.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace frontdesk {

// The statements about one appointment that the details panel runs. Reads for
// ClinicSession::read(), and the blocking calls they wrap (worker thread, tests, tools).
namespace AppointmentQueries {

// The appointment's events, oldest first, read from frontdesk.events under the login's
// row-level security (served by the index events_appointment). Another clinic's appointment has
// no events for this login: an empty history, never an error that would say it exists.
Result<AppointmentHistory> loadHistory(QSqlDatabase &db, qint64 orgId, qint64 appointmentId);
Read<AppointmentHistory> history(qint64 orgId, qint64 appointmentId);

} // namespace AppointmentQueries

} // namespace frontdesk
