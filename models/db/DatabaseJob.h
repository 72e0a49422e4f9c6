#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace frontdesk {

// A read of the clinic database: a function of the connection returning its value. The query
// files (db/*Queries.h) make them; ClinicSession::read() runs them on the database thread.
template <typename T>
using Read = std::function<Result<T>(QSqlDatabase &db)>;

// One unit of work for the database thread: it gets the query connection, or nullptr while the
// desk is not online, and returns the error it met, if any, so that a lost connection is noticed.
using DatabaseJob = std::function<std::optional<Error>(QSqlDatabase *db)>;

// The error of anything asked for while the database cannot be reached.
inline Error offlineError()
{
    return Error{ QStringLiteral("OFFLINE"), QStringLiteral("not connected to the clinic database") };
}

} // namespace frontdesk
