#include "CallWatchdog.h"

#include "SqlStatement.h"
#include "Logging.h"

#include <libpq-fe.h>
#include <sys/socket.h>

namespace frontdesk {

CallWatchdog &CallWatchdog::shared()
{
    static CallWatchdog watchdog;
    return watchdog;
}

CallWatchdog::CallWatchdog()
    : m_thread([this] { run(); })
{
}

CallWatchdog::~CallWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

CallWatchdog::Watch CallWatchdog::watch(const std::vector<QSqlDatabase> &connections, std::chrono::milliseconds limit)
{
    Entry entry;
    entry.deadline = Clock::now() + limit;
    for (const QSqlDatabase &db : connections) {
        if (pg_conn *conn = nativeConnection(db)) {
            const int socket = PQsocket(conn);
            if (socket >= 0)
                entry.sockets.push_back(socket);
        }
    }
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        m_entries.emplace(id, std::move(entry));
    }
    m_wake.notify_all();   // the new deadline may be the nearest
    return Watch(this, id);
}

void CallWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        auto nearest = Clock::time_point::max();
        const auto now = Clock::now();
        for (auto &[id, entry] : m_entries) {
            if (entry.cut)
                continue;
            if (entry.deadline <= now) {
                // The watched call is still blocked in libpq: make its socket fail. The worker
                // holds the connection open until the watch ends, so the number is still its own.
                for (const int socket : entry.sockets)
                    ::shutdown(socket, SHUT_RDWR);
                entry.cut = true;
                ++m_cuts;
                qCWarning(lcDatabase) << "a database call ran past its deadline; its connection was cut";
            } else {
                nearest = std::min(nearest, entry.deadline);
            }
        }
        if (nearest == Clock::time_point::max())
            m_wake.wait(lock);
        else
            m_wake.wait_until(lock, nearest);
    }
}

void CallWatchdog::release(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
}

bool CallWatchdog::wasCut(std::uint64_t id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    return it != m_entries.end() && it->second.cut;
}

int CallWatchdog::cutsSoFar() const
{
    std::lock_guard lock(m_mutex);
    return m_cuts;
}

CallWatchdog::Watch::Watch(Watch &&other) noexcept
    : m_owner(other.m_owner)
    , m_id(other.m_id)
{
    other.m_owner = nullptr;
}

CallWatchdog::Watch::~Watch()
{
    if (m_owner)
        m_owner->release(m_id);
}

bool CallWatchdog::Watch::cut() const
{
    return m_owner && m_owner->wasCut(m_id);
}

} // namespace frontdesk
