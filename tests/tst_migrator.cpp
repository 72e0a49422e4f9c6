#include "TestDatabase.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"
#include "db/DemoSeeder.h"
#include "db/Migrator.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <thread>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

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
    void upgradesAPopulatedV1DatabaseInPlace();
    void upgradesAPopulatedV6DatabaseWithOverlapsInPlace();

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
    for (const Migration &m : Migrator(QSqlDatabase()).available())
        QVERIFY(QFile::copy(QStringLiteral(":/migrations/") + m.name + QStringLiteral(".sql"),
                            dir.filePath(m.name + QStringLiteral(".sql"))));
    QFile broken(dir.filePath(QStringLiteral("0099_broken.sql")));
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
    QVERIFY(applied.error().message.startsWith(QStringLiteral("0099_broken")));
    QCOMPARE(migrator.appliedVersion().value(), Migrator::requiredVersion());
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
    // Each migration applied once, by one of the two runs.
    const int migrations = int(Migrator(QSqlDatabase()).available().size());
    QCOMPARE(results[0].size() + results[1].size(), migrations);
    QStringList all = results[0] + results[1];
    all.removeDuplicates();
    QCOMPARE(all.size(), migrations);
    QCOMPARE(count(db, QStringLiteral("select count(*) from frontdesk.schema_migrations")), migrations);
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

// A clinic running v1, with its bookings, is upgraded in place: every row stays, and booking
// goes on through the new, checked function.
void TestMigrator::upgradesAPopulatedV1DatabaseInPlace()
{
    QTemporaryDir v1;
    QVERIFY(QFile::copy(QStringLiteral(":/migrations/0001_clinic_core.sql"), v1.filePath(QStringLiteral("0001_clinic_core.sql"))));
    TestDatabase db(TestDatabase::Start::Empty);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QSqlDatabase &conn = db.connection();
    QVERIFY(Migrator(conn, v1.path()).migrate().ok());
    QCOMPARE(Migrator(conn).appliedVersion().value(), 1);
    QVERIFY(DemoSeeder::seed(conn, QStringLiteral("Europe/London")).ok());
    const auto clinic = ClinicQueries::loadClinic(conn, 1);
    QVERIFY(clinic.ok());
    BookingRequest r;
    r.orgId = clinic->id;
    r.providerId = clinic->providers.first().id;
    r.startsAt = QDateTime(QDate::currentDate().addDays(2), QTime(12, 0), clinic->timeZone).toUTC();
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = QStringLiteral("Ada Lovelace");
    r.phone = QStringLiteral("(415) 555-2671");
    r.idempotencyKey = QStringLiteral("before-upgrade");
    const auto before = ClinicQueries::book(conn, r);
    QVERIFY(before.ok() && before->ok);

    const QString everything = QStringLiteral(
        "select format('%s|%s|%s|%s|%s|%s', "
        "(select string_agg(id || ':' || name || ':' || time_zone, ',' order by id) from frontdesk.organisations), "
        "(select string_agg(id || ':' || display_name, ',' order by id) from frontdesk.providers), "
        "(select string_agg(id || ':' || full_name || ':' || coalesce(phone, ''), ',' order by id) from frontdesk.patients), "
        "(select string_agg(id || ':' || extract(epoch from starts_at) || ':' || status || ':' || source, ',' order by id) "
        "   from frontdesk.appointments), "
        "(select string_agg(idempotency_key || ':' || appointment_id, ',' order by idempotency_key) from frontdesk.booking_requests), "
        "(select count(*) from frontdesk.events))");
    const QString rowsBefore = db.scalar(everything).toString();
    QVERIFY(rowsBefore.size() > 50);

    const auto applied = Migrator(conn).migrate();
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QStringList later;
    for (const Migration &m : Migrator(QSqlDatabase()).available())
        later.append(m.name);
    later.removeFirst();
    QCOMPARE(applied.value(), later);
    QCOMPARE(db.scalar(everything).toString(), rowsBefore);

    // The replay of the booking made on v1 gets its original answer; new bookings go through.
    const auto replay = ClinicQueries::book(conn, r);
    QVERIFY(replay.ok() && replay->ok);
    QCOMPARE(replay->appointmentId, before->appointmentId);
    r.idempotencyKey = QStringLiteral("after-upgrade");
    r.startsAt = r.startsAt.addSecs(3600);
    r.endsAt = r.endsAt.addSecs(3600);
    const auto after = ClinicQueries::book(conn, r);
    QVERIFY(after.ok() && after->ok);
}

