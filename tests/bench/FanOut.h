#pragma once

#include "BenchCluster.h"

#include <vector>

namespace frontdesk::bench {

struct FanOutRun
{
    int desks = 0, clinics = 0;
    // Commit to the row in the day model of the last desk of its clinic, per booking, the agent
    // booking each clinic in turn; the baseline: one desk alone, its clinic booked at the same pace.
    std::vector<double> everyDeskMs, aloneMs;
    int bookings = 0, reachedEveryDesk = 0;

    // What a desk of another clinic pays for a commit, from a second run in which the agent books
    // one clinic only (the other desks' CPU while idle, their heartbeats, taken off):
    int costCommits = 0, otherDesks = 0;
    double wakeupsPerCommit = 0;        // doorbells a listener of the shared channel receives
    double otherBackendsUs = 0;         // server CPU of its two backends
    double otherThreadUs = 0;           // CPU of its database thread
    double quietBackendUs = 0;          // a backend listening on a channel nobody notifies (per-clinic channels)
    double feedReadsPerCommit = 0;      // changes_since calls of all desks together
    int ownDesks = 0;                   // the booked clinic's desks, which must read the feed
    double bookingServerUs = 0;         // the agent's backend, per booking: what the commit itself costs
};

// `perClinic` desks for each clinic of `clinics` (one database) showing day `dayOffset`; the
// agent books `bookings` at `perSecond`, clinic after clinic, then `costBookings` for the first
// clinic alone. The baseline desk alone shows day `dayOffset` + 1.
FanOutRun runFanOut(const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics, int perClinic,
                    int dayOffset, int bookings, double perSecond, int costBookings);

} // namespace frontdesk::bench
