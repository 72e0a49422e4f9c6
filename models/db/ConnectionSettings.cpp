#include "ConnectionSettings.h"

#include <QSqlDatabase>
#include <QStringList>

#include <libpq-fe.h>

namespace frontdesk {

Result<ConnectionSettings> ConnectionSettings::parse(const QString &conninfo)
{
    char *errorText = nullptr;
    PQconninfoOption *parsed = PQconninfoParse(conninfo.toUtf8().constData(), &errorText);
    if (!parsed) {
        const QString message = errorText ? QString::fromUtf8(errorText).trimmed()
                                          : QStringLiteral("out of memory");
        PQfreemem(errorText);
        return Error{ QStringLiteral("INVALID_CONNINFO"), message };
    }
    ConnectionSettings s;
    for (PQconninfoOption *o = parsed; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromUtf8(o->keyword);
        const QString value = QString::fromUtf8(o->val);
        if (key == u"host") {
            s.host = value;   // empty means libpq's default, the local socket
        } else if (key == u"port") {
            // Several ports go with several hosts (a primary and its standbys): libpq takes the
            // list as it is; one port is kept as a number.
            const QStringList ports = value.split(u',');
            for (const QString &port : ports) {
                bool ok = false;
                const int number = port.trimmed().toInt(&ok);
                if (!ok || number < 1 || number > 65535) {
                    PQconninfoFree(parsed);
                    return Error{ QStringLiteral("INVALID_CONNINFO"), QStringLiteral("invalid port: ") + value };
                }
                if (ports.size() == 1)
                    s.port = number;
            }
            if (ports.size() > 1)
                s.options.insert(key, value);
        } else if (key == u"dbname") {
            s.database = value;
        } else if (key == u"user") {
            s.user = value;
        } else if (key == u"password") {
            s.password = value;
        } else if (value.contains(u';')) {
            // QPSQL turns every ';' of its connect options into a space.
            PQconninfoFree(parsed);
            return Error{ QStringLiteral("INVALID_CONNINFO"),
                          QStringLiteral("the value of %1 may not contain ';'").arg(key) };
        } else {
            s.options.insert(key, value);
        }
    }
    PQconninfoFree(parsed);
    const qsizetype hosts = s.host.split(u',').size();
    const qsizetype ports = s.options.contains(QStringLiteral("port"))
        ? s.options.value(QStringLiteral("port")).split(u',').size() : 1;
    if (ports > 1 && ports != hosts)
        return Error{ QStringLiteral("INVALID_CONNINFO"),
                      QStringLiteral("%1 ports for %2 hosts: give one port, or one for each host").arg(ports).arg(hosts) };
    // The desk writes: with a primary and its standbys listed, only the primary will do.
    if (hosts > 1 && !s.options.contains(QStringLiteral("target_session_attrs")))
        s.options.insert(QStringLiteral("target_session_attrs"), QStringLiteral("read-write"));
    return s;
}

ConnectionSettings ConnectionSettings::withDeskLimits() const
{
    ConnectionSettings limited = *this;
    // A desk's statement never takes seconds (the slowest, a booking among 200 at once, takes up
    // to one and a half), a lock wait answers RETRY, and a transaction left open never holds locks for long.
    // The administrator's own "options" come after these and win.
    QString serverOptions = QStringLiteral("-c statement_timeout=%1 -c lock_timeout=%2 "
                                           "-c idle_in_transaction_session_timeout=%3")
                                .arg(kStatementTimeoutMs).arg(kLockTimeoutMs).arg(kIdleInTransactionMs);
    const QString own = options.value(QStringLiteral("options"));
    if (!own.isEmpty())
        serverOptions += u' ' + own;
    limited.options.insert(QStringLiteral("options"), serverOptions);
    return limited;
}

QSqlDatabase ConnectionSettings::addDatabase(const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host);
    if (port > 0)
        db.setPort(port);
    db.setDatabaseName(database);
    db.setUserName(user);
    db.setPassword(password);

    QMap<QString, QString> all = options;
    const auto setDefault = [&all](const QString &key, const QString &value) {
        if (!all.contains(key))
            all.insert(key, value);
    };
    setDefault(QStringLiteral("application_name"), QStringLiteral("frontdesk"));
    setDefault(QStringLiteral("connect_timeout"), QStringLiteral("5"));
    setDefault(QStringLiteral("keepalives"), QStringLiteral("1"));
    setDefault(QStringLiteral("keepalives_idle"), QStringLiteral("10"));
    setDefault(QStringLiteral("keepalives_interval"), QStringLiteral("3"));
    setDefault(QStringLiteral("keepalives_count"), QStringLiteral("3"));
    setDefault(QStringLiteral("tcp_user_timeout"), QStringLiteral("15000"));
    // QPSQL joins the options with ';' and turns each ';' into a space: quote every value.
    QStringList parts;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        QString value = it.value();
        value.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        parts.append(it.key() + QStringLiteral("='") + value + u'\'');
    }
    db.setConnectOptions(parts.join(u';'));
    return db;
}

QString ConnectionSettings::describe() const
{
    QString where = !host.isEmpty() ? host : options.value(QStringLiteral("hostaddr"), QStringLiteral("local socket"));
    if (port > 0)
        where += u':' + QString::number(port);
    else if (options.contains(QStringLiteral("port")))
        where += u':' + options.value(QStringLiteral("port"));
    return QStringLiteral("%1@%2/%3").arg(user.isEmpty() ? QStringLiteral("(default user)") : user,
                                         where, database.isEmpty() ? QStringLiteral("(default)") : database);
}

} // namespace frontdesk
