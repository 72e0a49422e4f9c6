// Where the clinic database is (models/db/ConnectionSettings): libpq connection strings and
// URLs parsed by libpq itself, the QPSQL connection made from them, and the text shown in logs.

#include "db/ConnectionSettings.h"

#include <QSqlDatabase>
#include <QtTest>

using namespace frontdesk;

namespace {

QStringList optionList(const QMap<QString, QString> &options)
{
    QStringList out;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        out.append(it.key() + u'=' + it.value());
    return out;   // QMap: sorted by key
}

// The libpq options QPSQL will see: it joins connect options with ';' and turns every ';'
// into a space before appending them to its connection string (qsql_psql.cpp, Qt 6.4).
QMap<QString, QString> optionsAsLibpqSeesThem(const QString &connectOptions, bool *ok)
{
    QString asConninfo = connectOptions;
    asConninfo.replace(u';', u' ');
    const auto parsed = ConnectionSettings::parse(asConninfo);
    *ok = parsed.ok();
    return parsed ? parsed->options : QMap<QString, QString>{};
}

const QString kConnection = QStringLiteral("tst_connectionsettings");

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void describe_data();
    void describe();
    void addDatabaseSetsTheConnection();
    void deskLimitsComeBeforeTheAdministratorsOptions();
    void addDatabaseKeepsGivenOptions_data();
    void addDatabaseKeepsGivenOptions();
    void addDatabaseWithoutPortLeavesDefault();
    void addDatabaseKeepsHostaddrBesideHost();
    void addDatabaseWithEmptyHostUsesTheSocket();
};

void TestConnectionSettings::cleanup()
{
    // Every test that adds the connection drops its handles before it returns.
    if (QSqlDatabase::contains(kConnection))
        QSqlDatabase::removeDatabase(kConnection);
}

