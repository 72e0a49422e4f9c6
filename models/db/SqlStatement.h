#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

struct pg_conn;
#include <QVariantList>

namespace frontdesk {

// Prepares and runs one statement with positional values. QPSQL's prepare() can fail (it
// sends a PREPARE), and an unchecked failure turns into a baffling "EXECUTE ()" error on exec:
// this reports the first failure as it was. A lost connection, which QPSQL reports with an
// empty error, becomes CONNECTION_LOST.
bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
Error sqlError(const QSqlQuery &query);

// libpq's connection under a QPSQL connection, for the few things QPSQL cannot do (running a
// script, making a SCRAM verifier); nullptr for any other driver.
pg_conn *nativeConnection(const QSqlDatabase &db);

// A typed SQL NULL for binding.
template <typename T>
QVariant sqlNull()
{
    return QVariant(QMetaType::fromType<T>());
}

} // namespace frontdesk
