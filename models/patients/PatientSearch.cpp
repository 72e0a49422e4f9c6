#include "PatientSearch.h"

#include "db/PatientQueries.h"
#include "db/RunningQuery.h"
#include "services/ClinicSession.h"

#include <QThreadPool>

namespace frontdesk {

namespace {

// What the database would search for: it trims the text, and finds nothing outside these bounds.
bool isSearchable(const QString &text)
{
    return text.size() <= PatientSearch::kMaximumLength && text.trimmed().size() >= PatientSearch::kMinimumLength;
}

bool isConnectionError(const Error &error)
{
    return error.code == u"OFFLINE" || error.code == u"CONNECTION_LOST";
}

} // namespace

PatientSearch::PatientSearch(ClinicSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
    , m_running(std::make_shared<RunningQuery>())
{
    connect(m_session, &ClinicSession::connectionStateChanged, this, [this](const ConnectionState &state) {
        // What could not be searched offline is searched once the desk is back.
        if (state.status == ConnectionState::Online && m_state == State::Offline)
            refresh();
    });
}

void PatientSearch::setLimit(int limit)
{
    m_limit = qBound(1, limit, 100);
}

void PatientSearch::setText(const QString &text)
{
    if (text == m_text && m_generation > 0)
        return;
    ask(text);
}

void PatientSearch::refresh()
{
    ask(m_text);
}

void PatientSearch::ask(const QString &text)
{
    m_text = text;
    // Every request, even one that asks nothing, supersedes what is still out.
    const quint64 generation = ++m_generation;
    m_latest->store(generation, std::memory_order_release);
    // Stored first: a query that starts running after this look sees it and does not run.
    if (m_cancelsRunning && m_running->runsOlderThan(generation)) {
        // Sending a cancel connects to the server: never on this thread.
        QThreadPool::globalInstance()->start([running = m_running, generation] { running->cancelOlderThan(generation); });
    }
    m_error = {};
    if (!isSearchable(text)) {
        deliver(State::Idle, {});
        return;
    }
    if (!m_session->isOnline()) {
        m_error = offlineError();
        deliver(State::Offline, {});
        return;
    }
    setState(State::Searching);
    ++m_sent;
    m_session->read(this, PatientQueries::search(m_session->clinic().id, text, m_limit, generation, m_latest, m_running),
                    [this, generation, text](const Result<PatientMatchList> &answer) {
                        onAnswer(generation, text, answer);
                    });
}

void PatientSearch::onAnswer(quint64 generation, const QString &text, const Result<PatientMatchList> &answer)
{
    if (!answer && answer.error().code == u"SUPERSEDED") {
        ++m_skipped;
        return;
    }
    if (!answer && answer.error().code == u"CANCELLED") {
        ++m_cancelled;
        return;
    }
    if (generation != m_generation) {
        ++m_dropped;   // a newer text was asked for: this one is no longer on screen
        return;
    }
    Q_ASSERT(text == m_text);
    if (!answer) {
        m_error = answer.error();
        deliver(isConnectionError(m_error) ? State::Offline : State::Failed, {});
        return;
    }
    deliver(State::Ready, answer.value());
}

void PatientSearch::deliver(State state, const PatientMatchList &matches)
{
    m_matches = matches;
    setState(state);
    Q_EMIT resultsReady(m_text, m_matches);
}

void PatientSearch::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace frontdesk
