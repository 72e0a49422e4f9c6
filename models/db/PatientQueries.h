#pragma once

#include "db/DatabaseJob.h"
#include "db/RunningQuery.h"
#include "domain/Patient.h"
#include "domain/Result.h"

#include <QSqlDatabase>

#include <atomic>
#include <memory>

namespace frontdesk {

// The statements about patients that the search and the patient panel run. Reads for
// ClinicSession::read(), and the blocking calls they wrap (worker thread, tests, tools).
namespace PatientQueries {

// The clinic's patients matching what was typed (frontdesk.search_patients): part of a name,
// any case, a typo forgiven, or three or more phone digits; best first, at most `limit`. Under
// two characters, over 100, or another clinic: none, never an error.
Result<PatientMatchList> loadSearch(QSqlDatabase &db, qint64 orgId, const QString &text, int limit = 20);
Read<PatientMatchList> search(qint64 orgId, const QString &text, int limit = 20);

// The same for a search as you type: the read carries its generation, and when the database
// thread reaches it after a newer one was asked for (`latest` has moved past it), it answers
// SUPERSEDED without running, so a keystroke never waits behind the queries of older ones. With
// `running`, it shows itself there while it runs, so that a newer request can cancel it; it then
// answers CANCELLED.
Read<PatientMatchList> search(qint64 orgId, const QString &text, int limit, quint64 generation,
                              std::shared_ptr<const std::atomic<quint64>> latest,
                              std::shared_ptr<RunningQuery> running = {});

// One patient's record, appointments (newest first), no-shows and interactions (newest first),
// from frontdesk.patient_history under the login's row-level security. Another clinic's patient
// is UNKNOWN_PATIENT, as a patient that does not exist.
Result<PatientHistory> loadHistory(QSqlDatabase &db, qint64 patientId);
Read<PatientHistory> history(qint64 patientId);

// The clinic's patients stored with exactly this phone number (E.164) or this email address
// (normalised), by id; either may be empty. For the booking dialog's "this number belongs to"
// hint; read from frontdesk.patients under the login's row-level security, by plain equalities
// that the (org_id, phone) and (org_id, email) indexes serve. Next and last are not read.
Result<PatientMatchList> loadByContact(QSqlDatabase &db, qint64 orgId, const QString &phoneE164, const QString &email);
Read<PatientMatchList> byContact(qint64 orgId, const QString &phoneE164, const QString &email);

// The errors of a read skipped, or cancelled while it ran, because a newer one was asked for.
inline Error supersededError()
{
    return Error{ QStringLiteral("SUPERSEDED"), QStringLiteral("a newer search was asked for") };
}
inline Error cancelledError()
{
    return Error{ QStringLiteral("CANCELLED"), QStringLiteral("cancelled while it ran: a newer search was asked for") };
}

} // namespace PatientQueries

} // namespace frontdesk
