#include "DatabaseArgument.h"

#include <QCoreApplication>

namespace frontdesk {

QCommandLineOption databaseOption()
{
    return QCommandLineOption({ QStringLiteral("d"), QStringLiteral("database") },
                              QCoreApplication::translate("main",
                                  "libpq connection string or URL of the clinic database "
                                  "(default: $FRONTDESK_DATABASE)."),
                              QStringLiteral("conninfo"));
}

Result<ConnectionSettings> databaseFrom(const QCommandLineParser &parser)
{
    QString conninfo = parser.value(QStringLiteral("database"));
    if (conninfo.isEmpty())
        conninfo = qEnvironmentVariable("FRONTDESK_DATABASE");
    if (conninfo.isEmpty()) {
        return Error{ QStringLiteral("NO_DATABASE"),
                      QCoreApplication::translate("main", "no clinic database given: use --database or set FRONTDESK_DATABASE") };
    }
    return ConnectionSettings::parse(conninfo);
}

} // namespace frontdesk
