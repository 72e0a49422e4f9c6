#include "ClinicSession.h"

#include "cache/DeskCache.h"
#include "day/DayModel.h"
#include "db/ClinicDatabaseWorker.h"
#include "db/ClinicQueries.h"
#include "db/FunctionCall.h"
#include "domain/Patient.h"
#include "followups/FollowUpQueueFeed.h"
#include "followups/FollowUpQueueModel.h"
#include "live/NewBookingsModel.h"
#include "outbox/ActionSummary.h"
#include "outbox/Outbox.h"
#include "settings/DeskSettings.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace frontdesk {

namespace {

// Who works on which database: the outbox and the cache belong to one of these.
QString loginAt(const ConnectionSettings &settings)
{
    return settings.user + u'@' + settings.host + u':' + QString::number(settings.port) + u'/' + settings.database;
}

} // namespace

void registerFrontdeskMetaTypes()
{
    qRegisterMetaType<Appointment>();
    qRegisterMetaType<AppointmentList>();
    qRegisterMetaType<Clinic>();
    qRegisterMetaType<DeskUser>();
    qRegisterMetaType<ChangeSet>();
    qRegisterMetaType<Command>();
    qRegisterMetaType<CommandResult>();
    qRegisterMetaType<ConnectionState>();
    qRegisterMetaType<JobOutcome>();
    qRegisterMetaType<FollowUp>();
    qRegisterMetaType<FollowUpList>();
    qRegisterMetaType<PatientMatchList>();
    qRegisterMetaType<OutboxEntry>();
    qRegisterMetaType<OutboxEntryList>();
}

ClinicSession::ClinicSession(ConnectionSettings settings, qint64 orgId, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ClinicDatabaseWorker(settings, orgId))
    , m_dayModel(new DayModel(this))
    , m_newBookings(new NewBookingsModel(this))
    , m_followUps(new FollowUpQueueModel(this))
    , m_outbox(nullptr)
    , m_clock(new QTimer(this))
    , m_cacheFile(DeskCache::defaultPath())
    , m_owner(loginAt(settings) + u'#' + QString::number(orgId))
{
    registerFrontdeskMetaTypes();
    m_thread->setObjectName(QStringLiteral("frontdesk-database"));
    m_worker->moveToThread(m_thread);
    // The worker's destructor closes its connections; it must run on the worker's thread.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_dayModel->setNewBookings(m_newBookings);
    // The outbox sends straight to the database: it is the one place that decides about order.
    m_outbox = new Outbox(outboxPathFor(settings), [this](const Command &command, std::function<void(const CommandResult &)> answer) {
        sendNow(this, command, std::move(answer));
    }, this);
    m_dayModel->setOutbox(m_outbox);
    new FollowUpQueueFeed(this, m_followUps);

    connect(m_worker, &ClinicDatabaseWorker::watchingStarted, m_newBookings, &NewBookingsModel::setWatchingSince);
    connect(m_worker, &ClinicDatabaseWorker::clinicLoaded, this, &ClinicSession::onClinicLoaded);
    connect(m_worker, &ClinicDatabaseWorker::userLoaded, this, [this](const DeskUser &user) {
        m_user = user;
        Q_EMIT userChanged(user);
        if (m_cache && m_clinic.isValid())
            m_cache->saveIdentity(m_clinic, m_user);
    });
    connect(m_worker, &ClinicDatabaseWorker::dayLoaded, this, &ClinicSession::onDayLoaded);
    connect(m_worker, &ClinicDatabaseWorker::dayUnavailable, this, &ClinicSession::onDayUnavailable);
    connect(m_worker, &ClinicDatabaseWorker::changed, this, &ClinicSession::onChanges);
    connect(m_worker, &ClinicDatabaseWorker::connectionStateChanged, this, &ClinicSession::onConnectionStateChanged);
    connect(m_worker, &ClinicDatabaseWorker::answerReady, this, [](const JobOutcome &outcome) { outcome.deliver(); });

    // "Today and later" moves on at the clinic's midnight, whether or not anything is booked.
    m_clock->setInterval(60 * 1000);
    connect(m_clock, &QTimer::timeout, this, [this] { m_newBookings->setToday(today()); });
}

ClinicSession::~ClinicSession()
{
    // Closed while online: the copy matched the database until now.
    if (m_cache && isOnline())
        m_cache->markCurrent(QDateTime::currentDateTimeUtc());
    m_thread->quit();
    // A worker stuck in a call to a stalled server must not hang the closing app for ever.
    if (!m_thread->wait(QDeadlineTimer(3000))) {
        qCWarning(lcDatabase) << "the database thread is still busy; leaving it to end with the process";
        m_thread->setParent(nullptr);   // destroying a running QThread would abort
    }
}

bool ClinicSession::canTakeActions() const
{
    return isOnline() || m_outbox->isOpen();
}