void TestConnectionSettings::parse_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("options");

    QTest::newRow("url with everything")
        << QStringLiteral("postgresql://desk1:s3cret@db.clinic.example:6543/frontdesk?sslmode=verify-full")
        << QStringLiteral("db.clinic.example") << 6543 << QStringLiteral("frontdesk") << QStringLiteral("desk1")
        << QStringLiteral("s3cret") << QStringList{ QStringLiteral("sslmode=verify-full") };
    QTest::newRow("url with two parameters")
        << QStringLiteral("postgres://desk1@db.clinic.example/frontdesk?sslmode=verify-full&sslrootcert=/etc/fd/ca.pem")
        << QStringLiteral("db.clinic.example") << -1 << QStringLiteral("frontdesk") << QStringLiteral("desk1")
        << QString()
        << QStringList{ QStringLiteral("sslmode=verify-full"), QStringLiteral("sslrootcert=/etc/fd/ca.pem") };
    QTest::newRow("url, ipv6 host") << QStringLiteral("postgresql://desk1@[::1]:5433/frontdesk") << QStringLiteral("::1")
                                    << 5433 << QStringLiteral("frontdesk") << QStringLiteral("desk1") << QString()
                                    << QStringList();
    QTest::newRow("url, socket directory")
        << QStringLiteral("postgresql:///frontdesk?host=%2Fvar%2Frun%2Fpostgresql")
        << QStringLiteral("/var/run/postgresql") << -1 << QStringLiteral("frontdesk") << QString() << QString()
        << QStringList();
    QTest::newRow("url, percent-encoded password")
        << QStringLiteral("postgresql://desk1:p%40ss%27w%5Cd%22%20%3B@db/frontdesk") << QStringLiteral("db") << -1
        << QStringLiteral("frontdesk") << QStringLiteral("desk1") << QStringLiteral("p@ss'w\\d\" ;") << QStringList();
    QTest::newRow("key=value, quoted values with spaces")
        << QStringLiteral("host=db.clinic.example port=5432 dbname='front desk' user=desk1 "
                          "application_name='Front Desk PC 3'")
        << QStringLiteral("db.clinic.example") << 5432 << QStringLiteral("front desk") << QStringLiteral("desk1")
        << QString() << QStringList{ QStringLiteral("application_name=Front Desk PC 3") };
    QTest::newRow("key=value, password with quotes and backslash")
        << QStringLiteral(R"(host=h user=desk1 password='it\'s \\ "quoted" ;-)')") << QStringLiteral("h") << -1
        << QString() << QStringLiteral("desk1") << QStringLiteral(R"(it's \ "quoted" ;-))") << QStringList();
    QTest::newRow("key=value, spaces around =")
        << QStringLiteral("host = h  port = 5432   dbname = x") << QStringLiteral("h") << 5432 << QStringLiteral("x")
        << QString() << QString() << QStringList();
    QTest::newRow("key=value, keepalives given")
        << QStringLiteral("host=h keepalives=0 keepalives_idle=60") << QStringLiteral("h") << -1 << QString()
        << QString() << QString()
        << QStringList{ QStringLiteral("keepalives=0"), QStringLiteral("keepalives_idle=60") };
    QTest::newRow("empty: every default") << QString() << QString() << -1 << QString() << QString() << QString()
                                          << QStringList();
    // libpq reads an empty host as its default, the local socket: accepted, host left empty.
    QTest::newRow("empty host: the default") << QStringLiteral("host=") << QString() << -1 << QString() << QString()
                                             << QString() << QStringList();
    QTest::newRow("empty host, other settings")
        << QStringLiteral("host='' port=5433 dbname=frontdesk user=desk1") << QString() << 5433
        << QStringLiteral("frontdesk") << QStringLiteral("desk1") << QString() << QStringList();
    // hostaddr is where to connect, host the name to verify: each stays what it is.
    QTest::newRow("hostaddr and host")
        << QStringLiteral("hostaddr=10.0.0.5 host=db.example") << QStringLiteral("db.example") << -1 << QString()
        << QString() << QString() << QStringList{ QStringLiteral("hostaddr=10.0.0.5") };
    QTest::newRow("hostaddr only") << QStringLiteral("hostaddr=10.0.0.5 dbname=frontdesk") << QString() << -1
                                   << QStringLiteral("frontdesk") << QString() << QString()
                                   << QStringList{ QStringLiteral("hostaddr=10.0.0.5") };
    QTest::newRow("url with hostaddr, verify-full")
        << QStringLiteral("postgresql://desk1@db.clinic.example/frontdesk?hostaddr=10.0.0.5&sslmode=verify-full")
        << QStringLiteral("db.clinic.example") << -1 << QStringLiteral("frontdesk") << QStringLiteral("desk1")
        << QString() << QStringList{ QStringLiteral("hostaddr=10.0.0.5"), QStringLiteral("sslmode=verify-full") };
    // The ends of the port range.
    QTest::newRow("port 1") << QStringLiteral("host=h port=1") << QStringLiteral("h") << 1 << QString() << QString()
                            << QString() << QStringList();
    QTest::newRow("port 65535") << QStringLiteral("host=h port=65535") << QStringLiteral("h") << 65535 << QString()
                                << QString() << QString() << QStringList();
    QTest::newRow("url port 65535") << QStringLiteral("postgresql://h:65535/db") << QStringLiteral("h") << 65535
                                    << QStringLiteral("db") << QString() << QString() << QStringList();
    // A primary and its standby: libpq tries them in order; the desk writes, so it asks for the
    // read-write one unless told otherwise.
    QTest::newRow("two hosts, a port each")
        << QStringLiteral("host=db1,db2 port=5432,5433 dbname=frontdesk") << QStringLiteral("db1,db2") << -1
        << QStringLiteral("frontdesk") << QString() << QString()
        << QStringList{ QStringLiteral("port=5432,5433"), QStringLiteral("target_session_attrs=read-write") };
    QTest::newRow("two hosts, one port") << QStringLiteral("host=db1,db2 port=5432") << QStringLiteral("db1,db2") << 5432
                                         << QString() << QString() << QString()
                                         << QStringList{ QStringLiteral("target_session_attrs=read-write") };
    QTest::newRow("two hosts, the administrator's session attrs")
        << QStringLiteral("host=db1,db2 target_session_attrs=any") << QStringLiteral("db1,db2") << -1 << QString()
        << QString() << QString() << QStringList{ QStringLiteral("target_session_attrs=any") };
    QTest::newRow("url, two hosts") << QStringLiteral("postgresql://desk1@db1:5432,db2:5433/frontdesk")
                                    << QStringLiteral("db1,db2") << -1 << QStringLiteral("frontdesk") << QStringLiteral("desk1")
                                    << QString()
                                    << QStringList{ QStringLiteral("port=5432,5433"), QStringLiteral("target_session_attrs=read-write") };
}

