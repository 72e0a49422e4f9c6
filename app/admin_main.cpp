// frontdesk-admin: set up and run a clinic database, as the schema's owner.
#include "DatabaseArgument.h"
#include "PasswordInput.h"
#include "db/AdminQueries.h"
#include "db/DemoSeeder.h"
#include "db/Migrator.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTextStream>
#include <QTimeZone>

using namespace frontdesk;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const Error &e)
{
    err() << "frontdesk-admin: " << e.message << " [" << e.code << "]\n";
    return 1;
}

int usage(const QString &problem)
{
    err() << "frontdesk-admin: " << problem << " (see --help)\n";
    return 2;
}

const char kHelp[] = R"(Set up and run a Frontdesk clinic database, as the owner of its schema.

Commands:
  migrate                 apply the embedded schema migrations (re-running is a no-op)
  status                  print the schema version; exit 3 when it needs migrating
  seed-demo               create the demo clinic with providers and appointments
  create-org              --name NAME --time-zone ZONE [--region CC] [--opens HH:MM]
                          [--closes HH:MM] [--open-days 1,2,3,4,5]; prints the clinic's id
  create-provider         --org ID --name NAME; prints the provider's id
  create-staff LOGIN      --org ID --kind receptionist|manager [--name "Display Name"];
                          the password is read from the terminal, or from standard input
  disable-staff LOGIN     the login can neither connect nor read anything any more
  grant-agent LOGIN       --org ID: the AI agent's login may book for that clinic; a new
                          login's password is read as for create-staff)";

struct Options
{
    QCommandLineOption name{ QStringLiteral("name"), QStringLiteral("Name of the clinic, provider or staff member."), QStringLiteral("name") };
    QCommandLineOption zone{ QStringLiteral("time-zone"), QStringLiteral("IANA time zone (seed-demo: default this machine's)."), QStringLiteral("zone") };
    QCommandLineOption region{ QStringLiteral("region"), QStringLiteral("Phone region, ISO 3166 (default US)."), QStringLiteral("CC"), QStringLiteral("US") };
    QCommandLineOption opens{ QStringLiteral("opens"), QStringLiteral("Opening time (default 08:00)."), QStringLiteral("HH:MM"), QStringLiteral("08:00") };
    QCommandLineOption closes{ QStringLiteral("closes"), QStringLiteral("Closing time (default 18:00)."), QStringLiteral("HH:MM"), QStringLiteral("18:00") };
    QCommandLineOption days{ QStringLiteral("open-days"), QStringLiteral("ISO days open, 1 = Monday (default 1,2,3,4,5)."), QStringLiteral("list"), QStringLiteral("1,2,3,4,5") };
    QCommandLineOption org{ QStringLiteral("org"), QStringLiteral("Clinic (organisation) id."), QStringLiteral("id") };
    QCommandLineOption kind{ QStringLiteral("kind"), QStringLiteral("receptionist or manager."), QStringLiteral("kind") };
};

int migrate(QSqlDatabase &db)
{
    Migrator migrator(db);
    const auto applied = migrator.migrate();
    if (!applied)
        return fail(applied.error());
    const auto version = migrator.appliedVersion();
    if (applied->isEmpty()) {
        out() << "The database is up to date (schema version " << version.value() << ").\n";
    } else {
        for (const QString &name : applied.value())
            out() << "applied " << name << '\n';
        out() << "The database is at schema version " << version.value() << ".\n";
    }
    return 0;
}

int status(QSqlDatabase &db)
{
    const auto version = Migrator(db).appliedVersion();
    if (!version)
        return fail(version.error());
    out() << "schema version " << version.value() << " (this build needs " << Migrator::requiredVersion() << ")\n";
    return version.value() >= Migrator::requiredVersion() ? 0 : 3;
}

