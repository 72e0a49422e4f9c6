// One patient in one place: a patient's live appointments never overlap, whichever provider.
// Booking, rescheduling and reopening answer PATIENT_BUSY (with the appointment in the way and
// the nearest starts at which both the provider and the patient are free), and the database
// guarantees it under concurrency as it does the provider rule. Before schema v7 the desk booked
// one patient at 07:15 with two doctors.

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "domain/Booking.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace frontdesk;
using frontdesk::test::jsonAnswer;
using namespace Qt::StringLiterals;

namespace {

QDate g_today;

QDateTime utcAt(int daysAhead, int hour, int minute = 0)
{
    return QDateTime(g_today.addDays(daysAhead), QTime(hour, minute), QTimeZone::utc());
}

QString iso(const QDateTime &t)
{
    return t.toString(Qt::ISODate);
}

} // namespace

class TestPatientOverlap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void secondProviderAtTheSameTimeIsRefused_data();
    void secondProviderAtTheSameTimeIsRefused();
    void cancelledAndNoShowAppointmentsDoNotCount();
    void rescheduleIntoTheOtherAppointmentIsRefused();
    void reopenIntoTheOtherAppointmentIsRefused();
    void concurrentReschedulesPlaceThePatientOnce();

private:
    BookingResult book(const Clinic &clinic, int provider, const QDateTime &start, int minutes = 30,
                       const QString &name = u"Olive Overlap"_s);
    QJsonObject call(const QString &sql) { return jsonAnswer(m_db->connection(), sql); }
    qint64 appointments(const Clinic &clinic)
    {
        return m_db->scalar(u"select count(*) from frontdesk.appointments where org_id = %1"_s.arg(clinic.id)).toLongLong();
    }

    std::unique_ptr<test::TestDatabase> m_db;
};

void TestPatientOverlap::initTestCase()
{
    g_today = QDateTime::currentDateTimeUtc().date();
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
}

void TestPatientOverlap::cleanupTestCase()
{
    m_db.reset();
}

BookingResult TestPatientOverlap::book(const Clinic &clinic, int provider, const QDateTime &start, int minutes,
                                       const QString &name)
{
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.at(provider).id;
    r.startsAt = start;
    r.endsAt = start.addSecs(60 * minutes);
    r.patientName = name;
    r.phone = u"(415) 555-0170"_s;
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto answer = ClinicQueries::book(m_db->connection(), r);
    return answer.ok() ? answer.value() : BookingResult::failure(u"SQL_ERROR"_s, answer.error().message);
}

void TestPatientOverlap::secondProviderAtTheSameTimeIsRefused_data()
{
    QTest::addColumn<int>("startMinute");   // of the second booking, the first being 07:15-07:45
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("code");
    QTest::newRow("the same time") << 15 << 30 << u"PATIENT_BUSY"_s;
    QTest::newRow("starting inside") << 30 << 30 << u"PATIENT_BUSY"_s;
    QTest::newRow("ending inside") << 0 << 30 << u"PATIENT_BUSY"_s;
    QTest::newRow("around it") << 0 << 60 << u"PATIENT_BUSY"_s;
    QTest::newRow("right after (touching)") << 45 << 30 << u"OK"_s;
    QTest::newRow("right before (touching)") << -15 << 30 << u"OK"_s;
}

