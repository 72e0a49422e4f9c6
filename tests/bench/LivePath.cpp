#include "LivePath.h"

#include "MainWindow.h"
#include "PgClient.h"
#include "Workload.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "db/ConnectionSettings.h"
#include "services/ClinicSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTimer>

#include <poll.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace frontdesk::bench {

namespace {

using Clock = std::chrono::steady_clock;

// Five-minute appointments from 07:00, provider by provider: 20 providers fill 3,360 a day.
const char kShortBookingSql[] = R"sql(
    select frontdesk.book_appointment_atomic($1::bigint, $2::bigint,
        ((current_date + $3::integer) + time '07:00' + $4::integer * interval '5 minutes') at time zone 'UTC',
        ((current_date + $3::integer) + time '07:05' + $4::integer * interval '5 minutes') at time zone 'UTC',
        $5, $6, null, 'ai_voice', $7)::text)sql";

// Books at a steady pace on its own thread, as the AI agent does, and notes when each booking's
// call returned (its commit, timed on the booking side).
class PacedAgent
{
public:
    PacedAgent(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int firstSlot)
        : m_client(cluster.login(db.agentLogin, db.name))
        , m_org(std::to_string(db.orgId))
        , m_day(std::to_string(dayOffset))
        , m_firstSlot(firstSlot)
    {
        PgClient desk(cluster.login(db.deskLogin, db.name));
        m_providers = desk.column("select id from frontdesk.providers where org_id = " + m_org + " order by id");
    }

    // Books `count` now, as fast as it can (the day's earlier bookings).
    void bookNow(int count) { for (int i = 0; i < count; ++i) bookOne(); }

    void start(int count, double perSecond)
    {
        m_thread = std::thread([this, count, perSecond] {
            const auto begin = Clock::now();
            for (int i = 0; i < count; ++i) {
                std::this_thread::sleep_until(begin + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double>(i / perSecond)));
                const auto [id, at] = bookOne();
                std::lock_guard<std::mutex> lock(m_mutex);
                m_committedAt[id] = at;
            }
        });
    }
    void join() { if (m_thread.joinable()) m_thread.join(); }
    ~PacedAgent() { join(); }

    std::map<qint64, Clock::time_point> committed()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_committedAt;
    }

private:
    std::pair<qint64, Clock::time_point> bookOne()
    {
        const int slot = m_firstSlot + m_booked++;
        const std::string provider = m_providers.at(size_t(slot) % m_providers.size());
        const std::string when = std::to_string(slot / int(m_providers.size()));
        const long serial = 60000000L + long(std::stoi(m_day)) * 10000 + slot;
        const std::string answer = m_client.value(kShortBookingSql, { m_org.c_str(), provider.c_str(), m_day.c_str(),
            when.c_str(), patientName(serial).c_str(), phoneNumber(serial).c_str(),
            ("live-" + std::to_string(serial)).c_str() });
        const auto at = Clock::now();
        const auto key = answer.find("\"appointment_id\": ");
        if (answer.rfind("{\"ok\": true", 0) != 0 || key == std::string::npos)
            throw std::runtime_error("a live booking was refused: " + answer);
        return { std::stoll(answer.substr(key + 18)), at };
    }

    PgClient m_client;
    std::string m_org, m_day;
    int m_firstSlot;
    int m_booked = 0;
    std::vector<std::string> m_providers;
    std::thread m_thread;
    std::mutex m_mutex;
    std::map<qint64, Clock::time_point> m_committedAt;
};

std::vector<double> latencies(const std::map<qint64, Clock::time_point> &committed,
                              const std::map<qint64, Clock::time_point> &arrived)
{
    std::vector<double> out;
    for (const auto &[id, at] : arrived) {
        const auto commit = committed.find(id);
        if (commit != committed.end())
            out.push_back(std::chrono::duration<double, std::milli>(at - commit->second).count());
    }
    return out;
}

} // namespace

