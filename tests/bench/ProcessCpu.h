#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <map>
#include <thread>
#include <vector>

namespace frontdesk::bench {

// CPU time (user + system) from /proc, in milliseconds, at the kernel's tick (10 ms): a figure
// built from it sums many processes or threads over seconds. -1 when the process is gone.
double processCpuMs(qint64 pid);
// A thread of this process, by its kernel id.
double threadCpuMs(qint64 tid);
// The calling thread's kernel id.
qint64 currentThreadId();

// The CPU a server's processes used over a window: the postmaster and all its children (backends
// and auxiliary processes), sampled on a thread of its own, so that a backend that exits during
// the window counts up to its last sample and a restarted server's new processes count too.
class ServerCpuSampler
{
public:
    // postmasterPid is asked again at every sample: a restart changes it.
    explicit ServerCpuSampler(std::function<qint64()> postmasterPid, int intervalMs = 50);
    ~ServerCpuSampler();

    void start();
    // The CPU used since start(), in milliseconds.
    double stop();

private:
    void sample(bool first);

    std::function<qint64()> m_postmasterPid;
    int m_intervalMs;
    std::map<qint64, std::pair<double, double>> m_seen;   // pid -> CPU at its first sample, at its last
    std::atomic<bool> m_running { false };
    std::thread m_thread;
};

} // namespace frontdesk::bench
