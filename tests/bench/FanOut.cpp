#include "FanOut.h"

#include "DeskFleet.h"
#include "PacedAgent.h"
#include "PgClient.h"
#include "ProcessCpu.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>

namespace frontdesk::bench {

namespace {

constexpr int kQuietListeners = 10;

// Commit to the row in every one of `desks` for each booking of `agent`; counts those that reached all.
void latenciesToEveryDesk(const DeskFleet &fleet, const std::vector<int> &desks, PacedAgent &agent,
                          std::vector<double> *out, int *reachedAll)
{
    for (const auto &[id, committedAt] : agent.committed()) {
        Clock::time_point last = committedAt;
        bool everyDesk = true;
        for (const int desk : desks) {
            const Clock::time_point *at = fleet.arrivalOf(desk, id);
            if (!at) {
                everyDesk = false;
                break;
            }
            last = std::max(last, *at);
        }
        if (everyDesk) {
            out->push_back(std::chrono::duration<double, std::milli>(last - committedAt).count());
            ++*reachedAll;
        }
    }
}

bool everyBookingArrived(const DeskFleet &fleet, const std::vector<int> &desks, PacedAgent &agent, size_t expected)
{
    const auto committed = agent.committed();
    if (committed.size() < expected)
        return false;
    for (const auto &[id, at] : committed) {
        for (const int desk : desks) {
            if (!fleet.arrivalOf(desk, id))
                return false;
        }
    }
    return true;
}

// Books `count` bookings at `perSecond` on a thread of its own, agent after agent.
std::thread bookInTurn(std::vector<std::unique_ptr<PacedAgent>> &agents, int count, double perSecond,
                       std::string *error, std::atomic<bool> *done)
{
    return std::thread([&agents, count, perSecond, error, done] {
        const auto begin = Clock::now();
        try {
            for (int i = 0; i < count; ++i) {
                std::this_thread::sleep_until(begin + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double>(double(i) / perSecond)));
                agents[size_t(i) % agents.size()]->bookNow(1);
            }
        } catch (const std::exception &e) {
            *error = e.what();
        }
        *done = true;
    });
}

double sumCpuMs(const std::vector<qint64> &pids, double (*cpuOf)(qint64))
{
    double total = 0;
    for (const qint64 pid : pids)
        total += std::max(0.0, cpuOf(pid));
    return total;
}

// The CPU of some processes or threads over a window with commits, less what they use idle for as long.
struct CostWindow
{
    std::vector<qint64> pids;
    double (*cpuOf)(qint64);
    double idleMs = 0, busyMs = 0;
    double commitCostMs(double idleSeconds, double busySeconds) const
    {
        return std::max(0.0, busyMs - idleMs * busySeconds / idleSeconds);
    }
};

} // namespace

