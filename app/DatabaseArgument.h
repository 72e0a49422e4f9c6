#pragma once

#include "db/ConnectionSettings.h"

#include <QCommandLineParser>

namespace frontdesk {

// The --database option every Frontdesk executable takes, with FRONTDESK_DATABASE as the
// fallback, so a password in a URL need not appear on a command line.
QCommandLineOption databaseOption();
Result<ConnectionSettings> databaseFrom(const QCommandLineParser &parser);

} // namespace frontdesk
