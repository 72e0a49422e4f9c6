#include "FaultCluster.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>

#include <csignal>

namespace frontdesk::test {

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

} // namespace

bool FaultCluster::run(const QString &program, const QStringList &arguments, QString *output,
                       const QStringList &extraEnvironment)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!extraEnvironment.isEmpty()) {
        QStringList environment = QProcess::systemEnvironment();
        environment += extraEnvironment;
        process.setEnvironment(environment);
    }
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    process.start(program, arguments);
    if (process.state() != QProcess::NotRunning || process.error() != QProcess::FailedToStart)
        loop.exec();
    const QString text = QString::fromUtf8(process.readAll()).trimmed();
    if (output)
        *output = text;
    const bool ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0
        && process.error() != QProcess::FailedToStart;
    if (!ok)
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')), qPrintable(text));
    return ok;
}

FaultCluster::FaultCluster(const QString &dir)
    : m_dir(dir)
    , m_script(qEnvironmentVariable("FRONTDESK_PGCLUSTER"))
{
    const QString prepare = qEnvironmentVariable("FRONTDESK_PREPARE_TEMPLATE");
    const QString admin = qEnvironmentVariable("FRONTDESK_ADMIN");
    if (m_script.isEmpty() || prepare.isEmpty() || admin.isEmpty()) {
        m_error = QStringLiteral("FRONTDESK_PGCLUSTER, FRONTDESK_PREPARE_TEMPLATE and FRONTDESK_ADMIN must be set "
                                 "(CTest sets them for FAULTS tests)");
        return;
    }
    QString output;
    if (!run(m_script, { QStringLiteral("start"), m_dir }, &output)) {
        m_error = QStringLiteral("cannot start the test's cluster: ") + output;
        return;
    }
    if (!run(prepare, { m_dir, admin }, &output)) {
        m_error = QStringLiteral("cannot migrate the test's cluster: ") + output;
        return;
    }
    // Every TestDatabase of this process lives on this cluster from now on.
    qputenv("FRONTDESK_TEST_PG_DIR", m_dir.toLocal8Bit());
}

FaultCluster::~FaultCluster()
{
    if (m_paused)
        resume();
    if (!m_script.isEmpty())
        run(m_script, { QStringLiteral("destroy"), m_dir });
}

int FaultCluster::port() const
{
    return readFile(m_dir + QStringLiteral("/port")).toInt();
}

bool FaultCluster::stop()
{
    return run(m_script, { QStringLiteral("stop"), m_dir });
}

bool FaultCluster::crash()
{
    return run(m_script, { QStringLiteral("crash"), m_dir });
}

bool FaultCluster::start()
{
    return run(m_script, { QStringLiteral("restart"), m_dir });
}

QList<qint64> FaultCluster::serverPids() const
{
    // The postmaster's pid is the first line of its pid file; its backends are its children.
    const qint64 postmaster = readFile(m_dir + QStringLiteral("/data/postmaster.pid")).section(u'\n', 0, 0).toLongLong();
    QList<qint64> pids;
    if (postmaster <= 0)
        return pids;
    pids.append(postmaster);
    const QString children = readFile(QStringLiteral("/proc/%1/task/%1/children").arg(postmaster));
    for (const QString &pid : children.split(u' ', Qt::SkipEmptyParts))
        pids.append(pid.toLongLong());
    return pids;
}

bool FaultCluster::signalServer(int signal)
{
    const QList<qint64> pids = serverPids();
    bool ok = !pids.isEmpty();
    for (const qint64 pid : pids)
        ok = ::kill(pid_t(pid), signal) == 0 && ok;
    return ok;
}

bool FaultCluster::pause()
{
    m_paused = signalServer(SIGSTOP);
    return m_paused;
}

bool FaultCluster::resume()
{
    m_paused = false;
    return signalServer(SIGCONT);
}

bool FaultCluster::setLoginAllowed(const QString &login, bool allowed)
{
    bool ok = false;
    psql(QStringLiteral("postgres"), QStringLiteral("alter role %1 %2").arg(login, allowed ? QStringLiteral("login") : QStringLiteral("nologin")), &ok);
    if (ok && !allowed) {
        // offset 0: each backend is terminated once, not once per evaluation of the filter.
        psql(QStringLiteral("postgres"), QStringLiteral("select count(*) filter (where pg_terminate_backend(pid)) from ("
                                                        "select pid from pg_stat_activity where usename = '%1' offset 0) desk").arg(login), &ok);
    }
    return ok;
}

QString FaultCluster::psql(const QString &database, const QString &sql, bool *ok)
{
    return psqlIn(m_dir, database, sql, ok);
}

QString FaultCluster::psqlIn(const QString &clusterDir, const QString &database, const QString &sql, bool *ok)
{
    QString url = readFile(clusterDir + QStringLiteral("/url"));
    url.chop(QStringLiteral("postgres").size());
    QString output;
    const bool done = run(QStringLiteral("psql"),
                          { QStringLiteral("-X"), QStringLiteral("-qAt"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                            url + database, QStringLiteral("-c"), sql },
                          &output, { QStringLiteral("PGPASSWORD=") + readFile(clusterDir + QStringLiteral("/password")) });
    if (ok)
        *ok = done;
    return output;
}

int FaultCluster::terminateBackends(const QString &applicationName)
{
    QString name = applicationName;
    name.replace(u'\'', QStringLiteral("''"));
    return psql(QStringLiteral("postgres"),
                // The filter first (offset 0 keeps the planner from merging the two): a WHERE
                // may call pg_terminate_backend before it tests the name, psql's own backend too.
                QStringLiteral("select count(*) filter (where pg_terminate_backend(pid)) from ("
                               "select pid from pg_stat_activity where application_name = '%1' "
                               "and pid <> pg_backend_pid() offset 0) named").arg(name))
        .toInt();
}

} // namespace frontdesk::test
