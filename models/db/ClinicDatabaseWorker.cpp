#include "ClinicDatabaseWorker.h"

#include "CallWatchdog.h"
#include "ClinicQueries.h"
#include "Migrator.h"
#include "Logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTimer>

#include <memory>
#include <optional>
#include <utility>

namespace frontdesk {

namespace {

// A handle to one of the worker's connections that lives only for the expression using it:
// closeAll() removes the connections, which must not happen while a handle is still held.
std::unique_ptr<QSqlDatabase> connectionNamed(const QString &name)
{
    return std::make_unique<QSqlDatabase>(QSqlDatabase::database(name, false));
}

// Loss is noticed within five seconds whatever the cause: an idle desk pings every one and a half
// seconds and gives a ping as long; a desk busy with a call gives it the server's statement
// timeout and half a second more, then cuts it (CallWatchdog).
constexpr int kHeartbeatMs = 1500;
constexpr std::chrono::milliseconds kPingLimit{ 1500 };
constexpr std::chrono::milliseconds kCallLimit{ ConnectionSettings::kStatementTimeoutMs + 500 };
// After this long without the database, "reconnecting" becomes "offline since".
constexpr qint64 kOfflineAfterMs = 10000;

} // namespace

ClinicDatabaseWorker::ClinicDatabaseWorker(ConnectionSettings settings, qint64 orgId, QObject *parent)
    : QObject(parent)
    , m_settings(settings.withDeskLimits())
    , m_orgId(orgId)
    , m_listenName(QStringLiteral("frontdesk-listen-%1").arg(quintptr(this), 0, 16))
    , m_queryName(QStringLiteral("frontdesk-query-%1").arg(quintptr(this), 0, 16))
    , m_heartbeat(new QTimer(this))
    , m_reconnect(new QTimer(this))
{
    m_heartbeat->setInterval(kHeartbeatMs);
    m_reconnect->setSingleShot(true);
    connect(m_heartbeat, &QTimer::timeout, this, &ClinicDatabaseWorker::heartbeat);
    connect(m_reconnect, &QTimer::timeout, this, &ClinicDatabaseWorker::tryReconnect);
}

ClinicDatabaseWorker::~ClinicDatabaseWorker()
{
    closeAll();
    QSqlDatabase::removeDatabase(m_listenName);
    QSqlDatabase::removeDatabase(m_queryName);
}

void ClinicDatabaseWorker::start()
{
    m_state.since = QDateTime::currentDateTimeUtc();
    setState(ConnectionState::Connecting);
    tryReconnect();
}

void ClinicDatabaseWorker::setState(ConnectionState::Status status, const QString &detail)
{
    // "Offline since" is the moment the connection was lost, not when retrying gave up hope.
    const bool stillAway = m_state.status == ConnectionState::Reconnecting && status == ConnectionState::Offline;
    if (m_state.status != status && !stillAway)
        m_state.since = QDateTime::currentDateTimeUtc();
    m_state.status = status;
    m_state.detail = detail;
    Q_EMIT connectionStateChanged(m_state);
}

bool ClinicDatabaseWorker::connectAll()
{
    closeAll();
    // Named apart in pg_stat_activity, so that an administrator sees which connection listens.
    ConnectionSettings listenSettings = m_settings;
    if (!listenSettings.options.contains(QStringLiteral("application_name")))
        listenSettings.options.insert(QStringLiteral("application_name"), QStringLiteral("frontdesk-listen"));
    QSqlDatabase listen = listenSettings.addDatabase(m_listenName);
    QSqlDatabase query = m_settings.addDatabase(m_queryName);
    if (!listen.open()) {
        m_state.detail = listen.lastError().text();
        return false;
    }
    if (!query.open()) {
        m_state.detail = query.lastError().text();
        return false;
    }
    // From here on every round trip of the set-up is bounded like any other call.
    const auto watch = CallWatchdog::shared().watch({ listen, query }, kCallLimit);
    // open() drops every subscription: subscribe again on every connect.
    if (!listen.driver()->subscribeToNotification(QString::fromLatin1(kChannel))) {
        m_state.detail = listen.lastError().text();
        return false;
    }
    connect(listen.driver(), &QSqlDriver::notification, this, &ClinicDatabaseWorker::onNotification,
            Qt::UniqueConnection);

    const auto version = Migrator(query).appliedVersion();
    if (!version || version.value() < Migrator::requiredVersion()) {
        m_state.detail = version ? tr("The clinic database has schema version %1; this Frontdesk needs %2. "
                                      "Ask your administrator to run frontdesk-admin migrate.")
                                       .arg(version.value()).arg(Migrator::requiredVersion())
                                 : version.error().message;
        return false;
    }
    auto clinic = ClinicQueries::loadClinic(query, m_orgId);
    if (!clinic) {
        m_state.detail = clinic.error().message;
        return false;
    }
    m_clinic = clinic.value();
    auto user = ClinicQueries::loadDeskUser(query);
    if (!user) {
        m_state.detail = user.error().message;
        return false;
    }
    const auto history = ClinicQueries::serverHistory(query);
    if (!history) {
        m_state.detail = history.error().message;
        return false;
    }
    if (!m_serverHistory.isEmpty() && history.value() != m_serverHistory) {
        // A standby promoted after the primary died (or a restore): the feed's cursor is a
        // snapshot of the old server's transaction ids, which the new one may never have seen or
        // may give out again (asynchronous replication loses the last commits), so its first read
        // would announce an arbitrary part of the new server's changes. Start the feed afresh;
        // the day is read again on every connect anyway.
        qCWarning(lcDatabase) << "the server's history changed from" << m_serverHistory << "to" << history.value();
        m_cursor.clear();
        m_watchingSince = QDateTime();   // what was new on the old server means nothing here
        m_readAgainNotice = tr("The clinic database moved to its standby server; everything was read again.");
    }
    m_serverHistory = history.value();
    if (!m_watchingSince.isValid()) {
        // "New" compares bookings' created_at with this moment: both by the server's clock,
        // whatever the desk PC's clock says.
        const auto now = ClinicQueries::serverNow(query);
        if (!now) {
            m_state.detail = now.error().message;
            return false;
        }
        m_watchingSince = now.value();
        Q_EMIT watchingStarted(m_watchingSince);
    }
    if (watch.cut()) {
        m_state.detail = tr("the database server stopped answering");
        return false;
    }
    Q_EMIT clinicLoaded(m_clinic);
    Q_EMIT userLoaded(user.value());
    return true;
}

void ClinicDatabaseWorker::closeAll()
{
    m_feed.reset();   // its prepared statement belongs to the connection closed below
    for (const QString &name : { m_listenName, m_queryName }) {
        if (QSqlDatabase::contains(name)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
}

void ClinicDatabaseWorker::tryReconnect()
{
    // Notifications sent while we were away are gone: the tables are the truth, so only a
    // connection that has re-read the shown day counts as online.
    if (connectAll() && catchUp() && reloadWatchedDay()) {
        qCInfo(lcDatabase) << "connected to" << m_settings.describe();
        m_backoff.reset();
        m_heartbeat->start();
        if (m_state.status != ConnectionState::Online)
            setState(ConnectionState::Online, std::exchange(m_readAgainNotice, QString()));
        return;
    }
    qCWarning(lcDatabase) << "cannot connect to" << m_settings.describe() << m_state.detail;
    closeAll();
    const bool longGone = m_state.since.msecsTo(QDateTime::currentDateTimeUtc()) > kOfflineAfterMs;
    const bool neverConnected = !m_state.dataAsOf.isValid();
    setState(longGone || neverConnected ? ConnectionState::Offline : ConnectionState::Reconnecting, m_state.detail);
    m_reconnect->start(m_backoff.next());
}

void ClinicDatabaseWorker::connectionLost(const QString &why)
{
    if (m_state.status != ConnectionState::Online)
        return;
    qCWarning(lcDatabase) << "connection lost:" << why;
    m_heartbeat->stop();
    closeAll();
    setState(ConnectionState::Reconnecting, why);
    // A day asked for just before (its read failed with the connection) is not coming now.
    if (m_watchedDay.isValid())
        Q_EMIT dayUnavailable(m_watchedDay);
    // Every desk of the clinic lost it at the same moment: spread the first attempts over a second.
    m_backoff.reset();
    m_reconnect->start(m_backoff.next());
}

void ClinicDatabaseWorker::heartbeat()
{
    // QPSQL does not signal a dead connection; only a failing round trip shows it, and only a
    // bounded one shows a server that has stopped answering.
    bool alive = false;
    bool cut = false;
    {
        auto listen = connectionNamed(m_listenName);
        auto query = connectionNamed(m_queryName);
        const auto watch = CallWatchdog::shared().watch({ *listen, *query }, kPingLimit);
        alive = ClinicQueries::ping(*listen) && ClinicQueries::ping(*query);
        cut = watch.cut();
    }
    if (!alive)
        connectionLost(cut ? tr("the database server stopped answering") : tr("the connection to the database was lost"));
}

void ClinicDatabaseWorker::showDay(QDate day)
{
    m_watchedDay = day;
    if (m_state.status != ConnectionState::Online)
        Q_EMIT dayUnavailable(day);
    else if (!reloadWatchedDay())
        connectionLost(m_state.detail);
}

bool ClinicDatabaseWorker::reloadWatchedDay()
{
    if (!m_watchedDay.isValid() || !m_clinic.isValid())
        return true;
    const auto watch = CallWatchdog::shared().watch({ *connectionNamed(m_queryName) }, kCallLimit);
    auto day = ClinicQueries::loadDay(*connectionNamed(m_queryName), m_clinic, m_watchedDay);
    if (!day) {
        m_state.detail = day.error().message;
        return false;
    }
    m_state.dataAsOf = QDateTime::currentDateTimeUtc();
    Q_EMIT dayLoaded(m_watchedDay, day.value());
    return true;
}

void ClinicDatabaseWorker::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                          const QVariant &payload)
{
    if (name != QLatin1String(kChannel))
        return;
    // The doorbell only says "something changed"; the feed says what, without gaps. Another
    // clinic's doorbell (all share the channel) needs no visit.
    const QJsonObject doorbell = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    if (doorbell.value(u"org_id").toInteger() != m_orgId)
        return;
    if (!catchUp())
        connectionLost(m_state.detail);
}

bool ClinicDatabaseWorker::catchUp()
{
    if (!m_feed)
        m_feed = std::make_unique<ClinicQueries::ChangeFeed>(*connectionNamed(m_queryName));
    const auto watch = CallWatchdog::shared().watch({ *connectionNamed(m_queryName) }, kCallLimit);
    const auto batch = m_feed->read(m_orgId, m_cursor);
    if (!batch) {
        m_state.detail = batch.error().message;
        return false;
    }
    // The feed brings the changed appointments themselves: one round trip per doorbell.
    if (!batch->changes.isEmpty()) {
        qCDebug(lcLive) << batch->changes.events.size() << "events," << batch->changes.appointments.size()
                        << "appointments";
        Q_EMIT changed(batch->changes);
    }
    m_cursor = batch->cursor;
    m_state.dataAsOf = QDateTime::currentDateTimeUtc();
    return true;
}

void ClinicDatabaseWorker::run(const DatabaseJob &job)
{
    const bool online = m_state.status == ConnectionState::Online;
    JobOutcome outcome;
    bool lost = false;
    {
        // The handle must be gone before connectionLost() removes the connection.
        const auto connection = online ? connectionNamed(m_queryName) : nullptr;
        std::optional<CallWatchdog::Watch> watch;
        if (connection)
            watch.emplace(CallWatchdog::shared().watch({ *connection }, kCallLimit));
        outcome = job(connection.get());
        // Only a dead connection matters here; any other error was the job's own to answer.
        lost = online && outcome.failure
            && (outcome.failure->code == u"CONNECTION_LOST" || !connection->isOpen() || watch->cut());
    }
    if (outcome.deliver)
        Q_EMIT answerReady(outcome);
    if (lost)
        connectionLost(outcome.failure->message);
}

} // namespace frontdesk
