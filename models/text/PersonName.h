#pragma once

#include <QString>

namespace frontdesk {

// The client's twins of frontdesk.normalize_name / is_valid_name in the clinic database, so
// the booking dialog can show what will be stored before it is sent. Tests hold both to one
// table of inputs.

// Collapses white space; words typed all lower or all upper case become Title Case
// ("mary o'brien" -> "Mary O'Brien"); mixed-case words ("McDonald") are kept as typed.
QString normalizePersonName(const QString &name);

// At most 100 characters (code points), no digits, symbols or pictographs, at least two
// characters that are not spaces, dots, apostrophes or hyphens.
bool isValidPersonName(const QString &normalizedName);

} // namespace frontdesk
