#include "day/DayModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace frontdesk;

class TestDayModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void setDaySortsByStartProviderAndId();
    void rowsFallOnTheClinicsLocalDay();
    void displaysClinicTimeAndLabels();
    void liveBookingIsInsertedInOrder();
    void updateInPlaceKeepsPersistentIndex();
    void timeChangeMovesRowAndKeepsPersistentIndex();
    void moveToAnotherDayRemovesRow();
    void otherClinicIsIgnored();
    void sameDayReloadAppliesDifferencesWithoutReset();
    void shownTextsFollowAChangedAppointment();
    void shownTextsFollowTheClinicsZoneAndRegion();
    void movesKeepTheDayInOrder();
    void anotherDayShowsNoRowsUntilRead();
    void aDayUnavailableOfflineShowsNoRowsOfTheDayBefore();
    void anUnknownStatusIsShownAsStoredNotAsBooked();

private:
    Appointment make(qint64 id, QTime localStart, int minutes, const QString &provider = QStringLiteral("Dr. A"),
                     QDate day = {}) const;

    Clinic m_clinic;
    QDate m_day;
    DayModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestDayModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_clinic.id = 7;
    m_clinic.name = QStringLiteral("Test");
    m_clinic.timeZone = QTimeZone("America/New_York");
    m_clinic.phoneRegion = QStringLiteral("US");
    m_day = QDate(2026, 11, 23);
}

void TestDayModel::init()
{
    m_model = new DayModel;
    m_model->setClinic(m_clinic);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestDayModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

Appointment TestDayModel::make(qint64 id, QTime localStart, int minutes, const QString &provider, QDate day) const
{
    Appointment a;
    a.id = id;
    a.orgId = m_clinic.id;
    a.providerId = provider == u"Dr. A" ? 1 : 2;
    a.providerName = provider;
    a.patientId = 100 + id;
    a.patientName = QStringLiteral("Patient %1").arg(id);
    a.phone = QStringLiteral("+14155552671");
    const QDateTime start(day.isValid() ? day : m_day, localStart, m_clinic.timeZone);
    a.startsAt = start.toUTC();
    a.endsAt = start.addSecs(minutes * 60).toUTC();
    a.source = BookingSource::AiVoice;
    a.createdBy = QStringLiteral("ai-agent");
    a.createdAt = QDateTime(m_day, QTime(7, 0), m_clinic.timeZone).toUTC();
    return a;
}

void TestDayModel::setDaySortsByStartProviderAndId()
{
    QSignalSpy dayChanged(m_model, &DayModel::dayChanged);
    m_model->setDay(m_day, { make(3, QTime(10, 0), 30, QStringLiteral("Dr. B")), make(1, QTime(9, 0), 30),
                             make(2, QTime(10, 0), 30, QStringLiteral("Dr. A")), make(4, QTime(10, 0), 15, QStringLiteral("Dr. A")) });
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->columnCount(), int(DayModel::ColumnCount));
    QCOMPARE(dayChanged.count(), 1);
    QList<qint64> order;
    for (int row = 0; row < m_model->rowCount(); ++row)
        order.append(m_model->index(row, 0).data(DayModel::AppointmentIdRole).toLongLong());
    QCOMPARE(order, (QList<qint64>{ 1, 2, 4, 3 }));
    // Without a list of new bookings, nothing is new.
    QCOMPARE(m_model->index(0, 0).data(DayModel::IsNewRole).toBool(), false);
    QCOMPARE(m_model->loadState(), DayModel::LoadState::Loaded);
}

