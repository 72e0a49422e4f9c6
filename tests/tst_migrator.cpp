#include "TestDatabase.h"
#include "db/Migrator.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace frontdesk;
using frontdesk::test::TestDatabase;

class TestMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embedsNumberedMigrations();
    void migratesAnEmptyDatabase();
    void secondRunIsANoOp();
    void refusesAnEditedMigration();
    void failingMigrationLeavesNothingBehind();
    void concurrentRunsApplyOnce();
    void textRulesDoNotDependOnTheDatabaseLocale();
    void adminToolMigratesAndReportsStatus();
    void adminToolRejectsBadArguments_data();
    void adminToolRejectsBadArguments();

private:
    static int count(TestDatabase &db, const QString &sql) { return db.scalar(sql).toInt(); }
};

void TestMigrator::embedsNumberedMigrations()
{
    const QList<Migration> migrations = Migrator(QSqlDatabase()).available();
    QVERIFY(!migrations.isEmpty());
    for (int i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations.at(i).version, i + 1);
        QVERIFY(!migrations.at(i).sql.isEmpty());
        QCOMPARE(migrations.at(i).checksum.size(), 64);
    }
    QCOMPARE(Migrator::requiredVersion(), migrations.constLast().version);
}

void TestMigrator::migratesAnEmptyDatabase()
{
    TestDatabase db(TestDatabase::Start::Empty);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QSqlDatabase conn = db.connect(QStringLiteral("m1"));
    Migrator migrator(conn);
    QCOMPARE(migrator.appliedVersion().value(), 0);
    const auto applied = migrator.migrate();
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(applied->first(), QStringLiteral("0001_clinic_core"));
    QCOMPARE(migrator.appliedVersion().value(), Migrator::requiredVersion());
    QCOMPARE(count(db, QStringLiteral("select count(*) from pg_proc where proname = 'book_appointment_atomic'")), 1);
    QCOMPARE(count(db, QStringLiteral("select count(*) from pg_constraint where conname = 'appointments_no_overlap'")), 1);
    conn.close();
}

void TestMigrator::secondRunIsANoOp()
{
    TestDatabase db;   // already migrated from the template
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QSqlDatabase conn = db.connect(QStringLiteral("m2"));
    const int rowsBefore = count(db, QStringLiteral("select count(*) from frontdesk.schema_migrations"));
    const QString appliedAtBefore = db.scalar(QStringLiteral("select max(applied_at)::text from frontdesk.schema_migrations")).toString();
    const auto applied = Migrator(conn).migrate();
    QVERIFY(applied.ok());
    QVERIFY(applied->isEmpty());
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.schema_migrations")), rowsBefore);
    QCOMPARE(db.scalar(QStringLiteral("select max(applied_at)::text from frontdesk.schema_migrations")).toString(), appliedAtBefore);
    conn.close();
}

void TestMigrator::refusesAnEditedMigration()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    db.scalar(QStringLiteral("update frontdesk.schema_migrations set checksum = 'edited' where version = 1 returning 1"));
    QSqlDatabase conn = db.connect(QStringLiteral("m3"));
    const auto applied = Migrator(conn).migrate();
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, QStringLiteral("MIGRATION_CHANGED"));
    conn.close();
}

