#include "DeskCacheStore.h"

#include "CacheCodec.h"
#include "Logging.h"
#include "localfiles/PrivateSqliteFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace frontdesk {

namespace {

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

} // namespace

DeskCacheStore::DeskCacheStore(QString path)
    : m_path(std::move(path))
    , m_connectionName(QStringLiteral("frontdesk-cache-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

DeskCacheStore::~DeskCacheStore()
{
    close();
}

void DeskCacheStore::close()
{
    m_open = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString DeskCacheStore::open(const QString &owner)
{
    QString error = connect();
    // Another login's patients are never shown to this one: their file goes before anything is read.
    if (error.isEmpty() && meta(QStringLiteral("owner")) != owner && !meta(QStringLiteral("owner")).isEmpty()) {
        qCInfo(lcDatabase) << "the desk cache was another login's; wiping it";
        wipe();
        error = connect();
    }
    if (!error.isEmpty() && QFile::exists(m_path)) {
        // A damaged file or a newer Frontdesk's: a cache is only a copy, start a new one.
        qCWarning(lcDatabase) << "starting a new desk cache:" << error;
        wipe();
        error = connect();
    }
    if (!error.isEmpty())
        return error;
    if (!setMeta(QStringLiteral("owner"), owner))
        return QSqlDatabase::database(m_connectionName, false).lastError().text();
    if (const auto known = identity())
        m_zone = known->clinic.timeZone;
    m_open = true;
    return {};
}

QString DeskCacheStore::connect()
{
    close();
    if (const QString error = PrivateSqliteFile::prepare(m_path); !error.isEmpty())
        return error;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open())
        return db.lastError().text();
    QSqlQuery q(db);
    // A copy, rebuilt from the database whenever lost: no need to sync every write to the disk.
    if (!q.exec(QStringLiteral("pragma journal_mode = wal")) || !q.exec(QStringLiteral("pragma synchronous = normal"))
        || !q.exec(QStringLiteral("pragma busy_timeout = 2000")))
        return q.lastError().text();
    if (!q.exec(QStringLiteral("pragma quick_check")) || !q.next() || q.value(0).toString() != u"ok")
        return QStringLiteral("the desk cache file is damaged");
    QString why;
    if (!PrivateSqliteFile::migrate(db, kSchemaVersion,
                                    { QStringLiteral("create table meta (key text primary key, value text not null)"),
                                      QStringLiteral("create table days (day text primary key, read_at text not null)"),
                                      QStringLiteral("create table appointments ("
                                                     " id integer primary key,"
                                                     " day text not null,"
                                                     " starts_at text not null,"
                                                     " record text not null)"),
                                      QStringLiteral("create index appointments_by_day on appointments (day, starts_at, id)") },
                                    &why))
        return QStringLiteral("cannot set up the desk cache file: %1").arg(why);
    return {};
}

QString DeskCacheStore::meta(const QString &key)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("select value from meta where key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool DeskCacheStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("insert or replace into meta (key, value) values (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        qCWarning(lcDatabase) << "desk cache:" << q.lastError().text();
        return false;
    }
    return true;
}

std::optional<CachedIdentity> DeskCacheStore::identity()
{
    CachedIdentity known;
    known.clinic = CacheCodec::clinicFromJson(objectOf(meta(QStringLiteral("clinic"))));
    known.user = CacheCodec::deskUserFromJson(objectOf(meta(QStringLiteral("user"))));
    known.asOf = timeFrom(meta(QStringLiteral("as_of")));
    if (!known.clinic.isValid() || known.user.login.isEmpty() || !known.asOf.isValid())
        return std::nullopt;
    return known;
}

void DeskCacheStore::saveIdentity(const Clinic &clinic, const DeskUser &user)
{
    if (!m_open)
        return;
    m_zone = clinic.timeZone;
    setMeta(QStringLiteral("clinic"), compact(CacheCodec::toJson(clinic)));
    setMeta(QStringLiteral("user"), compact(CacheCodec::toJson(user)));
}

QString DeskCacheStore::dayOf(const QDateTime &start) const
{
    return start.toTimeZone(m_zone).date().toString(Qt::ISODate);
}

void DeskCacheStore::saveDays(QDate first, QDate last, const AppointmentList &appointments, const QDateTime &asOf)
{
    if (!m_open || !m_zone.isValid())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("delete from appointments where day between ? and ?"));
    q.addBindValue(first.toString(Qt::ISODate));
    q.addBindValue(last.toString(Qt::ISODate));
    bool ok = q.exec();
    q.prepare(QStringLiteral("insert or replace into appointments (id, day, starts_at, record) values (?, ?, ?, ?)"));
    for (const Appointment &a : appointments) {
        q.addBindValue(a.id);
        q.addBindValue(dayOf(a.startsAt));
        q.addBindValue(timeText(a.startsAt));
        q.addBindValue(compact(CacheCodec::toJson(a)));
        ok = ok && q.exec();
    }
    q.prepare(QStringLiteral("insert or replace into days (day, read_at) values (?, ?)"));
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(timeText(asOf));
        ok = ok && q.exec();
    }
    ok = ok && setMeta(QStringLiteral("as_of"), timeText(asOf));
    if (!ok) {
        qCWarning(lcDatabase) << "desk cache: cannot save days:" << q.lastError().text();
        db.rollback();
        return;
    }
    db.commit();
}

