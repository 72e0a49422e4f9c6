#pragma once

#include <QDateTime>
#include <QDockWidget>
#include <QHash>
#include <QList>

class QVBoxLayout;
class QLabel;
class QListView;
class QPushButton;

namespace frontdesk {

class ClinicSession;
class MessageBanner;
class OutboxModel;
struct OutboxEntry;

// The outbox dock: every action kept on this PC, oldest first, with what it is, whether it
// waits to be sent or for a person, and the database's answer in words. For a refused action
// the person decides: Retry (send it again as it is), Discard (after a confirmation: the action
// is lost), and for a booking whose slot was taken, Book another time at one of the free starts
// the database offered (a new booking of the same patient and details; the refused one is then
// discarded). Keyboard only: Ctrl+4 focuses the list, Tab reaches every button. Nothing here is
// decided by itself: it goes through the outbox and the session.
class OutboxDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit OutboxDock(ClinicSession *session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    OutboxModel *model() const { return m_model; }
    qint64 currentSeq() const;

public Q_SLOTS:
    // Shown and raised with the entry selected; the focus stays where the person is working.
    void showEntry(qint64 seq);
    // Shown and raised with the focus on the list (the shortcut).
    void focusList();

Q_SIGNALS:
    // "Book another time" booked: the window shows the appointment.
    void booked(qint64 appointmentId, const QDateTime &startsAtUtc);

private:
    void showCurrent();
    void showAlternatives(const QList<QDateTime> &starts);
    void retry();
    void discard();
    void bookAt(qint64 seq, const QDateTime &startUtc);
    void setBusy(bool busy);
    const OutboxEntry *currentEntry() const;
    QString localTime(const QDateTime &utc) const;

    ClinicSession *m_session;
    OutboxModel *m_model;
    QLabel *m_count;
    QListView *m_list;
    QLabel *m_summary;
    QLabel *m_state;
    QLabel *m_answer;
    QWidget *m_alternatives;
    QLabel *m_alternativesLabel;
    QVBoxLayout *m_alternativesLayout;
    QPushButton *m_retry;
    QPushButton *m_discard;
    MessageBanner *m_banner;
    // Free starts from a later refusal of "Book another time", newer than the entry's own.
    QHash<qint64, QList<QDateTime>> m_freshAlternatives;
    // The starts the buttons are for, and whose: made again only when these change, so a button
    // is never deleted under the key that pressed it, nor the focus taken from it.
    qint64 m_alternativesSeq = 0;
    QList<QDateTime> m_shownStarts;
    bool m_busy = false;
};

} // namespace frontdesk