void TestDayModel::rowsFallOnTheClinicsLocalDay()
{
    // 23:30 in New York is 04:30 UTC the next day: it belongs to the clinic's day.
    const Appointment late = make(1, QTime(23, 30), 15);
    QCOMPARE(late.startsAt.date(), m_day.addDays(1));
    m_model->setDay(m_day, {});
    m_model->applyChange(late);
    QCOMPARE(m_model->rowCount(), 1);
    // 00:30 local on the next day does not.
    Appointment next = make(2, QTime(0, 30), 15, QStringLiteral("Dr. A"), m_day.addDays(1));
    m_model->applyChange(next);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestDayModel::displaysClinicTimeAndLabels()
{
    m_model->setDay(m_day, { make(1, QTime(9, 15), 30) });
    const QModelIndex row = m_model->index(0, 0);
    QCOMPARE(row.siblingAtColumn(DayModel::TimeColumn).data().toString(), QStringLiteral("09:15 – 09:45"));
    QCOMPARE(row.siblingAtColumn(DayModel::PatientColumn).data().toString(), QStringLiteral("Patient 1"));
    QCOMPARE(row.siblingAtColumn(DayModel::SourceColumn).data().toString(), QStringLiteral("AI agent"));
    QCOMPARE(row.siblingAtColumn(DayModel::StatusColumn).data().toString(), QStringLiteral("Booked"));
    QCOMPARE(row.siblingAtColumn(DayModel::PhoneColumn).data().toString(), QStringLiteral("(415) 555-2671"));
    QCOMPARE(m_model->headerData(DayModel::SourceColumn, Qt::Horizontal).toString(), QStringLiteral("Booked by"));
    QVERIFY(!m_model->headerData(0, Qt::Vertical).isValid());
}

void TestDayModel::liveBookingIsInsertedInOrder()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(11, 0), 30) });
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    Appointment fresh = make(3, QTime(10, 0), 30);
    fresh.createdAt = QDateTime(m_day, QTime(9, 59), m_clinic.timeZone).toUTC();
    m_model->applyChange(fresh);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(m_model->rowOf(3), 1);
    // The patient's name is the name: "new" is a role for the views to draw, not a text.
    QCOMPARE(m_model->index(1, DayModel::PatientColumn).data().toString(), QStringLiteral("Patient 3"));

    // The same change again (a repeated doorbell) does not duplicate it.
    m_model->applyChange(fresh);
    QCOMPARE(m_model->rowCount(), 3);
}

void TestDayModel::updateInPlaceKeepsPersistentIndex()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(10, 0), 30) });
    const QPersistentModelIndex watched = m_model->index(1, DayModel::StatusColumn);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);

    Appointment confirmed = make(2, QTime(10, 0), 30);
    confirmed.status = AppointmentStatus::Confirmed;
    m_model->applyChange(confirmed);

    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QVERIFY(watched.isValid());
    QCOMPARE(watched.row(), 1);
    QCOMPARE(watched.data().toString(), QStringLiteral("Confirmed"));
}

void TestDayModel::timeChangeMovesRowAndKeepsPersistentIndex()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(10, 0), 30), make(3, QTime(11, 0), 30) });
    const QPersistentModelIndex watched = m_model->index(0, 0);
    QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);

    m_model->applyChange(make(1, QTime(12, 0), 30));   // 09:00 -> 12:00: to the end
    QCOMPARE(moved.count(), 1);
    QCOMPARE(m_model->rowOf(1), 2);
    QVERIFY(watched.isValid());
    QCOMPARE(watched.row(), 2);
    QCOMPARE(watched.data(DayModel::AppointmentIdRole).toLongLong(), qint64(1));

    m_model->applyChange(make(3, QTime(8, 0), 30));    // 11:00 -> 08:00: to the front
    QCOMPARE(moved.count(), 2);
    QCOMPARE(m_model->rowOf(3), 0);
    QCOMPARE(watched.row(), 2);
}

void TestDayModel::moveToAnotherDayRemovesRow()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(10, 0), 30) });
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->applyChange(make(1, QTime(9, 0), 30, QStringLiteral("Dr. A"), m_day.addDays(2)));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(1), -1);
}

void TestDayModel::otherClinicIsIgnored()
{
    m_model->setDay(m_day, {});
    Appointment foreign = make(1, QTime(9, 0), 30);
    foreign.orgId = m_clinic.id + 1;
    foreign.createdAt = QDateTime(m_day, QTime(9, 0), m_clinic.timeZone).toUTC();   // fresh: would be new
    m_model->applyChange(foreign);
    m_model->setDay(m_day, { foreign });
    QCOMPARE(m_model->rowCount(), 0);
}

// After a reconnect the worker reloads the shown day: the model applies the differences, so
// the view keeps its selection.
void TestDayModel::sameDayReloadAppliesDifferencesWithoutReset()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(10, 0), 30), make(3, QTime(11, 0), 30) });
    const QPersistentModelIndex selected = m_model->index(2, 0);   // appointment 3
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    Appointment missed = make(4, QTime(8, 0), 30);   // booked while the desk was away
    missed.createdAt = QDateTime(m_day, QTime(8, 30), m_clinic.timeZone).toUTC();
    Appointment confirmed = make(2, QTime(10, 0), 30);
    confirmed.status = AppointmentStatus::Confirmed;
    // Appointment 1 was cancelled elsewhere and is gone from the day's list.
    m_model->setDay(m_day, { confirmed, make(3, QTime(11, 0), 30), missed });

    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->rowOf(1), -1);
    QCOMPARE(m_model->rowOf(4), 0);
    QCOMPARE(m_model->index(m_model->rowOf(2), DayModel::StatusColumn).data().toString(), QStringLiteral("Confirmed"));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(DayModel::AppointmentIdRole).toLongLong(), qint64(3));

    // The same reload again changes nothing.
    m_model->setDay(m_day, { confirmed, make(3, QTime(11, 0), 30), missed });
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->rowCount(), 3);
}

