#pragma once

#include "domain/Result.h"

#include <QMap>
#include <QMetaType>
#include <QString>

class QSqlDatabase;

namespace frontdesk {

// Where the clinic database is: parsed from a libpq connection string or URL
// ("host=db.clinic.example dbname=frontdesk user=desk1" or
// "postgresql://desk1@db.clinic.example/frontdesk?sslmode=verify-full") by libpq itself.
struct ConnectionSettings
{
    QString host;      // may list several, "a,b": libpq tries them in order
    int port = -1;     // one port; several are in options["port"]
    QString database;
    QString user;
    QString password;
    QMap<QString, QString> options;   // every other libpq keyword (sslmode, sslrootcert, ...)

    static Result<ConnectionSettings> parse(const QString &conninfo);

    // Opens a new QPSQL connection under connectionName in the calling thread. Adds libpq
    // TCP keepalives unless the settings name their own: QPSQL does not notice a silently
    // dropped network otherwise.
    QSqlDatabase addDatabase(const QString &connectionName) const;

    // The limits every connection of the desk runs under (server-side timeouts, so that a slow
    // statement or a lock wait never holds the desk for long); administrators' own "options" win.
    static constexpr int kStatementTimeoutMs = 3000;
    static constexpr int kLockTimeoutMs = 2000;
    static constexpr int kIdleInTransactionMs = 10000;
    ConnectionSettings withDeskLimits() const;

    // For logs and the status bar: never the password.
    QString describe() const;
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::ConnectionSettings)
