#include "SqlStatement.h"

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

Error sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    if (e.type() == QSqlError::NoError)
        return Error{ QStringLiteral("CONNECTION_LOST"), QStringLiteral("the connection to the database was lost") };
    return Error{ e.nativeErrorCode().isEmpty() ? QStringLiteral("DATABASE_ERROR") : e.nativeErrorCode(),
                  e.databaseText().isEmpty() ? e.text() : e.databaseText() };
}

} // namespace frontdesk
