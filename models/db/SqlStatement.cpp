#include "SqlStatement.h"

#include <QSqlDriver>
#include <QSqlError>

namespace frontdesk {

bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

pg_conn *nativeConnection(const QSqlDatabase &db)
{
    // QPSQL hands out its PGconn* as a QVariant of type "pg_conn*"; the type is opaque here.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return nullptr;
    return *static_cast<pg_conn *const *>(handle.constData());
}

Error sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    if (e.type() == QSqlError::NoError)
        return Error{ QStringLiteral("CONNECTION_LOST"), QStringLiteral("the connection to the database was lost") };
    return Error{ e.nativeErrorCode().isEmpty() ? QStringLiteral("DATABASE_ERROR") : e.nativeErrorCode(),
                  e.databaseText().isEmpty() ? e.text() : e.databaseText() };
}

} // namespace frontdesk