FanOutRun runFanOut(const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics, int perClinic,
                    int dayOffset, int bookings, double perSecond, int costBookings)
{
    FanOutRun run;
    const std::string dbname = clinics.front().name;
    PgClient server(cluster.superuser(dbname));
    // Counts the desks' change feed reads (plpgsql calls) in pg_stat_user_functions.
    server.exec("alter database " + dbname + " set track_functions = 'pl'");

    // The baseline: one desk alone.
    {
        DeskFleet alone(cluster, { clinics.front() }, 1, dayOffset + 1);
        alone.startAll(30000);
        PacedAgent agent(cluster, clinics.front(), dayOffset + 1);
        const int count = std::min(bookings, 200);
        agent.start(count, perSecond);
        const std::vector<int> desk { 0 };
        DeskFleet::waitUntil([&] { return everyBookingArrived(alone, desk, agent, size_t(count)); },
                             int(count / perSecond * 1000) + 15000);
        agent.join();
        int reached = 0;
        latenciesToEveryDesk(alone, desk, agent, &run.aloneMs, &reached);
    }

    DeskFleet fleet(cluster, clinics, perClinic, dayOffset);
    run.desks = fleet.size();
    run.clinics = int(clinics.size());
    fleet.startAll(120000);
    std::vector<std::unique_ptr<PacedAgent>> agents;
    for (const BenchDatabase &clinic : clinics)
        agents.push_back(std::make_unique<PacedAgent>(cluster, clinic, dayOffset));

    // Every clinic's desks, the agent booking each clinic in turn.
    {
        std::string error;
        std::atomic<bool> booked { false };
        std::thread booking = bookInTurn(agents, bookings, perSecond, &error, &booked);
        const size_t clinicCount = agents.size();
        // Checked only once the agent is done: the check runs on the GUI thread, as the desks do.
        DeskFleet::waitUntil([&] {
            if (!booked)
                return false;
            for (size_t c = 0; c < clinicCount; ++c) {
                const size_t expected = (size_t(bookings) + clinicCount - 1 - c) / clinicCount;
                if (!everyBookingArrived(fleet, fleet.desksOf(int(c)), *agents[c], expected))
                    return false;
            }
            return true;
        }, int(bookings / perSecond * 1000) + 20000);
        booking.join();
        if (!error.empty())
            throw std::runtime_error(error);
        run.bookings = bookings;
        for (size_t c = 0; c < agents.size(); ++c)
            latenciesToEveryDesk(fleet, fleet.desksOf(int(c)), *agents[c], &run.everyDeskMs, &run.reachedEveryDesk);
    }

    // What the other clinics' desks pay while the agent books the first clinic alone.
    PgClient doorbells(cluster.login(clinics.front().deskLogin, dbname));
    doorbells.exec("listen frontdesk_changes");
    std::vector<std::unique_ptr<PgClient>> quiet;
    CostWindow quietBackends { {}, &processCpuMs };
    for (int i = 0; i < kQuietListeners; ++i) {
        quiet.push_back(std::make_unique<PgClient>(cluster.login(clinics.front().deskLogin, dbname)));
        quiet.back()->exec("listen frontdesk_changes_nobody");
        quietBackends.pids.push_back(std::stoll(quiet.back()->value("select pg_backend_pid()")));
    }
    CostWindow otherBackends { {}, &processCpuMs }, otherThreads { {}, &threadCpuMs };
    std::vector<const char *> otherLogins;
    for (size_t c = 1; c < clinics.size(); ++c)
        otherLogins.push_back(clinics[c].deskLogin.c_str());
    std::string loginList = "{";
    for (const char *login : otherLogins)
        loginList += std::string(loginList.size() > 1 ? "," : "") + login;
    loginList += "}";
    for (const std::string &pid : server.column("select pid from pg_stat_activity where usename = any($1::text[])",
                                                { loginList.c_str() }))
        otherBackends.pids.push_back(std::stoll(pid));
    for (int desk = 0; desk < fleet.size(); ++desk) {
        if (fleet.clinicOf(desk) != 0)
            otherThreads.pids.push_back(fleet.databaseThreadId(desk));
    }
    run.otherDesks = int(otherThreads.pids.size());
    run.ownDesks = fleet.size() - run.otherDesks;
    if (otherBackends.pids.size() != size_t(2 * run.otherDesks))
        throw std::runtime_error("the other clinics' desks hold " + std::to_string(otherBackends.pids.size())
                                 + " connections, not two each");
    PacedAgent &agent = *agents.front();
    CostWindow agentBackend { { agent.backendPid() }, &processCpuMs };
    const std::vector<CostWindow *> windows { &otherBackends, &otherThreads, &quietBackends, &agentBackend };
    auto cpuNow = [&windows](double CostWindow::*into, int sign) {
        for (CostWindow *w : windows)
            w->*into += sign * sumCpuMs(w->pids, w->cpuOf);
    };
    auto feedReads = [&server] {
        return std::stod(server.value("select coalesce(sum(calls), 0) from pg_stat_user_functions"
                                      " where funcname = 'changes_since'"));
    };

    const double idleSeconds = std::max(1.0, costBookings / perSecond / 2);
    auto stamp = Clock::now();
    cpuNow(&CostWindow::idleMs, -1);
    DeskFleet::waitUntil([] { return false; }, int(idleSeconds * 1000));
    cpuNow(&CostWindow::idleMs, +1);
    const double idleTook = std::chrono::duration<double>(Clock::now() - stamp).count();
    // An idle backend flushes its statistics within a second; a busy one once a second at most.
    DeskFleet::waitUntil([] { return false; }, 1500);
    const double readsBefore = feedReads();
    const size_t bookedBefore = agent.committed().size();
    const std::vector<int> ownDesks = fleet.desksOf(0);

    stamp = Clock::now();
    cpuNow(&CostWindow::busyMs, -1);
    agent.start(costBookings, perSecond);
    DeskFleet::waitUntil([&] { return everyBookingArrived(fleet, ownDesks, agent, bookedBefore + size_t(costBookings)); },
                         int(costBookings / perSecond * 1000) + 20000);
    agent.join();
    cpuNow(&CostWindow::busyMs, +1);
    const double busyTook = std::chrono::duration<double>(Clock::now() - stamp).count();
    DeskFleet::waitUntil([] { return false; }, 1500);
    const double readsAfter = feedReads();

    PQconsumeInput(doorbells.native());
    int rung = 0;
    while (PGnotify *n = PQnotifies(doorbells.native())) {
        ++rung;
        PQfreemem(n);
    }
    run.costCommits = costBookings;
    const double perCommitUs = 1000.0 / costBookings;
    run.wakeupsPerCommit = double(rung) / costBookings;
    run.otherBackendsUs = otherBackends.commitCostMs(idleTook, busyTook) * perCommitUs / run.otherDesks;
    run.otherThreadUs = otherThreads.commitCostMs(idleTook, busyTook) * perCommitUs / run.otherDesks;
    run.quietBackendUs = quietBackends.commitCostMs(idleTook, busyTook) * perCommitUs / kQuietListeners;
    run.bookingServerUs = agentBackend.commitCostMs(idleTook, busyTook) * perCommitUs;
    run.feedReadsPerCommit = (readsAfter - readsBefore) / costBookings;
    server.exec("alter database " + dbname + " reset track_functions");
    return run;
}

} // namespace frontdesk::bench