// A clinic running v6 where the desk had booked one patient with two providers at once, and a
// staff login disabled under v6 rules: v7 applies in place, keeps every row, marks the later of
// the overlapping appointments as kept from before (legacy_overlap) rather than refusing to
// upgrade, and from then on refuses any new overlap, including moving the marked one.
void TestMigrator::upgradesAPopulatedV6DatabaseWithOverlapsInPlace()
{
    QTemporaryDir v6;
    for (const Migration &m : Migrator(QSqlDatabase()).available()) {
        if (m.version <= 6)
            QVERIFY(QFile::copy(u":/migrations/"_s + m.name + u".sql"_s, v6.filePath(m.name + u".sql"_s)));
    }
    TestDatabase db(TestDatabase::Start::Empty);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QSqlDatabase &conn = db.connection();
    QVERIFY(Migrator(conn, v6.path()).migrate().ok());
    QCOMPARE(Migrator(conn).appliedVersion().value(), 6);
    const Clinic clinic = db.createClinic(u"UTC"_s, 4);
    QVERIFY(clinic.isValid());
    const auto book = [&](int provider, int hour, int minute) {
        BookingRequest r;
        r.orgId = clinic.id;
        r.providerId = clinic.providers.at(provider).id;
        r.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(hour, minute), QTimeZone::utc());
        r.endsAt = r.startsAt.addSecs(1800);
        r.patientName = u"Dora Double"_s;
        r.phone = u"(415) 555-0180"_s;
        r.idempotencyKey = QUuid::createUuid().toString();
        const auto answer = ClinicQueries::book(conn, r);
        return answer.ok() && answer->ok ? answer->appointmentId : 0;
    };
    const qint64 first = book(0, 9, 0);
    const qint64 overlapping = book(1, 9, 15);   // v6 allowed this
    const qint64 third = book(2, 9, 20);         // and this, overlapping both
    const qint64 later = book(3, 11, 0);
    QVERIFY(first && overlapping && third && later);
    // A name stored as typed under v6, with a decomposed accent.
    QVERIFY(db.scalar(u"insert into frontdesk.patients (org_id, full_name, phone) values (%1, 'Jose\u0301 Nfd', "
                      "'+14155550181') returning id"_s.arg(clinic.id)).toLongLong() > 0);
    const QString login = u"t"_s + QUuid::createUuid().toString(QUuid::Id128).left(10) + u"_gone"_s;
    QVERIFY(AdminQueries::createStaff(conn, login, clinic.id, u"receptionist"_s, u"Gone"_s, u"a-long-password"_s).ok());
    QVERIFY(AdminQueries::disableStaff(conn, login).ok());
    const QString membership = u"select count(*) from pg_auth_members m join pg_roles r on r.oid = m.member "
                               "where r.rolname = '%1'"_s.arg(login);
    QCOMPARE(db.scalar(membership).toLongLong(), qint64(1));   // v6 left the group role

    const QString everything = u"select string_agg(id || ':' || provider_id || ':' || extract(epoch from starts_at) "
                               "|| ':' || status, ',' order by id) from frontdesk.appointments"_s;
    const QString rowsBefore = db.scalar(everything).toString();
    const auto applied = Migrator(conn).migrate();
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(db.scalar(everything).toString(), rowsBefore);
    QCOMPARE(db.scalar(u"select string_agg(id::text, ',' order by id) from frontdesk.appointments "
                       "where legacy_overlap"_s).toString(),
             u"%1,%2"_s.arg(overlapping).arg(third));
    QCOMPARE(db.scalar(membership).toLongLong(), qint64(0));
    QCOMPARE(db.scalar(u"select full_name from frontdesk.patients where phone = '+14155550181'"_s).toString(),
             u"Jos\u00e9 Nfd"_s);

    // A returning caller with the decomposed name is matched to that record, now in NFC.
    BookingRequest returning;
    returning.orgId = clinic.id;
    returning.providerId = clinic.providers.at(0).id;
    returning.startsAt = QDateTime(QDate::currentDate().addDays(4), QTime(9, 0), QTimeZone::utc());
    returning.endsAt = returning.startsAt.addSecs(1800);
    returning.patientName = u"jose\u0301 nfd"_s;
    returning.phone = u"(415) 555-0181"_s;
    returning.idempotencyKey = QUuid::createUuid().toString();
    const auto matched = ClinicQueries::book(conn, returning);
    QVERIFY(matched.ok() && matched->ok);
    QCOMPARE(db.scalar(u"select count(*) from frontdesk.patients where phone = '+14155550181'"_s).toLongLong(), qint64(1));

    // The marked appointments are outside the constraint, and still no new booking may overlap
    // them: Dora at 09:40 with the fourth provider overlaps only the marked 09:20-09:50.
    BookingRequest intoLegacy;
    intoLegacy.orgId = clinic.id;
    intoLegacy.providerId = clinic.providers.at(3).id;
    intoLegacy.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(9, 40), QTimeZone::utc());
    intoLegacy.endsAt = intoLegacy.startsAt.addSecs(600);
    intoLegacy.patientName = u"Dora Double"_s;
    intoLegacy.phone = u"(415) 555-0180"_s;
    intoLegacy.idempotencyKey = QUuid::createUuid().toString();
    const auto refused = ClinicQueries::book(conn, intoLegacy);
    QVERIFY(refused.ok());
    QCOMPARE(refused->code, u"PATIENT_BUSY"_s);
    // Confirming the marked appointments and the one they overlap is no new overlap.
    for (const qint64 id : { first, overlapping, third })
        QCOMPARE(jsonAnswer(conn, u"frontdesk.confirm_appointment(%1)"_s.arg(id)).value(u"status").toString(),
                 u"confirmed"_s);

    // New overlaps are refused, with the unmarked appointment and with the marked ones alike.
    QCOMPARE(jsonAnswer(conn, u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s.arg(later)
                                  .arg(QDateTime(QDate::currentDate().addDays(3), QTime(9, 10), QTimeZone::utc())
                                           .toString(Qt::ISODate),
                                       QDateTime(QDate::currentDate().addDays(3), QTime(9, 40), QTimeZone::utc())
                                           .toString(Qt::ISODate)))
                 .value(u"code").toString(),
             u"PATIENT_BUSY"_s);
    // Moving a marked one places it anew: back onto the first is refused, elsewhere is fine.
    QCOMPARE(jsonAnswer(conn, u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s.arg(third)
                                  .arg(QDateTime(QDate::currentDate().addDays(3), QTime(9, 5), QTimeZone::utc())
                                           .toString(Qt::ISODate),
                                       QDateTime(QDate::currentDate().addDays(3), QTime(9, 35), QTimeZone::utc())
                                           .toString(Qt::ISODate)))
                 .value(u"code").toString(),
             u"PATIENT_BUSY"_s);
    QCOMPARE(jsonAnswer(conn, u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s.arg(third)
                                  .arg(QDateTime(QDate::currentDate().addDays(3), QTime(14, 0), QTimeZone::utc())
                                           .toString(Qt::ISODate),
                                       QDateTime(QDate::currentDate().addDays(3), QTime(14, 30), QTimeZone::utc())
                                           .toString(Qt::ISODate)))
                 .value(u"status").toString(),
             u"booked"_s);
    QCOMPARE(db.scalar(u"select legacy_overlap from frontdesk.appointments where id = %1"_s.arg(third)).toBool(), false);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
