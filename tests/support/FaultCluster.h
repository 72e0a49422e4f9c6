#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk::test {

// A PostgreSQL cluster of one fault test's own, which the test may stop, pause, restart and
// fail over without disturbing the other tests' shared cluster. It is started with
// tests/pgcluster.sh, given the migrated template, and made the server of every TestDatabase
// of the process (FRONTDESK_TEST_PG_DIR). Every operation runs its command in the event loop,
// never blocking the GUI thread the test is watching.
class FaultCluster
{
public:
    // dir: a new folder for the cluster (it must not be inside a folder the postgres user
    // cannot enter).
    explicit FaultCluster(const QString &dir);
    ~FaultCluster();
    FaultCluster(const FaultCluster &) = delete;
    FaultCluster &operator=(const FaultCluster &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const QString &dir() const { return m_dir; }
    int port() const;

    bool stop();      // pg_ctl stop -m fast
    bool crash();     // pg_ctl stop -m immediate: as when the server's machine dies
    bool start();     // again (or restarted), on the same port, with its data
    // SIGSTOP / SIGCONT to the postmaster and every backend: the server stops answering
    // without closing a single connection, as a hung or swapped-out server does.
    bool pause();
    bool resume();
    // pg_terminate_backend of the backends whose application_name is `applicationName`;
    // returns how many were ended.
    int terminateBackends(const QString &applicationName);
    // TestDatabase::setLoginAllowed through psql in the event loop, for a test whose GUI thread is
    // watched by a stall probe; false when psql failed.
    bool setLoginAllowed(const QString &login, bool allowed);

    // Runs SQL as the superuser through psql (in the event loop); its output, trimmed.
    QString psql(const QString &database, const QString &sql, bool *ok = nullptr);
    // The same on the cluster of any folder pgcluster.sh made (a standby's too).
    static QString psqlIn(const QString &clusterDir, const QString &database, const QString &sql, bool *ok = nullptr);

    // Runs a program and spins the event loop until it ends; false unless it exited 0.
    static bool run(const QString &program, const QStringList &arguments, QString *output = nullptr,
                    const QStringList &extraEnvironment = {});

private:
    QList<qint64> serverPids() const;
    bool signalServer(int signal);

    QString m_dir;
    QString m_error;
    QString m_script;
    bool m_paused = false;
};

} // namespace frontdesk::test