void TestPatientOverlap::secondProviderAtTheSameTimeIsRefused()
{
    QFETCH(int, startMinute);
    QFETCH(int, minutes);
    QFETCH(QString, code);
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 3);
    QVERIFY(clinic.isValid());
    const BookingResult first = book(clinic, 0, utcAt(3, 7, 15));
    QVERIFY2(first.ok, qPrintable(first.code));
    // Another patient at the same time is no conflict.
    QVERIFY(book(clinic, 2, utcAt(3, 7, 15), 30, u"Other Person"_s).ok);

    const QDateTime start = utcAt(3, 7).addSecs(60 * startMinute);
    const BookingResult answer = book(clinic, 1, start, minutes);
    if (code == u"OK") {
        QVERIFY2(answer.ok, qPrintable(answer.code));
        QCOMPARE(answer.patientId, first.patientId);
        return;
    }
    QCOMPARE(answer.code, code);
    QCOMPARE(answer.conflictStartsAt, utcAt(3, 7, 15));
    QCOMPARE(answer.conflictEndsAt, utcAt(3, 7, 45));
    QCOMPARE(answer.conflictProviderId, clinic.providers.at(0).id);
    QCOMPARE(appointments(clinic), qint64(2));
    // The alternatives keep the patient free, and the first really can be booked.
    QVERIFY(!answer.alternatives.isEmpty());
    for (const QDateTime &alternative : answer.alternatives) {
        const QDateTime end = alternative.addSecs(60 * minutes);
        QVERIFY2(end <= utcAt(3, 7, 15) || alternative >= utcAt(3, 7, 45), qPrintable(iso(alternative)));
    }
    const BookingResult instead = book(clinic, 1, answer.alternatives.first(), minutes);
    QVERIFY2(instead.ok, qPrintable(instead.code));
}

void TestPatientOverlap::cancelledAndNoShowAppointmentsDoNotCount()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(clinic.isValid());
    const BookingResult first = book(clinic, 0, utcAt(3, 8));
    QVERIFY(first.ok);
    QCOMPARE(book(clinic, 1, utcAt(3, 8)).code, u"PATIENT_BUSY"_s);
    QCOMPARE(call(u"frontdesk.cancel_appointment(%1, 'changed plans')"_s.arg(first.appointmentId))
                 .value(u"status").toString(),
             u"cancelled"_s);
    QVERIFY(book(clinic, 1, utcAt(3, 8)).ok);
}

void TestPatientOverlap::rescheduleIntoTheOtherAppointmentIsRefused()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(clinic.isValid());
    const BookingResult nine = book(clinic, 0, utcAt(3, 9));
    const BookingResult eleven = book(clinic, 1, utcAt(3, 11));
    QVERIFY(nine.ok && eleven.ok);
    const QJsonObject answer = call(u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s
                                        .arg(eleven.appointmentId).arg(iso(utcAt(3, 9, 15)), iso(utcAt(3, 9, 45))));
    QCOMPARE(answer.value(u"code").toString(), u"PATIENT_BUSY"_s);
    QCOMPARE(answer.value(u"conflict").toObject().value(u"appointment_id").toInteger(), nine.appointmentId);
    QVERIFY(!answer.value(u"alternatives").toArray().isEmpty());
    QCOMPARE(m_db->scalar(u"select starts_at from frontdesk.appointments where id = %1"_s.arg(eleven.appointmentId))
                 .toDateTime().toUTC(),
             utcAt(3, 11));
    // Moving it to the provider of the other appointment, at the same time, is refused too;
    // moving it next to it is not.
    QCOMPARE(call(u"frontdesk.reschedule_appointment(%1, '%2', '%3', %4)"_s
                      .arg(eleven.appointmentId).arg(iso(utcAt(3, 9)), iso(utcAt(3, 9, 30)))
                      .arg(clinic.providers.at(0).id))
                 .value(u"ok").toBool(),
             false);
    QCOMPARE(call(u"frontdesk.reschedule_appointment(%1, '%2', '%3')"_s
                      .arg(eleven.appointmentId).arg(iso(utcAt(3, 9, 30)), iso(utcAt(3, 10))))
                 .value(u"status").toString(),
             u"booked"_s);
}