LiveRun runLiveDesk(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int bookings, double perSecond,
                    int preseed, bool withWindow)
{
    PacedAgent agent(cluster, db, dayOffset, 0);
    agent.bookNow(preseed);

    auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.login(db.deskLogin, db.name))).value();
    ClinicSession session(settings, db.orgId);
    std::unique_ptr<MainWindow> window;
    if (withWindow) {
        window = std::make_unique<MainWindow>(&session);
        window->show();
    }
    const QDate day = QDate::currentDate().addDays(dayOffset);
    session.showDay(day);

    std::map<qint64, Clock::time_point> arrived;
    QObject::connect(session.newBookings(), &NewBookingsModel::arrived, session.dayModel(),
                     [&arrived](const Appointment &a) { arrived.emplace(a.id, Clock::now()); });

    // Ready when the day, with its earlier bookings, is on screen.
    QEventLoop loading;
    QObject::connect(session.dayModel(), &DayModel::loadStateChanged, &loading, [&loading](DayModel::LoadState state) {
        if (state == DayModel::LoadState::Loaded)
            loading.quit();
    });
    QTimer::singleShot(30000, &loading, &QEventLoop::quit);
    session.start();
    loading.exec();
    if (session.dayModel()->day() != day)
        throw std::runtime_error("the desk did not show the benchmark's day");
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    // The GUI thread's stalls: the longest gap between two ticks of a short timer, less its period.
    LiveRun run;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(2);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        run.longestStallMs = std::max(run.longestStallMs, double(sinceTick.nsecsElapsed()) / 1e6 - 2.0);
        sinceTick.restart();
    });
    sinceTick.start();
    ticker.start();

    agent.start(bookings, perSecond);
    QEventLoop waiting;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, [&] {
        if (int(arrived.size()) >= bookings)
            waiting.quit();
    });
    check.start(20);
    QTimer::singleShot(int(bookings / perSecond * 1000) + 15000, &waiting, &QEventLoop::quit);
    waiting.exec();
    ticker.stop();
    agent.join();

    run.latenciesMs = latencies(agent.committed(), arrived);
    run.arrived = int(arrived.size());
    run.rowsOnDay = withWindow ? window->findChild<QTableView *>()->model()->rowCount()
                               : session.dayModel()->rowCount();
    run.rowsExpected = preseed + bookings;
    return run;
}

LiveRun runBareListener(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int bookings,
                        double perSecond)
{
    PgClient listener(cluster.login(db.deskLogin, db.name));
    listener.exec("listen frontdesk_changes");
    const std::string org = std::to_string(db.orgId);
    PacedAgent agent(cluster, db, dayOffset, 0);

    std::map<qint64, Clock::time_point> arrived;
    agent.start(bookings, perSecond);
    PGconn *conn = listener.native();
    const auto deadline = Clock::now() + std::chrono::seconds(int(bookings / perSecond) + 15);
    while (int(arrived.size()) < bookings && Clock::now() < deadline) {
        pollfd fd { PQsocket(conn), POLLIN, 0 };
        if (poll(&fd, 1, 100) <= 0)
            continue;
        PQconsumeInput(conn);
        while (PGnotify *n = PQnotifies(conn)) {
            const std::string payload = n->extra;
            PQfreemem(n);
            const auto key = payload.find("\"appointment_id\": ");
            if (payload.find("\"org_id\": " + org + ",") == std::string::npos || key == std::string::npos)
                continue;
            const std::string id = std::to_string(std::stoll(payload.substr(key + 18)));
            const std::string row = listener.value(
                "select a.id from frontdesk.appointments a join frontdesk.providers pr on pr.id = a.provider_id "
                "join frontdesk.patients pa on pa.id = a.patient_id where a.id = $1 and a.org_id = $2",
                { id.c_str(), org.c_str() });
            if (!row.empty())
                arrived.emplace(std::stoll(row), Clock::now());
        }
    }
    agent.join();
    LiveRun run;
    run.latenciesMs = latencies(agent.committed(), arrived);
    run.arrived = int(arrived.size());
    return run;
}

} // namespace frontdesk::bench
