// The AI voice agent's connection (models/sim/AgentConnection) outlives the server going away, as
// a voice backend must: a killed backend or a server that is gone is noticed by the next booking,
// retried with backoff (never in a tight loop) and, once back, booking works again. What waiting
// cannot cure (a wrong password, an unknown clinic) ends it at once.
//
// "The server is away" is played by a TCP relay between the agent and the test cluster, on a
// thread of its own: cutting it drops every connection through it and refuses new ones, as a
// stopped server does, without stopping the cluster that other tests share.

#include "TestDatabase.h"

#include "sim/AgentConnection.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace frontdesk;
using frontdesk::test::TestDatabase;

namespace {

constexpr AgentConnection::Backoff kFastBackoff{ 50, 400 };

// The most tries an agent with `backoff` can make in `elapsedMs` of an outage: one at once, then
// one after each pause (first, twice that, ... up to longest).
int mostAttempts(qint64 elapsedMs, AgentConnection::Backoff backoff)
{
    int attempts = 1;
    qint64 at = 0;
    for (int delay = backoff.firstMs;; delay = qMin(delay * 2, backoff.longestMs)) {
        at += delay;
        if (at > elapsedMs)
            return attempts;
        ++attempts;
    }
}

} // namespace

// Relays 127.0.0.1:port() to the cluster, byte for byte. Lives on its own thread (moved there from
// outside): the agent blocks its own thread while it connects through the relay.
class TcpRelay : public QObject
{
    Q_OBJECT

public:
    TcpRelay(QString host, quint16 port) : m_host(std::move(host)), m_port(port) {}

    quint16 port() const { return m_listenPort; }

    // Listens on `port` (0: any free one). In the relay's thread.
    bool open(quint16 port)
    {
        if (!m_server) {
            m_server = new QTcpServer(this);
            connect(m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
        }
        if (!m_server->listen(QHostAddress::LocalHost, port))
            return false;
        m_listenPort = m_server->serverPort();
        return true;
    }

    // Drops every relayed connection and refuses new ones. In the relay's thread.
    void cut()
    {
        if (m_server)
            m_server->close();
        const auto sockets = findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets) {
            socket->disconnect();
            socket->abort();
            delete socket;
        }
    }

    void shutDown()
    {
        cut();
        delete m_server;
        m_server = nullptr;
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            client->setParent(this);
            auto *upstream = new QTcpSocket(this);
            connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
            connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
            const auto close = [client = QPointer<QTcpSocket>(client), upstream = QPointer<QTcpSocket>(upstream)] {
                for (QTcpSocket *s : { client.data(), upstream.data() }) {
                    if (s) {
                        s->disconnect();
                        s->disconnectFromHost();
                        s->deleteLater();
                    }
                }
            };
            connect(client, &QTcpSocket::disconnected, this, close);
            connect(upstream, &QTcpSocket::disconnected, this, close);
            connect(upstream, &QTcpSocket::errorOccurred, this, close);
            upstream->connectToHost(m_host, m_port);   // writes wait in its buffer until connected
        }
    }

    QString m_host;
    quint16 m_port;
    quint16 m_listenPort = 0;
    QTcpServer *m_server = nullptr;
};

class TestAgentConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reconnectsAfterItsBackendIsTerminated();
    void waitsWithBackoffWhileTheServerIsAway();
    void waitsForAServerThatIsNotUpYet();
    void givesUpOnAWrongPassword();
    void givesUpOnAnUnknownClinic();

private:
    BookingRequest request(int hour) const;
    ConnectionSettings agentSettings() const;
    int appointments(qint64 id) const;
    // Runs `work` in the relay's thread and waits for it.
    template <typename F>
    void inRelay(F work)
    {
        QMetaObject::invokeMethod(m_relay.get(), work, Qt::BlockingQueuedConnection);
    }

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_agentLogin;
    QThread m_relayThread;
    std::unique_ptr<TcpRelay> m_relay;
};

void TestAgentConnection::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(QStringLiteral("UTC"), 2);
    m_agentLogin = m_db->createLogin(QStringLiteral("agent"), m_clinic.id);
    const ConnectionSettings server = m_db->settings();
    m_relay = std::make_unique<TcpRelay>(server.host, quint16(server.port));
    m_relay->moveToThread(&m_relayThread);
    m_relayThread.start();
}

void TestAgentConnection::cleanup()
{
    if (m_relay) {
        inRelay([this] { m_relay->shutDown(); });
        m_relayThread.quit();
        m_relayThread.wait();
        m_relay.reset();
    }
    m_db.reset();
}

