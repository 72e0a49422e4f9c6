#pragma once

#include <QSqlDatabase>
#include <QtGlobal>

#include <condition_variable>
#include <memory>
#include <mutex>

struct pg_cancel;

namespace frontdesk {

// The one query of a kind (the patient search) that runs on the database thread now, with the
// generation of the request it answers, so that a newer request can cancel it instead of waiting
// behind it. Shared between the thread that asks and the database thread.
//
// A cancel is sent only while the query runs, and the database thread waits for a cancel being
// sent before it sends anything else on the connection, so a cancel never hits a later statement
// (one that reaches an idle server session is ignored by PostgreSQL). That wait is bounded: on a
// dead network sending a cancel can take as long as a TCP connect, and the database thread must
// go on to notice the lost connection.
class RunningQuery
{
public:
    RunningQuery() = default;
    RunningQuery(const RunningQuery &) = delete;
    RunningQuery &operator=(const RunningQuery &) = delete;

    // Database thread: `generation` runs on `db` for this scope's life.
    class Scope
    {
    public:
        Scope(RunningQuery &query, QSqlDatabase &db, quint64 generation);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        RunningQuery &m_query;
    };

    // Whether a query of a generation older than `latest` runs now, and no cancel is on its way.
    bool runsOlderThan(quint64 latest) const;
    // Any thread but the GUI's: asks the server to cancel the running query if its generation is
    // older than `latest`. Blocks for a connection to the server (a fraction of a millisecond on
    // a local network). True when the server took the request.
    bool cancelOlderThan(quint64 latest);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cancelSent;
    std::shared_ptr<pg_cancel> m_handle;   // shared: a cancel still being sent keeps it alive
    quint64 m_generation = 0;
    bool m_cancelling = false;
};

} // namespace frontdesk
