#include "day/DayModel.h"
#include "live/NewBookingsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace frontdesk;
using namespace Qt::StringLiterals;

// The AI agent's bookings not yet looked at on this desk: today and later only, never the
// desk's own, listed in start order, and what marks the day's rows new.
class TestNewBookings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void anAiBookingIsNewListedAndAnnounced();
    void notNew_data();
    void notNew();
    void aRepeatedDoorbellAnnouncesOnce();
    void markSeenAndMarkAllSeenEmptyTheList();
    void theListIsInStartOrderAndFollowsChanges();
    void midnightTakesYesterdaysBookingsOff();
    void aChangedNewBookingStaysInPlace();

private:
    Appointment make(qint64 id, QDate day, QTime start, BookingSource source = BookingSource::AiVoice) const;
    static ChangeSet booked(const Appointment &a);

    Clinic m_clinic;
    QDate m_today;
    QDateTime m_watchingSince;
    NewBookingsModel *m_new = nullptr;
    DayModel *m_day = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestNewBookings::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_clinic.id = 3;
    m_clinic.timeZone = QTimeZone("Europe/Madrid");
    m_clinic.phoneRegion = QStringLiteral("ES");
    m_today = QDate(2026, 11, 23);
    m_watchingSince = QDateTime(m_today, QTime(8, 0), m_clinic.timeZone).toUTC();
}

void TestNewBookings::init()
{
    m_new = new NewBookingsModel;
    m_new->setClinic(m_clinic);
    m_new->setWatchingSince(m_watchingSince);
    m_new->setToday(m_today);
    m_day = new DayModel;
    m_day->setClinic(m_clinic);
    m_day->setNewBookings(m_new);
    m_day->setDay(m_today, {});
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{ m_new, m_day })
        m_testers.append(new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestNewBookings::cleanup()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    delete m_day;
    delete m_new;
}

Appointment TestNewBookings::make(qint64 id, QDate day, QTime start, BookingSource source) const
{
    Appointment a;
    a.id = id;
    a.orgId = m_clinic.id;
    a.providerId = 1;
    a.providerName = QStringLiteral("Dra. Ruiz");
    a.patientId = 100 + id;
    a.patientName = QStringLiteral("Paciente %1").arg(id);
    const QDateTime local(day, start, m_clinic.timeZone);
    a.startsAt = local.toUTC();
    a.endsAt = local.addSecs(1800).toUTC();
    a.source = source;
    a.createdAt = m_watchingSince.addSecs(60);
    return a;
}

ChangeSet TestNewBookings::booked(const Appointment &a)
{
    ChangeEvent e;
    e.eventId = a.id * 10;
    e.kind = ChangeEvent::Kind::Booked;
    e.kindText = QStringLiteral("appointment.booked");
    e.appointmentId = a.id;
    e.patientId = a.patientId;
    return ChangeSet{ { e }, { a } };
}

void TestNewBookings::anAiBookingIsNewListedAndAnnounced()
{
    const Appointment a = make(1, m_today, QTime(10, 0));
    QSignalSpy arrived(m_new, &NewBookingsModel::arrived);
    QSignalSpy count(m_new, &NewBookingsModel::countChanged);
    m_day->applyChanges(booked(a));
    QSignalSpy rowChanged(m_day, &QAbstractItemModel::dataChanged);
    m_new->applyChanges(booked(a));

    QCOMPARE(m_new->count(), 1);
    QVERIFY(m_new->isNew(1));
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(arrived.first().first().value<Appointment>().id, qint64(1));
    QCOMPARE(count.last().first().toInt(), 1);
    // The day's row learns it is new (the views draw the mark from the role).
    QVERIFY(!rowChanged.isEmpty());
    QVERIFY(m_day->index(0, 0).data(DayModel::IsNewRole).toBool());
    QCOMPARE(m_new->index(0).data().toString(), QStringLiteral("Today 10:00 – Paciente 1 with Dra. Ruiz"));
}

void TestNewBookings::notNew_data()
{
    QTest::addColumn<int>("dayOffset");
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("createdMinutesAfterWatching");
    QTest::addColumn<QString>("kind");
    QTest::newRow("the desk's own booking") << 0 << int(BookingSource::Staff) << 1 << u"appointment.booked"_s;
    QTest::newRow("for yesterday") << -1 << int(BookingSource::AiVoice) << 1 << u"appointment.booked"_s;
    QTest::newRow("booked before watching") << 0 << int(BookingSource::AiVoice) << -5 << u"appointment.booked"_s;
    QTest::newRow("a confirmation, not a booking") << 0 << int(BookingSource::AiVoice) << 1 << u"appointment.confirm"_s;
}

void TestNewBookings::notNew()
{
    QFETCH(int, dayOffset);
    QFETCH(int, source);
    QFETCH(int, createdMinutesAfterWatching);
    QFETCH(QString, kind);
    Appointment a = make(7, m_today.addDays(dayOffset), QTime(9, 0), BookingSource(source));
    a.createdAt = m_watchingSince.addSecs(60 * createdMinutesAfterWatching);
    ChangeSet changes = booked(a);
    changes.events.first().kindText = kind;
    changes.events.first().kind = ChangeEvent::kindFromDatabase(kind);
    QSignalSpy arrived(m_new, &NewBookingsModel::arrived);
    m_new->applyChanges(changes);
    QCOMPARE(m_new->count(), 0);
    QVERIFY(!m_new->isNew(7));
    QCOMPARE(arrived.count(), 0);
}

