#include "PrivateSqliteFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace frontdesk::PrivateSqliteFile {

QString prepare(const QString &path)
{
    const QFileInfo file(path);
    if (!QDir().mkpath(file.absolutePath()))
        return QStringLiteral("cannot create the folder %1").arg(file.absolutePath());
    QFile::setPermissions(file.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!file.exists()) {
        QFile created(path);
        if (!created.open(QIODevice::WriteOnly, QFile::ReadOwner | QFile::WriteOwner))
            return QStringLiteral("cannot create %1: %2").arg(path, created.errorString());
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

bool migrate(QSqlDatabase &db, int version, const QStringList &createStatements, QString *why)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("pragma user_version")) || !q.next()) {
        *why = q.lastError().text();
        return false;
    }
    const int found = q.value(0).toInt();
    if (found > version) {
        *why = QStringLiteral("the file %1 is of a newer Frontdesk (version %2)").arg(db.databaseName()).arg(found);
        return false;
    }
    if (found == version)
        return true;
    // Each later version adds its own step here, in one transaction with the version.
    if (!db.transaction()) {
        *why = db.lastError().text();
        return false;
    }
    for (const QString &statement : createStatements) {
        if (!q.exec(statement)) {
            *why = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!q.exec(QStringLiteral("pragma user_version = %1").arg(version)) || !db.commit()) {
        *why = q.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace frontdesk::PrivateSqliteFile