// The texts a row shows are made when it changes, not on each paint: each change must make
// them again.
void TestDayModel::shownTextsFollowAChangedAppointment()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(10, 0), 30) });
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    Appointment newPhone = make(2, QTime(10, 0), 30);
    newPhone.phone = QStringLiteral("+12125550143");
    m_model->applyChange(newPhone);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(1, DayModel::PhoneColumn).data().toString(), QStringLiteral("(212) 555-0143"));
    newPhone.phone.clear();
    m_model->applyChange(newPhone);
    QCOMPARE(m_model->index(1, DayModel::PhoneColumn).data().toString(), QString());

    // Later on the same row, then earlier than the other row: the text moves with the row.
    m_model->applyChange(make(2, QTime(10, 30), 45));
    QCOMPARE(m_model->index(1, DayModel::TimeColumn).data().toString(), QStringLiteral("10:30 – 11:15"));
    m_model->applyChange(make(2, QTime(8, 0), 15));
    QCOMPARE(m_model->rowOf(2), 0);
    QCOMPARE(m_model->index(0, DayModel::TimeColumn).data().toString(), QStringLiteral("08:00 – 08:15"));
    QCOMPARE(m_model->index(1, DayModel::TimeColumn).data().toString(), QStringLiteral("09:00 – 09:30"));

    Appointment other = make(1, QTime(9, 0), 30);
    other.status = AppointmentStatus::Arrived;
    other.source = BookingSource::Staff;
    other.createdBy = QStringLiteral("desk1");
    m_model->applyChange(other);
    const QModelIndex row = m_model->index(1, 0);
    QCOMPARE(row.siblingAtColumn(DayModel::StatusColumn).data().toString(), QStringLiteral("Arrived"));
    QCOMPARE(row.siblingAtColumn(DayModel::SourceColumn).data().toString(), QStringLiteral("Staff"));
    QVERIFY2(row.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Booked by desk1 on ")),
             qPrintable(row.data(Qt::ToolTipRole).toString()));

    // A row inserted live shows its own texts.
    Appointment fresh = make(3, QTime(12, 0), 20);
    fresh.phone = QStringLiteral("+12125550143");
    fresh.createdAt = QDateTime(m_day, QTime(9, 0), m_clinic.timeZone).toUTC();
    m_model->applyChange(fresh);
    const QModelIndex inserted = m_model->index(m_model->rowOf(3), 0);
    QCOMPARE(inserted.siblingAtColumn(DayModel::TimeColumn).data().toString(), QStringLiteral("12:00 – 12:20"));
    QCOMPARE(inserted.siblingAtColumn(DayModel::PhoneColumn).data().toString(), QStringLiteral("(212) 555-0143"));
    QCOMPARE(inserted.siblingAtColumn(DayModel::PatientColumn).data().toString(), QStringLiteral("Patient 3"));
}

void TestDayModel::shownTextsFollowTheClinicsZoneAndRegion()
{
    m_model->setDay(m_day, { make(1, QTime(9, 15), 30), make(2, QTime(10, 0), 30) });
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    Clinic sameTexts = m_clinic;
    sameTexts.name = QStringLiteral("Renamed");
    m_model->setClinic(sameTexts);
    QCOMPARE(changed.count(), 0);

    Clinic london = m_clinic;
    london.timeZone = QTimeZone("Europe/London");
    m_model->setClinic(london);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(1, DayModel::ColumnCount - 1));
    QCOMPARE(m_model->index(0, DayModel::TimeColumn).data().toString(), QStringLiteral("14:15 – 14:45"));
    QCOMPARE(m_model->index(1, DayModel::TimeColumn).data().toString(), QStringLiteral("15:00 – 15:30"));
    QCOMPARE(m_model->index(0, DayModel::PhoneColumn).data().toString(), QStringLiteral("(415) 555-2671"));

    // A clinic in another country reads the same number internationally.
    london.phoneRegion = QStringLiteral("GB");
    m_model->setClinic(london);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_model->index(0, DayModel::PhoneColumn).data().toString(), QStringLiteral("+1 415-555-2671"));
    QCOMPARE(m_model->index(0, DayModel::TimeColumn).data().toString(), QStringLiteral("14:15 – 14:45"));
}