void TestConnectionSettings::parse()
{
    QFETCH(QString, conninfo);
    const auto parsed = ConnectionSettings::parse(conninfo);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().code + QStringLiteral(": ") + parsed.error().message));
    QTEST(parsed->host, "host");
    QTEST(parsed->port, "port");
    QTEST(parsed->database, "database");
    QTEST(parsed->user, "user");
    QTEST(parsed->password, "password");
    QTEST(optionList(parsed->options), "options");
}

void TestConnectionSettings::invalid_data()
{
    QTest::addColumn<QString>("conninfo");

    QTest::newRow("unclosed ipv6 bracket") << QStringLiteral("postgresql://[bad");
    QTest::newRow("port not a number") << QStringLiteral("port=abc");
    QTest::newRow("port with junk") << QStringLiteral("port=5432abc");
    QTest::newRow("port empty") << QStringLiteral("host=h port=");
    QTest::newRow("port out of range") << QStringLiteral("host=h port=65536");
    QTest::newRow("port zero") << QStringLiteral("host=h port=0");
    QTest::newRow("port negative") << QStringLiteral("host=h port=-1");
    QTest::newRow("port far out of range") << QStringLiteral("host=h port=4294967297");
    QTest::newRow("url port out of range") << QStringLiteral("postgresql://h:65536/db");
    QTest::newRow("url port zero") << QStringLiteral("postgresql://h:0/db");
    QTest::newRow("url port not a number") << QStringLiteral("postgresql://h:abc/db");
    QTest::newRow("semicolon in sslrootcert") << QStringLiteral("sslrootcert='/a;b'");
    QTest::newRow("semicolon in url option") << QStringLiteral("postgresql://h/db?application_name=a%3Bb");
    QTest::newRow("unknown keyword") << QStringLiteral("colour=red");
    QTest::newRow("unknown url parameter") << QStringLiteral("postgresql://h/db?colour=red");
    QTest::newRow("missing =") << QStringLiteral("db.clinic.example");
    QTest::newRow("unterminated quote") << QStringLiteral("host='db.clinic.example");
    QTest::newRow("three ports for two hosts") << QStringLiteral("host=a,b port=1,2,3");
    QTest::newRow("two ports for one host") << QStringLiteral("host=a port=5432,5433");
    QTest::newRow("a port of a list not a number") << QStringLiteral("host=a,b port=5432,x");
    QTest::newRow("a port of a list out of range") << QStringLiteral("host=a,b port=5432,70000");
    QTest::newRow("an empty port in a list") << QStringLiteral("host=a,b port=5432,");
}

void TestConnectionSettings::invalid()
{
    QFETCH(QString, conninfo);
    const auto parsed = ConnectionSettings::parse(conninfo);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("INVALID_CONNINFO"));
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestConnectionSettings::describe_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");

    QTest::newRow("url") << QStringLiteral("postgresql://desk1:Hunter2Secret@db.clinic.example:6543/frontdesk")
                         << QStringLiteral("Hunter2Secret") << QStringLiteral("desk1@db.clinic.example:6543/frontdesk");
    QTest::newRow("key=value") << QStringLiteral("host=db user=desk2 dbname=clinic password='pa ss\\'wd'")
                               << QStringLiteral("pa ss'wd") << QStringLiteral("desk2@db/clinic");
    QTest::newRow("socket, defaults") << QStringLiteral("password=Zebra99") << QStringLiteral("Zebra99")
                                      << QStringLiteral("(default user)@local socket/(default)");
    QTest::newRow("empty host is the socket") << QStringLiteral("host='' port=5433 password=Zebra99")
                                              << QStringLiteral("Zebra99")
                                              << QStringLiteral("(default user)@local socket:5433/(default)");
    QTest::newRow("host name shown, not hostaddr")
        << QStringLiteral("hostaddr=10.0.0.5 host=db.example user=desk1 dbname=fd password=Zebra99")
        << QStringLiteral("Zebra99") << QStringLiteral("desk1@db.example/fd");
}

