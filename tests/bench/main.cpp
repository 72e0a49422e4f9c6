// frontdesk-bench: Frontdesk's speed at the size of a clinic group's history, every figure against
// a baseline measured in the same run. `./dev bench` starts its server and runs it; see README.
#include "BenchCluster.h"
#include "BookBurst.h"
#include "CallLatency.h"
#include "ColdStart.h"
#include "FanOut.h"
#include "LivePath.h"
#include "PatientSearchBench.h"
#include "PgClient.h"
#include "ReconnectStorm.h"
#include "Report.h"
#include "Stats.h"
#include "Workload.h"
#include "db/SqlStatement.h"
#include "settings/DeskSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <stdexcept>

using namespace frontdesk;
using namespace frontdesk::bench;

namespace {

// Where the benchmark books, in days from today, so that no two parts ever meet: free random
// slots for throughput, the storm's warm-up, the change feed's 1,000 bookings, single bookings,
// rescheduled appointments, the storms, and the live desk's and the book's days of short
// appointments. (CallLatency.cpp books on days 680 to 724.)
constexpr int kThroughputFirstDay = 40, kThroughputDays = 460;
constexpr int kLiveModelDay = 500, kLiveWindowDay = 501, kLiveBaselineDay = 502;
constexpr int kBookBurstDay = 503, kBookBaselineDay = 504;
// The main window for the book under a burst: a front desk's full-HD screen, the window maximised.
constexpr QSize kBookWindow(1920, 1080);
constexpr int kWarmUpFirstDay = 640, kWarmUpDays = 40;
constexpr int kStormBaselineFirstDay = 725, kStormDay = 729;
// The fleet's database is its own: the fan-out's desks show one day and its baseline the next;
// each reconnect storm books on a day of its own.
constexpr int kFanOutDay = 10, kReconnectStormDay = 12, kReconnectBaselineDay = 13;

struct Options
{
    bool quick = false;
    bool durable = true;
    int throughputRuns = 3;
    double throughputSeconds = 5;
    int callRepeats = 200;
    int stormRounds = 4;
    int liveBookings = 1000;
    int windowBookings = 500;
    int bookPreseed = 500;
    int bookBurst = 500;
    int coldStarts = 3;
    int searchTerms = 150;
    // Many desks in one process: the fan-out and the reconnect storm.
    int fleetClinics = 20;
    int fleetDesksPerClinic = 10;
    int fanOutBookings = 400;
    int fanOutCostBookings = 200;
    double fleetPace = 20;
    Scale scale;
};

std::string machine()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    QString model;
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                model = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    QString load;
    if (loadavg.open(QIODevice::ReadOnly))
        load = QString::fromUtf8(loadavg.readAll()).section(u' ', 0, 2);
    return QStringLiteral("%1 cores (%2), load average %3, %4")
        .arg(QThread::idealThreadCount()).arg(model, load, QSysInfo::prettyProductName()).toStdString();
}

std::vector<std::string> providerIds(const BenchCluster &cluster, const BenchDatabase &db)
{
    PgClient desk(cluster.login(db.deskLogin, db.name));
    return desk.column("select id from frontdesk.providers where org_id = " + std::to_string(db.orgId) + " order by id");
}

struct Throughput
{
    double bookingsPerSecond = 0, insertsPerSecond = 0, ratio = 0;
};