void DeskCacheStore::saveChanges(const AppointmentList &appointments, const QDateTime &asOf)
{
    if (!m_open || !m_zone.isValid())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.transaction();
    QSqlQuery kept(db);
    kept.prepare(QStringLiteral("select 1 from days where day = ?"));
    QSqlQuery q(db);
    bool ok = true;
    for (const Appointment &a : appointments) {
        const QString day = dayOf(a.startsAt);
        kept.addBindValue(day);
        const bool dayKept = kept.exec() && kept.next();
        if (dayKept) {
            q.prepare(QStringLiteral("insert or replace into appointments (id, day, starts_at, record) values (?, ?, ?, ?)"));
            q.addBindValue(a.id);
            q.addBindValue(day);
            q.addBindValue(timeText(a.startsAt));
            q.addBindValue(compact(CacheCodec::toJson(a)));
        } else {
            // Moved to a day this desk does not keep: it leaves the day it was on.
            q.prepare(QStringLiteral("delete from appointments where id = ?"));
            q.addBindValue(a.id);
        }
        ok = ok && q.exec();
    }
    ok = ok && setMeta(QStringLiteral("as_of"), timeText(asOf));
    if (!ok) {
        qCWarning(lcDatabase) << "desk cache: cannot save changes:" << q.lastError().text();
        db.rollback();
        return;
    }
    db.commit();
}

void DeskCacheStore::keepOnly(QDate first, QDate last)
{
    if (!m_open)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    for (const QString &table : { QStringLiteral("appointments"), QStringLiteral("days") }) {
        q.prepare(QStringLiteral("delete from %1 where day < ? or day > ?").arg(table));
        q.addBindValue(first.toString(Qt::ISODate));
        q.addBindValue(last.toString(Qt::ISODate));
        if (!q.exec())
            qCWarning(lcDatabase) << "desk cache:" << q.lastError().text();
    }
}

std::optional<CachedDay> DeskCacheStore::day(QDate day)
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("select 1 from days where day = ?"));
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec() || !q.next())
        return std::nullopt;
    CachedDay cached;
    cached.asOf = timeFrom(meta(QStringLiteral("as_of")));
    q.prepare(QStringLiteral("select record from appointments where day = ? order by starts_at, id"));
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec())
        return std::nullopt;
    while (q.next()) {
        const Appointment a = CacheCodec::appointmentFromJson(objectOf(q.value(0).toString()));
        if (a.id > 0)
            cached.appointments.append(a);
    }
    return cached;
}

void DeskCacheStore::saveQueue(const FollowUpQueue &queue, const QDateTime &asOf)
{
    if (!m_open)
        return;
    QJsonArray items;
    for (const FollowUp &item : queue.items)
        items.append(CacheCodec::toJson(item));
    const QJsonObject json{ { QStringLiteral("items"), items }, { QStringLiteral("openCount"), QString::number(queue.openCount) },
                            { QStringLiteral("asOf"), timeText(asOf) } };
    setMeta(QStringLiteral("queue"), compact(json));
}

std::optional<CachedQueue> DeskCacheStore::queue()
{
    if (!m_open)
        return std::nullopt;
    const QJsonObject json = objectOf(meta(QStringLiteral("queue")));
    if (json.isEmpty())
        return std::nullopt;
    CachedQueue cached;
    // Read again on every change that touches it: current as long as the rest of the cache is.
    cached.asOf = std::max(timeFrom(json.value(u"asOf").toString()), timeFrom(meta(QStringLiteral("as_of"))));
    cached.queue.openCount = json.value(u"openCount").toString().toLongLong();
    for (const QJsonValue &value : json.value(u"items").toArray()) {
        const FollowUp item = CacheCodec::followUpFromJson(value.toObject());
        if (item.id > 0)
            cached.queue.items.append(item);
    }
    return cached;
}

void DeskCacheStore::markCurrent(const QDateTime &asOf)
{
    if (m_open)
        setMeta(QStringLiteral("as_of"), timeText(asOf));
}

void DeskCacheStore::wipe()
{
    close();
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFile::exists(m_path + suffix) && !QFile::remove(m_path + suffix))
            qCWarning(lcDatabase) << "cannot remove" << m_path + suffix;
    }
}

} // namespace frontdesk
