#pragma once

#include "BenchCluster.h"

#include <QString>

namespace frontdesk::bench {

struct ColdStart
{
    double toVisibleDayMs = 0;   // process start -> the day's rows in the shown window
    double residentMb = 0;       // resident memory at that moment
};

// Starts this program again as a desk (the real session and main window) or, for the
// baseline, as a bare Qt widget, and times it from exec to its first full picture.
ColdStart measureColdStart(const QString &program, const BenchCluster &cluster, const BenchDatabase &db,
                           bool baseline);

// The child's side: runs the desk on $FRONTDESK_BENCH_CONNINFO (or the bare widget) and prints
// "ready <resident kB>".
int runColdStartChild(qint64 orgId, bool baseline);

} // namespace frontdesk::bench
