#pragma once

#include "BenchCluster.h"

#include <string>
#include <vector>

namespace frontdesk::bench {

struct StormRun
{
    int desks = 0;
    // Per desk: the restart asked for to the desk online with the agent's booking, made right
    // after the server was back, in its day model.
    std::vector<double> caughtUpMs;
    int caughtUp = 0;
    // Per desk: the restart asked for to the desk online again (connected, subscribed, the feed
    // and its day read), whatever the agent was doing.
    std::vector<double> onlineMs;
    double serverBackMs = 0;         // the restart asked for to the server taking connections again
    double bookedMs = 0;             // ... to the agent's bookings made
    int peakConnections = 0;         // the desks' connections at once, polled from pg_stat_activity
    double serverCpuMs = 0;          // the server's processes, restart to the last desk caught up
    int newConnections = 0;          // the desks' connections opened after the restart
    int peakNewPer100Ms = 0;         // the most of them opened within one 100 ms
    double spreadMs = 0;             // the first of them to the last
};

// `perClinic` desks of each clinic show day `dayOffset`; then the server is restarted (or, with
// `terminate`, on a server shared with others, the desks' backends are terminated) and the agent
// books one appointment for each clinic as soon as it is back.
StormRun runReconnectStorm(const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics, int perClinic,
                           int dayOffset, bool terminate);

} // namespace frontdesk::bench