// Bookings on free random slots and the plain insert, run after run, alternating so that both see
// the same machine; the ratio is of the medians.
Throughput measureThroughput(Report &report, const BenchCluster &cluster, const BenchDatabase &db,
                             const std::string &label, const Options &options, double target, SlotSource &freeSlots)
{
    const auto providers = providerIds(cluster, db);
    std::vector<double> bookingRates, insertRates, bookingLatencies, insertLatencies;
    long refused = 0;
    SlotSource plainSlots(kThroughputFirstDay, kThroughputDays, int(providers.size()));   // another table
    for (int run = 0; run < options.throughputRuns; ++run) {
        const RateRun plain = runBookingRate(cluster, db, db.deskLogin, 8, options.throughputSeconds, plainSlots,
                                             providers, true);
        const RateRun booking = runBookingRate(cluster, db, db.deskLogin, 8, options.throughputSeconds, freeSlots,
                                               providers, false);
        insertRates.push_back(plain.perSecond);
        bookingRates.push_back(booking.perSecond);
        insertLatencies.insert(insertLatencies.end(), plain.latenciesMs.begin(), plain.latenciesMs.end());
        bookingLatencies.insert(bookingLatencies.end(), booking.latenciesMs.begin(), booking.latenciesMs.end());
        refused += booking.refused;
    }
    if (refused > 0)
        throw std::runtime_error(std::to_string(refused) + " bookings on free slots were refused");
    Throughput t { median(bookingRates), median(insertRates), 0 };
    t.ratio = t.bookingsPerSecond / t.insertsPerSecond;
    report.add({ label + ": bookings/s (p99: one call)", fixed(t.bookingsPerSecond, 0) + "/s", millis(p99(bookingLatencies)),
                 fixed(t.insertsPerSecond, 0) + " inserts/s", millis(p99(insertLatencies)), ratioText(t.ratio),
                 target > 0 ? "≥ " + ratioText(target) : "", target > 0 ? verdict(t.ratio >= target) : "" });
    return t;
}

void throughputSection(Report &report, const BenchCluster &cluster, const BenchDatabase &empty,
                       const BenchDatabase &scale, const Options &options, const std::string &server)
{
    report.section("Booking throughput, 8 clients, free random slots — " + server);
    // Both servers' runs book on the same databases: each slot is handed out once.
    static SlotSource emptySlots(kThroughputFirstDay, kThroughputDays, 20);
    static SlotSource scaleSlots(kThroughputFirstDay, kThroughputDays, 20);
    const Throughput onEmpty = measureThroughput(report, cluster, empty, "Empty database", options, 0.45, emptySlots);
    const Throughput onScale = measureThroughput(report, cluster, scale, "Clinic group's history", options, 0,
                                                 scaleSlots);
    const double kept = onScale.ratio / onEmpty.ratio;
    report.add({ "History's cost: scale ratio / empty ratio", ratioText(kept), "", "", "", "", "≥ 0.90x",
                 verdict(kept >= 0.9) });
}

