#include "TestDatabase.h"

#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"
#include "db/SqlStatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <thread>

namespace frontdesk::test {

namespace {

Result<ConnectionSettings> withPassword(const QString &conninfo)
{
    auto settings = ConnectionSettings::parse(conninfo);
    if (settings)
        settings.value().password = TestDatabase::serverPassword();
    return settings;
}

bool execOn(const QString &server, const QString &sql, QString *error)
{
    const auto settings = withPassword(server);
    if (!settings) {
        *error = settings.error().message;
        return false;
    }
    const QString name = QStringLiteral("testadmin-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = settings->addDatabase(name);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        } else {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

QString TestDatabase::serverPassword()
{
    QFile file(qEnvironmentVariable("FRONTDESK_TEST_PG_DIR") + QStringLiteral("/password"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QString TestDatabase::serverUrl()
{
    const QString dir = qEnvironmentVariable("FRONTDESK_TEST_PG_DIR");
    QFile file(dir + QStringLiteral("/url"));
    if (dir.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

TestDatabase::TestDatabase(Start start) : m_server(serverUrl())
{
    if (m_server.isEmpty()) {
        m_error = QStringLiteral("no test cluster: run the tests through ctest (it starts one), "
                                 "FRONTDESK_TEST_PG_DIR=%1").arg(qEnvironmentVariable("FRONTDESK_TEST_PG_DIR"));
        return;
    }
    const QString name = QStringLiteral("t_%1_%2")
                             .arg(QCoreApplication::applicationName().toLower())
                             .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    QString sql;
    switch (start) {
    case Start::Migrated:
        sql = QStringLiteral("create database %1 template frontdesk_template owner frontdesk_owner strategy file_copy").arg(name);
        break;
    case Start::Empty:
        sql = QStringLiteral("create database %1 owner frontdesk_owner").arg(name);
        break;
    case Start::EmptyCLocale:
        sql = QStringLiteral("create database %1 template template0 encoding 'UTF8' locale 'C' owner frontdesk_owner").arg(name);
        break;
    }
    if (execOn(m_server, sql, &m_error))
        m_name = name;
}

TestDatabase::~TestDatabase()
{
    for (auto it = m_logins.begin(); it != m_logins.end(); ++it) {
        const QString name = it.value().connectionName();
        it.value().close();
        it.value() = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    if (!m_connectionName.isEmpty()) {
        m_connection.close();
        m_connection = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (m_name.isEmpty())
        return;
    QString ignored;
    execOn(m_server, QStringLiteral("drop database if exists %1 with (force)").arg(m_name), &ignored);
}

ConnectionSettings TestDatabase::settings() const
{
    return withPassword(conninfo()).value();
}

QString TestDatabase::conninfo() const
{
    // As the schema's owner, who is not a superuser; m_server is the superuser's.
    QString url = m_server;
    url.replace(QStringLiteral("postgres@"), QStringLiteral("frontdesk_owner@"));
    url.chop(QStringLiteral("postgres").size());
    return url + m_name;
}

void TestDatabase::setLoginAllowed(const QString &login, bool allowed) const
{
    scalarAsSuperuser(QStringLiteral("alter role %1 %2").arg(login, allowed ? QStringLiteral("login") : QStringLiteral("nologin")));
    if (!allowed)
        scalarAsSuperuser(QStringLiteral("select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = '%1'").arg(login));
}

QVariant TestDatabase::scalarAsSuperuser(const QString &sql) const
{
    const QString name = QStringLiteral("super-") + QUuid::createUuid().toString(QUuid::Id128);
    QVariant value;
    {
        QString url = m_server;
        url.chop(QStringLiteral("postgres").size());
        QSqlDatabase db = withPassword(url + m_name).value().addDatabase(name);
        QSqlQuery q(db);
        // A statement that returns no row (alter role, say) has no value, and has not failed.
        if (db.open() && q.exec(sql)) {
            if (q.next())
                value = q.value(0);
        } else {
            qWarning("scalarAsSuperuser(%s) failed: %s", qPrintable(sql),
                     qPrintable(db.isOpen() ? q.lastError().text() : db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QSqlDatabase TestDatabase::connect(const QString &connectionName) const
{
    QSqlDatabase db = settings().addDatabase(connectionName);
    db.open();
    return db;
}

BookingResult TestDatabase::bookOnOwnThread(const BookingRequest &request) const
{
    BookingResult result;
    std::thread agent([&] {
        const QString name = QStringLiteral("agent-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase conn = connect(name);
            const auto r = ClinicQueries::book(conn, request);
            result = r.ok() ? r.value() : BookingResult::failure(r.error().code, r.error().message);
            conn.close();
        }
        QSqlDatabase::removeDatabase(name);
    });
    agent.join();
    return result;
}

QSqlDatabase &TestDatabase::connection()
{
    if (m_connectionName.isEmpty()) {
        m_connectionName = QStringLiteral("own-") + QUuid::createUuid().toString(QUuid::Id128);
        m_connection = connect(m_connectionName);
    }
    return m_connection;
}

ConnectionSettings TestDatabase::settingsAs(const QString &login) const
{
    ConnectionSettings as = settings();
    as.user = login;
    as.password = loginPassword();
    return as;
}

QSqlDatabase TestDatabase::connectAs(const QString &connectionName, const QString &login,
                                     const QString &password) const
{
    ConnectionSettings as = settings();
    as.user = login;
    as.password = password;
    QSqlDatabase db = as.addDatabase(connectionName);
    db.open();
    return db;
}

QSqlDatabase &TestDatabase::connectionAs(const QString &login, const QString &password)
{
    if (!m_logins.contains(login))
        m_logins.insert(login, connectAs(QStringLiteral("as-") + login + u'-' + m_name, login, password));
    return m_logins[login];
}

QJsonObject jsonAnswer(QSqlDatabase &db, const QString &call)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("select (") + call + QStringLiteral(")::text")) || !q.next())
        return { { QStringLiteral("sql_error"), q.lastError().nativeErrorCode() } };
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QJsonObject jsonAnswer(QSqlDatabase &db, const QString &call, const QVariantList &values)
{
    QSqlQuery q(db);
    if (!execPrepared(q, QStringLiteral("select (") + call + QStringLiteral(")::text"), values) || !q.next())
        return { { QStringLiteral("sql_error"), q.lastError().nativeErrorCode() },
                 { QStringLiteral("sql_message"), q.lastError().text() } };
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

qint64 TestDatabase::insertAppointment(qint64 orgId, qint64 providerId, AppointmentStatus status,
                                       const QDateTime &startsAt, const QDateTime &endsAt)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("with p as (insert into frontdesk.patients (org_id, full_name, phone) "
                             "values (?, 'Test Patient', '+14155552671') returning id) "
                             "insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, status, source) "
                             "select ?, ?, p.id, ?, ?, ?, 'staff' from p returning id"));
    q.addBindValue(orgId);
    q.addBindValue(orgId);
    q.addBindValue(providerId);
    q.addBindValue(startsAt.toUTC());
    q.addBindValue(endsAt.toUTC());
    q.addBindValue(toDatabaseText(status));
    if (!q.exec() || !q.next())
        qFatal("insertAppointment(): %s", qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

QString TestDatabase::createLogin(const QString &kind, qint64 orgId)
{
    const QString login = QStringLiteral("t%1_%2").arg(QUuid::createUuid().toString(QUuid::Id128).left(10), kind.left(5));
    const auto created = kind == u"agent"
        ? AdminQueries::grantAgent(connection(), login, orgId, loginPassword())
        : AdminQueries::createStaff(connection(), login, orgId, kind, QStringLiteral("Test ") + kind, loginPassword());
    if (!created)
        qFatal("createLogin(%s): %s", qPrintable(kind), qPrintable(created.error().message));
    return login;
}

QVariant TestDatabase::scalar(const QString &sql) const
{
    const QString name = QStringLiteral("scalar-") + QUuid::createUuid().toString(QUuid::Id128);
    QVariant value;
    {
        QSqlDatabase db = connect(name);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            value = q.value(0);
        else
            qWarning("scalar(%s) failed: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

Clinic TestDatabase::createClinic(const QString &timeZone, int providers, const QString &region)
{
    const QString name = QStringLiteral("clinic-") + QUuid::createUuid().toString(QUuid::Id128);
    Clinic clinic;
    {
        QSqlDatabase db = connect(name);
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "insert into frontdesk.organisations (name, time_zone, region, opens_at, closes_at, open_days) "
            "values ('Test Clinic', ?, ?, '00:00', '24:00', '{1,2,3,4,5,6,7}') returning id"));
        q.addBindValue(timeZone);
        q.addBindValue(region);
        if (!q.exec() || !q.next())
            qFatal("createClinic: %s", qPrintable(q.lastError().text()));
        const qint64 orgId = q.value(0).toLongLong();
        for (int i = 1; i <= providers; ++i) {
            q.prepare(QStringLiteral("insert into frontdesk.providers (org_id, display_name) values (?, ?)"));
            q.addBindValue(orgId);
            q.addBindValue(QStringLiteral("Dr. Provider %1").arg(i));
            if (!q.exec())
                qFatal("createClinic: %s", qPrintable(q.lastError().text()));
        }
        clinic = ClinicQueries::loadClinic(db, orgId).value();
    }
    QSqlDatabase::removeDatabase(name);
    return clinic;
}

} // namespace frontdesk::test