void TestNewBookings::aRepeatedDoorbellAnnouncesOnce()
{
    const ChangeSet changes = booked(make(1, m_today.addDays(2), QTime(10, 0)));
    QSignalSpy arrived(m_new, &NewBookingsModel::arrived);
    m_new->applyChanges(changes);
    m_new->applyChanges(changes);
    QCOMPARE(m_new->count(), 1);
    QCOMPARE(arrived.count(), 1);
}

void TestNewBookings::markSeenAndMarkAllSeenEmptyTheList()
{
    for (qint64 id : { 1, 2, 3 }) {
        const ChangeSet changes = booked(make(id, m_today, QTime(9 + int(id), 0)));
        m_day->applyChanges(changes);
        m_new->applyChanges(changes);
    }
    QCOMPARE(m_new->count(), 3);
    QSignalSpy count(m_new, &NewBookingsModel::countChanged);
    m_new->markSeen(2);
    QCOMPARE(m_new->count(), 2);
    QVERIFY(!m_new->isNew(2));
    QVERIFY(!m_day->index(m_day->rowOf(2), 0).data(DayModel::IsNewRole).toBool());
    QCOMPARE(count.last().first().toInt(), 2);
    m_new->markSeen(2);   // seen twice: nothing more to say
    QCOMPARE(count.count(), 1);

    QSignalSpy rowChanged(m_day, &QAbstractItemModel::dataChanged);
    m_new->markAllSeen();
    QCOMPARE(m_new->count(), 0);
    QCOMPARE(count.last().first().toInt(), 0);
    QCOMPARE(rowChanged.count(), 2);
    for (int row = 0; row < m_day->rowCount(); ++row)
        QVERIFY(!m_day->index(row, 0).data(DayModel::IsNewRole).toBool());
}

void TestNewBookings::theListIsInStartOrderAndFollowsChanges()
{
    m_new->applyChanges(booked(make(1, m_today.addDays(1), QTime(9, 0))));
    m_new->applyChanges(booked(make(2, m_today, QTime(16, 0))));
    m_new->applyChanges(booked(make(3, m_today, QTime(8, 30))));
    QList<qint64> order;
    for (int row = 0; row < m_new->rowCount(); ++row)
        order.append(m_new->index(row).data(NewBookingsModel::AppointmentIdRole).toLongLong());
    QCOMPARE(order, (QList<qint64>{ 3, 2, 1 }));

    // Rescheduled (by the agent, before anyone looked) to yesterday: no longer today or later.
    Appointment moved = make(2, m_today.addDays(-1), QTime(16, 0));
    ChangeSet change = booked(moved);
    change.events.first().kind = ChangeEvent::Kind::Rescheduled;
    m_new->applyChanges(change);
    QVERIFY(!m_new->isNew(2));
    QCOMPARE(m_new->count(), 2);
}

void TestNewBookings::midnightTakesYesterdaysBookingsOff()
{
    m_new->applyChanges(booked(make(1, m_today, QTime(18, 0))));
    m_new->applyChanges(booked(make(2, m_today.addDays(1), QTime(9, 0))));
    QCOMPARE(m_new->count(), 2);
    m_new->setToday(m_today.addDays(1));
    QCOMPARE(m_new->count(), 1);
    QVERIFY(m_new->isNew(2));
    QVERIFY(!m_new->isNew(1));
}

// Another desk confirms a new booking: it stays new, in its row, and the list's current item and
// count hold (it used to be removed and inserted again).
void TestNewBookings::aChangedNewBookingStaysInPlace()
{
    m_new->applyChanges(booked(make(1, m_today, QTime(9, 0))));
    m_new->applyChanges(booked(make(2, m_today, QTime(10, 0))));
    const QPersistentModelIndex watched = m_new->index(1);
    QSignalSpy removed(m_new, &QAbstractItemModel::rowsRemoved);
    QSignalSpy count(m_new, &NewBookingsModel::countChanged);
    QSignalSpy changed(m_new, &QAbstractItemModel::dataChanged);
    Appointment confirmed = make(2, m_today, QTime(10, 0));
    confirmed.status = AppointmentStatus::Confirmed;
    ChangeSet change = booked(confirmed);
    change.events.first().kind = ChangeEvent::Kind::Confirmed;
    m_new->applyChanges(change);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(count.count(), 0);
    QCOMPARE(changed.count(), 1);
    QVERIFY(watched.isValid());
    QCOMPARE(watched.row(), 1);
    QVERIFY(m_new->isNew(2));
    QCOMPARE(m_new->appointmentAt(1).status, AppointmentStatus::Confirmed);
}

QTEST_GUILESS_MAIN(TestNewBookings)
#include "tst_newbookings.moc"