void TestPatientOverlap::reopenIntoTheOtherAppointmentIsRefused()
{
    const Clinic clinic = m_db->createClinic(u"UTC"_s, 2);
    QVERIFY(clinic.isValid());
    const BookingResult first = book(clinic, 0, utcAt(3, 14));
    QVERIFY(first.ok);
    QVERIFY(call(u"frontdesk.cancel_appointment(%1, 'rebooked')"_s.arg(first.appointmentId)).value(u"ok").toBool());
    QVERIFY(book(clinic, 1, utcAt(3, 14, 15)).ok);
    const QJsonObject answer = call(u"frontdesk.reopen_appointment(%1)"_s.arg(first.appointmentId));
    QCOMPARE(answer.value(u"code").toString(), u"PATIENT_BUSY"_s);
    QCOMPARE(m_db->scalar(u"select status from frontdesk.appointments where id = %1"_s.arg(first.appointmentId))
                 .toString(),
             u"cancelled"_s);
}

// Ten rounds: one patient with three appointments at three providers; two reschedules and a new
// booking for the same new time race. Exactly one places the patient there.
void TestPatientOverlap::concurrentReschedulesPlaceThePatientOnce()
{
    for (int round = 0; round < 10; ++round) {
        const Clinic clinic = m_db->createClinic(u"UTC"_s, 4);
        QVERIFY(clinic.isValid());
        QList<qint64> ids;
        for (int p = 0; p < 3; ++p) {
            const BookingResult r = book(clinic, p, utcAt(3, 8 + 2 * p));
            QVERIFY(r.ok);
            ids << r.appointmentId;
        }
        const QString target = u"'%1', '%2'"_s.arg(iso(utcAt(4, 15)), iso(utcAt(4, 15, 30)));
        const QStringList calls = {
            u"frontdesk.reschedule_appointment(%1, %2)"_s.arg(ids.at(1)).arg(target),
            u"frontdesk.reschedule_appointment(%1, %2)"_s.arg(ids.at(2)).arg(target),
            u"frontdesk.book_appointment_atomic(%1, %2, %3, 'Olive Overlap', '(415) 555-0170', null, 'staff', '%4')"_s
                .arg(clinic.id).arg(clinic.providers.at(3).id).arg(target, QUuid::createUuid().toString()),
        };
        std::vector<QJsonObject> answers(size_t(calls.size()));
        std::mutex mutex;
        std::condition_variable cv;
        int ready = 0;
        bool go = false;
        std::vector<std::thread> threads;
        for (int i = 0; i < calls.size(); ++i) {
            threads.emplace_back([&, i] {
                const QString name = u"race-%1-%2"_s.arg(round).arg(i);
                {
                    QSqlDatabase db = m_db->connect(name);
                    {
                        std::unique_lock<std::mutex> lock(mutex);
                        ++ready;
                        cv.notify_all();
                        cv.wait(lock, [&] { return go; });
                    }
                    answers[size_t(i)] = jsonAnswer(db, calls.at(i));
                    db.close();
                }
                QSqlDatabase::removeDatabase(name);
            });
        }
        {
            std::unique_lock<std::mutex> lock(mutex);
            cv.wait(lock, [&] { return ready == int(calls.size()); });
            go = true;
        }
        cv.notify_all();
        for (std::thread &t : threads)
            t.join();
        int placed = 0;
        for (const QJsonObject &a : answers) {
            QVERIFY2(!a.contains(u"sql_error"), qPrintable(a.value(u"sql_error").toString()));
            if (a.value(u"ok").toBool())
                ++placed;
            else
                QCOMPARE(a.value(u"code").toString(), u"PATIENT_BUSY"_s);
        }
        QCOMPARE(placed, 1);
        QCOMPARE(m_db->scalar(u"select count(*) from frontdesk.appointments a join frontdesk.appointments b "
                              "on a.patient_id = b.patient_id and a.id < b.id "
                              "and a.status not in ('cancelled', 'no_show') and b.status not in ('cancelled', 'no_show') "
                              "and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) "
                              "where a.org_id = %1"_s.arg(clinic.id)).toLongLong(),
                 qint64(0));
    }
}

QTEST_GUILESS_MAIN(TestPatientOverlap)
#include "tst_patientoverlap.moc"
