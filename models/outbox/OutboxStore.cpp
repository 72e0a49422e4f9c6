#include "OutboxStore.h"

#include "Logging.h"
#include "localfiles/PrivateSqliteFile.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace frontdesk {

namespace {

QString answerText(const CommandResult &result)
{
    if (result.answer.isEmpty() && result.code.isEmpty())
        return {};
    QJsonObject answer = result.answer;
    if (answer.isEmpty()) {
        answer.insert(QStringLiteral("ok"), result.ok);
        answer.insert(QStringLiteral("code"), result.code);
        answer.insert(QStringLiteral("message"), result.message);
    }
    return QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

} // namespace

OutboxStore::OutboxStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_connectionName(QStringLiteral("frontdesk-outbox-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

OutboxStore::~OutboxStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void OutboxStore::open()
{
    // Staff actions name patients: the folder and the file are the user's alone.
    if (const QString error = PrivateSqliteFile::prepare(m_path); !error.isEmpty()) {
        Q_EMIT failed(error);
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        Q_EMIT failed(db.lastError().text());
        return;
    }
    QSqlQuery q(db);
    // WAL with FULL: a commit is on disk (the log synced) before the desk says "kept".
    if (!q.exec(QStringLiteral("pragma journal_mode = wal")) || !q.next() || q.value(0).toString() != u"wal"
        || !q.exec(QStringLiteral("pragma synchronous = full")) || !q.exec(QStringLiteral("pragma busy_timeout = 5000"))) {
        Q_EMIT failed(tr("cannot set up the outbox file: %1").arg(q.lastError().text()));
        return;
    }
    QString why;
    if (!PrivateSqliteFile::migrate(db, kSchemaVersion,
                                    { QStringLiteral("create table outbox ("
                                                     " seq integer primary key,"
                                                     " request_key text not null unique,"
                                                     " command text not null,"
                                                     " summary text not null,"
                                                     " taken_at text not null,"
                                                     " state text not null check (state in ('pending', 'conflict', 'done', 'discarded')),"
                                                     " attempts integer not null default 0,"
                                                     " last_answer text)"),
                                      QStringLiteral("create index outbox_open on outbox (seq) where state in ('pending', 'conflict')") },
                                    &why)) {
        // A newer Frontdesk's file is left as it is: its actions are not this build's to send.
        qCWarning(lcDatabase) << "the outbox file cannot be used:" << why;
        Q_EMIT failed(tr("cannot set up the outbox file: %1").arg(why));
        return;
    }
    const auto entries = openEntries();
    if (!entries) {
        Q_EMIT failed(entries.error().message);
        return;
    }
    Q_EMIT opened(entries.value());
}

Result<OutboxEntryList> OutboxStore::openEntries()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("select seq, command, summary, taken_at, state, attempts, last_answer from outbox "
                               "where state in ('pending', 'conflict') order by seq")))
        return Error{ QStringLiteral("OUTBOX"), q.lastError().text() };
    OutboxEntryList entries;
    while (q.next()) {
        OutboxEntry e;
        e.seq = q.value(0).toLongLong();
        const auto command = Command::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        if (!command) {
            // Never dropped silently: kept in the file, and said in the log.
            qCWarning(lcDatabase) << "outbox entry" << e.seq << "is not a command this Frontdesk knows; left in" << m_path;
            continue;
        }
        e.command = *command;
        e.summary = q.value(2).toString();
        e.takenAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        e.state = outboxStateFromText(q.value(4).toString());
        e.attempts = q.value(5).toInt();
        if (!q.value(6).isNull())
            e.lastAnswer = CommandResult::fromJson(q.value(6).toString().toUtf8());
        entries.append(e);
    }
    return entries;
}

void OutboxStore::append(const OutboxEntry &entry)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("insert into outbox (request_key, command, summary, taken_at, state, attempts) "
                             "values (?, ?, ?, ?, ?, 0)"));
    q.addBindValue(entry.command.key);
    q.addBindValue(QString::fromUtf8(QJsonDocument(entry.command.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(entry.summary);
    q.addBindValue(entry.takenAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(toDatabaseText(OutboxEntry::State::Pending));
    if (!q.exec()) {
        const QString why = tr("could not keep the action on this PC: %1").arg(q.lastError().text());
        Q_EMIT failed(why);
        Q_EMIT notKept(entry.command.key, why);
        return;
    }
    OutboxEntry kept = entry;
    kept.seq = q.lastInsertId().toLongLong();
    kept.state = OutboxEntry::State::Pending;
    Q_EMIT entryChanged(kept);
}

void OutboxStore::update(const OutboxEntry &entry)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("update outbox set state = ?, attempts = ?, last_answer = ? where seq = ?"));
    q.addBindValue(toDatabaseText(entry.state));
    q.addBindValue(entry.attempts);
    const QString answer = answerText(entry.lastAnswer);
    q.addBindValue(answer.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(answer));
    q.addBindValue(entry.seq);
    if (!q.exec()) {
        Q_EMIT failed(tr("could not record the answer on this PC: %1").arg(q.lastError().text()));
        return;
    }
    Q_EMIT entryChanged(entry);
}

} // namespace frontdesk
