#pragma once

#include "commands/Command.h"
#include "commands/CommandResult.h"
#include "db/ConnectionSettings.h"
#include "db/DatabaseJob.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"
#include "domain/ConnectionState.h"
#include "domain/DeskUser.h"

#include <QDate>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;
class QTimer;

namespace frontdesk {

class ClinicDatabaseWorker;
class DayModel;
class DeskCache;
struct CachedIdentity;
class FollowUpQueueModel;
class NewBookingsModel;
class Outbox;

// The desk's one way to the clinic database, used from the GUI thread. It owns the database
// worker and its thread, and is the one request channel to it: reads (functions of the
// connection, made by the query files) and commands (writes as values) go in, and each answer
// comes back to the object that asked, alone. Changes from the feed come back as typed change
// sets, fanned out to the models. Nothing here blocks.
class ClinicSession : public QObject
{
    Q_OBJECT

public:
    ClinicSession(ConnectionSettings settings, qint64 orgId, QObject *parent = nullptr);
    ~ClinicSession() override;

    // The desk cache's file (default DeskCache::defaultPath()); empty: no cache (a process of
    // many sessions, e.g. the benchmark). Before start().
    void setCacheFile(const QString &path) { m_cacheFile = path; }
    void start();
    // Wipes this PC's copy of the clinic's days and queue (sign-out). The outbox stays: its
    // actions are sent the next time this login works here.
    void signOut();

    DayModel *dayModel() const { return m_dayModel; }
    NewBookingsModel *newBookings() const { return m_newBookings; }
    FollowUpQueueModel *followUps() const { return m_followUps; }
    Outbox *outbox() const { return m_outbox; }
    DeskCache *cache() const { return m_cache; }   // null until start(), or without a cache
    const Clinic &clinic() const { return m_clinic; }
    const DeskUser &user() const { return m_user; }
    const ConnectionState &connectionState() const { return m_state; }
    bool isOnline() const { return m_state.status == ConnectionState::Online; }
    // Whether the session began from this PC's copy (the database could not be reached at first).
    // It stays so once the database is read: it says where the desk started, not what it shows now.
    bool startedFromCopy() const { return m_copyAsOf.isValid(); }
    // Whether a staff action can be taken now: sent at once, or kept in the outbox for later.
    bool canTakeActions() const;
    QDate day() const { return m_day; }
    QDate today() const;
    // The clinic's wall clock now, in its time zone.
    QDateTime clinicNow() const;

    void showDay(QDate day);
    void showToday() { showDay(today()); }
    void showNextDay() { showDay(m_day.addDays(1)); }
    void showPreviousDay() { showDay(m_day.addDays(-1)); }

    // Runs `query` on the database thread and calls `answer(const Result<T> &)` on this thread,
    // unless `asker` is gone by then. While offline the answer is the error OFFLINE.
    template <typename T, typename Answer>
    void read(QObject *asker, Read<T> query, Answer answer);

    // Sends a command and calls `answer` with what the database said, unless `asker` is gone.
    // What it changed arrives through the change feed like any other change. A staff action
    // the database cannot take now (offline, or the connection lost before the answer came) is
    // kept in the outbox and sent later; the answer is then QUEUED, once it is on disk. Taking
    // and giving back a follow-up mean nothing later: offline they answer OFFLINE.
    void send(QObject *asker, const Command &command, std::function<void(const CommandResult &)> answer);

    // Where this login's outbox is kept for this database, under the user's data folder.
    static QString outboxPathFor(const ConnectionSettings &settings);

Q_SIGNALS:
    void clinicChanged(const frontdesk::Clinic &clinic);
    void userChanged(const frontdesk::DeskUser &user);
    void connectionStateChanged(const frontdesk::ConnectionState &state);
    void dayRequested(QDate day);
    // Every change the feed brought, already applied to the session's models.
    void changesArrived(const frontdesk::ChangeSet &changes);

private:
    void post(DatabaseJob job);
    void sendNow(QObject *asker, const Command &command, std::function<void(const CommandResult &)> answer);
    void keepForLater(QObject *asker, const Command &command, std::function<void(const CommandResult &)> answer);
    void onClinicLoaded(const Clinic &clinic);
    void onDayLoaded(QDate day, const AppointmentList &appointments);
    void onDayUnavailable(QDate day);
    void onChanges(const ChangeSet &changes);
    void onConnectionStateChanged(const ConnectionState &state);
    void startFromCacheIfOffline();
    void showCachedDay(QDate day);
    void saveWindowToCache();

    QThread *m_thread;
    ClinicDatabaseWorker *m_worker;
    DayModel *m_dayModel;
    NewBookingsModel *m_newBookings;
    FollowUpQueueModel *m_followUps;
    Outbox *m_outbox;
    QTimer *m_clock;
    Clinic m_clinic;
    DeskUser m_user;
    ConnectionState m_state;
    QDate m_day;
    DeskCache *m_cache = nullptr;
    QString m_cacheFile;
    QString m_owner;   // the login and database, whose cache file this desk may read
    // What the cache knew, kept until the first connection attempt has failed: a desk that
    // reaches its database starts from it, without a moment of "offline".
    std::unique_ptr<CachedIdentity> m_cachedIdentity;
    QDateTime m_copyAsOf;   // started from the copy: its time, until the database is read
};

void registerFrontdeskMetaTypes();

template <typename T, typename Answer>
void ClinicSession::read(QObject *asker, Read<T> query, Answer answer)
{
    QPointer<QObject> guard(asker);
    post([guard, query = std::move(query), answer = std::move(answer)](QSqlDatabase *db) {
        Result<T> result = db ? query(*db) : Result<T>(offlineError());
        JobOutcome outcome;
        if (!result)
            outcome.failure = result.error();
        // Delivered on the GUI thread, where the asker may be gone by then.
        outcome.deliver = [guard, answer, result = std::move(result)] {
            if (guard)
                answer(result);
        };
        return outcome;
    });
}

} // namespace frontdesk
