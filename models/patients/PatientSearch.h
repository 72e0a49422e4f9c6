#pragma once

#include "domain/Patient.h"
#include "domain/Result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace frontdesk {

class ClinicSession;
class RunningQuery;

// Finds the clinic's patients as the desk types, through the session (never on this thread).
// Every keystroke asks at once, and never waits behind an older keystroke's query: each request
// carries a generation number, a query still queued when a newer one is asked for is skipped on
// the database thread without running, one already running is cancelled (a two-letter search
// reads the whole clinic), and an answer older than the latest is dropped. So the last text's
// results are the last delivered. Under two characters (trimmed) or over 100, the
// answer is empty at once and nothing is asked, as the database would find nothing. Offline,
// the answer is empty at once too, and state() says why, so a view can say that searching
// needs the connection; the text is searched again once the desk is back online.
class PatientSearch : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,        // nothing to search (under two characters)
        Searching,   // a query for the latest text is out
        Ready,       // the latest text's results were delivered
        Offline,     // the database cannot be reached: empty results, nothing asked
        Failed,      // the query failed; lastError() says how
    };
    Q_ENUM(State)

    static constexpr int kMinimumLength = 2;
    static constexpr int kMaximumLength = 100;

    explicit PatientSearch(ClinicSession *session, QObject *parent = nullptr);

    // Searches for `text` (as typed; the answer names it as given). The same text as the latest
    // asks nothing again; refresh() does.
    void setText(const QString &text);
    void refresh();
    void clear() { setText({}); }
    QString text() const { return m_text; }
    // How many patients at most (1 to 100; 20 by default).
    void setLimit(int limit);
    int limit() const { return m_limit; }
    // Whether a newer request cancels the query still running for an older one (on by default).
    void setCancelsRunningQueries(bool cancels) { m_cancelsRunning = cancels; }

    State state() const { return m_state; }
    bool needsConnection() const { return m_state == State::Offline; }
    const Error &lastError() const { return m_error; }
    // The latest results, for the latest text once state() is Ready.
    const PatientMatchList &matches() const { return m_matches; }

    // For tests and the benchmark: queries skipped on the database thread because a newer one
    // was asked for by then, queries cancelled while they ran, and answers that arrived after a
    // newer text was asked for.
    int skippedQueries() const { return m_skipped; }
    int cancelledQueries() const { return m_cancelled; }
    int droppedAnswers() const { return m_dropped; }
    int queriesSent() const { return m_sent; }

Q_SIGNALS:
    // The results for `text`; the last one emitted is always for the latest text.
    void resultsReady(const QString &text, const frontdesk::PatientMatchList &matches);
    void stateChanged(frontdesk::PatientSearch::State state);

private:
    void ask(const QString &text);
    void onAnswer(quint64 generation, const QString &text, const Result<PatientMatchList> &answer);
    void deliver(State state, const PatientMatchList &matches);
    void setState(State state);

    ClinicSession *m_session;
    // The generation of the latest request, shared with the queued reads so that the database
    // thread can tell a superseded one before running it.
    std::shared_ptr<std::atomic<quint64>> m_latest;
    // The search running on the database thread now, for a newer request to cancel.
    std::shared_ptr<RunningQuery> m_running;
    bool m_cancelsRunning = true;
    quint64 m_generation = 0;
    QString m_text;
    int m_limit = 20;
    State m_state = State::Idle;
    Error m_error;
    PatientMatchList m_matches;
    int m_skipped = 0;
    int m_cancelled = 0;
    int m_dropped = 0;
    int m_sent = 0;
};

} // namespace frontdesk
