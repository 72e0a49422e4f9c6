#pragma once

#include "BenchCluster.h"

#include <vector>

namespace frontdesk::bench {

struct LiveRun
{
    std::vector<double> latenciesMs;   // booking call returned -> the booking in the desk's models
    double longestStallMs = 0;         // the GUI thread's longest time away from its event loop
    int arrived = 0;
    int rowsOnDay = 0;                 // rows of the shown day at the end
    int rowsExpected = 0;
};

// The AI agent books `bookings` at `perSecond` on day `dayOffset` (short appointments, so a day
// holds thousands) while the desk's real session (worker thread, day model on this thread)
// shows that day; with `withWindow`, through the real main window, shown on its list tab.
// `preseed` bookings are made on the day before the desk starts.
LiveRun runLiveDesk(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int bookings, double perSecond,
                    int preseed, bool withWindow);

// The baseline: a bare libpq client that LISTENs, polls its socket and fetches the booked row
// with one SELECT, for the same bookings at the same pace.
LiveRun runBareListener(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int bookings,
                        double perSecond);

} // namespace frontdesk::bench
