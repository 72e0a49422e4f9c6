#include "ReconnectStorm.h"

#include "DeskFleet.h"
#include "PacedAgent.h"
#include "PgClient.h"
#include "ProcessCpu.h"

#include <QDateTime>

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

namespace frontdesk::bench {

namespace {

// Polls the server's count of the desks' connections from a connection of its own, which it opens
// again whenever the server has dropped it; keeps the highest count seen.
class ConnectionPoller
{
public:
    ConnectionPoller(std::string conninfo, std::string loginPattern)
        : m_thread([this, conninfo = std::move(conninfo), pattern = std::move(loginPattern)] {
              PGconn *conn = nullptr;
              const char *params[] = { pattern.c_str() };
              while (m_running) {
                  if (!conn || PQstatus(conn) != CONNECTION_OK) {
                      if (conn)
                          PQfinish(conn);
                      conn = PQconnectdb((conninfo + " connect_timeout=2").c_str());
                  }
                  PGresult *result = PQexecParams(conn, "select count(*) from pg_stat_activity where usename like $1",
                                                  1, nullptr, params, nullptr, nullptr, 0);
                  if (PQresultStatus(result) == PGRES_TUPLES_OK)
                      m_peak = std::max(m_peak.load(), std::atoi(PQgetvalue(result, 0, 0)));
                  PQclear(result);
                  std::this_thread::sleep_for(std::chrono::milliseconds(20));
              }
              PQfinish(conn);
          })
    {
    }
    ~ConnectionPoller() { stop(); }
    int stop()
    {
        m_running = false;
        if (m_thread.joinable())
            m_thread.join();
        return m_peak;
    }

private:
    std::atomic<bool> m_running { true };
    std::atomic<int> m_peak { 0 };
    std::thread m_thread;
};

} // namespace

StormRun runReconnectStorm(const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics, int perClinic,
                           int dayOffset, bool terminate)
{
    StormRun run;
    const std::string dbname = clinics.front().name;
    const std::string deskLogins = "bench\\_desk\\_" + dbname + "\\_%";
    DeskFleet fleet(cluster, clinics, perClinic, dayOffset);
    run.desks = fleet.size();
    fleet.startAll(120000);
    // Past the first connections: what is polled from here on is the storm.
    DeskFleet::waitUntil([] { return false; }, 500);

    ConnectionPoller poller(cluster.superuser(), deskLogins);
    ServerCpuSampler cpu([&cluster] { return cluster.postmasterPid(); });
    const double epochAtRestartMs = double(QDateTime::currentMSecsSinceEpoch());
    cpu.start();
    const Clock::time_point outageBegan = Clock::now();

    // The restart and the agent's bookings on a thread of their own: the desks' answers are taken
    // on this one, which must keep running.
    std::atomic<bool> booked { false };
    std::string error;
    Clock::time_point serverBack, bookedAt;
    std::map<qint64, int> clinicOfBooking;
    std::thread outage([&] {
        try {
            if (terminate) {
                PgClient(cluster.superuser()).exec(
                    "select pg_terminate_backend(pid) from pg_stat_activity where usename like '" + deskLogins + "'");
            } else {
                cluster.restart(false);
            }
            serverBack = Clock::now();
            for (size_t c = 0; c < clinics.size(); ++c) {
                PacedAgent agent(cluster, clinics[c], dayOffset);
                agent.bookNow(1);
                clinicOfBooking.emplace(agent.committed().begin()->first, int(c));
            }
            bookedAt = Clock::now();
        } catch (const std::exception &e) {
            error = e.what();
        }
        booked = true;
    });
    DeskFleet::waitUntil([&booked] { return booked.load(); }, 120000);
    outage.join();
    if (!error.empty())
        throw std::runtime_error(error);
    std::vector<qint64> bookingOf(clinics.size(), 0);
    for (const auto &[id, clinic] : clinicOfBooking)
        bookingOf[size_t(clinic)] = id;
    auto caughtUp = [&](int desk) {
        return fleet.isOnline(desk) && fleet.onlineAt(desk) > outageBegan
            && fleet.arrivalOf(desk, bookingOf[size_t(fleet.clinicOf(desk))]);
    };
    DeskFleet::waitUntil([&] {
        for (int desk = 0; desk < fleet.size(); ++desk) {
            if (!caughtUp(desk))
                return false;
        }
        return true;
    }, 90000);
    run.serverCpuMs = cpu.stop();
    run.peakConnections = poller.stop();
    run.serverBackMs = std::chrono::duration<double, std::milli>(serverBack - outageBegan).count();
    run.bookedMs = std::chrono::duration<double, std::milli>(bookedAt - outageBegan).count();
    for (int desk = 0; desk < fleet.size(); ++desk) {
        if (!caughtUp(desk))
            continue;
        const Clock::time_point at = std::max(fleet.onlineAt(desk),
                                              *fleet.arrivalOf(desk, bookingOf[size_t(fleet.clinicOf(desk))]));
        run.caughtUpMs.push_back(std::chrono::duration<double, std::milli>(at - outageBegan).count());
        run.onlineMs.push_back(std::chrono::duration<double, std::milli>(fleet.onlineAt(desk) - outageBegan).count());
        ++run.caughtUp;
    }

    // The desks' connections as the server saw them open: how the jitter spread them.
    PgClient server(cluster.superuser());
    const std::string since = std::to_string(epochAtRestartMs / 1000.0);
    std::vector<double> opened;
    for (const std::string &ms : server.column(
             "select extract(epoch from backend_start) * 1000 from pg_stat_activity where usename like $1"
             " and backend_start >= to_timestamp($2::double precision)", { deskLogins.c_str(), since.c_str() }))
        opened.push_back(std::stod(ms));
    std::sort(opened.begin(), opened.end());
    run.newConnections = int(opened.size());
    if (!opened.empty()) {
        run.spreadMs = opened.back() - opened.front();
        for (size_t first = 0, last = 0; last < opened.size(); ++last) {
            while (opened[last] - opened[first] >= 100)
                ++first;
            run.peakNewPer100Ms = std::max(run.peakNewPer100Ms, int(last - first + 1));
        }
    }
    return run;
}

} // namespace frontdesk::bench
