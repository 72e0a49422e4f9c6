#pragma once

#include "db/ConnectionSettings.h"
#include "domain/Appointment.h"
#include "domain/Booking.h"
#include "domain/Clinic.h"

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace frontdesk::test {

// A database of a test's own, cloned from the migrated template on the throwaway cluster
// that CTest started (FRONTDESK_TEST_PG_DIR), and dropped again at the end.
class TestDatabase
{
public:
    // Migrated: a copy of the migrated template. Empty: a new database. EmptyCLocale: a new
    // database whose collation and character classes are C, as some servers are set up.
    enum class Start { Migrated, Empty, EmptyCLocale };
    explicit TestDatabase(Start start = Start::Migrated);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool isValid() const { return !m_name.isEmpty(); }
    const QString &error() const { return m_error; }
    QString name() const { return m_name; }
    ConnectionSettings settings() const;
    // The same database as a login made by createLogin(), as a desk or the agent connects.
    ConnectionSettings settingsAs(const QString &login) const;
    QString conninfo() const;   // as the schema's owner (not a superuser), without the password
    // A new connection to this database, usable in the calling thread only.
    QSqlDatabase connect(const QString &connectionName) const;
    // The same, logged in as another role (a staff or agent login).
    QSqlDatabase connectAs(const QString &connectionName, const QString &login, const QString &password) const;
    // This object's own connection, opened on first use in the calling thread, and closed and
    // removed before the database is dropped. Use it by reference: a copy kept elsewhere
    // would still be in use when it is removed.
    QSqlDatabase &connection();
    // This object's own connection as another login, opened on first use and kept for the
    // object's life, like connection().
    QSqlDatabase &connectionAs(const QString &login, const QString &password);

    // A clinic open every day and all day (so tests never hit OUTSIDE_HOURS by the clock),
    // with `providers` providers. Returns the loaded clinic.
    Clinic createClinic(const QString &timeZone = QStringLiteral("UTC"), int providers = 2,
                        const QString &region = QStringLiteral("US"));

    // A new login of clinic `orgId`: kind "receptionist" or "manager" (staff) or "agent", named
    // uniquely (roles are cluster-wide), with the password loginPassword().
    QString createLogin(const QString &kind, qint64 orgId);
    static QString loginPassword() { return QStringLiteral("test-login-password"); }

    // An appointment of a new patient written directly, as history is (booking refuses the past
    // and keeps to the life cycle): any status, any time. Returns its id.
    qint64 insertAppointment(qint64 orgId, qint64 providerId, AppointmentStatus status, const QDateTime &startsAt,
                             const QDateTime &endsAt);

    // Books through book_appointment_atomic on a thread and connection of its own, as the AI
    // voice backend would, and returns its answer (a database error as a failed result).
    BookingResult bookOnOwnThread(const BookingRequest &request) const;

    // The same as the cluster's superuser, for the few checks only a superuser may make.
    QVariant scalarAsSuperuser(const QString &sql) const;
    // A login shut out while the server stays up for everyone else (`alter role ... nologin`, its
    // sessions ended), or let in again: a desk offline as a dropped network makes it.
    void setLoginAllowed(const QString &login, bool allowed) const;

    // Runs one statement, as the schema's owner, and returns the first column of the first row.
    QVariant scalar(const QString &sql) const;

    static QString serverUrl();
    // The cluster's superuser password, for settings() and PGPASSWORD; conninfo() has none.
    static QString serverPassword();

private:
    QString m_name;
    QString m_error;
    QString m_server;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QMap<QString, QSqlDatabase> m_logins;   // by login
};

// Runs `call` (an expression returning jsonb) and returns the answer; a statement that fails
// answers {"sql_error": "<SQLSTATE>"}.
QJsonObject jsonAnswer(QSqlDatabase &db, const QString &call);
// The same with positional values bound to the ?s of `call`.
QJsonObject jsonAnswer(QSqlDatabase &db, const QString &call, const QVariantList &values);

} // namespace frontdesk::test
