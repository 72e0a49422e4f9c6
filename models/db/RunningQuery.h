#pragma once

#include <QSqlDatabase>
#include <QtGlobal>

#include <mutex>

struct pg_cancel;

namespace frontdesk {

// The one query of a kind (the patient search) that runs on the database thread now, with the
// generation of the request it answers, so that a newer request can cancel it instead of waiting
// behind it. Shared between the thread that asks and the database thread.
//
// A cancel is sent only while the query runs: the database thread clears the handle, under the
// same lock, before it sends anything else on the connection, so a cancel can never hit a later
// statement (and one that reaches an idle server session is ignored by PostgreSQL).
class RunningQuery
{
public:
    RunningQuery() = default;
    ~RunningQuery();
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

    // Whether a query of a generation older than `latest` runs now.
    bool runsOlderThan(quint64 latest) const;
    // Any thread but the GUI's: asks the server to cancel the running query if its generation is
    // older than `latest`. Blocks for a connection to the server (a fraction of a millisecond
    // on a local network; as long as the connection takes on a bad one). True when sent.
    bool cancelOlderThan(quint64 latest);

private:
    mutable std::mutex m_mutex;
    pg_cancel *m_handle = nullptr;
    quint64 m_generation = 0;
};

} // namespace frontdesk