BookingRequest TestAgentConnection::request(int hour) const
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = QDateTime(QDate::currentDate().addDays(2), QTime(hour, 0), QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = QStringLiteral("Katherine Johnson %1").arg(QChar(u'A' + hour));
    r.phone = QStringLiteral("(212) 555-01%1").arg(hour, 2, 10, QChar(u'0'));
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    return r;
}

ConnectionSettings TestAgentConnection::agentSettings() const
{
    return m_db->settingsAs(m_agentLogin);
}

int TestAgentConnection::appointments(qint64 id) const
{
    return m_db->scalar(QStringLiteral("select count(*) from frontdesk.appointments where id = %1").arg(id)).toInt();
}

void TestAgentConnection::reconnectsAfterItsBackendIsTerminated()
{
    AgentConnection agent(agentSettings(), m_clinic.id, kFastBackoff);
    QSignalSpy connected(&agent, &AgentConnection::connected);
    QSignalSpy lost(&agent, &AgentConnection::lost);
    QSignalSpy failed(&agent, &AgentConnection::failed);
    agent.start();
    QTRY_COMPARE(connected.count(), 1);
    QCOMPARE(connected.first().first().toInt(), 1);
    QCOMPARE(agent.clinic().id, m_clinic.id);

    const auto first = agent.book(request(9));
    QVERIFY2(first && first->ok, qPrintable(first ? first->code : first.error().message));

    // The server ends the agent's backend (as an administrator or a restart would), and waits
    // until it is gone. QPSQL notices nothing until the next statement.
    const int killed = m_db->scalarAsSuperuser(QStringLiteral(
        "select count(pg_terminate_backend(pid, 5000)) from pg_stat_activity where usename = '%1'").arg(m_agentLogin)).toInt();
    QCOMPARE(killed, 1);
    QVERIFY(agent.isConnected());

    // The next booking finds out, and says the connection is gone.
    const BookingRequest second = request(11);
    const auto noticed = agent.book(second);
    QVERIFY(!noticed);
    QCOMPARE(lost.count(), 1);
    QVERIFY(!lost.first().first().toString().isEmpty());
    QVERIFY(!agent.isConnected());
    // Until it is back, nothing is sent.
    const auto meanwhile = agent.book(request(13));
    QVERIFY(!meanwhile);
    QCOMPARE(meanwhile.error().code, QStringLiteral("OFFLINE"));

    // Back by itself; the same request (same key) books now, once.
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, 5000);
    QVERIFY(agent.isConnected());
    const auto again = agent.book(second);
    QVERIFY2(again && again->ok, qPrintable(again ? again->code : again.error().message));
    QCOMPARE(appointments(again->appointmentId), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("select count(*) from frontdesk.appointments")).toInt(), 2);
    QCOMPARE(lost.count(), 1);
    QCOMPARE(failed.count(), 0);
}

void TestAgentConnection::waitsWithBackoffWhileTheServerIsAway()
{
    // A longest pause far from the first, so that a backoff not reset after reconnecting shows.
    constexpr AgentConnection::Backoff backoff{ 50, 1600 };
    bool listening = false;
    inRelay([&] { listening = m_relay->open(0); });
    QVERIFY(listening);
    const quint16 port = m_relay->port();
    ConnectionSettings viaRelay = agentSettings();
    viaRelay.port = port;

    AgentConnection agent(viaRelay, m_clinic.id, backoff);
    QSignalSpy connected(&agent, &AgentConnection::connected);
    QSignalSpy lost(&agent, &AgentConnection::lost);
    QSignalSpy waiting(&agent, &AgentConnection::waiting);
    QSignalSpy failed(&agent, &AgentConnection::failed);
    agent.start();
    QTRY_COMPARE(connected.count(), 1);
    const auto first = agent.book(request(9));
    QVERIFY2(first && first->ok, qPrintable(first ? first->code : first.error().message));

    // The server goes away: its connections drop and nothing answers on its port.
    inRelay([&] { m_relay->cut(); });
    const BookingRequest second = request(11);
    QVERIFY(!agent.book(second));
    QCOMPARE(lost.count(), 1);

    // While it is away the agent keeps trying, by the backoff: a handful of tries, not a spin.
    const int attemptsBefore = agent.attempts();
    QElapsedTimer window;
    window.start();
    QTest::qWait(2000);
    const int tries = agent.attempts() - attemptsBefore;
    const int most = mostAttempts(window.elapsed(), backoff);
    qInfo("%d tries in %lld ms away (the backoff allows %d)", tries, window.elapsed(), most);
    QVERIFY2(tries >= 4, "the agent must keep trying while the server is away");
    QVERIFY2(tries <= most + 1, "the agent must wait between tries, longer and longer");
    QVERIFY(!agent.isConnected());
    QCOMPARE(waiting.count(), 1);   // once per outage, not once per try
    QCOMPARE(failed.count(), 0);
    QCOMPARE(connected.count(), 1);

    // The server is back on its port: within the longest pause, the agent is too.
    inRelay([&] { listening = m_relay->open(port); });
    QVERIFY(listening);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, backoff.longestMs + 3000);
    QVERIFY(connected.last().first().toInt() > 1);
    const auto again = agent.book(second);
    QVERIFY2(again && again->ok, qPrintable(again ? again->code : again.error().message));
    QCOMPARE(appointments(again->appointmentId), 1);

    // The backoff starts afresh after a reconnect: in the next outage, the first pause is the
    // shortest again, not the longest the last outage reached.
    inRelay([&] { m_relay->cut(); });
    QVERIFY(!agent.book(request(13)));
    QCOMPARE(lost.count(), 2);
    QTRY_COMPARE(waiting.count(), 2);   // the try at once has failed
    inRelay([&] { listening = m_relay->open(port); });
    QVERIFY(listening);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 3, backoff.longestMs / 2);
}

