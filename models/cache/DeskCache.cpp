#include "DeskCache.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace frontdesk {

DeskCache::DeskCache(const QString &path, QString owner, int daysBack, int daysAhead, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_owner(std::move(owner))
    , m_thread(new QThread(this))
    , m_context(new QObject)
    , m_store(new DeskCacheStore(path))
    , m_daysBack(std::max(0, daysBack))
    , m_daysAhead(std::max(0, daysAhead))
    , m_flush(new QTimer(this))
{
    m_flush->setSingleShot(true);
    m_flush->setInterval(1000);
    connect(m_flush, &QTimer::timeout, this, &DeskCache::flushChanges);
    m_thread->setObjectName(QStringLiteral("frontdesk-cache"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

DeskCache::~DeskCache()
{
    // The store's connection belongs to the cache's thread: it is closed there, after the work
    // already asked for.
    flushChanges();
    DeskCacheStore *store = m_store;
    QMetaObject::invokeMethod(m_context, [store] { delete store; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString DeskCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/frontdesk/desk-cache.sqlite");
}

void DeskCache::post(std::function<void(DeskCacheStore &)> work)
{
    flushChanges();
    QMetaObject::invokeMethod(m_context, [store = m_store, work = std::move(work)] { work(*store); }, Qt::QueuedConnection);
}

template <typename T>
void DeskCache::ask(QObject *asker, std::function<T(DeskCacheStore &)> work, std::function<void(const T &)> answer)
{
    QPointer<QObject> guard(asker);
    QPointer<DeskCache> self(this);
    post([self, guard, work = std::move(work), answer = std::move(answer)](DeskCacheStore &store) {
        T result = work(store);
        // Back on the GUI thread, where the asker may be gone by then.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, guard, answer, result = std::move(result)] {
                if (self && guard)
                    answer(result);
            },
            Qt::QueuedConnection);
    });
}

void DeskCache::open(QObject *asker, std::function<void(const std::optional<CachedIdentity> &)> answer)
{
    ask<std::optional<CachedIdentity>>(asker, [owner = m_owner](DeskCacheStore &store) -> std::optional<CachedIdentity> {
        const QString error = store.open(owner);
        if (!error.isEmpty()) {
            qCWarning(lcDatabase) << "the desk cache cannot be used:" << error;
            return std::nullopt;
        }
        return store.identity();
    }, std::move(answer));
}

void DeskCache::saveIdentity(const Clinic &clinic, const DeskUser &user)
{
    post([clinic, user](DeskCacheStore &store) { store.saveIdentity(clinic, user); });
}

void DeskCache::saveWindow(QDate today, const AppointmentList &appointments, const QDateTime &asOf)
{
    post([first = firstDay(today), last = lastDay(today), appointments, asOf](DeskCacheStore &store) {
        store.keepOnly(first, last);
        store.saveDays(first, last, appointments, asOf);
    });
}

void DeskCache::saveDay(QDate day, const AppointmentList &appointments, const QDateTime &asOf)
{
    post([day, appointments, asOf](DeskCacheStore &store) { store.saveDays(day, day, appointments, asOf); });
}

void DeskCache::saveChanges(const AppointmentList &appointments, const QDateTime &asOf)
{
    for (const Appointment &a : appointments)
        m_changes.insert(a.id, a);
    m_changesAsOf = asOf;
    if (!m_flush->isActive())
        m_flush->start();
}

void DeskCache::flushChanges()
{
    m_flush->stop();
    if (m_changes.isEmpty())
        return;
    AppointmentList appointments = m_changes.values();
    m_changes.clear();
    QMetaObject::invokeMethod(m_context, [store = m_store, appointments = std::move(appointments), asOf = m_changesAsOf] {
        store->saveChanges(appointments, asOf);
    }, Qt::QueuedConnection);
}

void DeskCache::saveQueue(const FollowUpQueue &queue, const QDateTime &asOf)
{
    post([queue, asOf](DeskCacheStore &store) { store.saveQueue(queue, asOf); });
}

void DeskCache::markCurrent(const QDateTime &asOf)
{
    post([asOf](DeskCacheStore &store) { store.markCurrent(asOf); });
}

void DeskCache::loadDay(QDate day, QObject *asker, std::function<void(const std::optional<CachedDay> &)> answer)
{
    ask<std::optional<CachedDay>>(asker, [day](DeskCacheStore &store) { return store.day(day); }, std::move(answer));
}

void DeskCache::loadQueue(QObject *asker, std::function<void(const std::optional<CachedQueue> &)> answer)
{
    ask<std::optional<CachedQueue>>(asker, [](DeskCacheStore &store) { return store.queue(); }, std::move(answer));
}

void DeskCache::wipe()
{
    // Nothing is saved after it: the store stays closed until the next open().
    m_changes.clear();
    post([](DeskCacheStore &store) { store.wipe(); });
}

} // namespace frontdesk
