#include "ProcessCpu.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>

namespace frontdesk::bench {

namespace {

// The fields of /proc/.../stat after the command name (which may hold spaces and parentheses):
// [0] state, [1] ppid, ..., [11] utime, [12] stime.
QList<QByteArray> statFields(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    const int close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).split(' ');
}

double cpuMsOf(const QString &statPath)
{
    const QList<QByteArray> fields = statFields(statPath);
    if (fields.size() < 13)
        return -1;
    static const double msPerTick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    return double(fields[11].toLongLong() + fields[12].toLongLong()) * msPerTick;
}

std::vector<qint64> processAndChildren(qint64 parent)
{
    std::vector<qint64> pids { parent };
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QList<QByteArray> fields = statFields(QStringLiteral("/proc/%1/stat").arg(pid));
        if (fields.size() > 1 && fields[1].toLongLong() == parent)
            pids.push_back(pid);
    }
    return pids;
}

} // namespace

double processCpuMs(qint64 pid)
{
    return cpuMsOf(QStringLiteral("/proc/%1/stat").arg(pid));
}

double threadCpuMs(qint64 tid)
{
    return cpuMsOf(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
}

qint64 currentThreadId()
{
    return qint64(syscall(SYS_gettid));
}

ServerCpuSampler::ServerCpuSampler(std::function<qint64()> postmasterPid, int intervalMs)
    : m_postmasterPid(std::move(postmasterPid))
    , m_intervalMs(intervalMs)
{
}

ServerCpuSampler::~ServerCpuSampler()
{
    if (m_running)
        stop();
}

void ServerCpuSampler::sample(bool first)
{
    const qint64 postmaster = m_postmasterPid();
    if (postmaster <= 0)
        return;   // between a stop and a start
    for (const qint64 pid : processAndChildren(postmaster)) {
        const double cpu = processCpuMs(pid);
        if (cpu < 0)
            continue;
        // A process already running when the window opened counts from there; one born in it, whole.
        auto [it, inserted] = m_seen.try_emplace(pid, first ? cpu : 0.0, cpu);
        if (!inserted)
            it->second.second = cpu;
    }
}

void ServerCpuSampler::start()
{
    m_seen.clear();
    sample(true);
    m_running = true;
    m_thread = std::thread([this] {
        while (m_running) {
            std::this_thread::sleep_for(std::chrono::milliseconds(m_intervalMs));
            sample(false);
        }
    });
}

double ServerCpuSampler::stop()
{
    m_running = false;
    if (m_thread.joinable())
        m_thread.join();
    sample(false);
    double total = 0;
    for (const auto &[pid, cpu] : m_seen)
        total += cpu.second - cpu.first;
    return total;
}

} // namespace frontdesk::bench
