#pragma once

#include <QString>

namespace frontdesk::test {

class FaultCluster;

// A streaming standby of a test's FaultCluster: a copy made with pg_basebackup -R (standby.signal
// and primary_conninfo), started on a free port of its own on 127.0.0.1, that a test promotes
// after it has crashed the primary. Stopped and deleted when the object goes, whatever the test's
// outcome (pg_ctl stops the server whose pid is in its pid file). Every command runs in the event
// loop (FaultCluster::run), never blocking the GUI thread under test.
class StandbyServer
{
public:
    // dir: a new folder for the standby, beside the primary's.
    StandbyServer(const FaultCluster &primary, const QString &dir);
    ~StandbyServer();
    StandbyServer(const StandbyServer &) = delete;
    StandbyServer &operator=(const StandbyServer &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const QString &dir() const { return m_dir; }
    int port() const;

    // The name the standby gives the primary (application_name), for synchronous_standby_names.
    static QString replicationName() { return QStringLiteral("standby"); }
    // pg_ctl promote: a primary from now on, on a new timeline. Waits until it takes writes.
    bool promote();

    // SQL as the superuser, as FaultCluster::psql.
    QString psql(const QString &database, const QString &sql, bool *ok = nullptr);

private:
    QString m_dir;
    QString m_error;
    QString m_script;
};

} // namespace frontdesk::test
