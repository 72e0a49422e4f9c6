#pragma once

#include "BenchCluster.h"
#include "PgClient.h"

#include <QtGlobal>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace frontdesk::bench {

using Clock = std::chrono::steady_clock;

// One five-minute slot of a live day: the provider (its index among the clinic's providers in id
// order) and the step after 07:00. The bench clinic is open 07:00 to 21:00 (UTC), so 168 steps a
// provider: 20 providers hold 3,360 appointments a day.
struct Cell
{
    int provider = 0;
    int step = 0;
};
constexpr int kStepsPerDay = 168;

// The AI agent, as the agent login on a connection and a thread of its own: books five-minute
// appointments on one day, now (the day's earlier bookings) or at a steady pace, and notes when
// each booking's call returned (its commit, timed on the booking side). Without cells it books the
// day's slots in order: every provider at 07:00, then every provider at 07:05, and so on.
class PacedAgent
{
public:
    PacedAgent(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset);
    ~PacedAgent();

    const std::vector<std::string> &providerIds() const { return m_providers; }
    // The agent's server process (for its CPU); only while no paced bookings run.
    qint64 backendPid() { return std::stoll(m_client.value("select pg_backend_pid()")); }

    // Books as fast as it can, on this thread.
    void bookNow(int count);
    void bookNow(const std::vector<Cell> &cells);
    // Books at `perSecond` on its own thread, from now on.
    void start(int count, double perSecond);
    void start(std::vector<Cell> cells, double perSecond);
    // Waits for the paced bookings; throws what stopped them, if anything did.
    void join();

    // Each booking's appointment id and when its call returned.
    std::map<qint64, Clock::time_point> committed();

private:
    Cell nextInOrder();
    void claim(const std::vector<Cell> &cells);
    std::pair<qint64, Clock::time_point> bookOne(Cell cell);

    PgClient m_client;
    std::string m_org, m_day;
    int m_inOrder = 0;
    std::vector<std::string> m_providers;
    std::vector<bool> m_taken;
    std::thread m_thread;
    std::mutex m_mutex;
    std::map<qint64, Clock::time_point> m_committedAt;
    std::string m_error;
};

// Milliseconds from each appointment's commit to its time in `reached`, for those in both.
std::vector<double> latencies(const std::map<qint64, Clock::time_point> &committed,
                              const std::map<qint64, Clock::time_point> &reached);

} // namespace frontdesk::bench