void TestConnectionSettings::describe()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    const auto parsed = ConnectionSettings::parse(conninfo);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->password, password);
    const QString text = parsed->describe();
    QCOMPARE(text, expected);
    QVERIFY(!text.contains(password));
}

void TestConnectionSettings::addDatabaseSetsTheConnection()
{
    const auto parsed = ConnectionSettings::parse(
        QStringLiteral("postgresql://desk1:it%27s%20a%5Csecret@db.clinic.example:6543/frontdesk?sslmode=verify-full"));
    QVERIFY(parsed.ok());
    {
        const QSqlDatabase db = parsed->addDatabase(kConnection);
        QVERIFY(QSqlDatabase::contains(kConnection));
        QCOMPARE(db.connectionName(), kConnection);
        QCOMPARE(db.driverName(), QStringLiteral("QPSQL"));
        QCOMPARE(db.hostName(), QStringLiteral("db.clinic.example"));
        QCOMPARE(db.port(), 6543);
        QCOMPARE(db.databaseName(), QStringLiteral("frontdesk"));
        QCOMPARE(db.userName(), QStringLiteral("desk1"));
        QCOMPARE(db.password(), QStringLiteral("it's a\\secret"));
        QVERIFY(!db.isOpen());

        const QString connectOptions = db.connectOptions();
        QVERIFY(!connectOptions.contains(QStringLiteral("secret")));
        bool ok = false;
        const QMap<QString, QString> options = optionsAsLibpqSeesThem(connectOptions, &ok);
        QVERIFY2(ok, qPrintable(connectOptions));
        QCOMPARE(optionList(options), (QStringList{
                                          QStringLiteral("application_name=frontdesk"),
                                          QStringLiteral("connect_timeout=5"),
                                          QStringLiteral("keepalives=1"),
                                          QStringLiteral("keepalives_count=3"),
                                          QStringLiteral("keepalives_idle=10"),
                                          QStringLiteral("keepalives_interval=3"),
                                          QStringLiteral("sslmode=verify-full"),
                                          QStringLiteral("tcp_user_timeout=15000"),
                                      }));
    }
    QSqlDatabase::removeDatabase(kConnection);
    QVERIFY(!QSqlDatabase::contains(kConnection));
}

void TestConnectionSettings::addDatabaseKeepsGivenOptions_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("keepalives off") << QStringLiteral("host=h keepalives=0") << QStringLiteral("keepalives")
                                    << QStringLiteral("0");
    QTest::newRow("own keepalives_idle") << QStringLiteral("host=h keepalives_idle=60")
                                         << QStringLiteral("keepalives_idle") << QStringLiteral("60");
    QTest::newRow("own tcp_user_timeout") << QStringLiteral("postgresql://h/db?tcp_user_timeout=0")
                                          << QStringLiteral("tcp_user_timeout") << QStringLiteral("0");
    QTest::newRow("own connect_timeout") << QStringLiteral("host=h connect_timeout=30")
                                         << QStringLiteral("connect_timeout") << QStringLiteral("30");
    QTest::newRow("application name with spaces")
        << QStringLiteral("host=h application_name='Front Desk PC 3'") << QStringLiteral("application_name")
        << QStringLiteral("Front Desk PC 3");
    QTest::newRow("value with quote and backslash")
        << QStringLiteral(R"(host=h application_name='O\'Brien \\ desk')") << QStringLiteral("application_name")
        << QStringLiteral(R"(O'Brien \ desk)");
    QTest::newRow("sslrootcert path with spaces")
        << QStringLiteral("host=h sslmode=verify-full sslrootcert='/etc/front desk/ca.pem'")
        << QStringLiteral("sslrootcert") << QStringLiteral("/etc/front desk/ca.pem");
}

