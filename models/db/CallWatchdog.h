#pragma once

#include <QSqlDatabase>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace frontdesk {

// Cuts a call to the clinic database that has run past its deadline. QPSQL blocks inside libpq
// with no time limit of its own, and a paused server or a cable pulled without a FIN never
// answers: statement_timeout is the server's and a stalled server never applies it, TCP
// keepalives are answered by the server's kernel. Shutting the connection's socket down from
// here makes the blocked call fail at once, as if the connection had dropped, and the worker
// then reconnects as it would after any loss.
//
// One thread serves every worker of the process; it sleeps until the next deadline (no polling).
class CallWatchdog
{
public:
    using Clock = std::chrono::steady_clock;

    static CallWatchdog &shared();

    CallWatchdog();
    ~CallWatchdog();
    CallWatchdog(const CallWatchdog &) = delete;
    CallWatchdog &operator=(const CallWatchdog &) = delete;

    // Watches the connections' sockets while it lives. Keep the connections open while a watch
    // holds them: the socket numbers must not be reused under it.
    class Watch
    {
    public:
        Watch(Watch &&other) noexcept;
        Watch &operator=(Watch &&) = delete;
        ~Watch();
        // Whether the deadline passed and the connections were cut.
        bool cut() const;

    private:
        friend class CallWatchdog;
        Watch(CallWatchdog *owner, std::uint64_t id) : m_owner(owner), m_id(id) { }
        CallWatchdog *m_owner;
        std::uint64_t m_id;
    };

    Watch watch(const std::vector<QSqlDatabase> &connections, std::chrono::milliseconds limit);

    // How many watches were cut since the process started: for tests and the log.
    int cutsSoFar() const;

private:
    struct Entry
    {
        std::vector<int> sockets;
        Clock::time_point deadline;
        bool cut = false;
    };

    void run();
    void release(std::uint64_t id);
    bool wasCut(std::uint64_t id) const;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextId = 1;
    int m_cuts = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace frontdesk
