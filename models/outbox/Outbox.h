#pragma once

#include "outbox/OutboxEntry.h"

#include <QHash>
#include <QObject>

#include <functional>

class QThread;
class QTimer;

namespace frontdesk {

class OutboxStore;

// Staff actions the clinic database has not answered yet: taken while offline, or sent when the
// connection dropped and the answer never came. Each is kept on disk before the desk says so
// (OutboxStore, on a thread of its own), and sent again in the order it was taken once the
// desk is online, with its own key, so the database applies it exactly once. An action the
// database refuses (the slot was taken meanwhile, the appointment cancelled) is kept as a
// conflict for a person to decide: never dropped, never forced. Used from the GUI thread.
class Outbox : public QObject
{
    Q_OBJECT

public:
    // Sends one command to the database now and calls back with its answer.
    using Sender = std::function<void(const Command &, std::function<void(const CommandResult &)>)>;

    Outbox(const QString &path, Sender sender, QObject *parent = nullptr);
    ~Outbox() override;

    void open();
    bool isOpen() const { return m_open; }
    const QString &path() const { return m_path; }

    // Keeps an action; `kept` is called once it is on disk (true), or could not be kept (false).
    void keep(const Command &command, const QString &summary, std::function<void(bool kept)> kept);

    // The actions not yet done or discarded, in the order they were taken.
    const OutboxEntryList &entries() const { return m_entries; }
    int pendingCount() const;
    int conflictCount() const;
    // Whether an open action acts on this appointment (the book shows it as pending).
    bool holdsAppointment(qint64 appointmentId) const;
    // Whether an open action acts on what this command acts on, so that the command must wait
    // behind it. For a booking: a booking still to be sent (a refused one holds up no other
    // booking, in replay or here: "Book another time" goes straight to the database).
    bool holdsTargetOf(const Command &command) const;
    // The open action that does what this command does to the same appointment (confirm twice),
    // or null. A move (reschedule) is never the same as another: each says where to.
    const OutboxEntry *sameActionWaiting(const Command &command) const;
    const OutboxEntry *entry(qint64 seq) const;

    // Sends the pending actions, oldest first, one at a time; call when the desk is online.
    void replay();
    bool isReplaying() const { return m_replaying; }

    // A person's decisions about a conflict: send it again as it is, or drop it.
    void retry(qint64 seq);
    void discard(qint64 seq);

    // Codes after which the same action is simply sent again later: nothing was decided.
    static bool isTransient(const QString &code);

Q_SIGNALS:
    void opened();
    void entriesChanged();
    void applied(const frontdesk::OutboxEntry &entry, const frontdesk::CommandResult &answer);
    void conflicted(const frontdesk::OutboxEntry &entry);
    void storeFailed(const QString &why);

private:
    void onOpened(const OutboxEntryList &entries);
    void onEntryChanged(const OutboxEntry &entry);
    void sendNext();
    void onAnswer(qint64 seq, const CommandResult &answer);
    void save(const OutboxEntry &entry);
    OutboxEntry *find(qint64 seq);
    bool blocked(const OutboxEntry &candidate) const;

    QString m_path;
    Sender m_sender;
    QThread *m_thread;
    OutboxStore *m_store;
    QTimer *m_retryTimer;
    OutboxEntryList m_entries;
    QHash<QString, std::function<void(bool)>> m_waitingToBeKept;   // by request key
    bool m_open = false;
    bool m_replaying = false;
    bool m_replayAsked = false;
};

} // namespace frontdesk