void TestConnectionSettings::addDatabaseKeepsGivenOptions()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const auto parsed = ConnectionSettings::parse(conninfo);
    QVERIFY(parsed.ok());
    QString connectOptions;
    {
        const QSqlDatabase db = parsed->addDatabase(kConnection);
        connectOptions = db.connectOptions();
    }
    QSqlDatabase::removeDatabase(kConnection);

    // Named once, with the given value, and the remaining defaults still there.
    QCOMPARE(connectOptions.count(key + QStringLiteral("=")), 1);
    bool ok = false;
    const QMap<QString, QString> options = optionsAsLibpqSeesThem(connectOptions, &ok);
    QVERIFY2(ok, qPrintable(connectOptions));
    QCOMPARE(options.value(key), value);
    const QStringList defaults = { QStringLiteral("keepalives"), QStringLiteral("keepalives_idle"),
                                   QStringLiteral("keepalives_interval"), QStringLiteral("keepalives_count"),
                                   QStringLiteral("tcp_user_timeout"), QStringLiteral("connect_timeout"),
                                   QStringLiteral("application_name") };
    for (const QString &name : defaults)
        QVERIFY2(options.contains(name), qPrintable(name));
}

void TestConnectionSettings::addDatabaseWithoutPortLeavesDefault()
{
    const auto parsed = ConnectionSettings::parse(QStringLiteral("host=/var/run/postgresql dbname=frontdesk"));
    QVERIFY(parsed.ok());
    {
        const QSqlDatabase db = parsed->addDatabase(kConnection);
        QCOMPARE(db.port(), -1);
        QCOMPARE(db.hostName(), QStringLiteral("/var/run/postgresql"));
        QCOMPARE(db.userName(), QString());
        QCOMPARE(db.password(), QString());
    }
    QSqlDatabase::removeDatabase(kConnection);
}

void TestConnectionSettings::addDatabaseKeepsHostaddrBesideHost()
{
    // libpq connects to hostaddr and, with verify-full, checks the server's certificate
    // against host: QPSQL must be given both, each as what it is.
    const auto parsed = ConnectionSettings::parse(
        QStringLiteral("hostaddr=10.0.0.5 host=db.example dbname=frontdesk sslmode=verify-full"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->host, QStringLiteral("db.example"));
    QCOMPARE(parsed->options.value(QStringLiteral("hostaddr")), QStringLiteral("10.0.0.5"));
    {
        const QSqlDatabase db = parsed->addDatabase(kConnection);
        QCOMPARE(db.hostName(), QStringLiteral("db.example"));
        const QString connectOptions = db.connectOptions();
        QCOMPARE(connectOptions.count(QStringLiteral("hostaddr=")), 1);
        bool ok = false;
        const QMap<QString, QString> options = optionsAsLibpqSeesThem(connectOptions, &ok);
        QVERIFY2(ok, qPrintable(connectOptions));
        QCOMPARE(options.value(QStringLiteral("hostaddr")), QStringLiteral("10.0.0.5"));
        QCOMPARE(options.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QVERIFY(!options.contains(QStringLiteral("host")));
    }
    QSqlDatabase::removeDatabase(kConnection);
}

void TestConnectionSettings::addDatabaseWithEmptyHostUsesTheSocket()
{
    // Quoted: libpq skips blanks after '=', so in "host= dbname=x" the host would be "dbname=x".
    const auto parsed = ConnectionSettings::parse(QStringLiteral("host='' dbname=frontdesk"));
    QVERIFY(parsed.ok());
    {
        const QSqlDatabase db = parsed->addDatabase(kConnection);
        QCOMPARE(db.hostName(), QString());
        QCOMPARE(db.databaseName(), QStringLiteral("frontdesk"));
        QCOMPARE(db.port(), -1);
    }
    QSqlDatabase::removeDatabase(kConnection);
}

void TestConnectionSettings::deskLimitsComeBeforeTheAdministratorsOptions()
{
    const auto plain = ConnectionSettings::parse(QStringLiteral("host=h"));
    QVERIFY(plain.ok());
    const QString limits = plain->withDeskLimits().options.value(QStringLiteral("options"));
    QCOMPARE(limits, QStringLiteral("-c statement_timeout=3000 -c lock_timeout=2000 -c idle_in_transaction_session_timeout=10000"));
    // The server reads the last setting of a name: the administrator's, placed after the desk's.
    const auto own = ConnectionSettings::parse(QStringLiteral("host=h options='-c statement_timeout=20s'"));
    QVERIFY(own.ok());
    QCOMPARE(own->withDeskLimits().options.value(QStringLiteral("options")), limits + QStringLiteral(" -c statement_timeout=20s"));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
