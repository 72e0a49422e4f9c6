#pragma once

#include "commands/CommandResult.h"
#include "db/ConnectionSettings.h"
#include "domain/Booking.h"
#include "domain/Clinic.h"
#include "domain/Result.h"

#include <QObject>
#include <QSqlDatabase>

class QTimer;

namespace frontdesk {

// The AI voice agent's one connection to the clinic database, kept up as a voice backend keeps
// it: opened (and the clinic loaded) by start(), closed when a booking shows it is gone, and
// opened again with exponential backoff until the server is back. A refusal that waiting cannot
// cure (a wrong password, an unknown database or clinic) ends it with failed().
// It reports through its signals (its own log lines are debug lines of frontdesk.database).
// Every call blocks while it talks to the server: for a console tool or a worker thread, never
// the GUI thread. Lives in the thread that creates it.
class AgentConnection : public QObject
{
    Q_OBJECT

public:
    struct Backoff
    {
        int firstMs = 500;       // the pause after the first failed attempt
        int longestMs = 15000;   // doubling stops here
    };

    AgentConnection(ConnectionSettings settings, qint64 orgId, Backoff backoff, QObject *parent = nullptr);
    AgentConnection(ConnectionSettings settings, qint64 orgId, QObject *parent = nullptr);
    ~AgentConnection() override;

    // Opens the connection in the next turn of the event loop, and keeps trying until it is
    // open or the error is permanent.
    void start();

    bool isConnected() const { return m_connected; }
    // Set once connected; reloaded on every reconnect.
    const Clinic &clinic() const { return m_clinic; }
    // The open connection, for reads between bookings; only while isConnected().
    QSqlDatabase &database() { return m_db; }
    // Connection attempts since construction, successful or not.
    int attempts() const { return m_attempts; }

    // Books through book_appointment_atomic (ClinicQueries::bookRetrying). While not connected
    // it sends nothing and answers the error OFFLINE. When the answer shows that the connection
    // is gone, the connection is closed, lost() is emitted, reconnecting begins and the answer
    // (CONNECTION_LOST, or the server's code) is returned: the request may or may not have been
    // booked, so send it again with its same idempotency key once connected.
    Result<BookingResult> book(const BookingRequest &request);
    // The same, with the whole answer: also what BookingResult does not carry, such as the
    // "callback_id" of a refusal the clinic will call the caller back about.
    Result<CommandResult> bookAnswer(const BookingRequest &request);

    // Whether an error of a call on `db` means that the connection is gone.
    static bool isConnectionLoss(const Error &error, const QSqlDatabase &db);

Q_SIGNALS:
    // Open, with the clinic loaded. `attempts` counts the tries it took, this one included
    // (1: at the first try).
    void connected(int attempts);
    // An open connection was found gone.
    void lost(const QString &why);
    // The first try of an outage (at start, or after a loss) failed: trying again with backoff.
    // Once per outage, not once per try.
    void waiting(const QString &why);
    // A refusal that waiting will not cure. Nothing more is tried.
    void failed(const frontdesk::Error &error);

private:
    enum class Outcome { Connected, Transient, Permanent };

    void attempt();
    Outcome open(Error *error);
    bool serverAnswers() const;
    void scheduleRetry();

    ConnectionSettings m_settings;
    qint64 m_orgId;
    Backoff m_backoff;
    QString m_connectionName;
    QSqlDatabase m_db;
    Clinic m_clinic;
    QTimer *m_retry;
    bool m_connected = false;
    bool m_failed = false;
    int m_attempts = 0;
    int m_outageAttempts = 0;   // tries since the connection was last open
    int m_delayMs = 0;          // the next pause; 0 until a try has failed
};

} // namespace frontdesk
