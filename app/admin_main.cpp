// frontdesk-admin: set up and upgrade a clinic database.
//   frontdesk-admin --database CONNINFO migrate
//   frontdesk-admin --database CONNINFO status
//   frontdesk-admin --database CONNINFO seed-demo [--time-zone ZONE] [--region CC]
#include "DatabaseArgument.h"
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
    Migrator migrator(db);
    const auto version = migrator.appliedVersion();
    if (!version)
        return fail(version.error());
    out() << "schema version " << version.value() << " (this build needs " << Migrator::requiredVersion() << ")\n";
    return version.value() >= Migrator::requiredVersion() ? 0 : 3;
}

int seedDemo(QSqlDatabase &db, const QString &timeZone, const QString &region)
{
    const auto orgId = DemoSeeder::seed(db, timeZone, region);
    if (!orgId)
        return fail(orgId.error());
    out() << "demo clinic \"" << DemoSeeder::kDemoClinicName << "\" is organisation " << orgId.value() << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdesk-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Set up and upgrade a Frontdesk clinic database.\n\n"
        "Commands:\n"
        "  migrate     apply the embedded schema migrations (re-running is a no-op)\n"
        "  status      print the schema version; exit 3 when it needs migrating\n"
        "  seed-demo   create the demo clinic with providers and appointments"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(databaseOption());
    const QCommandLineOption zoneOption(QStringLiteral("time-zone"),
        QStringLiteral("seed-demo: the clinic's IANA time zone (default: this machine's)."), QStringLiteral("zone"));
    const QCommandLineOption regionOption(QStringLiteral("region"),
        QStringLiteral("seed-demo: the clinic's phone region (default: US)."), QStringLiteral("CC"), QStringLiteral("US"));
    parser.addOptions({ zoneOption, regionOption });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("migrate, status or seed-demo"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QStringList commands = { QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("seed-demo") };
    if (args.size() != 1 || !commands.contains(args.first())) {
        err() << "frontdesk-admin: give one command: " << commands.join(QStringLiteral(", ")) << '\n';
        return 2;
    }
    const auto settings = databaseFrom(parser);
    if (!settings)
        return fail(settings.error());

    QSqlDatabase db = settings->addDatabase(QStringLiteral("admin"));
    if (!db.open())
        return fail(Error{ QStringLiteral("CONNECT_FAILED"), db.lastError().text() });

    const QString command = args.first();
    if (command == u"migrate")
        return migrate(db);
    if (command == u"status")
        return status(db);
    QString zone = parser.value(zoneOption);
    if (zone.isEmpty())
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    return seedDemo(db, zone, parser.value(regionOption).toUpper());
}
