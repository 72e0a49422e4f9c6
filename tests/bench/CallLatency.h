#pragma once

#include "BenchCluster.h"

#include <QSqlDatabase>

#include <functional>
#include <string>
#include <vector>

namespace frontdesk::bench {

// One call the desk or the agent makes, the i-th time (each time with other ids or text, as at a
// desk). It throws when the call fails or answers something the benchmark did not expect.
struct Call
{
    std::string name;
    bool asAgent = false;
    std::function<void(QSqlDatabase &db, int i)> run;
};

// Every call the desk and the agent make, with ids and text drawn from the seeded database.
std::vector<Call> clinicCalls(const BenchCluster &cluster, const BenchDatabase &db, int repeats);

// Runs `call` `repeats` times on `db` and returns each latency in milliseconds.
std::vector<double> timeCall(const Call &call, QSqlDatabase &db, int repeats, int firstIndex = 0);

// A QPSQL connection as `login` (nothing else: row-level security as for that login).
QSqlDatabase openAs(const BenchCluster &cluster, const BenchDatabase &db, const std::string &login,
                    const QString &connectionName);

// A connection whose every statement, nested ones inside functions too, reports its plan: a
// superuser session with auto_explain that then becomes `login` (SET SESSION AUTHORIZATION, so
// row-level security and session_user are that login's). Plans arrive through `plans`. With
// forbidSeqScan, sequential scans are priced out and the plans carry row counts (EXPLAIN ANALYZE).
QSqlDatabase openExplaining(const BenchCluster &cluster, const BenchDatabase &db, const std::string &login,
                            const QString &connectionName, std::vector<std::string> *plans, bool forbidSeqScan);

// The tables a clinic group's history makes large; a plan must never read one of them in full.
const std::vector<std::string> &largeTables();
// "Seq Scan on appointments ..." lines of a plan, for the large tables, and any node that read and
// discarded 1,000 rows or more (with row counts).
std::vector<std::string> sequentialScansOfLargeTables(const std::string &plan);

} // namespace frontdesk::bench
