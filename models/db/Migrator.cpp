#include "Migrator.h"

#include "Logging.h"
#include "SqlStatement.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace frontdesk {

namespace {

// Serialises concurrent `migrate` runs against one database.
constexpr qint64 kMigrationLockKey = 0x46726f6e74; // "Front"

const char kBookkeeping[] = R"sql(
    set client_min_messages = warning;
    create schema if not exists frontdesk;
    create table if not exists frontdesk.schema_migrations (
        version    integer primary key,
        name       text not null,
        checksum   text not null,
        applied_at timestamptz not null default now(),
        applied_by text not null default session_user
    );
)sql";

} // namespace

Migrator::Migrator(QSqlDatabase db, QString resourceDir)
    : m_db(std::move(db)), m_resourceDir(std::move(resourceDir))
{
}

int Migrator::requiredVersion()
{
    return Migrator(QSqlDatabase()).available().constLast().version;
}

QList<Migration> Migrator::available() const
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})_([a-z0-9_]+)\.sql$)"));
    QList<Migration> out;
    const QStringList files = QDir(m_resourceDir).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(m_resourceDir + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Migration migration;
        migration.version = m.captured(1).toInt();
        migration.name = file.chopped(4);
        migration.sql = f.readAll();
        migration.checksum = QCryptographicHash::hash(migration.sql, QCryptographicHash::Sha256).toHex();
        out.append(migration);
    }
    return out;
}

Result<int> Migrator::appliedVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("select to_regclass('frontdesk.schema_migrations') is not null")) || !q.next())
        return Error{ QStringLiteral("DATABASE_ERROR"), q.lastError().text() };
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("select coalesce(max(version), 0) from frontdesk.schema_migrations")) || !q.next())
        return Error{ QStringLiteral("DATABASE_ERROR"), q.lastError().text() };
    return q.value(0).toInt();
}

// QPSQL reports only the first statement's outcome of a multi-statement string, so a failing
// later statement would pass unnoticed. libpq's PQexec on the same connection reports it.
Result<bool> Migrator::execScript(const QByteArray &sql) const
{
    PGconn *conn = nativeConnection(m_db);
    if (!conn)
        return Error{ QStringLiteral("DATABASE_ERROR"), QStringLiteral("not a PostgreSQL connection") };
    PGresult *res = PQexec(conn, sql.constData());
    const ExecStatusType status = PQresultStatus(res);
    QString message;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        message = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
    PQclear(res);
    if (!message.isEmpty() || status == PGRES_FATAL_ERROR)
        return Error{ QStringLiteral("MIGRATION_FAILED"), message };
    return true;
}

Result<QStringList> Migrator::migrate()
{
    const QList<Migration> migrations = available();
    if (migrations.isEmpty())
        return Error{ QStringLiteral("NO_MIGRATIONS"), QStringLiteral("no migrations embedded in ") + m_resourceDir };

    if (auto r = execScript(QByteArrayLiteral("select pg_advisory_lock(") + QByteArray::number(kMigrationLockKey) + ')'); !r)
        return r.error();
    const auto unlock = qScopeGuard([this] {
        execScript(QByteArrayLiteral("select pg_advisory_unlock(") + QByteArray::number(kMigrationLockKey) + ')');
    });
    if (auto r = execScript(kBookkeeping); !r)
        return r.error();

    QSqlQuery q(m_db);
    QMap<int, QString> appliedChecksums;
    if (!q.exec(QStringLiteral("select version, checksum from frontdesk.schema_migrations")))
        return Error{ QStringLiteral("DATABASE_ERROR"), q.lastError().text() };
    while (q.next())
        appliedChecksums.insert(q.value(0).toInt(), q.value(1).toString());

    QStringList applied;
    for (const Migration &m : migrations) {
        if (appliedChecksums.contains(m.version)) {
            if (appliedChecksums.value(m.version) != QString::fromLatin1(m.checksum)) {
                return Error{ QStringLiteral("MIGRATION_CHANGED"),
                              QStringLiteral("migration %1 was applied with different text; "
                                             "applied migrations must never be edited").arg(m.name) };
            }
            continue;
        }
        qCInfo(lcMigrate) << "applying" << m.name;
        const QByteArray record = "insert into frontdesk.schema_migrations (version, name, checksum) values ("
            + QByteArray::number(m.version) + ", '" + m.name.toUtf8() + "', '" + m.checksum + "');";
        const auto r = execScript("begin;\n" + m.sql + "\n;" + record + "\ncommit;");
        if (!r) {
            execScript(QByteArrayLiteral("rollback"));
            return Error{ r.error().code, m.name + QStringLiteral(": ") + r.error().message };
        }
        applied.append(m.name);
    }
    return applied;
}

} // namespace frontdesk