// Moves find their place without copying the day: many moves, including ties on the start
// time broken by provider and id, leave the rows in order with their own texts.
void TestDayModel::movesKeepTheDayInOrder()
{
    const auto provider = [](qint64 id) { return id % 2 ? QStringLiteral("Dr. A") : QStringLiteral("Dr. B"); };
    AppointmentList day;
    for (int id = 1; id <= 12; ++id)
        day.append(make(id, QTime(9, 0).addSecs(900 * (id % 5)), 15, provider(id)));
    m_model->setDay(m_day, day);
    const QPersistentModelIndex watched = m_model->index(m_model->rowOf(7), 0);

    QRandomGenerator random(2026);
    for (int i = 0; i < 300; ++i) {
        const qint64 id = random.bounded(1, 13);
        const QTime start = QTime(8, 0).addSecs(900 * random.bounded(0, 8));
        m_model->applyChange(make(id, start, 15, provider(id)));
        QCOMPARE(m_model->rowCount(), 12);
        QCOMPARE(m_model->appointmentAt(m_model->rowOf(id)).startsAt, make(id, start, 15).startsAt);
        for (int row = 1; row < m_model->rowCount(); ++row) {
            const Appointment &a = m_model->appointmentAt(row - 1);
            const Appointment &b = m_model->appointmentAt(row);
            QVERIFY2(std::tie(a.startsAt, a.providerName, a.id) < std::tie(b.startsAt, b.providerName, b.id),
                     qPrintable(QStringLiteral("after move %1: rows %2 and %3").arg(i).arg(row - 1).arg(row)));
        }
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Appointment &a = m_model->appointmentAt(row);
        QCOMPARE(m_model->index(row, DayModel::TimeColumn).data().toString(),
                 a.startsAt.toTimeZone(m_clinic.timeZone).toString(QStringLiteral("HH:mm")) + QStringLiteral(" – ")
                     + a.endsAt.toTimeZone(m_clinic.timeZone).toString(QStringLiteral("HH:mm")));
    }
    QVERIFY(watched.isValid());
    QCOMPARE(watched.data(DayModel::AppointmentIdRole).toLongLong(), qint64(7));
}

// Found in the demo: while offline, Next day changed the title to Monday but the table kept
// listing Saturday's appointments.
void TestDayModel::anotherDayShowsNoRowsUntilRead()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30), make(2, QTime(10, 0), 30) });
    QSignalSpy states(m_model, &DayModel::loadStateChanged);
    m_model->showLoading(m_day.addDays(1));
    QCOMPARE(m_model->day(), m_day.addDays(1));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->loadState(), DayModel::LoadState::Loading);
    QCOMPARE(states.count(), 1);
    // A change for the day before, arriving late, is not shown under the new date.
    m_model->applyChange(make(3, QTime(11, 0), 30));
    QCOMPARE(m_model->rowCount(), 0);
    // Nor is one of the new day, before the day itself is read: a part is not the whole.
    m_model->applyChange(make(4, QTime(11, 0), 30, QStringLiteral("Dr. A"), m_day.addDays(1)));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setDay(m_day.addDays(1), { make(4, QTime(11, 0), 30, QStringLiteral("Dr. A"), m_day.addDays(1)) });
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->loadState(), DayModel::LoadState::Loaded);
}

void TestDayModel::aDayUnavailableOfflineShowsNoRowsOfTheDayBefore()
{
    m_model->setDay(m_day, { make(1, QTime(9, 0), 30) });
    QSignalSpy dayChanged(m_model, &DayModel::dayChanged);
    m_model->showUnavailable(m_day.addDays(1));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->day(), m_day.addDays(1));
    QCOMPARE(m_model->loadState(), DayModel::LoadState::UnavailableOffline);
    QCOMPARE(dayChanged.count(), 1);
    // Back online, the day is read and shown whole.
    m_model->setDay(m_day.addDays(1), { make(2, QTime(9, 0), 30, QStringLiteral("Dr. A"), m_day.addDays(1)) });
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->loadState(), DayModel::LoadState::Loaded);
}

void TestDayModel::anUnknownStatusIsShownAsStoredNotAsBooked()
{
    Appointment odd = make(1, QTime(9, 0), 30);
    odd.statusText = QStringLiteral("waitlisted");
    odd.status = appointmentStatusFromDatabase(odd.statusText);
    QCOMPARE(odd.status, AppointmentStatus::Unknown);
    QCOMPARE(appointmentStatusFromDatabase(QStringLiteral("booked")), AppointmentStatus::Booked);
    m_model->setDay(m_day, { odd });
    const QString shown = m_model->index(0, DayModel::StatusColumn).data().toString();
    QVERIFY2(shown.contains(u"waitlisted") && !shown.contains(u"Booked"), qPrintable(shown));
}

QTEST_GUILESS_MAIN(TestDayModel)
#include "tst_daymodel.moc"
