#pragma once

#include <QString>

namespace frontdesk {

// The client's twins of frontdesk.normalize_name / is_valid_name in the clinic database, so
// the booking dialog can show what will be stored before it is sent. Tests hold both to one
// table of inputs, and the character classes to each other over every code point.

// NFC; white space collapsed; words typed all lower or all upper case become Title Case
// ("mary o'brien" -> "Mary O'Brien"); mixed-case words ("McDonald") are kept as typed.
QString normalizePersonName(const QString &name);

// What one character of a name is: the database's frontdesk.name_character_kind.
enum class NameCharacterKind { Letter, Mark, Space, Punctuation, Refused };
NameCharacterKind nameCharacterKind(char32_t c);

// At most 100 characters (code points), in NFC; letters, combining marks (each after a letter or
// mark, at most four in a row), spaces and . , ' ’ - ‐ · ・ only; at least two letters. Digits,
// symbols, pictographs, format and control characters, private use and compatibility forms
// (U+2139 ℹ, ligatures, full-width and circled letters) are refused.
bool isValidPersonName(const QString &normalizedName);

// What the database reads of a name as sent, before normalising: longer is INVALID_NAME whatever
// it would collapse to.
inline constexpr int kMaxPersonNameInput = 1000;

} // namespace frontdesk
