#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace frontdesk::test {

// A desk's own SQLite file (outbox, cache) read from outside, read-only, on a connection of its
// own that is gone again on return: what is really on disk, not what the desk's objects say.
// Each row is the query's columns in order; on failure, no rows and `error` says why.
QList<QVariantList> sqliteRows(const QString &path, const QString &sql, QString *error = nullptr);
// The first column of the first row; invalid when there is none.
QVariant sqliteScalar(const QString &path, const QString &sql, QString *error = nullptr);
// "ok", or what `pragma integrity_check` (or opening the file) found wrong.
QString sqliteIntegrity(const QString &path);

} // namespace frontdesk::test
