#pragma once

#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace frontdesk {

struct Migration
{
    int version = 0;
    QString name;       // "0001_clinic_core"
    QByteArray sql;
    QByteArray checksum;   // sha256 hex of sql
};

// Applies the embedded migrations (:/migrations/NNNN_name.sql) in order, each in its own
// transaction, recording them in frontdesk.schema_migrations. Re-running is a no-op; an
// applied migration whose text has since changed is refused, not re-run.
class Migrator
{
public:
    explicit Migrator(QSqlDatabase db, QString resourceDir = QStringLiteral(":/migrations"));

    QList<Migration> available() const;
    Result<int> appliedVersion() const;   // 0 on an empty database
    // Returns the names of the migrations it applied (empty when up to date).
    Result<QStringList> migrate();

    // The version this build of Frontdesk needs.
    static int requiredVersion();

private:
    Result<bool> execScript(const QByteArray &sql) const;

    QSqlDatabase m_db;
    QString m_resourceDir;
};

} // namespace frontdesk
