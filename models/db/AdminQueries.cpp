#include "AdminQueries.h"

#include "SqlStatement.h"

#include <QRegularExpression>
#include <QStringList>

#include <libpq-fe.h>

namespace frontdesk::AdminQueries {

namespace {

// The database functions raise "CODE: explanation"; keep the code as the error's code.
Error adminError(const QSqlQuery &q)
{
    Error e = sqlError(q);
    static const QRegularExpression coded(QStringLiteral(R"(^(?:ERROR:\s*)?([A-Z_]{3,}): (.*?)(?:\n|\(|$))"));
    const QRegularExpressionMatch m = coded.match(e.message);
    if (m.hasMatch())
        e = Error{ m.captured(1), m.captured(2).trimmed() };
    return e;
}

Result<QString> scramVerifier(QSqlDatabase &db, const QString &login, const QString &password)
{
    if (password.size() < kMinimumPasswordLength) {
        return Error{ QStringLiteral("INVALID_PASSWORD"),
                      QStringLiteral("a password needs at least %1 characters").arg(kMinimumPasswordLength) };
    }
    PGconn *conn = nativeConnection(db);
    if (!conn)
        return Error{ QStringLiteral("DATABASE_ERROR"), QStringLiteral("not a PostgreSQL connection") };
    char *verifier = PQencryptPasswordConn(conn, password.toUtf8().constData(), login.toUtf8().constData(),
                                           "scram-sha-256");
    if (!verifier)
        return Error{ QStringLiteral("DATABASE_ERROR"), QString::fromUtf8(PQerrorMessage(conn)).trimmed() };
    const QString result = QString::fromUtf8(verifier);
    PQfreemem(verifier);
    return result;
}

Result<bool> callAdmin(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    if (!execPrepared(q, sql, values))
        return adminError(q);
    return true;
}

} // namespace

Result<qint64> createClinic(QSqlDatabase &db, const NewClinic &clinic)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral("select frontdesk.is_valid_time_zone(?)"), { clinic.timeZone }) || !q.next())
        return sqlError(q);
    if (!q.value(0).toBool()) {
        return Error{ QStringLiteral("INVALID_TIME_ZONE"),
                      QStringLiteral("%1 is not an IANA time zone name such as Europe/London").arg(clinic.timeZone) };
    }
    QStringList days;
    for (int d : clinic.openDays)
        days.append(QString::number(d));
    if (!execPrepared(q, QStringLiteral(
            "insert into frontdesk.organisations (name, time_zone, region, opens_at, closes_at, open_days) "
            "values (?, ?, ?, ?::time, ?::time, ('{' || ? || '}')::smallint[]) returning id"),
            { clinic.name, clinic.timeZone, clinic.phoneRegion, clinic.opensAt.toString(QStringLiteral("HH:mm")),
              clinic.closesAt.toString(QStringLiteral("HH:mm")), days.join(u',') })
        || !q.next()) {
        return sqlError(q);
    }
    return q.value(0).toLongLong();
}

Result<qint64> createProvider(QSqlDatabase &db, qint64 orgId, const QString &displayName)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral("insert into frontdesk.providers (org_id, display_name) values (?, ?) returning id"),
                      { orgId, displayName.trimmed() })
        || !q.next()) {
        return sqlError(q);
    }
    return q.value(0).toLongLong();
}

Result<bool> createStaff(QSqlDatabase &db, const QString &login, qint64 orgId, const QString &kind,
                         const QString &displayName, const QString &password)
{
    const auto verifier = scramVerifier(db, login, password);
    if (!verifier)
        return verifier.error();
    return callAdmin(db, QStringLiteral("select frontdesk.admin_create_staff(?, ?, ?, ?, ?)"),
                     { login, orgId, kind, displayName.isEmpty() ? login : displayName, verifier.value() });
}

Result<bool> disableStaff(QSqlDatabase &db, const QString &login)
{
    return callAdmin(db, QStringLiteral("select frontdesk.admin_disable_staff(?)"), { login });
}

Result<bool> loginExists(QSqlDatabase &db, const QString &login)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral("select exists (select 1 from pg_catalog.pg_roles where rolname = ?)"), { login })
        || !q.next())
        return sqlError(q);
    return q.value(0).toBool();
}

Result<bool> grantAgent(QSqlDatabase &db, const QString &login, qint64 orgId, const QString &password)
{
    QVariant verifier = sqlNull<QString>();
    if (!password.isEmpty()) {
        const auto made = scramVerifier(db, login, password);
        if (!made)
            return made.error();
        verifier = made.value();
    }
    return callAdmin(db, QStringLiteral("select frontdesk.admin_grant_agent(?, ?, ?)"), { login, orgId, verifier });
}

} // namespace frontdesk::AdminQueries
