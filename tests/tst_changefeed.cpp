// The change feed never skips a change: a transaction that took its event id first and
// committed last is still delivered, each change comes in exactly one batch of a chain of
// cursors, and a replayed cursor brings nothing new.
#include "TestDatabase.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;

class TestChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slowTransactionCommittingLastIsDelivered();
    void everyKindOfChangeComesThroughOnce();
    void theFeedCarriesTheChangedAppointmentsAsTheyAreNow();
    void anotherClinicsChangesAreNotInTheFeed();
    void aBadCursorIsRefused_data();
    void aBadCursorIsRefused();

private:
    BookingRequest request(const Clinic &clinic, int hour) const;
    QString freshCursor(const Clinic &clinic);
    QSqlDatabase open(const QString &name) { return m_db->connect(name); }
    static void close(QSqlDatabase &db);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
};

void TestChangeFeed::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(QStringLiteral("UTC"), 2);
}

void TestChangeFeed::cleanupTestCase()
{
    m_db.reset();
}

void TestChangeFeed::close(QSqlDatabase &db)
{
    const QString name = db.connectionName();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

BookingRequest TestChangeFeed::request(const Clinic &clinic, int hour) const
{
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.first().id;
    r.startsAt = QDateTime(QDate::currentDate().addDays(3), QTime(hour, 0), QTimeZone::utc());
    r.endsAt = r.startsAt.addSecs(1800);
    r.patientName = QStringLiteral("Ada Lovelace");
    r.phone = QStringLiteral("(415) 555-2671");
    r.idempotencyKey = QUuid::createUuid().toString();
    return r;
}

QString TestChangeFeed::freshCursor(const Clinic &clinic)
{
    const auto start = ClinicQueries::changesSince(m_db->connection(), clinic.id, {});
    if (!start || start->events != 0)
        qFatal("the feed did not start");
    return start->cursor;
}

void TestChangeFeed::slowTransactionCommittingLastIsDelivered()
{
    QSqlDatabase &reader = m_db->connection();
    const QString c0 = freshCursor(m_clinic);

    // The slow one books first, inside a transaction it keeps open: its event id is the lower.
    QSqlDatabase slow = open(QStringLiteral("slow"));
    QVERIFY(slow.transaction());
    const auto slowBooking = ClinicQueries::book(slow, request(m_clinic, 9));
    QVERIFY(slowBooking.ok() && slowBooking->ok);
    // The fast one books after it and commits at once: another provider and patient, so it does
    // not wait for the slow one's locks.
    QSqlDatabase fast = open(QStringLiteral("fast"));
    BookingRequest other = request(m_clinic, 11);
    other.providerId = m_clinic.providers.at(1).id;
    other.patientName = QStringLiteral("Grace Hopper");
    const auto fastBooking = ClinicQueries::book(fast, other);
    QVERIFY(fastBooking.ok() && fastBooking->ok);
    QVERIFY(m_db->scalar(QStringLiteral("select max(id) from frontdesk.events")).toLongLong() > 0);

    const auto first = ClinicQueries::changesSince(reader, m_clinic.id, c0);
    QVERIFY(first.ok());
    QCOMPARE(first->appointmentIds, QList<qint64>{ fastBooking->appointmentId });

    // Now the slow one commits. An "id greater than the last seen" cursor would never see it.
    QVERIFY(slow.commit());
    const auto second = ClinicQueries::changesSince(reader, m_clinic.id, first->cursor);
    QVERIFY(second.ok());
    QCOMPARE(second->appointmentIds, QList<qint64>{ slowBooking->appointmentId });
    QCOMPARE(m_db->scalar(QStringLiteral("select (select id from frontdesk.events where appointment_id = %1) < "
                                         "(select id from frontdesk.events where appointment_id = %2)")
                              .arg(slowBooking->appointmentId).arg(fastBooking->appointmentId)).toBool(),
             true);

    // Nothing new after the last cursor; an old cursor brings back only what it brought before.
    const auto third = ClinicQueries::changesSince(reader, m_clinic.id, second->cursor);
    QVERIFY(third.ok());
    QCOMPARE(third->events, 0);
    const auto replay = ClinicQueries::changesSince(reader, m_clinic.id, first->cursor);
    QVERIFY(replay.ok());
    QCOMPARE(replay->appointmentIds, second->appointmentIds);
    close(slow);
    close(fast);
}

void TestChangeFeed::everyKindOfChangeComesThroughOnce()
{
    QSqlDatabase &reader = m_db->connection();
    QString cursor = freshCursor(m_clinic);
    const auto booked = ClinicQueries::book(reader, request(m_clinic, 14));
    QVERIFY(booked.ok() && booked->ok);
    QSqlQuery q(reader);
    QVERIFY(q.exec(QStringLiteral("select frontdesk.confirm_appointment(%1)").arg(booked->appointmentId)));
    QVERIFY(q.exec(QStringLiteral("select frontdesk.cancel_appointment(%1, 'moved away')").arg(booked->appointmentId)));

    // Three events of one appointment: it is named once, and a chain of calls sees them once.
    qint64 total = 0;
    QList<qint64> named;
    for (int call = 0; call < 3; ++call) {
        const auto batch = ClinicQueries::changesSince(reader, m_clinic.id, cursor);
        QVERIFY(batch.ok());
        total += batch->events;
        named += batch->appointmentIds;
        cursor = batch->cursor;
    }
    QCOMPARE(total, 3);
    QCOMPARE(named, QList<qint64>{ booked->appointmentId });
}

void TestChangeFeed::theFeedCarriesTheChangedAppointmentsAsTheyAreNow()
{
    QSqlDatabase &reader = m_db->connection();
    const QString cursor = freshCursor(m_clinic);
    const auto booked = ClinicQueries::book(reader, request(m_clinic, 15));
    QVERIFY(booked.ok() && booked->ok);
    QSqlQuery q(reader);
    QVERIFY(q.exec(QStringLiteral("select frontdesk.confirm_appointment(%1)").arg(booked->appointmentId)));

    // Two events, one appointment, as confirmed: what loading it would give, without loading it.
    const auto batch = ClinicQueries::changesSince(reader, m_clinic.id, cursor);
    QVERIFY(batch.ok());
    QCOMPARE(batch->events, 2);
    QCOMPARE(batch->changes.appointments.size(), 1);
    const auto loaded = ClinicQueries::loadAppointment(reader, m_clinic.id, booked->appointmentId);
    QVERIFY(loaded.ok() && loaded.value());
    const Appointment &fed = batch->changes.appointments.first();
    const Appointment &expected = *loaded.value();
    QCOMPARE(fed.id, expected.id);
    QCOMPARE(fed.orgId, expected.orgId);
    QCOMPARE(fed.providerId, expected.providerId);
    QCOMPARE(fed.providerName, expected.providerName);
    QCOMPARE(fed.patientId, expected.patientId);
    QCOMPARE(fed.patientName, QStringLiteral("Ada Lovelace"));
    QCOMPARE(fed.phone, expected.phone);
    QCOMPARE(fed.email, expected.email);
    QCOMPARE(fed.startsAt, expected.startsAt);
    QCOMPARE(fed.endsAt, expected.endsAt);
    QCOMPARE(fed.status, AppointmentStatus::Confirmed);
    QCOMPARE(fed.source, expected.source);
    QCOMPARE(fed.service, expected.service);
    QCOMPARE(fed.notes, expected.notes);
    QCOMPARE(fed.createdBy, expected.createdBy);
    QCOMPARE(fed.createdAt, expected.createdAt);
}

void TestChangeFeed::anotherClinicsChangesAreNotInTheFeed()
{
    const Clinic other = m_db->createClinic(QStringLiteral("UTC"), 1);
    const QString login = QStringLiteral("f") + QUuid::createUuid().toString(QUuid::Id128).left(8) + QStringLiteral("_desk");
    QVERIFY(AdminQueries::createStaff(m_db->connection(), login, m_clinic.id, QStringLiteral("receptionist"), {},
                                      QStringLiteral("feed-test-password")).ok());
    QSqlDatabase desk = m_db->connectAs(QStringLiteral("feed-desk"), login, QStringLiteral("feed-test-password"));
    QVERIFY(desk.isOpen());
    const auto start = ClinicQueries::changesSince(desk, other.id, {});
    QVERIFY(start.ok());
    const auto theirs = ClinicQueries::book(m_db->connection(), request(other, 10));
    QVERIFY(theirs.ok() && theirs->ok);
    // Asking for the other clinic's feed, or for its own: the other clinic's change is not there.
    const auto asked = ClinicQueries::changesSince(desk, other.id, start->cursor);
    QVERIFY(asked.ok());
    QCOMPARE(asked->events, 0);
    QVERIFY(asked->changes.appointments.isEmpty());
    const auto own = ClinicQueries::changesSince(desk, m_clinic.id, start->cursor);
    QVERIFY(own.ok());
    QVERIFY(!own->appointmentIds.contains(theirs->appointmentId));
    for (const Appointment &a : own->changes.appointments)
        QCOMPARE(a.orgId, m_clinic.id);
    close(desk);
}

void TestChangeFeed::aBadCursorIsRefused_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("garbage") << QStringLiteral("yesterday");
    QTest::newRow("an event id") << QStringLiteral("42");
    QTest::newRow("half a snapshot") << QStringLiteral("10:");
    QTest::newRow("backwards snapshot") << QStringLiteral("20:10:");
}

void TestChangeFeed::aBadCursorIsRefused()
{
    QFETCH(QString, cursor);
    const auto batch = ClinicQueries::changesSince(m_db->connection(), m_clinic.id, cursor);
    QVERIFY(!batch.ok());
    QCOMPARE(batch.error().code, QStringLiteral("INVALID_CURSOR"));
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