QString ClinicSession::outboxPathFor(const ConnectionSettings &settings)
{
    // One outbox per login and database: another login's actions are never sent as this one.
    const QByteArray who = loginAt(settings).toUtf8();
    const QString id = QString::fromLatin1(QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(16));
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/frontdesk/outbox-")
        + id + QStringLiteral(".sqlite");
}

void ClinicSession::start()
{
    if (!m_cacheFile.isEmpty()) {
        m_cache = new DeskCache(m_cacheFile, m_owner, DeskSettings::cacheDaysBack(), DeskSettings::cacheDaysAhead(), this);
        m_cache->open(this, [this](const std::optional<CachedIdentity> &known) {
            if (!known)
                return;
            m_cachedIdentity = std::make_unique<CachedIdentity>(*known);
            startFromCacheIfOffline();
        });
    }
    m_outbox->open();
    m_thread->start();
    m_clock->start();
    QMetaObject::invokeMethod(m_worker, &ClinicDatabaseWorker::start, Qt::QueuedConnection);
}

QDateTime ClinicSession::clinicNow() const
{
    const QTimeZone zone = m_clinic.isValid() ? m_clinic.timeZone : QTimeZone::systemTimeZone();
    return QDateTime::currentDateTimeUtc().toTimeZone(zone);
}

QDate ClinicSession::today() const
{
    return clinicNow().date();
}

void ClinicSession::showDay(QDate day)
{
    if (!day.isValid())
        return;
    m_day = day;
    // Never another day's rows under this date: the model empties until this day is read.
    if (m_dayModel->day() != day)
        m_dayModel->showLoading(day);
    Q_EMIT dayRequested(day);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, day] { worker->showDay(day); }, Qt::QueuedConnection);
}

void ClinicSession::post(DatabaseJob job)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, job = std::move(job)] { worker->run(job); },
                              Qt::QueuedConnection);
}

void ClinicSession::send(QObject *asker, const Command &command, std::function<void(const CommandResult &)> answer)
{
    const bool keepable = command.operation != Operation::ClaimFollowUp && command.operation != Operation::ReleaseFollowUp;
    // Behind an action still in the outbox for the same appointment (or any booking behind a
    // booking), so that they reach the database in the order they were taken.
    if (keepable && (!isOnline() || m_outbox->holdsTargetOf(command))) {
        // Pressing C twice while the first confirm waits: it would be refused on replay (already
        // confirmed) and wait for a person for nothing. Answered on the next turn, as any answer.
        if (m_outbox->sameActionWaiting(command)) {
            QTimer::singleShot(0, this, [guard = QPointer<QObject>(asker), answer = std::move(answer)] {
                if (guard)
                    answer(CommandResult::failure(QStringLiteral("ALREADY_WAITING"),
                                                  tr("the same action is already kept on this PC")));
            });
            return;
        }
        keepForLater(asker, command, std::move(answer));
        return;
    }
    QPointer<QObject> guard(asker);
    sendNow(this, command, [this, guard, command, keepable, answer = std::move(answer)](const CommandResult &result) {
        // Lost on the way: the database may or may not have it. Sent again later with the same
        // key, it is applied once either way.
        if (keepable && (result.code == u"CONNECTION_LOST" || result.code == u"OFFLINE")) {
            keepForLater(guard, command, answer);
            return;
        }
        if (guard)
            answer(result);
    });
}

void ClinicSession::keepForLater(QObject *asker, const Command &command, std::function<void(const CommandResult &)> answer)
{
    QPointer<QObject> guard(asker);
    const QString summary = describeAction(command, m_dayModel->appointment(command.targetId),
                                           m_clinic.isValid() ? m_clinic.timeZone : QTimeZone::systemTimeZone());
    qCInfo(lcDatabase) << "keeping in the outbox:" << command.functionName() << "for" << command.targetId;
    m_outbox->keep(command, summary, [this, guard, answer](bool kept) {
        if (guard)
            answer(kept ? CommandResult::failure(QStringLiteral("QUEUED"),
                                                 tr("kept on this PC; it is sent when the clinic database is back"))
                        : CommandResult::failure(QStringLiteral("NOT_KEPT"),
                                                 tr("the action could not be kept on this PC; it was not done")));
        if (isOnline())
            m_outbox->replay();
    });
}

void ClinicSession::sendNow(QObject *asker, const Command &command, std::function<void(const CommandResult &)> answer)
{
    QPointer<QObject> guard(asker);
    qCInfo(lcDatabase) << "sending" << command.functionName() << "for" << command.targetId;
    post([guard, command, answer = std::move(answer)](QSqlDatabase *db) {
        CommandResult result;
        std::optional<Error> failure;
        if (!db) {
            result = CommandResult::failure(QStringLiteral("OFFLINE"), offlineError().message);
        } else {
            const auto called = callFunctionRetrying(*db, command);
            if (called) {
                result = called.value();
            } else {
                failure = called.error();
                // Only a dead connection leaves the outcome unknown; any other database error
                // means the call was rolled back.
                const bool lost = called.error().code == u"CONNECTION_LOST" || !db->isOpen();
                result = CommandResult::failure(lost ? QStringLiteral("CONNECTION_LOST") : QStringLiteral("DATABASE_ERROR"),
                                                called.error().message);
            }
        }
        JobOutcome outcome;
        outcome.failure = failure;
        outcome.deliver = [guard, answer, result] {
            if (guard)
                answer(result);
        };
        return outcome;
    });
}

