#pragma once

#include <QString>

namespace frontdesk {

// Twins of frontdesk.normalize_email / is_valid_email: trimmed, lower case; an empty
// result means "no email given".
QString normalizeEmail(const QString &email);
bool isValidEmail(const QString &normalizedEmail);

} // namespace frontdesk