void TestAgentConnection::waitsForAServerThatIsNotUpYet()
{
    // A port nothing listens on yet: the relay's, closed until the server "starts".
    bool listening = false;
    inRelay([&] { listening = m_relay->open(0); });
    QVERIFY(listening);
    const quint16 port = m_relay->port();
    inRelay([&] { m_relay->cut(); });
    ConnectionSettings viaRelay = agentSettings();
    viaRelay.port = port;

    AgentConnection agent(viaRelay, m_clinic.id, kFastBackoff);
    QSignalSpy connected(&agent, &AgentConnection::connected);
    QSignalSpy waiting(&agent, &AgentConnection::waiting);
    QSignalSpy failed(&agent, &AgentConnection::failed);
    agent.start();
    QTRY_COMPARE(waiting.count(), 1);
    QVERIFY(!waiting.first().first().toString().isEmpty());
    QTRY_VERIFY(agent.attempts() >= 3);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(connected.count(), 0);
    QVERIFY(!agent.book(request(9)));

    inRelay([&] { listening = m_relay->open(port); });
    QVERIFY(listening);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kFastBackoff.longestMs + 3000);
    QVERIFY(connected.first().first().toInt() >= 3);
    QCOMPARE(waiting.count(), 1);
    const auto booked = agent.book(request(9));
    QVERIFY2(booked && booked->ok, qPrintable(booked ? booked->code : booked.error().message));
    QCOMPARE(appointments(booked->appointmentId), 1);
}

void TestAgentConnection::givesUpOnAWrongPassword()
{
    ConnectionSettings wrong = agentSettings();
    wrong.password = QStringLiteral("not-the-password");
    AgentConnection agent(wrong, m_clinic.id, kFastBackoff);
    QSignalSpy connected(&agent, &AgentConnection::connected);
    QSignalSpy waiting(&agent, &AgentConnection::waiting);
    QSignalSpy failed(&agent, &AgentConnection::failed);
    agent.start();
    QTRY_COMPARE(failed.count(), 1);
    const auto error = failed.first().first().value<Error>();
    QVERIFY2(error.message.contains(QStringLiteral("password authentication failed")), qPrintable(error.message));
    // Nothing more is tried: a few pauses' worth later, still the one attempt.
    QTest::qWait(4 * kFastBackoff.firstMs);
    QCOMPARE(agent.attempts(), 1);
    QCOMPARE(waiting.count(), 0);
    QCOMPARE(connected.count(), 0);
}

void TestAgentConnection::givesUpOnAnUnknownClinic()
{
    AgentConnection agent(agentSettings(), m_clinic.id + 1000, kFastBackoff);
    QSignalSpy failed(&agent, &AgentConnection::failed);
    QSignalSpy connected(&agent, &AgentConnection::connected);
    agent.start();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("UNKNOWN_ORG"));
    QCOMPARE(agent.attempts(), 1);
    QCOMPARE(connected.count(), 0);
    QVERIFY(!agent.isConnected());
}

QTEST_GUILESS_MAIN(TestAgentConnection)
#include "tst_agentconnection.moc"