void ClinicSession::signOut()
{
    qCInfo(lcDatabase) << "signing out: wiping this PC's copy of the clinic's days";
    if (m_cache)
        m_cache->wipe();
}

void ClinicSession::startFromCacheIfOffline()
{
    // The database answered first: what it says is newer than any copy. Still trying: wait.
    const bool cannotReach = m_state.status == ConnectionState::Offline || m_state.status == ConnectionState::Reconnecting;
    if (!m_cachedIdentity || m_clinic.isValid() || !cannotReach)
        return;
    const std::unique_ptr<CachedIdentity> known = std::move(m_cachedIdentity);
    m_copyAsOf = known->asOf;
    m_state.dataAsOf = m_copyAsOf;
    Q_EMIT connectionStateChanged(m_state);
    qCInfo(lcDatabase) << "the clinic database cannot be reached; starting from this PC's copy of"
                       << known->asOf.toString(Qt::ISODate);
    m_user = known->user;
    Q_EMIT userChanged(m_user);
    onClinicLoaded(known->clinic);
}

void ClinicSession::showCachedDay(QDate day)
{
    if (!m_cache) {
        m_dayModel->showUnavailable(day);
        return;
    }
    m_cache->loadDay(day, this, [this, day](const std::optional<CachedDay> &cached) {
        // Another day asked for meanwhile, or the database's own rows arrived: they win.
        if (day != m_day || (m_dayModel->day() == day && m_dayModel->loadState() == DayModel::LoadState::Loaded))
            return;
        if (cached)
            m_dayModel->showCached(day, cached->appointments, cached->asOf);
        else
            m_dayModel->showUnavailable(day);
    });
}

void ClinicSession::saveWindowToCache()
{
    if (!m_cache || !m_clinic.isValid())
        return;
    const QDate today = this->today();
    read(this, ClinicQueries::days(m_clinic, m_cache->firstDay(today), m_cache->lastDay(today)),
         [this, today](const Result<AppointmentList> &appointments) {
             if (appointments)
                 m_cache->saveWindow(today, appointments.value(), QDateTime::currentDateTimeUtc());
         });
}

void ClinicSession::onClinicLoaded(const Clinic &clinic)
{
    const bool first = !m_clinic.isValid();
    m_clinic = clinic;
    m_dayModel->setClinic(clinic);
    m_newBookings->setClinic(clinic);
    m_newBookings->setToday(today());
    Q_EMIT clinicChanged(clinic);
    if (m_cache && !m_user.login.isEmpty())
        m_cache->saveIdentity(m_clinic, m_user);
    // The day is read in the clinic's time zone: only now is "today" known for sure.
    if (first && !m_day.isValid())
        showToday();
}

void ClinicSession::onDayLoaded(QDate day, const AppointmentList &appointments)
{
    if (day != m_day)
        return;   // the user has moved on to another day since
    m_dayModel->setDay(day, appointments);
    if (m_cache && day >= m_cache->firstDay(today()) && day <= m_cache->lastDay(today()))
        m_cache->saveDay(day, appointments, QDateTime::currentDateTimeUtc());
}

void ClinicSession::onDayUnavailable(QDate day)
{
    if (day != m_day)
        return;
    // The rows shown are still this day's (read before the connection dropped): keep them.
    if (m_dayModel->day() == day && m_dayModel->loadState() == DayModel::LoadState::Loaded)
        return;
    showCachedDay(day);
}

void ClinicSession::onChanges(const ChangeSet &changes)
{
    m_newBookings->setToday(today());
    m_dayModel->applyChanges(changes);
    m_newBookings->applyChanges(changes);
    if (m_cache)
        m_cache->saveChanges(changes.appointments, QDateTime::currentDateTimeUtc());
    Q_EMIT changesArrived(changes);
}

void ClinicSession::onConnectionStateChanged(const ConnectionState &state)
{
    const bool wasOnline = isOnline();
    m_state = state;
    // Never read from the database yet: what the desk shows is this PC's copy, as of its time.
    if (!m_state.dataAsOf.isValid())
        m_state.dataAsOf = m_copyAsOf;
    Q_EMIT connectionStateChanged(m_state);
    // Back: the actions kept meanwhile go first, in the order they were taken.
    if (state.status == ConnectionState::Online) {
        m_outbox->replay();
        saveWindowToCache();
    } else if (wasOnline && m_cache && state.dataAsOf.isValid()) {
        m_cache->markCurrent(state.dataAsOf);
    } else {
        startFromCacheIfOffline();
    }
}

} // namespace frontdesk
