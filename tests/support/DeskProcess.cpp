#include "DeskProcess.h"

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <utility>
#include <sys/types.h>

namespace frontdesk::test {

DeskProcess::DeskProcess(const QString &program, const QString &conninfo, qint64 orgId)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FRONTDESK_DATABASE"), conninfo);
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(program);
    m_process.setArguments({ QStringLiteral("--org"), QString::number(orgId) });
    // Its log goes to the test's log, for when a test fails.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { readLines(); });
}

DeskProcess::~DeskProcess()
{
    finish();
}

bool DeskProcess::start(int limitMs)
{
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    const QString outbox = waitForLine(QStringLiteral("OUTBOX "), limitMs);
    m_outboxPath = outbox.mid(QStringLiteral("OUTBOX ").size());
    return !outbox.isEmpty() && !waitForLine(QStringLiteral("OPENED "), limitMs).isEmpty();
}

void DeskProcess::send(const Command &command)
{
    m_process.write(QJsonDocument(command.toJson()).toJson(QJsonDocument::Compact) + '\n');
}

void DeskProcess::readLines()
{
    m_partial += m_process.readAllStandardOutput();
    qsizetype end;
    while ((end = m_partial.indexOf('\n')) >= 0) {
        m_lines.append(QString::fromUtf8(m_partial.left(end)));
        m_partial.remove(0, end + 1);
    }
}

bool DeskProcess::hasLine(const QString &start) const
{
    return std::any_of(m_lines.cbegin(), m_lines.cend(), [&start](const QString &line) { return line.startsWith(start); });
}

QString DeskProcess::waitForLine(const QString &start, int limitMs)
{
    const auto found = [this, &start]() -> QString {
        for (const QString &line : std::as_const(m_lines)) {
            if (line.startsWith(start))
                return line;
        }
        return {};
    };
    // Whether it came or the process ended first, found() below says.
    (void)QTest::qWaitFor([&] { return !found().isEmpty() || m_process.state() == QProcess::NotRunning; }, limitMs);
    readLines();
    return found();
}

QJsonObject DeskProcess::answerIn(const QString &line)
{
    // "<word> <key> <answer>": keys have no spaces, the answer is one compact JSON object.
    const qsizetype second = line.indexOf(u' ', line.indexOf(u' ') + 1);
    return second < 0 ? QJsonObject() : QJsonDocument::fromJson(line.mid(second + 1).toUtf8()).object();
}

qint64 DeskProcess::longestStallMs()
{
    const QString question = QString::number(++m_stallQuestions);
    m_process.write("stall " + question.toUtf8() + '\n');
    const QString answer = waitForLine(QStringLiteral("LONGEST_STALL ") + question + u' ');
    return answer.isEmpty() ? -1 : answer.section(u' ', 2).toLongLong();
}

bool DeskProcess::waitUntilGone(int limitMs)
{
    return QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, limitMs);
}

bool DeskProcess::killHard()
{
    if (m_process.state() == QProcess::NotRunning)
        return false;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    const bool gone = waitUntilGone(5000);
    readLines();
    return gone && m_process.exitStatus() == QProcess::CrashExit;
}

void DeskProcess::finish()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!waitUntilGone(5000))
        killHard();
    readLines();
}

} // namespace frontdesk::test
