#pragma once

#include <QString>

class QSqlDatabase;

#include <string>
#include <vector>

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
    // A migrated database of `count` small clinics (two providers each, no history), as a clinic
    // group shares one server: each with its receptionist and AI agent logins.
    std::vector<BenchDatabase> createClinics(const std::string &name, int count) const;

    // Restarts the server with fsync and synchronous commit on (durable) or off (throwaway).
    void restart(bool durable) const;
    // fsync, synchronous_commit and full_page_writes as the server reports them.
    std::string durability() const;
    // The running server's postmaster (its data directory's postmaster.pid); 0 when unreadable.
    qint64 postmasterPid() const;

private:
    std::string conninfo(const std::string &user, const std::string &dbname) const;
    // Drops and creates the database (and the logins of its earlier runs), migrates it as its
    // owner through the app's own migrator, and loads the seeding functions.
    void createMigrated(const std::string &name) const;
    void addLogins(QSqlDatabase &owner, BenchDatabase &db, const std::string &suffix) const;

    QString m_dir;
    QString m_script;
    std::string m_port;
    std::string m_password;
};

} // namespace frontdesk::bench
