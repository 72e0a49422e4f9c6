#pragma once

#include <QString>

#include <string>

namespace frontdesk::bench {

// The benchmark's own PostgreSQL (started by `./dev bench` with tests/pgcluster.sh) and the
// databases it builds there: one at the scale of a clinic group's years of history, and an empty
// one of the same shape, each with a receptionist and an AI agent login of its clinic.
struct BenchDatabase
{
    std::string name;
    qint64 orgId = 0;             // the benchmarked clinic, which holds the history
    qint64 otherOrgId = 0;        // a second clinic, so that tenancy is never trivially true
    std::string deskLogin;        // receptionist of orgId
    std::string agentLogin;       // the AI voice agent, granted orgId
};

struct Scale
{
    int providers = 20;
    int patients = 50000;
    int appointments = 200000;
    int daysBack = 900;
    int daysAhead = 30;
};

class BenchCluster
{
public:
    // dir: what pgcluster.sh start wrote (url, password, port); script: pgcluster.sh itself.
    BenchCluster(QString dir, QString script);

    std::string superuser(const std::string &dbname = "postgres") const;
    std::string owner(const std::string &dbname) const;
    std::string login(const std::string &login, const std::string &dbname) const;
    static std::string loginPassword() { return "bench-login-password"; }

    // A migrated database with one clinic seeded at `scale` (none: no history) and its logins.
    BenchDatabase create(const std::string &name, const Scale *scale, QString *seedSeconds = nullptr) const;

    // Restarts the server with fsync and synchronous commit on (durable) or off (throwaway).
    void restart(bool durable) const;
    // fsync, synchronous_commit and full_page_writes as the server reports them.
    std::string durability() const;

private:
    std::string conninfo(const std::string &user, const std::string &dbname) const;

    QString m_dir;
    QString m_script;
    std::string m_port;
    std::string m_password;
};

} // namespace frontdesk::bench
