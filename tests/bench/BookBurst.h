#pragma once

#include "BenchCluster.h"
#include "PacedAgent.h"

#include <QSize>

#include <string>
#include <vector>

namespace frontdesk::bench {

struct BookBurstRun
{
    // Commit -> the block painted in the book (with the window), or -> the row in the day model
    // (without it: the baseline).
    std::vector<double> latenciesMs;
    std::vector<double> modelLatenciesMs;   // commit -> the row in the day model, in both runs
    // The GUI thread during the burst: how late each tick of a 2 ms timer came, and the longest.
    std::vector<double> tickDelaysMs;
    double longestStallMs = 0;
    std::vector<double> paintMs;            // each paint of the book's viewport during the burst
    double guiCpuMs = 0;                    // the GUI thread's CPU time from the burst's start to its end
    double burstMs = 0;                     // and the time that took
    int reached = 0;                        // bookings of the burst that got there (painted, or in the model)
    std::vector<Cell> cells;                // the burst's slots
    std::string view;                       // what the window showed, in words
};

// "The book under a burst": `preseed` five-minute AI bookings are made on day `dayOffset` (in the
// afternoon, from 13:00, out of the book's view), then the desk's real session and, with
// `windowSize` valid, its real main window, shown at that size on the book tab, show that day
// from its start (07:00); then the agent books `burst` more at `perSecond` into the slots the book
// shows whole, from 07:00 down, column by column as laid out on screen. A block counts as on
// screen when a paint of the book's viewport has drawn it whole: see BookBurst.cpp. Without a
// window (the baseline) the burst goes into `cells`, which must then be given.
BookBurstRun runBookBurst(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int preseed, int burst,
                          double perSecond, QSize windowSize, const std::vector<Cell> &cells = {});

} // namespace frontdesk::bench
