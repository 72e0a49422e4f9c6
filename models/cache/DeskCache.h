#pragma once

#include "cache/DeskCacheStore.h"

#include <QHash>
#include <QObject>

#include <functional>

class QThread;
class QTimer;

namespace frontdesk {

// The desk's copy of the clinic's days around today and of its follow-up queue, so that the
// book and the queue stay readable, marked as of their time, while the clinic database cannot
// be reached, and the app can start without it. Kept current by ClinicSession from what the
// database sends; a DeskCacheStore on a thread of its own does the file work, so nothing here
// blocks. Answers come back on the GUI thread, unless the asker is gone.
class DeskCache : public QObject
{
    Q_OBJECT

public:
    // Keeps the days from `daysBack` before today to `daysAhead` after it (DeskSettings).
    DeskCache(const QString &path, QString owner, int daysBack, int daysAhead, QObject *parent = nullptr);
    ~DeskCache() override;

    const QString &path() const { return m_path; }
    int daysBack() const { return m_daysBack; }
    int daysAhead() const { return m_daysAhead; }
    // The first and last day kept around `today`.
    QDate firstDay(QDate today) const { return today.addDays(-m_daysBack); }
    QDate lastDay(QDate today) const { return today.addDays(m_daysAhead); }

    // Opens the file (another login's is wiped), then answers with what the desk knew, if anything.
    void open(QObject *asker, std::function<void(const std::optional<CachedIdentity> &)> answer);

    void saveIdentity(const Clinic &clinic, const DeskUser &user);
    // The whole window around `today`, read at `asOf`; days outside it are forgotten.
    void saveWindow(QDate today, const AppointmentList &appointments, const QDateTime &asOf);
    void saveDay(QDate day, const AppointmentList &appointments, const QDateTime &asOf);
    // Gathered for a second and written as one: during a burst of bookings the live path must
    // not share the PC's cores with a file write per change.
    void saveChanges(const AppointmentList &appointments, const QDateTime &asOf);
    void saveQueue(const FollowUpQueue &queue, const QDateTime &asOf);
    void markCurrent(const QDateTime &asOf);

    void loadDay(QDate day, QObject *asker, std::function<void(const std::optional<CachedDay> &)> answer);
    void loadQueue(QObject *asker, std::function<void(const std::optional<CachedQueue> &)> answer);

    // Deletes the file and everything in it (sign-out); saves after it start a new one.
    void wipe();

    // Where the desk cache of this PC's user is kept.
    static QString defaultPath();

private:
    // Runs `work` on the cache's thread, in the order asked, after the changes gathered so far.
    void post(std::function<void(DeskCacheStore &)> work);
    void flushChanges();
    template <typename T>
    void ask(QObject *asker, std::function<T(DeskCacheStore &)> work, std::function<void(const T &)> answer);

    QString m_path;
    QString m_owner;
    QThread *m_thread;
    QObject *m_context;   // lives on m_thread: where the work runs
    DeskCacheStore *m_store;
    int m_daysBack;
    int m_daysAhead;
    QHash<qint64, Appointment> m_changes;   // by id, the latest of each
    QDateTime m_changesAsOf;
    QTimer *m_flush;
};

} // namespace frontdesk
