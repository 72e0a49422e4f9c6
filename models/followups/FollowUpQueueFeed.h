#pragma once

#include <QObject>

class QTimer;

namespace frontdesk {

class ClinicSession;
class FollowUpQueueModel;
struct ChangeSet;

// Keeps the follow-up queue model current: read when the desk comes online, read again (once,
// however many changes came together) when the change feed brings anything that adds, claims or
// completes an item, and the clock applied so that claims run out and callbacks fall due on screen.
class FollowUpQueueFeed : public QObject
{
    Q_OBJECT

public:
    FollowUpQueueFeed(ClinicSession *session, FollowUpQueueModel *model);

    // Reads the queue soon; coalesces with any read already asked for.
    void reload();

private:
    void onChanges(const ChangeSet &changes);
    void read();
    // Offline from the start: this PC's copy of the queue, marked as such.
    void readCopy();

    ClinicSession *m_session;
    FollowUpQueueModel *m_model;
    QTimer *m_soon;
    QTimer *m_clock;
    bool m_reading = false;
    bool m_readAgain = false;
    bool m_readFromDatabase = false;   // once: a copy is never shown over it
    bool m_copyAsked = false;
};

} // namespace frontdesk
