#pragma once

#include "BenchCluster.h"

#include <atomic>
#include <string>
#include <vector>

namespace frontdesk::bench {

// Distinct free slots, spread at random over a band of future days, never handed out twice:
// slot k of the band is the k-th of a fixed permutation of (day, half hour, provider).
class SlotSource
{
public:
    SlotSource(int firstDay, int days, int providers) : m_firstDay(firstDay), m_days(days), m_providers(providers) {}
    struct Slot { int dayOffset; int halfHour; int provider; long serial; };
    Slot next();

private:
    int m_firstDay, m_days, m_providers;
    std::atomic<long> m_next { 0 };
};

// A caller of a letters-only name and a valid US number, different for every serial.
std::string patientName(long serial);
std::string phoneNumber(long serial);

// The booking call as the desk and the agent make it, with the slot as day offset and half hour.
extern const char kBookSql[];
// The baseline: one row of the same shape into a table with no key, constraint, trigger or notify.
extern const char kPlainInsertSql[];

struct RateRun
{
    double perSecond = 0;
    long calls = 0;
    long refused = 0;                 // answers other than ok (none expected on free slots)
    std::vector<double> latenciesMs;
};

// `clients` connections as `login` call book (or the plain insert) on free slots for `seconds`.
RateRun runBookingRate(const BenchCluster &cluster, const BenchDatabase &db, const std::string &login, int clients,
                       double seconds, SlotSource &freeSlots, const std::vector<std::string> &providerIds, bool plainInsert);

// `requests` connections as the agent login, all warmed up, ask at once for one slot (provider 0,
// day `stormDay`, a half hour per round) or, as the baseline, each for a free slot of its own
// (the other providers, a day per round from `firstBaselineDay`). Returns each request's latency;
// bookedPerRound counts the ok answers.
std::vector<double> runStorm(const BenchCluster &cluster, const BenchDatabase &db, int requests, int rounds,
                             const std::vector<std::string> &providerIds, SlotSource &warmUpSlots, bool oneSlot,
                             int stormDay, int firstBaselineDay, std::vector<int> *bookedPerRound);

} // namespace frontdesk::bench
