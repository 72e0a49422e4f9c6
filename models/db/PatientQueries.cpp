#include "PatientQueries.h"

#include "SqlStatement.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace frontdesk::PatientQueries {

namespace {

QDateTime utcOrNull(const QVariant &value)
{
    return value.isNull() ? QDateTime() : value.toDateTime().toUTC();
}

// A row of id, full name, phone, email and, when the statement has them, the next and the last
// appointment.
PatientMatch matchOf(const QSqlQuery &q)
{
    PatientMatch m;
    m.id = q.value(0).toLongLong();
    m.fullName = q.value(1).toString();
    m.phone = q.value(2).toString();
    m.email = q.value(3).toString();
    m.nextAppointment = utcOrNull(q.value(4));
    m.lastAppointment = utcOrNull(q.value(5));
    return m;
}

} // namespace

Result<PatientMatchList> loadSearch(QSqlDatabase &db, qint64 orgId, const QString &text, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!execPrepared(q, QStringLiteral(
            "select patient_id, full_name, phone, email, next_appointment, last_appointment "
            "from frontdesk.search_patients(?, ?, ?)"), { orgId, text, limit }))
        return sqlError(q);
    PatientMatchList matches;
    while (q.next())
        matches.append(matchOf(q));
    return matches;
}

Read<PatientMatchList> search(qint64 orgId, const QString &text, int limit)
{
    return [orgId, text, limit](QSqlDatabase &db) { return loadSearch(db, orgId, text, limit); };
}

Read<PatientMatchList> search(qint64 orgId, const QString &text, int limit, quint64 generation,
                              std::shared_ptr<const std::atomic<quint64>> latest, std::shared_ptr<RunningQuery> running)
{
    return [orgId, text, limit, generation, latest = std::move(latest),
            running = std::move(running)](QSqlDatabase &db) -> Result<PatientMatchList> {
        const auto superseded = [&] { return latest && latest->load(std::memory_order_acquire) != generation; };
        if (superseded())
            return supersededError();
        if (!running)
            return loadSearch(db, orgId, text, limit);
        Result<PatientMatchList> found = [&] {
            RunningQuery::Scope scope(*running, db, generation);
            // Asked for between the check above and the scope: nobody could cancel it yet.
            if (superseded())
                return Result<PatientMatchList>(supersededError());
            return loadSearch(db, orgId, text, limit);
        }();
        // Cancelled, or failed for another reason: either way no longer wanted.
        if (!found && found.error().code != u"CONNECTION_LOST" && superseded())
            return cancelledError();
        return found;
    };
}

Result<PatientMatchList> loadByContact(QSqlDatabase &db, qint64 orgId, const QString &phoneE164, const QString &email)
{
    // One equality per statement, so each has its index under the policy.
    QStringList parts;
    QVariantList values;
    const QString select = QStringLiteral("select id, full_name, phone, email from frontdesk.patients where org_id = ? and ");
    if (!phoneE164.isEmpty()) {
        parts.append(select + QStringLiteral("phone = ?"));
        values << orgId << phoneE164;
    }
    if (!email.isEmpty()) {
        parts.append(select + QStringLiteral("email = ?"));
        values << orgId << email;
    }
    if (parts.isEmpty())
        return PatientMatchList();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!execPrepared(q, parts.join(QStringLiteral(" union ")) + QStringLiteral(" order by id limit 20"), values))
        return sqlError(q);
    PatientMatchList owners;
    while (q.next())
        owners.append(matchOf(q));
    return owners;
}

Read<PatientMatchList> byContact(qint64 orgId, const QString &phoneE164, const QString &email)
{
    return [orgId, phoneE164, email](QSqlDatabase &db) { return loadByContact(db, orgId, phoneE164, email); };
}

Result<PatientHistory> loadHistory(QSqlDatabase &db, qint64 patientId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!execPrepared(q, QStringLiteral("select frontdesk.patient_history(?)::text"), { patientId }) || !q.next())
        return sqlError(q);
    const QJsonDocument answer = QJsonDocument::fromJson(q.value(0).toString().toUtf8());
    if (!answer.isObject())
        return Error{ QStringLiteral("BAD_RESPONSE"), QStringLiteral("patient_history did not answer with an object") };
    return PatientHistory::fromJson(answer.object());
}

Read<PatientHistory> history(qint64 patientId)
{
    return [patientId](QSqlDatabase &db) { return loadHistory(db, patientId); };
}

} // namespace frontdesk::PatientQueries
