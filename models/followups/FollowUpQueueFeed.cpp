#include "FollowUpQueueFeed.h"

#include "FollowUpQueueModel.h"
#include "cache/DeskCache.h"
#include "db/FollowUpQueries.h"
#include "services/ClinicSession.h"

#include <QTimer>

namespace frontdesk {

namespace {

// What queues, claims, releases or completes an item.
bool touchesTheQueue(const ChangeEvent &event)
{
    switch (event.kind) {
    case ChangeEvent::Kind::Booked:
    case ChangeEvent::Kind::Cancelled:
    case ChangeEvent::Kind::Rescheduled:
    case ChangeEvent::Kind::FollowUp:
        return true;
    default:
        return false;
    }
}

} // namespace

FollowUpQueueFeed::FollowUpQueueFeed(ClinicSession *session, FollowUpQueueModel *model)
    : QObject(session)
    , m_session(session)
    , m_model(model)
    , m_soon(new QTimer(this))
    , m_clock(new QTimer(this))
{
    m_soon->setSingleShot(true);
    // Each read takes the database thread some milliseconds at a clinic group's size: during a
    // burst of bookings the queue is read a few times a second, not after each one, so the change
    // feed (the live path) never queues behind it. A quarter of a second is nothing to a person.
    m_soon->setInterval(250);
    connect(m_soon, &QTimer::timeout, this, &FollowUpQueueFeed::read);
    // Claims last ten minutes and callbacks fall due two minutes after the call: a quarter of a
    // minute is close enough for a person, and cheap.
    m_clock->setInterval(15 * 1000);
    connect(m_clock, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_clock->start();

    connect(session, &ClinicSession::changesArrived, this, &FollowUpQueueFeed::onChanges);
    connect(session, &ClinicSession::userChanged, this, [this](const DeskUser &user) { m_model->setLogin(user.login); });
    connect(session, &ClinicSession::clinicChanged, this, [this](const Clinic &clinic) {
        m_model->setTimeZone(clinic.timeZone);
        if (m_session->isOnline())
            reload();
        else if (m_session->startedFromCopy())
            readCopy();
    });
    connect(session, &ClinicSession::connectionStateChanged, this, [this](const ConnectionState &state) {
        if (state.status == ConnectionState::Online)
            reload();
        else if (state.status != ConnectionState::Connecting && m_session->clinic().isValid())
            readCopy();   // the database gave the clinic, then went before it gave the queue
    });
}

void FollowUpQueueFeed::reload()
{
    m_soon->start();
}

void FollowUpQueueFeed::onChanges(const ChangeSet &changes)
{
    if (std::any_of(changes.events.cbegin(), changes.events.cend(), touchesTheQueue))
        reload();
}

void FollowUpQueueFeed::read()
{
    if (!m_session->clinic().isValid() || !m_session->isOnline())
        return;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    m_session->read(this, FollowUpQueries::open(m_session->clinic().id), [this](const Result<FollowUpQueue> &queue) {
        m_reading = false;
        if (queue) {
            m_readFromDatabase = true;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            m_model->setNow(now);
            m_model->setQueue(*queue);
            m_model->setCopyAsOf({});
            if (DeskCache *cache = m_session->cache())
                cache->saveQueue(*queue, now);
        }
        if (m_readAgain) {
            m_readAgain = false;
            reload();
        }
    });
}

void FollowUpQueueFeed::readCopy()
{
    DeskCache *cache = m_session->cache();
    if (!cache || m_readFromDatabase || m_copyAsked)
        return;
    m_copyAsked = true;   // once: every reconnect attempt need not read it again
    cache->loadQueue(this, [this](const std::optional<CachedQueue> &copy) {
        // The database's own queue, once read, is newer than any copy, even when the desk is offline now.
        if (!copy || m_readFromDatabase)
            return;
        if (m_session->isOnline()) {
            m_copyAsked = false;   // back before the answer: should the read fail, ask again
            return;
        }
        m_model->setNow(QDateTime::currentDateTimeUtc());
        m_model->setQueue(copy->queue);
        m_model->setCopyAsOf(copy->asOf);
    });
}

} // namespace frontdesk
