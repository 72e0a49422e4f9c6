#pragma once

#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTime>

namespace frontdesk {

// What frontdesk-admin does to a clinic database, as the schema's owner. Errors come back with
// the codes the database functions raise (INVALID_LOGIN, LOGIN_EXISTS, UNKNOWN_ORG, ...).
namespace AdminQueries {

struct NewClinic
{
    QString name;
    QString timeZone;          // IANA, e.g. "Europe/London"
    QString phoneRegion = QStringLiteral("US");
    QTime opensAt = QTime(8, 0);
    QTime closesAt = QTime(18, 0);
    QList<int> openDays = { 1, 2, 3, 4, 5 };   // ISO, 1 = Monday
};

Result<qint64> createClinic(QSqlDatabase &db, const NewClinic &clinic);
Result<qint64> createProvider(QSqlDatabase &db, qint64 orgId, const QString &displayName);

// The password never reaches the server: libpq turns it into a SCRAM-SHA-256 verifier here.
Result<bool> createStaff(QSqlDatabase &db, const QString &login, qint64 orgId, const QString &kind,
                         const QString &displayName, const QString &password);
Result<bool> disableStaff(QSqlDatabase &db, const QString &login);
Result<bool> loginExists(QSqlDatabase &db, const QString &login);
// `password` is needed only when the agent's login does not exist yet.
Result<bool> grantAgent(QSqlDatabase &db, const QString &login, qint64 orgId, const QString &password);

// The shortest password a login may have.
inline constexpr int kMinimumPasswordLength = 10;

} // namespace AdminQueries

} // namespace frontdesk
