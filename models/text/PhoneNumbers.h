#pragma once

#include <QString>

namespace frontdesk {

// A phone number as a receptionist typed it, checked with libphonenumber for the clinic's
// region. The database normalises again on booking and has the last word.
struct PhoneCheck
{
    bool valid = false;
    QString e164;            // "+14155552671" when valid
    QString international;   // "+1 415-555-2671" when valid, for display
};

// Longer than kMaxPhoneInput characters as typed is not valid, as in the database.
PhoneCheck checkPhoneNumber(const QString &typed, const QString &region);
inline constexpr int kMaxPhoneInput = 100;

// Formats a stored E.164 number the way people of that region read it.
QString formatPhoneNumber(const QString &e164, const QString &region);

} // namespace frontdesk