void TestMigrator::failingMigrationLeavesNothingBehind()
{
    // QPSQL would report only the first statement of a script; the failure here is in the
    // second, after a statement that succeeded and must be rolled back.
    QTemporaryDir dir;
    QVERIFY(QFile::copy(QStringLiteral(":/migrations/0001_clinic_core.sql"), dir.filePath(QStringLiteral("0001_clinic_core.sql"))));
    QFile broken(dir.filePath(QStringLiteral("0002_broken.sql")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("create table frontdesk.half_done (x int);\nselect 1 / 0;\n");
    broken.close();

    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QSqlDatabase conn = db.connect(QStringLiteral("m4"));
    Migrator migrator(conn, dir.path());
    const auto applied = migrator.migrate();
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, QStringLiteral("MIGRATION_FAILED"));
    QVERIFY2(applied.error().message.contains(QStringLiteral("division by zero")), qPrintable(applied.error().message));
    QVERIFY(applied.error().message.startsWith(QStringLiteral("0002_broken")));
    QCOMPARE(migrator.appliedVersion().value(), 1);
    QCOMPARE(db.scalar(QStringLiteral("select to_regclass('frontdesk.half_done') is null")).toBool(), true);
    // The connection is usable afterwards: the failed transaction was rolled back.
    QSqlQuery q(conn);
    QVERIFY(q.exec(QStringLiteral("select 1")) && q.next());
    conn.close();
}

void TestMigrator::concurrentRunsApplyOnce()
{
    TestDatabase db(TestDatabase::Start::Empty);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QStringList results[2];
    QString errors[2];
    std::thread runners[2];
    for (int i = 0; i < 2; ++i) {
        runners[i] = std::thread([&db, &results, &errors, i] {
            const QString name = QStringLiteral("concurrent-%1").arg(i);
            {
                QSqlDatabase conn = db.connect(name);
                const auto applied = Migrator(conn).migrate();
                if (applied.ok())
                    results[i] = applied.value();
                else
                    errors[i] = applied.error().message;
                conn.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    }
    for (auto &t : runners)
        t.join();
    QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
    QCOMPARE(results[0].size() + results[1].size(), 1);
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.schema_migrations")), 1);
}

// A database created with LC_CTYPE=C knows no case for "é"; the text rules must not care.
void TestMigrator::textRulesDoNotDependOnTheDatabaseLocale()
{
    TestDatabase db(TestDatabase::Start::EmptyCLocale);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QCOMPARE(db.scalar(QStringLiteral("select current_setting('lc_ctype')")).toString(), QStringLiteral("C"));
    QSqlDatabase conn = db.connect(QStringLiteral("clocale"));
    QVERIFY(Migrator(conn).migrate().ok());
    conn.close();
    QCOMPARE(db.scalar(QStringLiteral("select frontdesk.normalize_name('élodie o''brien-élise ÉMILE')")).toString(),
             QStringLiteral("Élodie O'Brien-Élise Émile"));
    QCOMPARE(db.scalar(QStringLiteral("select frontdesk.normalize_email(' ÉLISE@Example.COM ')")).toString(),
             QStringLiteral("élise@example.com"));
    QCOMPARE(db.scalar(QStringLiteral("select frontdesk.is_valid_name('José Álvarez')")).toBool(), true);
}

void TestMigrator::adminToolMigratesAndReportsStatus()
{
    TestDatabase db(TestDatabase::Start::Empty);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const auto run = [&db](const QStringList &args, QString *output) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), TestDatabase::serverPassword());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FRONTDESK_ADMIN), QStringList{ QStringLiteral("--database"), db.conninfo() } + args);
        p.waitForFinished(60000);
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    };
    QString out;
    QCOMPARE(run({ QStringLiteral("status") }, &out), 3);
    QVERIFY2(out.contains(QStringLiteral("schema version 0")), qPrintable(out));
    QCOMPARE(run({ QStringLiteral("migrate") }, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("applied 0001_clinic_core")), qPrintable(out));
    QCOMPARE(run({ QStringLiteral("migrate") }, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("up to date")), qPrintable(out));
    QCOMPARE(run({ QStringLiteral("status") }, &out), 0);
    QCOMPARE(run({ QStringLiteral("seed-demo"), QStringLiteral("--time-zone"), QStringLiteral("Europe/London") }, &out), 0);
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.providers")), 3);
    const int appointments = count(db, QStringLiteral("select count(*) from frontdesk.appointments"));
    QVERIFY(appointments > 0);
    QCOMPARE(run({ QStringLiteral("seed-demo") }, &out), 0);   // again: finds the clinic, adds nothing
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.appointments")), appointments);
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.organisations")), 1);
}

void TestMigrator::adminToolRejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{ QStringLiteral("--database"), QStringLiteral("host=127.0.0.1") } << 2
                                << QStringLiteral("give one command");
    QTest::newRow("unknown command") << QStringList{ QStringLiteral("--database"), QStringLiteral("host=127.0.0.1"), QStringLiteral("drop") }
                                     << 2 << QStringLiteral("give one command");
    QTest::newRow("bad conninfo") << QStringList{ QStringLiteral("--database"), QStringLiteral("postgresql://[bad"), QStringLiteral("migrate") }
                                  << 1 << QStringLiteral("INVALID_CONNINFO");
    QTest::newRow("unknown keyword") << QStringList{ QStringLiteral("--database"), QStringLiteral("colour=red"), QStringLiteral("migrate") }
                                     << 1 << QStringLiteral("INVALID_CONNINFO");
    QTest::newRow("nobody listening") << QStringList{ QStringLiteral("--database"), QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2"), QStringLiteral("status") }
                                      << 1 << QStringLiteral("CONNECT_FAILED");
    QTest::newRow("bad time zone") << QStringList{ QStringLiteral("seed-demo"), QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus") }
                                   << 1 << QStringLiteral("INVALID_TIME_ZONE");
}

void TestMigrator::adminToolRejectsBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FRONTDESK_DATABASE"), db.conninfo());
    env.insert(QStringLiteral("PGPASSWORD"), TestDatabase::serverPassword());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FRONTDESK_ADMIN), args);
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QCOMPARE(p.exitCode(), exitCode);
    QVERIFY2(out.contains(message), qPrintable(out));
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.organisations")), 0);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
