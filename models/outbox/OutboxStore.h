#pragma once

#include "outbox/OutboxEntry.h"
#include "domain/Result.h"

#include <QObject>
#include <QString>

namespace frontdesk {

// The outbox's file: a SQLite database of its own, in WAL mode with synchronous=FULL, so that an
// action the desk said it kept survives the app being killed and the PC losing power. Lives on
// the outbox's thread (a QSqlDatabase belongs to the thread that opened it); every write is one
// transaction, and says so with entryChanged() once it is on disk.
class OutboxStore : public QObject
{
    Q_OBJECT

public:
    explicit OutboxStore(QString path, QObject *parent = nullptr);
    ~OutboxStore() override;

    // The schema's version this build writes (PRAGMA user_version).
    static constexpr int kSchemaVersion = 1;

    const QString &path() const { return m_path; }

public Q_SLOTS:
    void open();
    void append(const frontdesk::OutboxEntry &entry);
    void update(const frontdesk::OutboxEntry &entry);

Q_SIGNALS:
    // Every entry not yet done or discarded, oldest first, once the file is open.
    void opened(const frontdesk::OutboxEntryList &open);
    void failed(const QString &why);
    // append() could not write the entry (the file locked past busy_timeout, the disk full):
    // nothing of it is in the file, and its keeper must hear so.
    void notKept(const QString &requestKey, const QString &why);
    void entryChanged(const frontdesk::OutboxEntry &entry);

private:
    Result<OutboxEntryList> openEntries();

    QString m_path;
    QString m_connectionName;
};

} // namespace frontdesk