std::optional<qint64> orgFrom(const QCommandLineParser &parser, const Options &o)
{
    bool ok = false;
    const qint64 id = parser.value(o.org).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

int createOrg(QSqlDatabase &db, const QCommandLineParser &parser, const Options &o)
{
    AdminQueries::NewClinic clinic;
    clinic.name = parser.value(o.name).trimmed();
    clinic.timeZone = parser.value(o.zone);
    clinic.phoneRegion = parser.value(o.region).toUpper();
    clinic.opensAt = QTime::fromString(parser.value(o.opens), QStringLiteral("HH:mm"));
    clinic.closesAt = QTime::fromString(parser.value(o.closes), QStringLiteral("HH:mm"));
    if (clinic.name.isEmpty() || clinic.timeZone.isEmpty())
        return usage(QStringLiteral("create-org needs --name and --time-zone"));
    if (!clinic.opensAt.isValid() || !clinic.closesAt.isValid() || clinic.opensAt >= clinic.closesAt)
        return usage(QStringLiteral("--opens and --closes are times HH:MM, opening before closing"));
    clinic.openDays.clear();
    for (const QString &d : parser.value(o.days).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int day = d.trimmed().toInt(&ok);
        if (!ok || day < 1 || day > 7)
            return usage(QStringLiteral("--open-days lists ISO days, 1 (Monday) to 7 (Sunday)"));
        clinic.openDays.append(day);
    }
    const auto id = AdminQueries::createClinic(db, clinic);
    if (!id)
        return fail(id.error());
    out() << id.value() << '\n';
    return 0;
}

int createProvider(QSqlDatabase &db, const QCommandLineParser &parser, const Options &o)
{
    const auto org = orgFrom(parser, o);
    if (!org || parser.value(o.name).trimmed().isEmpty())
        return usage(QStringLiteral("create-provider needs --org ID and --name"));
    const auto id = AdminQueries::createProvider(db, *org, parser.value(o.name));
    if (!id)
        return fail(id.error());
    out() << id.value() << '\n';
    return 0;
}

int createStaff(QSqlDatabase &db, const QString &login, const QCommandLineParser &parser, const Options &o)
{
    const auto org = orgFrom(parser, o);
    if (!org || !parser.isSet(o.kind))
        return usage(QStringLiteral("create-staff needs LOGIN, --org ID and --kind receptionist|manager"));
    QString problem;
    const QString password = readNewPassword(login, &problem);
    if (password.isEmpty())
        return fail(Error{ QStringLiteral("INVALID_PASSWORD"), problem });
    const auto done = AdminQueries::createStaff(db, login, *org, parser.value(o.kind), parser.value(o.name), password);
    if (!done)
        return fail(done.error());
    out() << "created " << parser.value(o.kind) << " login " << login << " for clinic " << *org << '\n';
    return 0;
}

int grantAgent(QSqlDatabase &db, const QString &login, const QCommandLineParser &parser, const Options &o)
{
    const auto org = orgFrom(parser, o);
    if (!org)
        return usage(QStringLiteral("grant-agent needs LOGIN and --org ID"));
    const auto exists = AdminQueries::loginExists(db, login);
    if (!exists)
        return fail(exists.error());
    QString password;
    if (!exists.value()) {
        QString problem;
        password = readNewPassword(login, &problem);
        if (password.isEmpty())
            return fail(Error{ QStringLiteral("INVALID_PASSWORD"), problem });
    }
    const auto done = AdminQueries::grantAgent(db, login, *org, password);
    if (!done)
        return fail(done.error());
    out() << "agent login " << login << " may book for clinic " << *org << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdesk-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(databaseOption());
    const Options o;
    parser.addOptions({ o.name, o.zone, o.region, o.opens, o.closes, o.days, o.org, o.kind });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see above)."));
    parser.addPositionalArgument(QStringLiteral("login"), QStringLiteral("The login, for the staff and agent commands."),
                                 QStringLiteral("[login]"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QStringList plain = { QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("seed-demo"),
                                QStringLiteral("create-org"), QStringLiteral("create-provider") };
    const QStringList withLogin = { QStringLiteral("create-staff"), QStringLiteral("disable-staff"),
                                    QStringLiteral("grant-agent") };
    const QString command = args.value(0);
    if (!(plain.contains(command) && args.size() == 1) && !(withLogin.contains(command) && args.size() == 2))
        return usage(QStringLiteral("give one command: ") + (plain + withLogin).join(QStringLiteral(", ")));
    const QString login = args.value(1);

    const auto settings = databaseFrom(parser);
    if (!settings)
        return fail(settings.error());
    QSqlDatabase db = settings->addDatabase(QStringLiteral("admin"));
    if (!db.open())
        return fail(Error{ QStringLiteral("CONNECT_FAILED"), db.lastError().text() });

    if (command == u"migrate")
        return migrate(db);
    if (command == u"status")
        return status(db);
    if (command == u"create-org")
        return createOrg(db, parser, o);
    if (command == u"create-provider")
        return createProvider(db, parser, o);
    if (command == u"create-staff")
        return createStaff(db, login, parser, o);
    if (command == u"grant-agent")
        return grantAgent(db, login, parser, o);
    if (command == u"disable-staff") {
        const auto done = AdminQueries::disableStaff(db, login);
        if (!done)
            return fail(done.error());
        out() << "disabled " << login << '\n';
        return 0;
    }
    QString zone = parser.value(o.zone);
    if (zone.isEmpty())
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const auto orgId = DemoSeeder::seed(db, zone, parser.value(o.region).toUpper());
    if (!orgId)
        return fail(orgId.error());
    out() << "demo clinic \"" << DemoSeeder::kDemoClinicName << "\" is organisation " << orgId.value() << '\n';
    return 0;
}
