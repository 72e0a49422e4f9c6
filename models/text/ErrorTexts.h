#pragma once

#include <QString>

namespace frontdesk {

// The one catalogue of what a person reads for each error code: every code of
// resources/migrations/README.md and the desk's own (OFFLINE, CONNECTION_LOST, DATABASE_ERROR,
// BAD_RESPONSE). Plain words, translated; the code itself belongs in the details, never in
// the sentence, and a raw SQL error is never shown.
QString errorText(const QString &code);
// False for a code the catalogue does not know (errorText() then says only that it failed).
bool hasErrorText(const QString &code);

} // namespace frontdesk
