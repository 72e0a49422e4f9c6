#pragma once

#include "db/DatabaseJob.h"
#include "domain/FollowUp.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace frontdesk {

// The open part of the follow-up queue: its oldest items, and how many there are in all.
struct FollowUpQueue
{
    FollowUpList items;   // oldest first
    qint64 openCount = 0;
};

// The statements the follow-up queue runs. Reads for ClinicSession::read(), and the blocking calls
// they wrap (worker thread, tests, tools).
namespace FollowUpQueries {

// The clinic's items that are not done, oldest first: at most `limit` SMS and calendar entries and
// at most `limit` callbacks, read under the login's row-level security (served by the partial
// indexes follow_ups_open_messages and follow_ups_open_callbacks).
Result<FollowUpQueue> loadOpen(QSqlDatabase &db, qint64 orgId, int limit);
Read<FollowUpQueue> open(qint64 orgId, int limit = 200);

// One item as it is now, done or not; nullopt when this login cannot see it.
Result<std::optional<FollowUp>> loadOne(QSqlDatabase &db, qint64 followUpId);

} // namespace FollowUpQueries

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::FollowUpQueue)
