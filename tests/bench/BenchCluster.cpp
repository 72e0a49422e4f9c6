#include "BenchCluster.h"

#include "PgClient.h"
#include "db/AdminQueries.h"
#include "db/ConnectionSettings.h"
#include "db/Migrator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>

#include <stdexcept>

namespace frontdesk::bench {

namespace {

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return f.readAll().trimmed().toStdString();
}

template <typename T>
T orThrow(Result<T> result, const char *what)
{
    if (!result)
        throw std::runtime_error(std::string(what) + ": " + result.error().message.toStdString());
    return result.value();
}

} // namespace

BenchCluster::BenchCluster(QString dir, QString script)
    : m_dir(std::move(dir))
    , m_script(std::move(script))
    , m_port(readFile(m_dir + QStringLiteral("/port")))
    , m_password(readFile(m_dir + QStringLiteral("/password")))
{
}

std::string BenchCluster::conninfo(const std::string &user, const std::string &dbname) const
{
    const std::string password = user == "postgres" || user == "frontdesk_owner" ? m_password : loginPassword();
    return "host=127.0.0.1 port=" + m_port + " dbname=" + dbname + " user=" + user + " password=" + password;
}

std::string BenchCluster::superuser(const std::string &dbname) const { return conninfo("postgres", dbname); }
std::string BenchCluster::owner(const std::string &dbname) const { return conninfo("frontdesk_owner", dbname); }
std::string BenchCluster::login(const std::string &who, const std::string &dbname) const { return conninfo(who, dbname); }

void BenchCluster::createMigrated(const std::string &name) const
{
    {
        PgClient server(superuser());
        server.exec("drop database if exists " + name + " with (force)");
        // Logins are the cluster's: a second run on one server starts them afresh too.
        for (const std::string &role : server.column("select rolname from pg_roles where rolname ~ $1",
                                                     { ("^bench_(desk|agent)_" + name + "(_c[0-9]+)?$").c_str() }))
            server.exec("drop role " + role);
        server.exec("create database " + name + " owner frontdesk_owner");
    }
    // Migrated as a clinic's server is: by the schema's owner, through the app's own migrator.
    const QString connection = QStringLiteral("bench-migrate-") + QString::fromStdString(name);
    {
        auto settings = orThrow(ConnectionSettings::parse(QString::fromStdString(owner(name))), "connection settings");
        QSqlDatabase db = settings.addDatabase(connection);
        if (!db.open())
            throw std::runtime_error("cannot connect as the owner");
        orThrow(Migrator(db).migrate(), "migrate");
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    PgClient(superuser(name)).exec(readFile(QStringLiteral(FRONTDESK_BENCH_SEED_SQL)));
}

// The clinic's receptionist and AI agent logins, named after its database and `suffix`.
void BenchCluster::addLogins(QSqlDatabase &owner, BenchDatabase &db, const std::string &suffix) const
{
    db.deskLogin = "bench_desk_" + db.name + suffix;
    db.agentLogin = "bench_agent_" + db.name + suffix;
    const QString password = QString::fromStdString(loginPassword());
    orThrow(AdminQueries::createStaff(owner, QString::fromStdString(db.deskLogin), db.orgId,
                                      QStringLiteral("receptionist"), QStringLiteral("Bench Desk"), password),
            "create the receptionist");
    orThrow(AdminQueries::grantAgent(owner, QString::fromStdString(db.agentLogin), db.orgId, password),
            "grant the agent");
}

BenchDatabase BenchCluster::create(const std::string &name, const Scale *scale, QString *seedSeconds) const
{
    BenchDatabase db;
    db.name = name;
    createMigrated(name);
    const QString connection = QStringLiteral("bench-owner-") + QString::fromStdString(name);
    {
        auto settings = orThrow(ConnectionSettings::parse(QString::fromStdString(owner(name))), "connection settings");
        QSqlDatabase owner = settings.addDatabase(connection);
        if (!owner.open())
            throw std::runtime_error("cannot connect as the owner");

        QElapsedTimer seeding;
        seeding.start();
        PgClient seeder(superuser(name));
        seeder.exec("set session_replication_role = replica");
        const Scale none { 20, 0, 0, 0, 0 };
        const Scale &s = scale ? *scale : none;
        db.orgId = std::stoll(seeder.value("select bench.seed_clinic('Bench Clinic Network', $1, $2, $3, $4, $5)",
            { std::to_string(s.providers).c_str(), std::to_string(s.patients).c_str(),
              std::to_string(s.appointments).c_str(), std::to_string(s.daysBack).c_str(),
              std::to_string(s.daysAhead).c_str() }));
        db.otherOrgId = std::stoll(seeder.value(scale ? "select bench.seed_clinic('Other Clinic', 2, 300, 1000, 60, 10)"
                                                       : "select bench.seed_clinic('Other Clinic', 2, 0, 0, 0, 0)"));
        // The baseline's table: the appointments' columns and nothing else (no key, constraint,
        // index, trigger, policy or notify).
        seeder.exec("create table bench.plain_appointments (like frontdesk.appointments)");
        seeder.exec("reset session_replication_role");
        seeder.exec("vacuum analyze");
        if (seedSeconds)
            *seedSeconds = QString::number(seeding.elapsed() / 1000.0, 'f', 1);

        addLogins(owner, db, "");
        seeder.exec("grant usage on schema bench to " + db.deskLogin + ", " + db.agentLogin);
        seeder.exec("grant insert on bench.plain_appointments to " + db.deskLogin + ", " + db.agentLogin);
        owner.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return db;
}

std::vector<BenchDatabase> BenchCluster::createClinics(const std::string &name, int count) const
{
    createMigrated(name);
    std::vector<BenchDatabase> clinics;
    const QString connection = QStringLiteral("bench-owner-") + QString::fromStdString(name);
    {
        auto settings = orThrow(ConnectionSettings::parse(QString::fromStdString(owner(name))), "connection settings");
        QSqlDatabase owner = settings.addDatabase(connection);
        if (!owner.open())
            throw std::runtime_error("cannot connect as the owner");
        PgClient seeder(superuser(name));
        for (int i = 0; i < count; ++i) {
            BenchDatabase clinic;
            clinic.name = name;
            clinic.orgId = std::stoll(seeder.value("select bench.seed_clinic($1, 2, 0, 0, 0, 0)",
                                                   { ("Clinic " + std::to_string(i + 1)).c_str() }));
            addLogins(owner, clinic, "_c" + std::to_string(i + 1));
            clinics.push_back(clinic);
        }
        for (size_t i = 0; i < clinics.size(); ++i)
            clinics[i].otherOrgId = clinics[(i + 1) % clinics.size()].orgId;
        owner.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return clinics;
}

void BenchCluster::restart(bool durable) const
{
    QProcess script;
    QStringList arguments { QStringLiteral("restart"), m_dir };
    if (durable)
        arguments << QStringLiteral("--durable");
    script.start(m_script, arguments);
    if (!script.waitForFinished(120000) || script.exitCode() != 0)
        throw std::runtime_error("cannot restart the server: " + script.readAllStandardError().toStdString());
}

qint64 BenchCluster::postmasterPid() const
{
    QFile pidFile(m_dir + QStringLiteral("/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}

std::string BenchCluster::durability() const
{
    PgClient server(superuser());
    return "fsync=" + server.value("show fsync") + ", synchronous_commit=" + server.value("show synchronous_commit")
        + ", full_page_writes=" + server.value("show full_page_writes");
}

} // namespace frontdesk::bench
