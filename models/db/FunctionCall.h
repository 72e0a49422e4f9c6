#pragma once

#include "commands/Command.h"
#include "commands/CommandResult.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace frontdesk {

// Calls the jsonb function a command names with its arguments, and maps the answer. A database
// error (the call was rolled back, or the connection dropped: CONNECTION_LOST) is an Error; a
// refusal is an ok Result holding the refusal's code. Blocks: never on the GUI thread.
Result<CommandResult> callFunction(QSqlDatabase &db, const Command &command);

// The same for a connection in autocommit: the answers that ask for a new transaction (RETRY after
// a deadlock or a lock timeout, IDEMPOTENCY_RETRY) are asked again, a few times with a growing
// pause, before the last answer is returned.
Result<CommandResult> callFunctionRetrying(QSqlDatabase &db, const Command &command);

} // namespace frontdesk
