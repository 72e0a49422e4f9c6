#pragma once

#include "commands/Command.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace frontdesk::test {

// A desk in a process of its own (frontdesk-test-desk), for tests that kill it: a real
// ClinicSession with its outbox, fed commands on its standard input, telling what happens one
// line at a time (see tests/support/test_desk_main.cpp). Every wait spins the event loop.
class DeskProcess
{
public:
    // program: the frontdesk-test-desk executable; conninfo: the desk login's, with its password
    // (handed over in the environment, never on the command line).
    DeskProcess(const QString &program, const QString &conninfo, qint64 orgId);
    // Ends the process if a test left it running: its standard input closed, then SIGKILL.
    ~DeskProcess();
    DeskProcess(const DeskProcess &) = delete;
    DeskProcess &operator=(const DeskProcess &) = delete;

    // Starts it and waits until its outbox file is open; false (see lines()) if it is not.
    bool start(int limitMs = 10000);
    qint64 pid() const { return m_process.processId(); }
    const QString &outboxPath() const { return m_outboxPath; }

    // Writes one command to its standard input; the answer comes as a line.
    void send(const Command &command);

    // The first line so far or within limitMs that begins with `start` (e.g. "QUEUED <key>"), or
    // an empty string.
    QString waitForLine(const QString &start, int limitMs = 10000);
    bool hasLine(const QString &start) const;
    // The answer printed after "<word> <key> " in such a line.
    static QJsonObject answerIn(const QString &line);

    // The longest time its event loop went without running so far (-1: no answer).
    qint64 longestStallMs();

    // SIGKILL, by its pid, and waits until it is gone: nothing of it runs after this.
    bool killHard();
    // Closes its standard input (it quits) and waits for its exit; SIGKILL if it does not end.
    void finish();

    const QStringList &lines() const { return m_lines; }

private:
    void readLines();
    bool waitUntilGone(int limitMs);

    QProcess m_process;
    QByteArray m_partial;
    QStringList m_lines;
    QString m_outboxPath;
    int m_stallQuestions = 0;
};

} // namespace frontdesk::test
