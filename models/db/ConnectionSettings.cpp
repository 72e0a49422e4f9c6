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
            bool ok = false;
            s.port = value.toInt(&ok);
            if (!ok || s.port < 1 || s.port > 65535) {
                PQconninfoFree(parsed);
                return Error{ QStringLiteral("INVALID_CONNINFO"), QStringLiteral("invalid port: ") + value };
            }
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
    return s;
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
    return QStringLiteral("%1@%2/%3").arg(user.isEmpty() ? QStringLiteral("(default user)") : user,
                                         where, database.isEmpty() ? QStringLiteral("(default)") : database);
}

} // namespace frontdesk
