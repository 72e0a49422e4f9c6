#include "RunningQuery.h"

#include "SqlStatement.h"

#include <libpq-fe.h>

#include <chrono>

namespace frontdesk {

namespace {

// How long the database thread waits for a cancel being sent before it goes on regardless.
constexpr std::chrono::seconds kCancelWait(1);

} // namespace

RunningQuery::Scope::Scope(RunningQuery &query, QSqlDatabase &db, quint64 generation)
    : m_query(query)
{
    PGconn *connection = nativeConnection(db);
    PGcancel *handle = connection ? PQgetCancel(connection) : nullptr;
    std::lock_guard<std::mutex> lock(m_query.m_mutex);
    m_query.m_handle = handle ? std::shared_ptr<PGcancel>(handle, PQfreeCancel) : nullptr;
    m_query.m_generation = generation;
}

RunningQuery::Scope::~Scope()
{
    std::unique_lock<std::mutex> lock(m_query.m_mutex);
    m_query.m_cancelSent.wait_for(lock, kCancelWait, [this] { return !m_query.m_cancelling; });
    m_query.m_handle.reset();
    m_query.m_generation = 0;
}

bool RunningQuery::runsOlderThan(quint64 latest) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_handle && m_generation < latest && !m_cancelling;
}

bool RunningQuery::cancelOlderThan(quint64 latest)
{
    std::shared_ptr<pg_cancel> handle;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        // One cancel at a time: the one on its way ends the running query for every newer request.
        if (!m_handle || m_generation >= latest || m_cancelling)
            return false;
        handle = m_handle;
        m_cancelling = true;
    }
    char error[256];
    const bool sent = PQcancel(handle.get(), error, int(sizeof error)) == 1;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_cancelling = false;
    }
    m_cancelSent.notify_all();
    return sent;
}

} // namespace frontdesk
