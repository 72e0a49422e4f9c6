#pragma once

#include "domain/Appointment.h"
#include "domain/Booking.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"
#include "domain/DeskUser.h"
#include "db/DatabaseJob.h"
#include "domain/Result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace frontdesk {

// Every SQL statement the desk runs against the clinic database lives here. Each call
// blocks: use them only from a worker thread or a console tool, never on the GUI thread.
namespace ClinicQueries {

Result<Clinic> loadClinic(QSqlDatabase &db, qint64 orgId);

// The login this connection works as, and whether it may do what only managers may.
Result<DeskUser> loadDeskUser(QSqlDatabase &db);

// The appointments whose start falls on `day` in the clinic's time zone, by start time.
Result<AppointmentList> loadDay(QSqlDatabase &db, const Clinic &clinic, QDate day);
// Every appointment starting on the days [first, last] of the clinic, in start order (the desk
// cache's window around today).
Result<AppointmentList> loadDays(QSqlDatabase &db, const Clinic &clinic, QDate first, QDate last);
Read<AppointmentList> days(const Clinic &clinic, QDate first, QDate last);

// One appointment of the clinic, or nullopt when it does not exist there (or this login may
// not see it). Anyone can ring the doorbell: never trust a notification's org_id alone.
Result<std::optional<Appointment>> loadAppointment(QSqlDatabase &db, qint64 orgId, qint64 appointmentId);

// Calls book_appointment_atomic. A database error is an Error; a refused booking is an ok
// Result holding a BookingResult with its code.
Result<BookingResult> book(QSqlDatabase &db, const BookingRequest &request);
// The same for a connection in autocommit: the answers that ask for a new transaction (RETRY after
// a deadlock or a lock timeout, IDEMPOTENCY_RETRY) are asked again, a few times with a growing
// pause, before the last answer is returned. It blocks while it waits: never on the GUI thread.
Result<BookingResult> bookRetrying(QSqlDatabase &db, const BookingRequest &request);

// What changed since a cursor of frontdesk.changes_since: the ids of the appointments the
// changes touched, in event order without repeats, those appointments as they are now (the ones
// this login may see), and the cursor to ask with next time.
struct ChangeBatch
{
    QString cursor;
    QList<qint64> appointmentIds;
    ChangeSet changes;
    qint64 events = 0;
};

// An empty cursor starts the feed at now (no changes, a cursor). Every change is in exactly one
// batch of a chain of cursors, however transactions commit; an unknown cursor is INVALID_CURSOR.
Result<ChangeBatch> changesSince(QSqlDatabase &db, qint64 orgId, const QString &cursor);

// The same, for a reader that asks again and again on one connection: prepared once, so that
// each read is one round trip (QPSQL prepares, executes and deallocates a statement used once).
class ChangeFeed
{
public:
    explicit ChangeFeed(const QSqlDatabase &db);
    Result<ChangeBatch> read(qint64 orgId, const QString &cursor);

private:
    QSqlQuery m_query;
    bool m_prepared = false;
};

// The database server's clock, the one created_at and every event time are read from.
Result<QDateTime> serverNow(QSqlDatabase &db);

// Which history of transactions the server holds: its cluster's system identifier and the
// timeline of its write-ahead log ("7310.../00000002"). A standby copied from the primary has
// the primary's identifier; promoting it starts a new timeline, so a failover (or a restore from
// a backup) gives another answer, and cursors of the old history (transaction ids) mean nothing
// there. Any login may read both. A server in recovery (a hot standby) answers its identifier
// and "recovery".
Result<QString> serverHistory(QSqlDatabase &db);

// A cheap round trip, for the heartbeat.
bool ping(QSqlDatabase &db);

} // namespace ClinicQueries

} // namespace frontdesk
