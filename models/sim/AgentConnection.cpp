#include "AgentConnection.h"

#include "Logging.h"
#include "commands/Command.h"
#include "db/ClinicQueries.h"
#include "db/FunctionCall.h"

#include <QSqlError>
#include <QStringList>
#include <QTimer>

#include <libpq-fe.h>

#include <vector>

namespace frontdesk {

namespace {

// libpq's messages span lines, the first saying what happened ("...failed: Connection refused",
// "FATAL:  terminating connection due to administrator command") and the rest guessing why; QPSQL
// appends the SQLSTATE in brackets, empty ("()") when the connection is gone. The first line.
QString oneLine(const QString &message)
{
    const QStringList lines = message.split(u'\n', Qt::SkipEmptyParts);
    QString line = lines.isEmpty() ? QString() : lines.first().simplified();
    if (line.endsWith(u"()"))
        line.chop(2);
    return line.trimmed();
}

QString connectError(const QSqlDatabase &db)
{
    const QSqlError e = db.lastError();
    return oneLine(e.databaseText().isEmpty() ? e.text() : e.databaseText());
}

// Whether an error of a statement on a connection that is still open can pass by waiting.
bool isPassing(const QString &code)
{
    return code.startsWith(u"08")                              // connection exception
        || code.startsWith(u"53")                              // insufficient resources
        || code.startsWith(u"57P")                             // shutdown, crash, cannot connect now
        || code == u"40001" || code == u"40P01";               // serialization failure, deadlock
}

} // namespace

AgentConnection::AgentConnection(ConnectionSettings settings, qint64 orgId, Backoff backoff, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_orgId(orgId)
    , m_backoff(backoff)
    , m_connectionName(QStringLiteral("frontdesk-agent-%1").arg(quintptr(this), 0, 16))
    , m_retry(new QTimer(this))
{
    m_backoff.firstMs = qMax(1, m_backoff.firstMs);
    m_backoff.longestMs = qMax(m_backoff.firstMs, m_backoff.longestMs);
    // So that the server's pg_stat_activity tells the agent from the desks.
    if (!m_settings.options.contains(QStringLiteral("application_name")))
        m_settings.options.insert(QStringLiteral("application_name"), QStringLiteral("frontdesk-agent"));
    m_db = m_settings.addDatabase(m_connectionName);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &AgentConnection::attempt);
}

AgentConnection::AgentConnection(ConnectionSettings settings, qint64 orgId, QObject *parent)
    : AgentConnection(std::move(settings), orgId, Backoff{}, parent)
{
}

AgentConnection::~AgentConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void AgentConnection::start()
{
    if (m_connected || m_failed || m_retry->isActive())
        return;
    m_outageAttempts = 0;
    m_delayMs = 0;
    m_retry->start(0);
}

bool AgentConnection::isConnectionLoss(const Error &error, const QSqlDatabase &db)
{
    // QPSQL reports a lost connection with an empty error (SqlStatement makes it CONNECTION_LOST),
    // and a backend ended by the server (57P01, pg_terminate_backend or a fast shutdown) leaves
    // libpq's connection bad: isOpen() is false for both.
    return !db.isOpen() || error.code == u"CONNECTION_LOST" || error.code.startsWith(u"08")
        || error.code == u"57P01" || error.code == u"57P02" || error.code == u"57P03";
}

Result<BookingResult> AgentConnection::book(const BookingRequest &request)
{
    const auto answer = bookAnswer(request);
    if (!answer)
        return answer.error();
    return BookingResult::fromAnswer(answer.value());
}

Result<CommandResult> AgentConnection::bookAnswer(const BookingRequest &request)
{
    if (!m_connected)
        return Error{ QStringLiteral("OFFLINE"), QStringLiteral("not connected to the database; waiting to reconnect") };
    auto answer = callFunctionRetrying(m_db, Commands::book(request));
    if (!answer && isConnectionLoss(answer.error(), m_db)) {
        qCDebug(lcDatabase) << "agent lost the connection to" << m_settings.describe() << answer.error().message;
        m_connected = false;
        m_db.close();
        m_outageAttempts = 0;
        m_delayMs = 0;
        Q_EMIT lost(oneLine(answer.error().message));
        // The first try at once: after a killed backend the server is still there. A server
        // that is restarting refuses it, and the backoff takes over.
        m_retry->start(0);
    }
    return answer;
}

void AgentConnection::attempt()
{
    if (m_connected || m_failed)
        return;
    ++m_attempts;
    ++m_outageAttempts;
    Error error;
    switch (open(&error)) {
    case Outcome::Connected: {
        const int tries = m_outageAttempts;
        m_connected = true;
        m_outageAttempts = 0;
        m_delayMs = 0;
        qCDebug(lcDatabase) << "agent connected to" << m_settings.describe() << "after" << tries << "attempt(s)";
        Q_EMIT connected(tries);
        return;
    }
    case Outcome::Permanent:
        error.message = oneLine(error.message);
        m_failed = true;
        m_db.close();
        qCDebug(lcDatabase) << "agent gives up on" << m_settings.describe() << error.code << error.message;
        Q_EMIT failed(error);
        return;
    case Outcome::Transient:
        m_db.close();
        scheduleRetry();
        qCDebug(lcDatabase) << "agent cannot connect (attempt" << m_outageAttempts << "), next in" << m_delayMs
                            << "ms:" << error.message;
        if (m_outageAttempts == 1)
            Q_EMIT waiting(oneLine(error.message));
        return;
    }
}

void AgentConnection::scheduleRetry()
{
    m_delayMs = m_delayMs == 0 ? m_backoff.firstMs : qMin(m_delayMs * 2, m_backoff.longestMs);
    m_retry->start(m_delayMs);
}

AgentConnection::Outcome AgentConnection::open(Error *error)
{
    if (!m_db.open()) {
        *error = Error{ QStringLiteral("CANNOT_CONNECT"), connectError(m_db) };
        // No answer (refused, timed out) or "starting up" / "shutting down": the server is away,
        // and waiting helps. An answer is a refusal of who we are (password, role, database),
        // which waiting does not cure; unless the server came up between the two: try again.
        if (!serverAnswers())
            return Outcome::Transient;
        if (!m_db.open()) {
            *error = Error{ QStringLiteral("CANNOT_CONNECT"), connectError(m_db) };
            return serverAnswers() ? Outcome::Permanent : Outcome::Transient;
        }
    }
    auto clinic = ClinicQueries::loadClinic(m_db, m_orgId);
    if (!clinic) {
        *error = clinic.error();
        // UNKNOWN_ORG, a missing schema, a login without the right: all permanent.
        return isConnectionLoss(*error, m_db) || isPassing(error->code) ? Outcome::Transient : Outcome::Permanent;
    }
    m_clinic = clinic.value();
    return Outcome::Connected;
}

bool AgentConnection::serverAnswers() const
{
    // PQping answers OK when the server took part in the attempt (asked for a password, or sent
    // an error other than "cannot connect now"), and NO_ATTEMPT when the parameters are invalid:
    // both are answers waiting will not change.
    std::vector<QByteArray> keys;
    std::vector<QByteArray> values;
    const auto add = [&](const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            keys.push_back(key.toUtf8());
            values.push_back(value.toUtf8());
        }
    };
    add(QStringLiteral("host"), m_settings.host);
    if (m_settings.port > 0)
        add(QStringLiteral("port"), QString::number(m_settings.port));
    add(QStringLiteral("dbname"), m_settings.database);
    add(QStringLiteral("user"), m_settings.user);
    add(QStringLiteral("password"), m_settings.password);
    for (auto it = m_settings.options.cbegin(); it != m_settings.options.cend(); ++it)
        add(it.key(), it.value());
    if (!m_settings.options.contains(QStringLiteral("connect_timeout")))
        add(QStringLiteral("connect_timeout"), QStringLiteral("5"));   // as ConnectionSettings::addDatabase
    std::vector<const char *> k;
    std::vector<const char *> v;
    for (size_t i = 0; i < keys.size(); ++i) {
        k.push_back(keys[i].constData());
        v.push_back(values[i].constData());
    }
    k.push_back(nullptr);
    v.push_back(nullptr);
    const PGPing ping = PQpingParams(k.data(), v.data(), 0);
    return ping == PQPING_OK || ping == PQPING_NO_ATTEMPT;
}

} // namespace frontdesk
