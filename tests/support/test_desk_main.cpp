// frontdesk-test-desk: a desk without a window, for fault tests that kill the desk's process.
// It runs a real ClinicSession with its outbox (the file under XDG_DATA_HOME, as the app's) and
// takes staff actions from its standard input, one command a line (Command::toJson, compact).
// It prints one line per thing a test waits for, so that the test knows when to SIGKILL it:
//
//   OUTBOX <path>                the outbox file it uses
//   OPENED <open entries>        the outbox file is open (what it still holds)
//   STATE <Online|Offline|...>   the connection state changed
//   <QUEUED|OK|code> <key> <answer>   the answer to an action read from stdin
//   APPLIED <key> <answer>       the outbox's replay of an action was answered as applied
//   CONFLICT <key> <code>        the outbox's replay of an action was refused
//   STORE_FAILED <why>           the outbox file refused a write
//   LONGEST_STALL <n> <ms>       the answer to the line "stall <n>": the longest time its event
//                                loop (the desk's GUI thread) went without running, so far
//
// Usage: FRONTDESK_DATABASE=<conninfo with the login's password> frontdesk-test-desk --org <id>
// It ends when its standard input closes.
#include "commands/Command.h"
#include "commands/CommandResult.h"
#include "outbox/Outbox.h"
#include "services/ClinicSession.h"
#include "StallProbe.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace frontdesk;

namespace {

// One whole line at once, flushed: the test reads the pipe while this process may die any moment.
void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QString statusName(ConnectionState::Status status)
{
    switch (status) {
    case ConnectionState::Connecting: return QStringLiteral("Connecting");
    case ConnectionState::Online: return QStringLiteral("Online");
    case ConnectionState::Reconnecting: return QStringLiteral("Reconnecting");
    case ConnectionState::Offline: return QStringLiteral("Offline");
    }
    return QStringLiteral("Unknown");
}

// Reads commands from standard input without blocking the event loop.
class CommandReader : public QObject
{
public:
    CommandReader(ClinicSession *session, const test::StallProbe *probe, QObject *parent)
        : QObject(parent)
        , m_session(session)
        , m_probe(probe)
        , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
    {
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { readAvailable(); });
    }

private:
    void readAvailable()
    {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            m_notifier->setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        m_pending.append(buffer, n);
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(end).trimmed();
            m_pending.remove(0, end + 1);
            if (!line.isEmpty())
                take(line);
        }
    }

    void take(const QByteArray &line)
    {
        if (line.startsWith("stall ")) {
            say(QStringLiteral("LONGEST_STALL %1 %2").arg(QString::fromUtf8(line.mid(6))).arg(m_probe->longestStallMs()));
            return;
        }
        const auto command = Command::fromJson(QJsonDocument::fromJson(line).object());
        if (!command) {
            say(QStringLiteral("BAD_COMMAND ") + QString::fromUtf8(line));
            return;
        }
        const QString key = command->key;
        m_session->send(m_session, *command, [key](const CommandResult &answer) {
            say((answer.ok ? QStringLiteral("OK") : answer.code) + u' ' + key + u' ' + compact(answer.answer));
        });
    }

    ClinicSession *m_session;
    const test::StallProbe *m_probe;
    QSocketNotifier *m_notifier;
    QByteArray m_pending;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("org"), QStringLiteral("The clinic (organisation id)."), QStringLiteral("id") });
    parser.process(app);
    const auto settings = ConnectionSettings::parse(qEnvironmentVariable("FRONTDESK_DATABASE"));
    const qint64 orgId = parser.value(QStringLiteral("org")).toLongLong();
    if (!settings || orgId <= 0) {
        std::fprintf(stderr, "frontdesk-test-desk: set FRONTDESK_DATABASE and give --org\n");
        return 2;
    }

    ClinicSession session(settings.value(), orgId);
    Outbox *outbox = session.outbox();
    say(QStringLiteral("OUTBOX ") + outbox->path());
    QObject::connect(outbox, &Outbox::opened, &app, [outbox] {
        say(QStringLiteral("OPENED ") + QString::number(outbox->entries().size()));
    });
    QObject::connect(outbox, &Outbox::applied, &app, [](const OutboxEntry &entry, const CommandResult &answer) {
        say(QStringLiteral("APPLIED ") + entry.command.key + u' ' + compact(answer.answer));
    });
    QObject::connect(outbox, &Outbox::conflicted, &app, [](const OutboxEntry &entry) {
        say(QStringLiteral("CONFLICT ") + entry.command.key + u' ' + entry.lastAnswer.code);
    });
    QObject::connect(outbox, &Outbox::storeFailed, &app, [](const QString &why) {
        say(QStringLiteral("STORE_FAILED ") + QString(why).replace(u'\n', u' '));
    });
    ConnectionState::Status shown = ConnectionState::Connecting;
    QObject::connect(&session, &ClinicSession::connectionStateChanged, &app, [&shown](const ConnectionState &state) {
        if (state.status == shown)
            return;
        shown = state.status;
        say(QStringLiteral("STATE ") + statusName(state.status));
    });
    session.start();
    // The desk's thread must never wait on the database or the outbox file, whatever the test does.
    const test::StallProbe probe;
    new CommandReader(&session, &probe, &app);
    return app.exec();
}