// The plans of every statement, nested ones too, as the desk's and the agent's logins ran the
// calls (each several times: PL/pgSQL switches to a generic plan after five); the scans of large
// tables among them.
std::vector<std::string> sequentialScans(const BenchCluster &cluster, const BenchDatabase &db,
                                         const std::vector<Call> &calls, bool forbidSeqScan, int firstIndex,
                                         size_t *planCount)
{
    std::vector<std::string> plans, scans;
    {
        QSqlDatabase desk = openExplaining(cluster, db, db.deskLogin, QStringLiteral("bench-explain-desk"), &plans,
                                           forbidSeqScan);
        QSqlDatabase agent = openExplaining(cluster, db, db.agentLogin, QStringLiteral("bench-explain-agent"), &plans,
                                            forbidSeqScan);
        for (const Call &call : calls)
            timeCall(call, call.asAgent ? agent : desk, 8, firstIndex);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-explain-desk"));
    QSqlDatabase::removeDatabase(QStringLiteral("bench-explain-agent"));
    for (const std::string &plan : plans) {
        for (const std::string &scan : sequentialScansOfLargeTables(plan))
            scans.push_back(scan);
    }
    *planCount = plans.size();
    return scans;
}

// --plans: a check, not a measurement. On a small clinic with sequential scans priced out, a plan
// that still reads a large table in full has no index to use at any size. Exits 1 when one does.
int checkPlans(const BenchCluster &cluster)
{
    const Scale small { 20, 2000, 6000, 60, 30 };
    const BenchDatabase db = cluster.create("bench_plans", &small);
    const std::vector<Call> calls = clinicCalls(cluster, db, 10);
    size_t planCount = 0;
    const std::vector<std::string> scans = sequentialScans(cluster, db, calls, true, 0, &planCount);
    std::printf("%zu plans of %zu calls; %zu read a large table in full\n", planCount, calls.size(), scans.size());
    for (const std::string &scan : scans)
        std::printf("  %s\n", scan.c_str());
    return scans.empty() && planCount > calls.size() ? 0 : 1;
}

void fanOutSection(Report &report, const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics,
                   const Options &options)
{
    const int desks = options.fleetClinics * options.fleetDesksPerClinic;
    report.section("Fan-out: " + std::to_string(desks) + " desks of " + std::to_string(options.fleetClinics)
                   + " clinics listening in one process, the agent booking clinic after clinic at "
                   + fixed(options.fleetPace, 0) + "/s");
    const FanOutRun f = runFanOut(cluster, clinics, options.fleetDesksPerClinic, kFanOutDay, options.fanOutBookings,
                                  options.fleetPace, options.fanOutCostBookings);
    report.add({ "Commit to the row in every desk of its clinic (baseline: one desk alone)", millis(median(f.everyDeskMs)),
                 millis(p99(f.everyDeskMs)), millis(median(f.aloneMs)), millis(p99(f.aloneMs)),
                 ratioText(p99(f.everyDeskMs) / p99(f.aloneMs)), "", "" });
    report.add({ "Bookings in every desk of their clinic", std::to_string(f.reachedEveryDesk) + " of "
                 + std::to_string(f.bookings), "", "", "", "", "all", verdict(f.reachedEveryDesk == f.bookings) });
    report.add({ "Another clinic's desk, per commit: doorbells received", fixed(f.wakeupsPerCommit, 2), "", "", "", "",
                 "", "" });
    report.add({ "  its two backends' server CPU (baseline: a backend listening on a channel nobody notifies)",
                 micros(f.otherBackendsUs), "", micros(f.quietBackendUs), "",
                 f.quietBackendUs > 0 ? ratioText(f.otherBackendsUs / f.quietBackendUs) : "", "", "" });
    report.add({ "  its database thread's CPU", micros(f.otherThreadUs), "", "", "", "", "", "" });
    report.add({ "Change feed reads per commit (the booked clinic has " + std::to_string(f.ownDesks) + " desks)",
                 fixed(f.feedReadsPerCommit, 2), "", "", "", "", "", "" });
    const double othersUs = f.otherDesks * (f.otherBackendsUs + f.otherThreadUs);
    report.add({ "The " + std::to_string(f.otherDesks) + " other desks together, per commit: CPU (baseline: the "
                 "booking's own server CPU)", millis(othersUs / 1000), "", millis(f.bookingServerUs / 1000), "",
                 f.bookingServerUs > 0 ? ratioText(othersUs / f.bookingServerUs) : "", "", "" });
    const std::string note = "Fan-out: " + std::to_string(f.desks) + " real desk sessions (a database thread and two "
        "connections each) in one process, so the " + std::to_string(f.ownDesks) + " desks of a clinic update their "
        "day models one after another on one GUI thread. What another clinic's desk pays was measured over "
        + std::to_string(f.costCommits) + " bookings of one clinic, less the same desks' CPU while idle (their "
        "heartbeats); all clinics share the channel frontdesk_changes, so every desk's backend forwards every "
        "doorbell and every desk's database thread wakes to read it and drop another clinic's. Per-clinic channels "
        "would spare the thread and the socket; PostgreSQL 15 still signals every listening backend of the "
        "database, and the channel-nobody-notifies baseline is what that alone costs.";
    std::printf("   %s\n", note.c_str());
    report.note(note);
}

void reconnectStormSection(Report &report, const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics,
                           const Options &options)
{
    const int desks = options.fleetClinics * options.fleetDesksPerClinic;
    // CTest shares its server with other tests: the quick run cuts the desks' backends instead.
    const bool terminate = !options.durable;
    report.section("Reconnect storm: " + std::to_string(desks) + " desks of " + std::to_string(options.fleetClinics)
                   + " clinics, " + (terminate ? "their backends terminated (quick: the server is shared)"
                                               : "the server restarted"));
    const StormRun storm = runReconnectStorm(cluster, clinics, options.fleetDesksPerClinic, kReconnectStormDay,
                                             terminate);
    const StormRun one = runReconnectStorm(cluster, { clinics.front() }, 1, kReconnectBaselineDay, terminate);
    const double last = percentile(storm.onlineMs, 100), oneLast = percentile(one.onlineMs, 100);
    // In lock step every connection would fall in one 100 ms. A few desks spread evenly over the
    // first second still put a quarter of them in some 100 ms by chance: judged from 100 desks on.
    const bool judged = storm.desks >= 100;
    report.add({ "Restart to a desk online again (baseline: one desk alone)", millis(median(storm.onlineMs)),
                 millis(p99(storm.onlineMs)), millis(median(one.onlineMs)), millis(p99(one.onlineMs)),
                 ratioText(p99(storm.onlineMs) / p99(one.onlineMs)), "", "" });
    report.add({ "Restart to the last desk online again", millis(last), "", millis(oneLast), "",
                 ratioText(last / oneLast), "", "" });
    // The agent books only once the server is back, one clinic after another, in the storm: these
    // include its own time (see the note).
    report.add({ "Restart to a desk online with its clinic's booking made after the restart",
                 millis(median(storm.caughtUpMs)), millis(p99(storm.caughtUpMs)), millis(median(one.caughtUpMs)),
                 millis(p99(one.caughtUpMs)), "", "", "" });
    report.add({ "Desks online with the booking made after the restart", std::to_string(storm.caughtUp) + " of "
                 + std::to_string(storm.desks), "", "", "", "", "all", verdict(storm.caughtUp == storm.desks) });
    report.add({ "Server: the desks' peak connections", std::to_string(storm.peakConnections), "",
                 std::to_string(one.peakConnections), "", "", "", "" });
    report.add({ "Server CPU, restart to the last desk with its booking", millis(storm.serverCpuMs), "", millis(one.serverCpuMs),
                 "", one.serverCpuMs > 0 ? ratioText(storm.serverCpuMs / one.serverCpuMs) : "", "", "" });
    report.add({ "Desks' new connections in the busiest 100 ms (of " + std::to_string(storm.newConnections)
                 + ", opened over " + millis(storm.spreadMs) + ")", std::to_string(storm.peakNewPer100Ms), "",
                 std::to_string(one.peakNewPer100Ms), "", "", judged ? "< 20% of them" : "",
                 judged ? verdict(storm.peakNewPer100Ms < 0.2 * storm.newConnections) : "" });
    const std::string note = "Reconnect storm: " + std::string(terminate ? "the desks' backends were terminated" :
        "the server was restarted (pg_ctl stop -m fast, start)") + "; it took connections again after "
        + millis(storm.serverBackMs) + " (baseline run: " + millis(one.serverBackMs) + "), and the agent had booked "
        "one appointment for each clinic " + millis(storm.bookedMs) + " after the restart was asked for. Times run "
        "from the restart asked for; a desk is caught up when it is online with its clinic's booking in its day "
        "model. Connections are the desks' logins' in pg_stat_activity (polled every 20 ms from a connection of "
        "its own; opened: their backend_start), CPU the server's processes' utime + stime from /proc.";
    std::printf("   %s\n", note.c_str());
    report.note(note);
}

// Many desks in one process, on a database of small clinics of their own.
void fleetSections(Report &report, const BenchCluster &cluster, const Options &options)
{
    // Hundreds of desks log each connection and each failed attempt: only errors here.
    QLoggingCategory::setFilterRules(QStringLiteral("frontdesk.database.info=false\n"
                                                    "frontdesk.database.warning=false"));
    const std::vector<BenchDatabase> clinics = cluster.createClinics("bench_fleet", options.fleetClinics);
    fanOutSection(report, cluster, clinics, options);
    reconnectStormSection(report, cluster, clinics, options);
    QLoggingCategory::setFilterRules(QString());
}

void printTable(Report &report, const QString &outFile)
{
    report.note("Medians and p99 are over every call of every run; throughput is the median run's rate. Call latencies "
                "are round trips on loopback (the desk's reads through QPSQL, as the desk makes them); ratios divide "
                "the figure's median by the baseline's (for the windows, the storms and the fan-out, p99 by p99; for "
                "GUI stalls, the longest by the longest).");
    const std::string table = report.table();
    std::printf("\n%s", table.c_str());
    if (!outFile.isEmpty()) {
        QFile out(outFile);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(table.c_str());
    }
    std::printf("\n%d target(s) missed.\n", report.missed());
}

} // namespace

