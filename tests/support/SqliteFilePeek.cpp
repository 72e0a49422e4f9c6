#include "SqliteFilePeek.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace frontdesk::test {

QList<QVariantList> sqliteRows(const QString &path, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("peek-") + QUuid::createUuid().toString(QUuid::Id128);
    QList<QVariantList> rows;
    QString why;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (!db.open()) {
            why = db.lastError().text();
        } else if (!q.exec(sql)) {
            why = q.lastError().text();
        } else {
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i));
                rows.append(row);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (error)
        *error = why;
    return rows;
}

QVariant sqliteScalar(const QString &path, const QString &sql, QString *error)
{
    const QList<QVariantList> rows = sqliteRows(path, sql, error);
    return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
}

QString sqliteIntegrity(const QString &path)
{
    QString error;
    const QVariant verdict = sqliteScalar(path, QStringLiteral("pragma integrity_check"), &error);
    return error.isEmpty() ? verdict.toString() : error;
}

} // namespace frontdesk::test
