#include "day/DayFilterModel.h"
#include "day/DayModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace frontdesk;
using namespace Qt::StringLiterals;

// The list's filters: provider, status, source and any text, over a real DayModel.
class TestDayFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filters_data();
    void filters();
    void filtersCombineAndClear();
    void timeSortsByStartNotText();

private:
    QList<qint64> shownIds() const;

    Clinic m_clinic;
    DayModel *m_day = nullptr;
    DayFilterModel *m_filter = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestDayFilterModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_clinic.id = 1;
    m_clinic.timeZone = QTimeZone("Europe/London");
    m_clinic.phoneRegion = u"GB"_s;
    m_day = new DayModel;
    m_day->setClinic(m_clinic);
    const QDate day(2026, 11, 23);
    const auto make = [&](qint64 id, int hour, qint64 provider, AppointmentStatus status, BookingSource source,
                          const QString &name, const QString &phone, const QString &service) {
        Appointment a;
        a.id = id;
        a.orgId = 1;
        a.providerId = provider;
        a.providerName = provider == 1 ? u"Dr. One"_s : u"Dr. Two"_s;
        a.patientName = name;
        a.phone = phone;
        a.service = service;
        a.status = status;
        a.source = source;
        a.startsAt = QDateTime(day, QTime(hour, 0), m_clinic.timeZone).toUTC();
        a.endsAt = a.startsAt.addSecs(1800);
        return a;
    };
    m_day->setDay(day, {
        make(1, 9, 1, AppointmentStatus::Booked, BookingSource::AiVoice, u"María José Núñez"_s, u"+447700900123"_s, u"Check-up"_s),
        make(2, 10, 2, AppointmentStatus::Confirmed, BookingSource::Staff, u"Tom Baker"_s, u"+447700900456"_s, u"Vaccination"_s),
        make(3, 11, 1, AppointmentStatus::Cancelled, BookingSource::AiVoice, u"Ann Lee"_s, QString(), u"Check-up"_s),
        make(4, 8, 2, AppointmentStatus::Arrived, BookingSource::Staff, u"Bo Tan"_s, u"+447700900789"_s, QString()),
    });
    m_filter = new DayFilterModel;
    m_filter->setSourceModel(m_day);
    m_filter->sort(DayModel::TimeColumn);
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{ m_day, m_filter })
        m_testers.append(new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestDayFilterModel::cleanup()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    delete m_filter;
    delete m_day;
}

QList<qint64> TestDayFilterModel::shownIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids.append(m_filter->index(row, 0).data(DayModel::AppointmentIdRole).toLongLong());
    return ids;
}

void TestDayFilterModel::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("nothing") << QString() << QList<qint64>{ 4, 1, 2, 3 };
    QTest::newRow("part of a name, any case") << u"núñ"_s << QList<qint64>{ 1 };
    QTest::newRow("two words, both needed") << u"tom vacc"_s << QList<qint64>{ 2 };
    QTest::newRow("a service") << u"check-up"_s << QList<qint64>{ 1, 3 };
    QTest::newRow("phone digits as typed") << u"900456"_s << QList<qint64>{ 2 };
    QTest::newRow("phone as shown") << u"07700 900789"_s << QList<qint64>{ 4 };
    QTest::newRow("digits spanning two fields match nothing") << u"123447"_s << QList<qint64>{};
    QTest::newRow("no match") << u"zebra"_s << QList<qint64>{};
    QTest::newRow("spaces only") << u"   "_s << QList<qint64>{ 4, 1, 2, 3 };
}

void TestDayFilterModel::filters()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);
    m_filter->setTextFilter(text);
    QCOMPARE(shownIds(), expected);
}

void TestDayFilterModel::filtersCombineAndClear()
{
    m_filter->setProviderFilter(1);
    QCOMPARE(shownIds(), (QList<qint64>{ 1, 3 }));
    m_filter->setStatusFilter(AppointmentStatus::Cancelled);
    QCOMPARE(shownIds(), (QList<qint64>{ 3 }));
    QVERIFY(m_filter->isFiltering());
    m_filter->setProviderFilter(0);
    m_filter->setStatusFilter(std::nullopt);
    m_filter->setSourceFilter(BookingSource::Staff);
    QCOMPARE(shownIds(), (QList<qint64>{ 4, 2 }));
    m_filter->setSourceFilter(std::nullopt);
    QVERIFY(!m_filter->isFiltering());
    QCOMPARE(shownIds().size(), 4);
}

void TestDayFilterModel::timeSortsByStartNotText()
{
    m_filter->sort(DayModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(shownIds(), (QList<qint64>{ 3, 2, 1, 4 }));
    m_filter->sort(DayModel::PatientColumn, Qt::AscendingOrder);
    QCOMPARE(shownIds(), (QList<qint64>{ 3, 4, 1, 2 }));
}

QTEST_GUILESS_MAIN(TestDayFilterModel)
#include "tst_dayfiltermodel.moc"
