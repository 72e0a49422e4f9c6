#pragma once

#include "db/ConnectionSettings.h"
#include "db/ReconnectBackoff.h"
#include "db/DatabaseJob.h"
#include "domain/Appointment.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"
#include "domain/DeskUser.h"
#include "domain/Result.h"
#include "domain/ConnectionState.h"

#include <QDate>
#include <QObject>
#include <QSqlDriver>

#include <memory>

class QTimer;

namespace frontdesk {

namespace ClinicQueries {
class ChangeFeed;
}

// All database work of the desk. Lives on its own QThread and owns two QPSQL connections
// there (QPSQL connections belong to the thread that opened them): one LISTENs for the doorbell,
// one runs the queries and commands that come through run(). Talks to the GUI thread only through
// queued calls. Move it to its thread from outside, then call start().
class ClinicDatabaseWorker : public QObject
{
    Q_OBJECT

public:
    ClinicDatabaseWorker(ConnectionSettings settings, qint64 orgId, QObject *parent = nullptr);
    ~ClinicDatabaseWorker() override;

    static constexpr const char *kChannel = "frontdesk_changes";

public Q_SLOTS:
    void start();
    void showDay(QDate day);
    void run(const frontdesk::DatabaseJob &job);

Q_SIGNALS:
    void connectionStateChanged(frontdesk::ConnectionState state);
    // The server's time at the first connection: bookings created after it are new to this desk.
    void watchingStarted(QDateTime serverTime);
    void clinicLoaded(frontdesk::Clinic clinic);
    void userLoaded(frontdesk::DeskUser user);
    void dayLoaded(QDate day, frontdesk::AppointmentList appointments);
    // The day was asked for while the database cannot be reached.
    void dayUnavailable(QDate day);
    void changed(frontdesk::ChangeSet changes);
    // A job's answer, to be delivered where it was asked. A signal, not a call back into the
    // asker's thread: a receiver gone by then (the app closing) simply gets nothing.
    void answerReady(frontdesk::JobOutcome outcome);

private:
    bool connectAll();
    void closeAll();
    void connectionLost(const QString &why);
    void tryReconnect();
    void heartbeat();
    bool reloadWatchedDay();
    // Reads the change feed from m_cursor and announces every changed appointment; false, with
    // m_state.detail set, when the database could not be read. The first call only sets the cursor.
    bool catchUp();   // false, with m_state.detail set, when the day could not be read
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void setState(ConnectionState::Status status, const QString &detail = {});

    ConnectionSettings m_settings;
    qint64 m_orgId;
    QString m_listenName;
    QString m_queryName;
    Clinic m_clinic;
    QDate m_watchedDay;
    QDateTime m_watchingSince;
    QString m_cursor;   // of frontdesk.changes_since; empty until the first connection
    QString m_serverHistory;   // ClinicQueries::serverHistory at the last connection
    QString m_readAgainNotice;   // for the state's detail once online: the server history changed
    std::unique_ptr<ClinicQueries::ChangeFeed> m_feed;   // on the query connection, while open
    ConnectionState m_state;
    QTimer *m_heartbeat;
    QTimer *m_reconnect;
    ReconnectBackoff m_backoff;
};

} // namespace frontdesk
