#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace frontdesk::PrivateSqliteFile {

// The desk's own SQLite files (the outbox, the cache) hold patients' names and numbers: their
// folder is the user's alone (0700) and each file is made 0600 before SQLite writes a byte of it
// (its -wal and -shm files take their mode from it). Empty on success, else why not.
QString prepare(const QString &path);

// Brings the file's schema (PRAGMA user_version) to `version`, from 0 by `createStatements` in one
// transaction with the version. A file of a newer version is left alone and refused: false, and
// `why` says so.
bool migrate(QSqlDatabase &db, int version, const QStringList &createStatements, QString *why);

} // namespace frontdesk::PrivateSqliteFile
