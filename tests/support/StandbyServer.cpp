#include "StandbyServer.h"

#include "FaultCluster.h"

#include <QFile>

namespace frontdesk::test {

StandbyServer::StandbyServer(const FaultCluster &primary, const QString &dir)
    : m_dir(dir)
    , m_script(qEnvironmentVariable("FRONTDESK_PGCLUSTER"))
{
    if (m_script.isEmpty()) {
        m_error = QStringLiteral("FRONTDESK_PGCLUSTER must be set (CTest sets it for FAULTS tests)");
        return;
    }
    QString output;
    if (!FaultCluster::run(m_script, { QStringLiteral("standby"), m_dir, primary.dir() }, &output))
        m_error = QStringLiteral("cannot make the standby: ") + output;
}

StandbyServer::~StandbyServer()
{
    if (!m_script.isEmpty())
        FaultCluster::run(m_script, { QStringLiteral("destroy"), m_dir });
}

int StandbyServer::port() const
{
    QFile file(m_dir + QStringLiteral("/port"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt() : -1;
}

bool StandbyServer::promote()
{
    return FaultCluster::run(m_script, { QStringLiteral("promote"), m_dir });
}

QString StandbyServer::psql(const QString &database, const QString &sql, bool *ok)
{
    return FaultCluster::psqlIn(m_dir, database, sql, ok);
}

} // namespace frontdesk::test