int main(int argc, char *argv[])
{
    // The desk's windows neither read nor write the settings of whoever runs the bench (window
    // size, docks, shown tab): every run starts from the defaults.
    QTemporaryDir settingsDir;
    DeskSettings::useFile(settingsDir.filePath(QStringLiteral("frontdesk-bench.ini")));
    // Nor their outboxes (the fleet's hundreds of desks keep theirs under the data folder).
    qputenv("XDG_DATA_HOME", settingsDir.path().toLocal8Bit());
    // The cold-start child is a desk process of its own.
    if (argc >= 3 && QByteArray(argv[1]) == "--cold-start") {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return runColdStartChild(QByteArray(argv[2]).toLongLong(), argc >= 4 && QByteArray(argv[3]) == "--baseline");
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Frontdesk's benchmark (run it with ./dev bench)."));
    parser.addHelpOption();
    const QCommandLineOption clusterOption(QStringLiteral("cluster"), QStringLiteral("The server's pgcluster.sh directory."),
                                           QStringLiteral("dir"));
    const QCommandLineOption scriptOption(QStringLiteral("pgcluster"), QStringLiteral("tests/pgcluster.sh, to restart it."),
                                          QStringLiteral("script"));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("A reduced set, in about a minute."));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Also write the table to FILE."),
                                       QStringLiteral("file"));
    const QCommandLineOption fleetOption(QStringLiteral("fleet"),
        QStringLiteral("Only the fan-out and the reconnect storm (many desks in one process)."));
    const QCommandLineOption plansOption(QStringLiteral("plans"),
        QStringLiteral("Only check that no call's plan reads a large table in full (exit 1 if one does)."));
    parser.addOptions({ clusterOption, scriptOption, quickOption, outOption, plansOption, fleetOption });
    parser.process(app);
    if (!parser.isSet(clusterOption) || !parser.isSet(scriptOption)) {
        std::fprintf(stderr, "frontdesk-bench: --cluster and --pgcluster are required (./dev bench sets them)\n");
        return 2;
    }

    if (parser.isSet(plansOption)) {
        try {
            return checkPlans(BenchCluster(parser.value(clusterOption), parser.value(scriptOption)));
        } catch (const std::exception &e) {
            std::fprintf(stderr, "frontdesk-bench: %s\n", e.what());
            return 1;
        }
    }

    Options options;
    if (parser.isSet(quickOption)) {
        options.quick = true;
        options.durable = false;   // CTest shares its server: no restarts
        options.throughputRuns = 1;
        options.throughputSeconds = 2;
        options.callRepeats = 30;
        options.stormRounds = 1;
        options.liveBookings = 200;
        options.windowBookings = 100;
        options.bookPreseed = 100;
        options.bookBurst = 100;
        options.coldStarts = 1;
        options.searchTerms = 30;
        options.fleetClinics = 4;
        options.fleetDesksPerClinic = 5;
        options.fanOutBookings = 20;
        options.fanOutCostBookings = 20;
        options.scale = { 20, 5000, 20000, 90, 30 };
    }

    Report report;
    if (parser.isSet(fleetOption)) {
        try {
            const BenchCluster cluster(parser.value(clusterOption), parser.value(scriptOption));
            report.note("Machine: " + machine() + ".");
            fleetSections(report, cluster, options);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "frontdesk-bench: %s\n", e.what());
            return 1;
        }
        printTable(report, parser.value(outOption));
        return 0;
    }
    try {
        const BenchCluster cluster(parser.value(clusterOption), parser.value(scriptOption));
        const std::string machineText = machine();
        std::printf("Machine: %s\n", machineText.c_str());
        std::printf("Seeding: %d providers, %d patients, %d appointments over %d days...\n", options.scale.providers,
                    options.scale.patients, options.scale.appointments, options.scale.daysBack + options.scale.daysAhead);
        std::fflush(stdout);
        QString seedSeconds;
        const BenchDatabase empty = cluster.create("bench_empty", nullptr);
        const BenchDatabase scale = cluster.create("bench_scale", &options.scale, &seedSeconds);
        {
            PgClient server(cluster.superuser(scale.name));
            report.note("Machine: " + machineText + ".");
            report.note("Scale database (seeded in " + seedSeconds.toStdString() + " s): "
                + server.value("select format('%s providers, %s patients, %s appointments, %s events, %s follow-ups, %s interactions',"
                               " (select count(*) from frontdesk.providers), (select count(*) from frontdesk.patients),"
                               " (select count(*) from frontdesk.appointments), (select count(*) from frontdesk.events),"
                               " (select count(*) from frontdesk.follow_ups), (select count(*) from frontdesk.interactions))")
                + "; the benchmarked clinic holds all but a small second clinic's share.");
        }
        const std::string throwaway = "throwaway server (" + cluster.durability() + ")";
        throughputSection(report, cluster, empty, scale, options, throwaway);

        report.section("200 requests at once, warm connections (clinic group's history)");
        {
            const auto providers = providerIds(cluster, scale);
            SlotSource warmUp(kWarmUpFirstDay, kWarmUpDays, int(providers.size()));
            std::vector<int> booked, spreadBooked;
            const auto spread = runStorm(cluster, scale, 200, options.stormRounds, providers, warmUp, false, kStormDay,
                                         kStormBaselineFirstDay, &spreadBooked);
            const auto storm = runStorm(cluster, scale, 200, options.stormRounds, providers, warmUp, true, kStormDay,
                                        kStormBaselineFirstDay, &booked);
            bool exactlyOne = true;
            std::string perRound;
            for (const int b : booked) {
                exactlyOne = exactlyOne && b == 1;
                perRound += (perRound.empty() ? "" : ", ") + std::to_string(b);
            }
            report.add({ "One slot: latency (baseline: 200 different slots)", millis(median(storm)), millis(p99(storm)),
                         millis(median(spread)), millis(p99(spread)), ratioText(p99(storm) / p99(spread)),
                         "p99 < 500 ms", verdict(p99(storm) < 500) });
            report.add({ "One slot: booked per round (of 200)", perRound, "", "", "", "", "exactly 1",
                         verdict(exactlyOne) });
        }

        report.section("Every call of the desk and the agent, as their logins (clinic group's history)");
        {
            std::vector<Call> calls = clinicCalls(cluster, scale, options.callRepeats);
            QSqlDatabase desk = openAs(cluster, scale, scale.deskLogin, QStringLiteral("bench-desk"));
            QSqlDatabase agent = openAs(cluster, scale, scale.agentLogin, QStringLiteral("bench-agent"));
            const Call roundTrip { "select 1", false, [](QSqlDatabase &c, int) {
                PQclear(PQexec(nativeConnection(c), "select 1"));
            } };
            timeCall(roundTrip, desk, 50);
            const std::vector<double> baseline = timeCall(roundTrip, desk, options.callRepeats);
            int index = 0;
            for (const Call &call : calls) {
                QSqlDatabase &c = call.asAgent ? agent : desk;
                timeCall(call, c, 10, index);   // warm: plans cached, as at a desk that has been open a while
                const std::vector<double> t = timeCall(call, c, options.callRepeats, index + 10);
                report.add({ call.name, millis(median(t)), millis(p99(t)), millis(median(baseline)), millis(p99(baseline)),
                             ratioText(median(t) / median(baseline)), "p99 < 20 ms", verdict(p99(t) < 20) });
            }

            size_t planCount = 0;
            const std::vector<std::string> scans = sequentialScans(cluster, scale, calls, false,
                                                                   index + 10 + options.callRepeats, &planCount);
            report.add({ "Plans reading a large table in full (of " + std::to_string(planCount) + " plans)",
                         std::to_string(scans.size()), "", "", "", "", "none", verdict(scans.empty()) });
            for (size_t i = 0; i < scans.size() && i < 5; ++i)
                report.note("Sequential scan: " + scans[i]);
        }
        for (const QString &name : { QStringLiteral("bench-desk"), QStringLiteral("bench-agent") })
            QSqlDatabase::removeDatabase(name);

        report.section("Patient search as you type: a real search panel on the desk's session (clinic group's history)");
        {
            const PatientSearchRun typing = runPatientSearchTyping(cluster, scale, options.searchTerms, 80);
            const auto &shown = typing.keystrokeToScreenMs;
            report.add({ "Keystroke to results on screen (baseline: the bare search_patients call)", millis(median(shown)),
                         millis(p99(shown)), millis(median(typing.bareCallMs)), millis(p99(typing.bareCallMs)),
                         ratioText(p99(shown) / p99(typing.bareCallMs)), "p99 < 50 ms", verdict(p99(shown) < 50) });
            report.add({ "  of them, two-character texts (" + std::to_string(typing.twoCharacterMs.size()) + ")",
                         millis(median(typing.twoCharacterMs)), millis(p99(typing.twoCharacterMs)),
                         millis(median(typing.twoCharacterBareMs)), millis(p99(typing.twoCharacterBareMs)),
                         ratioText(p99(typing.twoCharacterMs) / p99(typing.twoCharacterBareMs)), "", "" });
            report.add({ "  of them, longer texts (" + std::to_string(typing.longerMs.size()) + ")",
                         millis(median(typing.longerMs)), millis(p99(typing.longerMs)),
                         millis(median(typing.longerBareMs)), millis(p99(typing.longerBareMs)),
                         ratioText(p99(typing.longerMs) / p99(typing.longerBareMs)), "", "" });
            report.add({ "Searched keystrokes whose own results showed", std::to_string(typing.searchedKeystrokes - typing.overtaken)
                         + " of " + std::to_string(typing.searchedKeystrokes), "", "", "", "", "", "" });
            const std::string searchNote = "Patient search as you type: " + typing.typed + "; " + std::to_string(typing.queriesSent)
                + " queries sent, " + std::to_string(typing.skipped) + " skipped on the database thread (superseded before "
                "they ran), " + std::to_string(typing.cancelled) + " cancelled while they ran, " + std::to_string(typing.dropped)
                + " answers dropped (a newer text was asked for). A keystroke "
                "overtaken by a later one counts until the later one's results showed.";
            std::printf("   %s\n", searchNote.c_str());
            report.note(searchNote);
        }

        report.section("Live path: commit to the row in the desk's models, AI bookings at 100/s");
        {
            const LiveRun bare = runBareListener(cluster, scale, kLiveBaselineDay, options.liveBookings, 100);
            const LiveRun models = runLiveDesk(cluster, scale, kLiveModelDay, options.liveBookings, 100, 0, false);
            report.add({ "Desk's models (baseline: bare libpq LISTEN + SELECT)", millis(median(models.latenciesMs)),
                         millis(p99(models.latenciesMs)), millis(median(bare.latenciesMs)), millis(p99(bare.latenciesMs)),
                         ratioText(median(models.latenciesMs) / median(bare.latenciesMs)),
                         "p99 < 5 ms, p50 ≤ 1.5x",
                         verdict(p99(models.latenciesMs) < 5 && median(models.latenciesMs) <= 1.5 * median(bare.latenciesMs)) });
            report.add({ "Bookings that reached the models", std::to_string(models.arrived) + " of "
                         + std::to_string(options.liveBookings), "", "", "", "", "all",
                         verdict(models.arrived == options.liveBookings) });
            const int preseed = options.quick ? 100 : 500;
            const LiveRun window = runLiveDesk(cluster, scale, kLiveWindowDay, options.windowBookings, 100, preseed, true);
            report.add({ "Main window, " + std::to_string(preseed) + " rows on the day: latency",
                         millis(median(window.latenciesMs)), millis(p99(window.latenciesMs)),
                         millis(median(bare.latenciesMs)), millis(p99(bare.latenciesMs)),
                         ratioText(p99(window.latenciesMs) / p99(bare.latenciesMs)), "p99 < 10 ms",
                         verdict(p99(window.latenciesMs) < 10) });
            report.add({ "Main window: longest GUI stall", millis(window.longestStallMs), "", "", "", "", "< 50 ms",
                         verdict(window.longestStallMs < 50) });
            report.add({ "Main window: rows visible at the end", std::to_string(window.rowsOnDay) + " of "
                         + std::to_string(window.rowsExpected), "", "", "", "", "all",
                         verdict(window.rowsOnDay == window.rowsExpected) });
        }

        report.section("The book under a burst: " + std::to_string(options.bookBurst)
                       + " AI bookings at 100/s onto a day of " + std::to_string(options.bookPreseed)
                       + ", main window on the book tab");
        {
            const BookBurstRun book = runBookBurst(cluster, scale, kBookBurstDay, options.bookPreseed,
                                                   options.bookBurst, 100, kBookWindow);
            const BookBurstRun models = runBookBurst(cluster, scale, kBookBaselineDay, options.bookPreseed,
                                                     options.bookBurst, 100, QSize(), book.cells);
            report.add({ "Book: commit to the block painted (baseline: no window, to the row in the day model)",
                         millis(median(book.latenciesMs)), millis(p99(book.latenciesMs)),
                         millis(median(models.latenciesMs)), millis(p99(models.latenciesMs)),
                         ratioText(p99(book.latenciesMs) / p99(models.latenciesMs)), "p99 < 10 ms",
                         verdict(p99(book.latenciesMs) < 10) });
            report.add({ "Book: longest GUI stall (p99: a 2 ms tick's delay; baseline: no window)",
                         millis(book.longestStallMs), millis(p99(book.tickDelaysMs)), millis(models.longestStallMs),
                         millis(p99(models.tickDelaysMs)),
                         models.longestStallMs > 0 ? ratioText(book.longestStallMs / models.longestStallMs) : "",
                         "< 50 ms", verdict(book.longestStallMs < 50) });
            report.add({ "Book: blocks of the burst painted", std::to_string(book.reached) + " of "
                         + std::to_string(options.bookBurst), "", "", "", "", "all",
                         verdict(book.reached == options.bookBurst) });
            double paintTotal = 0;
            for (const double ms : book.paintMs)
                paintTotal += ms;
            const std::string bookNote = "The book under a burst: " + book.view + "; the burst booked from 07:00 down"
                " into those slots, the day's earlier bookings from 13:00. During the burst the book painted "
                + std::to_string(book.paintMs.size()) + " times (median " + millis(median(book.paintMs)) + ", p99 "
                + millis(p99(book.paintMs)) + ", longest " + millis(percentile(book.paintMs, 100))
                + "), the GUI thread was busy " + fixed(book.guiCpuMs / 1000, 2) + " s of "
                + fixed(book.burstMs / 1000, 2) + " s, " + fixed(paintTotal / 1000, 2) + " s of it painting the book"
                + " (baseline: " + fixed(models.guiCpuMs / 1000, 2) + " s of " + fixed(models.burstMs / 1000, 2)
                + " s), and commit to the row in the day model took median " + millis(median(book.modelLatenciesMs))
                + ", p99 " + millis(p99(book.modelLatenciesMs)) + " with the window.";
            std::printf("   %s\n", bookNote.c_str());
            report.note(bookNote);
        }

        report.section("Cold start to a visible day (today, clinic group's history)");
        {
            const QString program = QCoreApplication::applicationFilePath();
            std::vector<double> desk, deskMb, bare, bareMb;
            for (int i = 0; i < options.coldStarts; ++i) {
                const ColdStart b = measureColdStart(program, cluster, scale, true);
                const ColdStart d = measureColdStart(program, cluster, scale, false);
                bare.push_back(b.toVisibleDayMs);
                bareMb.push_back(b.residentMb);
                desk.push_back(d.toVisibleDayMs);
                deskMb.push_back(d.residentMb);
            }
            report.add({ "Start to today's rows on screen (baseline: a bare Qt window)", millis(median(desk)),
                         millis(percentile(desk, 99)), millis(median(bare)), millis(percentile(bare, 99)),
                         ratioText(median(desk) / median(bare)), "< 1 s", verdict(median(desk) < 1000) });
            report.add({ "Resident memory then", fixed(median(deskMb), 0) + " MB", "", fixed(median(bareMb), 0) + " MB", "",
                         ratioText(median(deskMb) / median(bareMb)), "< 150 MB", verdict(median(deskMb) < 150) });
        }

        fleetSections(report, cluster, options);

        if (options.durable) {
            cluster.restart(true);
            throughputSection(report, cluster, empty, scale, options, "as a clinic runs (" + cluster.durability() + ")");
            cluster.restart(false);
        } else {
            report.note("Quick run: the durable server's throughput (fsync and synchronous commit on) is measured by "
                        "the full `./dev bench` only.");
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "frontdesk-bench: %s\n", e.what());
        return 1;
    }

    printTable(report, parser.value(outOption));
    return 0;
}
