#include "Outbox.h"

#include "outbox/OutboxStore.h"
#include "Logging.h"

#include <algorithm>

#include <QPointer>
#include <QThread>
#include <QTimer>

namespace frontdesk {

namespace {
// After a transient refusal (the server busy, a timeout) the same action is tried again this
// much later while the desk stays online.
constexpr int kRetryAfterMs = 5000;
}

Outbox::Outbox(const QString &path, Sender sender, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_sender(std::move(sender))
    , m_thread(new QThread(this))
    , m_store(new OutboxStore(path))
    , m_retryTimer(new QTimer(this))
{
    qRegisterMetaType<OutboxEntry>();
    qRegisterMetaType<OutboxEntryList>();
    m_thread->setObjectName(QStringLiteral("frontdesk-outbox"));
    m_store->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_store, &QObject::deleteLater);
    connect(m_store, &OutboxStore::opened, this, &Outbox::onOpened);
    connect(m_store, &OutboxStore::entryChanged, this, &Outbox::onEntryChanged);
    connect(m_store, &OutboxStore::failed, this, [this](const QString &why) {
        qCWarning(lcDatabase) << "outbox:" << why;
        Q_EMIT storeFailed(why);
    });
    // A keeper always hears back: an action the file refused was not done, and must not wait
    // for ever on an answer (the person would believe it kept).
    connect(m_store, &OutboxStore::notKept, this, [this](const QString &requestKey) {
        if (auto waiting = m_waitingToBeKept.take(requestKey))
            waiting(false);
    });
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setInterval(kRetryAfterMs);
    connect(m_retryTimer, &QTimer::timeout, this, &Outbox::replay);
    m_thread->start();
}

Outbox::~Outbox()
{
    // Writes already queued to the store finish before its thread ends: quit() alone may leave
    // posted events unrun, so wait for an empty call queued behind them (posted events run in order).
    if (m_thread->isRunning())
        QMetaObject::invokeMethod(m_store, [] { }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void Outbox::open()
{
    QMetaObject::invokeMethod(m_store, &OutboxStore::open, Qt::QueuedConnection);
}

void Outbox::onOpened(const OutboxEntryList &entries)
{
    m_entries = entries;
    m_open = true;
    Q_EMIT opened();
    Q_EMIT entriesChanged();
    if (m_replayAsked)
        replay();
}

void Outbox::keep(const Command &command, const QString &summary, std::function<void(bool)> kept)
{
    OutboxEntry entry;
    entry.command = command;
    entry.summary = summary;
    entry.takenAt = QDateTime::currentDateTimeUtc();
    m_waitingToBeKept.insert(command.key, std::move(kept));
    QMetaObject::invokeMethod(m_store, [store = m_store, entry] { store->append(entry); }, Qt::QueuedConnection);
}

void Outbox::onEntryChanged(const OutboxEntry &changed)
{
    // The store's word that an entry is on disk: a new one is listed now, and its keeper told.
    if (!find(changed.seq) && changed.isOpen()) {
        m_entries.append(changed);
        Q_EMIT entriesChanged();
    }
    if (auto waiting = m_waitingToBeKept.take(changed.command.key))
        waiting(true);
}

int Outbox::pendingCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const OutboxEntry &e) { return e.state == OutboxEntry::State::Pending; }));
}

int Outbox::conflictCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const OutboxEntry &e) { return e.state == OutboxEntry::State::Conflict; }));
}

bool Outbox::holdsAppointment(qint64 appointmentId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [appointmentId](const OutboxEntry &e) {
        return e.isOpen() && targetOf(e.command.operation) == CommandTarget::Appointment
            && e.command.targetId == appointmentId;
    });
}

bool Outbox::holdsTargetOf(const Command &command) const
{
    const CommandTarget target = targetOf(command.operation);
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const OutboxEntry &e) {
        if (!e.isOpen() || targetOf(e.command.operation) != target)
            return false;
        return target == CommandTarget::None ? e.state == OutboxEntry::State::Pending
                                             : e.command.targetId == command.targetId;
    });
}

const OutboxEntry *Outbox::sameActionWaiting(const Command &command) const
{
    if (targetOf(command.operation) != CommandTarget::Appointment || command.operation == Operation::Reschedule)
        return nullptr;
    for (const OutboxEntry &e : m_entries) {
        if (e.isOpen() && e.command.operation == command.operation && e.command.targetId == command.targetId)
            return &e;
    }
    return nullptr;
}

