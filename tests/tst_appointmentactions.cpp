// The desk offers a status action exactly where the clinic database would accept it: for every
// status, every action, every timing and both kinds of staff, the rule of
// commands/AppointmentActions.cpp is compared with what the database answers to the command the
// desk would send.
#include "TestDatabase.h"
#include "commands/AppointmentActions.h"
#include "db/AdminQueries.h"
#include "db/ClinicQueries.h"
#include "db/FunctionCall.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;
using namespace Qt::StringLiterals;

namespace {
const QString kPassword = u"actions-password"_s;
} // namespace

class TestAppointmentActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rulesMatchTheDatabase_data();
    void rulesMatchTheDatabase();
    void anUnknownStatusAllowsNothing();
    void theDeskKnowsWhoIsAManager();

private:
    qint64 appointment(AppointmentStatus status, int minutesFromNow);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
    QString m_prefix;
    int m_slot = 0;
};

void TestAppointmentActions::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    // A zone where it is now about noon, so "today" has room before and after now.
    const int offset = 12 - QDateTime::currentDateTimeUtc().time().hour();
    const QString zone = offset == 0 ? u"UTC"_s
                                     : u"Etc/GMT%1%2"_s.arg(offset > 0 ? u"-"_s : u"+"_s).arg(qAbs(offset));
    m_clinic = m_db->createClinic(zone, 2);
    QVERIFY(m_clinic.isValid());
    m_prefix = u"a"_s + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'_';
    QSqlDatabase &admin = m_db->connection();
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"recep", m_clinic.id, u"receptionist"_s, {}, kPassword).ok());
    QVERIFY(AdminQueries::createStaff(admin, m_prefix + u"mgr", m_clinic.id, u"manager"_s, {}, kPassword).ok());
}

void TestAppointmentActions::cleanupTestCase()
{
    m_db.reset();
}

qint64 TestAppointmentActions::appointment(AppointmentStatus status, int minutesFromNow)
{
    // Written directly, as history is: booking refuses the past. A second long, each on its own
    // second: never overlapping another.
    const QDateTime start = QDateTime::fromSecsSinceEpoch(
        (QDateTime::currentSecsSinceEpoch() / 60 + minutesFromNow) * 60, QTimeZone::utc()).addSecs(++m_slot);
    return m_db->insertAppointment(m_clinic.id, m_clinic.providers.at(1).id, status, start, start.addSecs(1));
}

void TestAppointmentActions::rulesMatchTheDatabase_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("minutesFromNow");
    QTest::addColumn<bool>("manager");
    const struct { const char *name; int minutes; } timings[] = {
        { "yesterday", -24 * 60 }, { "earlier today", -60 }, { "later today", 60 }, { "tomorrow", 24 * 60 },
    };
    for (const AppointmentStatus status : kKnownStatuses) {
        for (const AppointmentAction action : kAppointmentActions) {
            for (const auto &timing : timings) {
                for (const bool manager : { false, true }) {
                    QTest::addRow("%s, %s, %s, %s", qPrintable(toDatabaseText(status)),
                                  qPrintable(displayText(action)), timing.name, manager ? "manager" : "receptionist")
                        << int(status) << int(action) << timing.minutes << manager;
                }
            }
        }
    }
}

void TestAppointmentActions::rulesMatchTheDatabase()
{
    QFETCH(int, status);
    QFETCH(int, action);
    QFETCH(int, minutesFromNow);
    QFETCH(bool, manager);
    const qint64 id = appointment(AppointmentStatus(status), minutesFromNow);
    QSqlDatabase &db = m_db->connectionAs(m_prefix + (manager ? u"mgr"_s : u"recep"_s), kPassword);
    const auto loaded = ClinicQueries::loadAppointment(db, m_clinic.id, id);
    QVERIFY(loaded && loaded->has_value());
    const Appointment &a = loaded->value();

    const ActionContext context{ QDateTime::currentDateTimeUtc(), m_clinic.timeZone, manager };
    const ActionCheck check = checkAction(AppointmentAction(action), a, context);
    QCOMPARE(check.allowed, check.reason.isEmpty());

    Command command;
    switch (AppointmentAction(action)) {
    case AppointmentAction::Cancel:
        command = Commands::cancel(id, u"Patient called to cancel"_s);
        break;
    case AppointmentAction::Reschedule: {
        // To a free second two days after the later of now and its start.
        const QDateTime to = qMax(a.startsAt, QDateTime::currentDateTimeUtc()).addDays(2).addSecs(++m_slot);
        command = Commands::reschedule(id, to, to.addSecs(1));
        break;
    }
    default:
        command = simpleCommand(AppointmentAction(action), id);
    }
    const auto answer = callFunction(db, command);
    QVERIFY2(answer, qPrintable(answer.error().message));
    const bool accepted = answer->ok && !answer->unchanged();
    QVERIFY2(accepted == check.allowed,
             qPrintable(u"the desk says %1 (%2), the database says %3 %4"_s
                            .arg(check.allowed ? u"allowed"_s : u"refused"_s, check.reason,
                                 answer->ok ? u"ok"_s : answer->code, answer->unchanged() ? u"unchanged"_s : QString())));
}

void TestAppointmentActions::anUnknownStatusAllowsNothing()
{
    Appointment a;
    a.status = AppointmentStatus::Unknown;
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    const ActionContext context{ QDateTime::currentDateTimeUtc(), m_clinic.timeZone, true };
    for (const AppointmentAction action : kAppointmentActions) {
        const ActionCheck check = checkAction(action, a, context);
        QVERIFY2(!check.allowed, qPrintable(displayText(action)));
        QVERIFY(!check.reason.isEmpty());
    }
}

void TestAppointmentActions::theDeskKnowsWhoIsAManager()
{
    const auto receptionist = ClinicQueries::loadDeskUser(m_db->connectionAs(m_prefix + u"recep"_s, kPassword));
    QVERIFY(receptionist);
    QCOMPARE(receptionist->login, m_prefix + u"recep"_s);
    QVERIFY(!receptionist->isManager);
    const auto manager = ClinicQueries::loadDeskUser(m_db->connectionAs(m_prefix + u"mgr"_s, kPassword));
    QVERIFY(manager);
    QVERIFY(manager->isManager);
}

QTEST_GUILESS_MAIN(TestAppointmentActions)
#include "tst_appointmentactions.moc"
