#pragma once

#include "domain/Result.h"

#include <QSqlQuery>
#include <QVariantList>

namespace frontdesk {

// Prepares and runs one statement with positional values. QPSQL's prepare() can fail (it
// sends a PREPARE), and an unchecked failure turns into a baffling "EXECUTE ()" error on exec:
// this reports the first failure as it was. A lost connection, which QPSQL reports with an
// empty error, becomes CONNECTION_LOST.
bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
Error sqlError(const QSqlQuery &query);

// A typed SQL NULL for binding.
template <typename T>
QVariant sqlNull()
{
    return QVariant(QMetaType::fromType<T>());
}

} // namespace frontdesk
