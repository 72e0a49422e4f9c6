#include "RunningQuery.h"

#include "SqlStatement.h"

#include <libpq-fe.h>

namespace frontdesk {

RunningQuery::~RunningQuery()
{
    if (m_handle)
        PQfreeCancel(m_handle);
}

RunningQuery::Scope::Scope(RunningQuery &query, QSqlDatabase &db, quint64 generation)
    : m_query(query)
{
    PGconn *connection = nativeConnection(db);
    std::lock_guard<std::mutex> lock(m_query.m_mutex);
    m_query.m_handle = connection ? PQgetCancel(connection) : nullptr;
    m_query.m_generation = generation;
}

RunningQuery::Scope::~Scope()
{
    // Waits for a cancel being sent: only then may the connection carry anything else.
    std::lock_guard<std::mutex> lock(m_query.m_mutex);
    if (m_query.m_handle)
        PQfreeCancel(m_query.m_handle);
    m_query.m_handle = nullptr;
    m_query.m_generation = 0;
}

bool RunningQuery::runsOlderThan(quint64 latest) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_handle && m_generation < latest;
}

bool RunningQuery::cancelOlderThan(quint64 latest)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_handle || m_generation >= latest)
        return false;
    char error[256];
    return PQcancel(m_handle, error, int(sizeof error)) == 1;
}

} // namespace frontdesk
