#pragma once

#include "domain/Result.h"

#include <QMetaType>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace frontdesk {

// A read of the clinic database: a function of the connection returning its value. The query
// files (db/*Queries.h) make them; ClinicSession::read() runs them on the database thread.
template <typename T>
using Read = std::function<Result<T>(QSqlDatabase &db)>;

// What a job leaves behind: the error it met, if any (so that a lost connection is noticed), and
// the delivery of its answer, run on the thread of whoever listens to the worker's answerReady.
struct JobOutcome
{
    std::optional<Error> failure;
    std::function<void()> deliver;
};

// One unit of work for the database thread: it gets the query connection, or nullptr while the
// desk is not online.
using DatabaseJob = std::function<JobOutcome(QSqlDatabase *db)>;

// The error of anything asked for while the database cannot be reached.
inline Error offlineError()
{
    return Error{ QStringLiteral("OFFLINE"), QStringLiteral("not connected to the clinic database") };
}

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::JobOutcome)
