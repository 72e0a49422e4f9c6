#include "Logging.h"

Q_LOGGING_CATEGORY(lcDatabase, "frontdesk.database", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLive, "frontdesk.live", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrate, "frontdesk.migrate", QtInfoMsg)
