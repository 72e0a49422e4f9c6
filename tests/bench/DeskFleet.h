#pragma once

#include "BenchCluster.h"
#include "PacedAgent.h"

#include <QDate>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace frontdesk {
class ClinicSession;
}

namespace frontdesk::bench {

// Many front desks in one process, as a clinic group's PCs: real ClinicSessions (each with its
// database thread and its two connections), `perClinic` of them for each clinic, every one showing
// the same day. Records when each desk first had each appointment in its day model, and when each
// came online. Everything here runs on the GUI thread, as the sessions do.
class DeskFleet
{
public:
    DeskFleet(const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics, int perClinic, int dayOffset);
    ~DeskFleet();

    // Starts every desk and waits until each is online with its day read; throws after `timeoutMs`.
    void startAll(int timeoutMs);

    int size() const { return int(m_desks.size()); }
    int clinicOf(int desk) const { return m_desks[size_t(desk)].clinic; }
    std::vector<int> desksOf(int clinic) const;
    bool isOnline(int desk) const;
    // The last time the desk turned online.
    Clock::time_point onlineAt(int desk) const { return m_desks[size_t(desk)].onlineAt; }
    // When the desk's day model first had the appointment; nullptr while it has not.
    const Clock::time_point *arrivalOf(int desk, qint64 appointmentId) const;
    // The kernel id of the desk's database thread (for its CPU in /proc).
    qint64 databaseThreadId(int desk) const;

    // Runs the event loop until `done` holds (checked every few milliseconds) or `timeoutMs` passed.
    static bool waitUntil(const std::function<bool()> &done, int timeoutMs);

private:
    struct Desk
    {
        std::unique_ptr<ClinicSession> session;
        int clinic = 0;
        Clock::time_point onlineAt;
        std::map<qint64, Clock::time_point> arrivals;
    };
    void watchRows(Desk &desk);

    std::vector<Desk> m_desks;
    QDate m_day;
};

} // namespace frontdesk::bench
