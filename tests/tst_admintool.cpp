// frontdesk-admin as an administrator runs it: a real process, its exit codes and messages,
// against a database of the throwaway cluster.
#include "TestDatabase.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using frontdesk::test::TestDatabase;

namespace {

struct Run
{
    int exitCode = -1;
    QString output;   // standard output and error
};

// Runs the tool with FRONTDESK_DATABASE and PGPASSWORD set, `input` on its standard input.
Run admin(const TestDatabase &db, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FRONTDESK_DATABASE"), db.conninfo());
    env.insert(QStringLiteral("PGPASSWORD"), TestDatabase::serverPassword());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FRONTDESK_ADMIN), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return Run{ p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()) };
}

} // namespace

class TestAdminTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void migratesAndReportsStatus();
    void setsUpAClinicWithStaffAndAgent();
    void rejectsBadArguments_data();
    void rejectsBadArguments();

private:
    QString m_prefix;   // logins are cluster-wide: keep this run's apart
};

void TestAdminTool::initTestCase()
{
    m_prefix = QStringLiteral("a") + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'_';
}

void TestAdminTool::migratesAndReportsStatus()
{
    TestDatabase db(TestDatabase::Start::Empty);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const auto run = [&db](const QStringList &args, QString *output) {
        const Run r = admin(db, args);
        *output = r.output;
        return r.exitCode;
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
    QCOMPARE(db.scalar(QStringLiteral("select count(*) from frontdesk.providers")).toInt(), 3);
    const int appointments = db.scalar(QStringLiteral("select count(*) from frontdesk.appointments")).toInt();
    QVERIFY(appointments > 0);
    QCOMPARE(run({ QStringLiteral("seed-demo") }, &out), 0);   // again: finds the clinic, adds nothing
    QCOMPARE(db.scalar(QStringLiteral("select count(*) from frontdesk.appointments")).toInt(), appointments);
    QCOMPARE(db.scalar(QStringLiteral("select count(*) from frontdesk.organisations")).toInt(), 1);
}

void TestAdminTool::setsUpAClinicWithStaffAndAgent()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Run org = admin(db, { QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Hill Street Clinic"),
                                QStringLiteral("--time-zone"), QStringLiteral("Europe/London"), QStringLiteral("--region"),
                                QStringLiteral("gb"), QStringLiteral("--opens"), QStringLiteral("09:00"), QStringLiteral("--closes"),
                                QStringLiteral("17:30"), QStringLiteral("--open-days"), QStringLiteral("1,2,3,4,5,6") });
    QCOMPARE(org.exitCode, 0);
    const QString orgId = org.output.trimmed();
    QCOMPARE(db.scalar(QStringLiteral("select format('%s|%s|%s|%s|%s', name, time_zone, region, closes_at, open_days) "
                                      "from frontdesk.organisations where id = ") + orgId).toString(),
             QStringLiteral("Hill Street Clinic|Europe/London|GB|17:30:00|{1,2,3,4,5,6}"));

    const Run provider = admin(db, { QStringLiteral("create-provider"), QStringLiteral("--org"), orgId,
                                     QStringLiteral("--name"), QStringLiteral("Dr. Joyce Davenport") });
    QCOMPARE(provider.exitCode, 0);

    const QString desk = m_prefix + QStringLiteral("desk");
    const Run staff = admin(db, { QStringLiteral("create-staff"), desk, QStringLiteral("--org"), orgId, QStringLiteral("--kind"),
                                  QStringLiteral("receptionist"), QStringLiteral("--name"), QStringLiteral("Front Desk") },
                            "a-long-enough-password\n");
    QVERIFY2(staff.exitCode == 0, qPrintable(staff.output));
    QCOMPARE(db.scalar(QStringLiteral("select format('%s|%s|%s', kind, display_name, active) from frontdesk.staff where login = '")
                       + desk + u'\'').toString(),
             QStringLiteral("receptionist|Front Desk|t"));
    // The new login connects with that password and is a receptionist of that clinic only.
    {
        QSqlDatabase asDesk = db.connectAs(QStringLiteral("as-desk"), desk, QStringLiteral("a-long-enough-password"));
        QVERIFY2(asDesk.isOpen(), qPrintable(asDesk.lastError().text()));
        QSqlQuery q(asDesk);
        QVERIFY(q.exec(QStringLiteral("select array_agg(id) from frontdesk.organisations")) && q.next());
        QCOMPARE(q.value(0).toString(), u'{' + orgId + u'}');
        asDesk.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("as-desk"));
    // No password ever reaches the server in plain text.
    QVERIFY(db.scalarAsSuperuser(QStringLiteral("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = '") + desk + u'\'')
                .toBool());

    const QString agent = m_prefix + QStringLiteral("voice");
    const Run granted = admin(db, { QStringLiteral("grant-agent"), agent, QStringLiteral("--org"), orgId }, "agent-password-123\n");
    QVERIFY2(granted.exitCode == 0, qPrintable(granted.output));
    // Granting an existing agent again asks for no password.
    QCOMPARE(admin(db, { QStringLiteral("grant-agent"), agent, QStringLiteral("--org"), orgId }).exitCode, 0);
    QCOMPARE(db.scalar(QStringLiteral("select count(*) from frontdesk.agent_grants where login = '") + agent + u'\'').toInt(), 1);

    const Run disabled = admin(db, { QStringLiteral("disable-staff"), desk });
    QCOMPARE(disabled.exitCode, 0);
    QCOMPARE(db.scalar(QStringLiteral("select active from frontdesk.staff where login = '") + desk + u'\'').toBool(), false);
    QCOMPARE(db.scalar(QStringLiteral("select rolcanlogin from pg_roles where rolname = '") + desk + u'\'').toBool(), false);
    // Every change is in the event log.
    QCOMPARE(db.scalar(QStringLiteral("select string_agg(kind, ',' order by id) from frontdesk.events")).toString(),
             QStringLiteral("staff.created,agent.granted,agent.granted,staff.disabled"));
}

