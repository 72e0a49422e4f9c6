#pragma once

#include "db/FollowUpQueries.h"
#include "domain/Appointment.h"
#include "domain/Clinic.h"
#include "domain/DeskUser.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace frontdesk {

// What the desk knew when it was last online, for starting and reading without the server.
struct CachedIdentity
{
    Clinic clinic;
    DeskUser user;
    QDateTime asOf;   // UTC: the last moment the cache was known to match the database
};

struct CachedDay
{
    AppointmentList appointments;   // in start order
    QDateTime asOf;
};

struct CachedQueue
{
    FollowUpQueue queue;
    QDateTime asOf;
};

// The desk cache's file: a SQLite database of the desk's own (QSQLITE, its own migrations in
// PRAGMA user_version) holding the days around today, their appointments with their patients'
// names and numbers, and the follow-up queue. Patient data at rest: the folder and the file are
// the user's alone, and the whole file is wiped when another login opens it or on sign-out.
// Not thread-safe: used from the cache's thread only (DeskCache), where its connection lives.
class DeskCacheStore
{
public:
    static constexpr int kSchemaVersion = 1;

    explicit DeskCacheStore(QString path);
    ~DeskCacheStore();
    DeskCacheStore(const DeskCacheStore &) = delete;
    DeskCacheStore &operator=(const DeskCacheStore &) = delete;

    // Opens the file for `owner` (the login and database): a file of another owner, of a newer
    // Frontdesk or damaged is wiped first. Empty error on success.
    QString open(const QString &owner);
    bool isOpen() const { return m_open; }
    const QString &path() const { return m_path; }

    std::optional<CachedIdentity> identity();
    void saveIdentity(const Clinic &clinic, const DeskUser &user);

    // Replaces the days [first, last] with `appointments` (every appointment starting in them),
    // read from the database at `asOf`.
    void saveDays(QDate first, QDate last, const AppointmentList &appointments, const QDateTime &asOf);
    // Applies appointments as they are now (from the change feed): each is kept under its
    // day if that day is kept, and leaves the day it was on.
    void saveChanges(const AppointmentList &appointments, const QDateTime &asOf);
    // Forgets the days before `first` and after `last` (the window moved on).
    void keepOnly(QDate first, QDate last);
    // A day's rows, if that day is kept.
    std::optional<CachedDay> day(QDate day);

    void saveQueue(const FollowUpQueue &queue, const QDateTime &asOf);
    std::optional<CachedQueue> queue();

    // The moment the whole cache was last known to match the database.
    void markCurrent(const QDateTime &asOf);

    // Deletes the file and everything in it.
    void wipe();

private:
    QString connect();
    QString meta(const QString &key);
    bool setMeta(const QString &key, const QString &value);
    QString dayOf(const QDateTime &start) const;
    void close();

    QString m_path;
    QString m_connectionName;
    QTimeZone m_zone;
    bool m_open = false;
};

} // namespace frontdesk
