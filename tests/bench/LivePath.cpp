#include "LivePath.h"

#include "MainWindow.h"
#include "PacedAgent.h"
#include "PgClient.h"
#include "actions/ActionRegistry.h"
#include "day/DayModel.h"
#include "live/NewBookingsModel.h"
#include "db/ConnectionSettings.h"
#include "services/ClinicSession.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTimer>

#include <poll.h>

#include <chrono>
#include <map>
#include <stdexcept>

namespace frontdesk::bench {

LiveRun runLiveDesk(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int bookings, double perSecond,
                    int preseed, bool withWindow)
{
    PacedAgent agent(cluster, db, dayOffset);
    agent.bookNow(preseed);

    auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.login(db.deskLogin, db.name))).value();
    ClinicSession session(settings, db.orgId);
    std::unique_ptr<MainWindow> window;
    if (withWindow) {
        window = std::make_unique<MainWindow>(&session);
        window->show();
        // The list, as this figure has always measured it (the book has a figure of its own).
        window->action(ActionId::ShowList)->trigger();
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
    run.rowsOnDay = withWindow ? window->appointmentTable()->model()->rowCount()
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
    PacedAgent agent(cluster, db, dayOffset);

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