void TestAdminTool::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString org = QStringLiteral("1");   // each row's fresh database holds clinic 1
    const QString login = m_prefix + QStringLiteral("someone");
    const QByteArray password("a-long-enough-password\n");
    const auto staff = [&](const QString &who, const QString &kind, const QString &orgId) {
        return QStringList{ QStringLiteral("create-staff"), who, QStringLiteral("--org"), orgId, QStringLiteral("--kind"), kind };
    };
    QTest::newRow("no command") << QStringList{} << QByteArray() << 2 << QStringLiteral("give one command");
    QTest::newRow("unknown command") << QStringList{ QStringLiteral("drop") } << QByteArray() << 2 << QStringLiteral("give one command");
    QTest::newRow("staff without login") << QStringList{ QStringLiteral("create-staff") } << password << 2 << QStringLiteral("give one command");
    QTest::newRow("bad conninfo") << QStringList{ QStringLiteral("--database"), QStringLiteral("postgresql://[bad"), QStringLiteral("migrate") }
                                  << QByteArray() << 1 << QStringLiteral("INVALID_CONNINFO");
    QTest::newRow("unknown keyword") << QStringList{ QStringLiteral("--database"), QStringLiteral("colour=red"), QStringLiteral("migrate") }
                                     << QByteArray() << 1 << QStringLiteral("INVALID_CONNINFO");
    QTest::newRow("nobody listening") << QStringList{ QStringLiteral("--database"), QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2"), QStringLiteral("status") }
                                      << QByteArray() << 1 << QStringLiteral("CONNECT_FAILED");
    QTest::newRow("demo in a made-up zone") << QStringList{ QStringLiteral("seed-demo"), QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus") }
                                            << QByteArray() << 1 << QStringLiteral("INVALID_TIME_ZONE");
    QTest::newRow("clinic in an abbreviation") << QStringList{ QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("X"),
                                                               QStringLiteral("--time-zone"), QStringLiteral("PST") }
                                               << QByteArray() << 1 << QStringLiteral("INVALID_TIME_ZONE");
    QTest::newRow("clinic without a name") << QStringList{ QStringLiteral("create-org"), QStringLiteral("--time-zone"), QStringLiteral("UTC") }
                                           << QByteArray() << 2 << QStringLiteral("needs --name");
    QTest::newRow("opening at 25:00") << QStringList{ QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("X"),
                                                      QStringLiteral("--time-zone"), QStringLiteral("UTC"), QStringLiteral("--opens"), QStringLiteral("25:00") }
                                      << QByteArray() << 2 << QStringLiteral("--opens");
    QTest::newRow("day 8") << QStringList{ QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("X"),
                                           QStringLiteral("--time-zone"), QStringLiteral("UTC"), QStringLiteral("--open-days"), QStringLiteral("1,8") }
                           << QByteArray() << 2 << QStringLiteral("--open-days");
    QTest::newRow("provider without clinic") << QStringList{ QStringLiteral("create-provider"), QStringLiteral("--name"), QStringLiteral("Dr. X") }
                                             << QByteArray() << 2 << QStringLiteral("needs --org");
    QTest::newRow("provider of no clinic") << QStringList{ QStringLiteral("create-provider"), QStringLiteral("--org"), QStringLiteral("99"),
                                                           QStringLiteral("--name"), QStringLiteral("Dr. X") }
                                           << QByteArray() << 1 << QStringLiteral("23503");
    QTest::newRow("staff kind janitor") << staff(login, QStringLiteral("janitor"), org) << password << 1 << QStringLiteral("INVALID_KIND");
    QTest::newRow("staff without kind") << QStringList{ QStringLiteral("create-staff"), login, QStringLiteral("--org"), org }
                                        << password << 2 << QStringLiteral("--kind");
    QTest::newRow("staff of no clinic") << staff(login, QStringLiteral("manager"), QStringLiteral("99")) << password << 1 << QStringLiteral("UNKNOWN_ORG");
    QTest::newRow("login with capitals and quote") << staff(QStringLiteral("Robert'); drop role postgres; --"), QStringLiteral("manager"), org)
                                                   << password << 1 << QStringLiteral("INVALID_LOGIN");
    QTest::newRow("login of an existing role") << staff(QStringLiteral("postgres"), QStringLiteral("manager"), org)
                                               << password << 1 << QStringLiteral("LOGIN_EXISTS");
    QTest::newRow("short password") << staff(login, QStringLiteral("manager"), org) << QByteArray("short\n") << 1 << QStringLiteral("INVALID_PASSWORD");
    QTest::newRow("no password") << staff(login, QStringLiteral("manager"), org) << QByteArray() << 1 << QStringLiteral("INVALID_PASSWORD");
    QTest::newRow("disable an unknown login") << QStringList{ QStringLiteral("disable-staff"), login } << QByteArray() << 1 << QStringLiteral("UNKNOWN_STAFF");
    QTest::newRow("agent named like the superuser") << QStringList{ QStringLiteral("grant-agent"), QStringLiteral("postgres"), QStringLiteral("--org"), org }
                                                    << QByteArray() << 1 << QStringLiteral("NOT_AN_AGENT");
    QTest::newRow("agent without password") << QStringList{ QStringLiteral("grant-agent"), login, QStringLiteral("--org"), org }
                                            << QByteArray() << 1 << QStringLiteral("INVALID_PASSWORD");
}

void TestAdminTool::rejectsBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    db.createClinic();
    // Roles are cluster-wide and other tests create theirs meanwhile: count this run's.
    const QString stored = QStringLiteral(
        "select format('%s/%s/%s/%s/%s', (select count(*) from frontdesk.organisations), (select count(*) from frontdesk.providers), "
        "(select count(*) from frontdesk.staff), (select count(*) from frontdesk.agent_grants), "
        "(select count(*) from pg_roles where rolname like '%1%'))").arg(m_prefix);
    const QString before = db.scalar(stored).toString();
    const Run run = admin(db, args, input);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.output.contains(message), qPrintable(run.output));
    QCOMPARE(db.scalar(stored).toString(), before);
}

QTEST_GUILESS_MAIN(TestAdminTool)
#include "tst_admintool.moc"