const OutboxEntry *Outbox::entry(qint64 seq) const
{
    for (const OutboxEntry &e : m_entries) {
        if (e.seq == seq)
            return &e;
    }
    return nullptr;
}

OutboxEntry *Outbox::find(qint64 seq)
{
    for (OutboxEntry &e : m_entries) {
        if (e.seq == seq)
            return &e;
    }
    return nullptr;
}

bool Outbox::isTransient(const QString &code)
{
    return code == u"OFFLINE" || code == u"CONNECTION_LOST" || code == u"DATABASE_ERROR" || code == u"RETRY"
        || code == u"IDEMPOTENCY_RETRY" || code == u"BAD_RESPONSE" || code == u"READ_ONLY_TRANSACTION";
}

bool Outbox::blocked(const OutboxEntry &candidate) const
{
    // An action waits behind an earlier conflict on the same appointment, follow-up or patient:
    // what it does may depend on how the person decides. Other actions go on.
    const CommandTarget target = targetOf(candidate.command.operation);
    if (target == CommandTarget::None)
        return false;
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const OutboxEntry &e) {
        return e.seq < candidate.seq && e.state == OutboxEntry::State::Conflict
            && targetOf(e.command.operation) == target && e.command.targetId == candidate.command.targetId;
    });
}

void Outbox::replay()
{
    m_replayAsked = true;
    if (!m_open || m_replaying)
        return;
    sendNext();
}

void Outbox::sendNext()
{
    const auto next = std::find_if(m_entries.cbegin(), m_entries.cend(), [this](const OutboxEntry &e) {
        return e.state == OutboxEntry::State::Pending && !blocked(e);
    });
    if (next == m_entries.cend()) {
        m_replaying = false;
        return;
    }
    m_replaying = true;
    const qint64 seq = next->seq;
    qCInfo(lcDatabase) << "outbox: sending" << seq << next->command.functionName();
    m_sender(next->command, [this, guard = QPointer<Outbox>(this), seq](const CommandResult &answer) {
        if (guard)
            onAnswer(seq, answer);
    });
}

void Outbox::onAnswer(qint64 seq, const CommandResult &answer)
{
    OutboxEntry *e = find(seq);
    if (!e) {
        m_replaying = false;
        return;
    }
    ++e->attempts;
    e->lastAnswer = answer;
    if (answer.ok) {
        e->state = OutboxEntry::State::Done;
    } else if (isTransient(answer.code)) {
        // Nothing decided: it stays first in line. Offline, the next connection replays it;
        // online (a busy server), after a pause.
        save(*e);
        Q_EMIT entriesChanged();
        m_replaying = false;
        m_replayAsked = answer.code != u"OFFLINE" && answer.code != u"CONNECTION_LOST";
        if (m_replayAsked)
            m_retryTimer->start();
        return;
    } else {
        e->state = OutboxEntry::State::Conflict;
    }
    const OutboxEntry finished = *e;
    save(finished);
    if (finished.state == OutboxEntry::State::Done) {
        m_entries.removeIf([seq](const OutboxEntry &x) { return x.seq == seq; });
        Q_EMIT applied(finished, answer);
    } else {
        qCInfo(lcDatabase) << "outbox:" << seq << "refused:" << answer.code << "- waiting for a person";
        Q_EMIT conflicted(finished);
    }
    Q_EMIT entriesChanged();
    sendNext();
}

void Outbox::save(const OutboxEntry &entry)
{
    QMetaObject::invokeMethod(m_store, [store = m_store, entry] { store->update(entry); }, Qt::QueuedConnection);
}

void Outbox::retry(qint64 seq)
{
    OutboxEntry *e = find(seq);
    if (!e || e->state != OutboxEntry::State::Conflict)
        return;
    e->state = OutboxEntry::State::Pending;
    save(*e);
    Q_EMIT entriesChanged();
    replay();
}

void Outbox::discard(qint64 seq)
{
    OutboxEntry *e = find(seq);
    if (!e || e->state != OutboxEntry::State::Conflict)
        return;   // only a refused action is a person's to drop; a pending one is still to be sent
    e->state = OutboxEntry::State::Discarded;
    save(*e);
    m_entries.removeIf([seq](const OutboxEntry &x) { return x.seq == seq; });
    Q_EMIT entriesChanged();
    replay();
}

} // namespace frontdesk
