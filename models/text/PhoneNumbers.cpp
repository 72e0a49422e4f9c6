#include "PhoneNumbers.h"

#include <QRegularExpression>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace frontdesk {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneCheck checkPhoneNumber(const QString &typed, const QString &region)
{
    PhoneCheck check;
    // Tabs and no-break spaces count as spaces, as in the database's normalize_phone.
    const QString trimmed = typed.simplified();
    if (trimmed.isEmpty() || typed.toUcs4().size() > kMaxPhoneInput)
        return check;
    // The characters the database accepts, no more: libphonenumber would also read letters
    // (1-800-FLOWERS), full-width digits and stray plus signs, and the desk must not call a
    // number valid that the database then refuses.
    static const QRegularExpression allowed(QStringLiteral(R"(^\+?[0-9()./ -]*$)"));
    if (!allowed.match(trimmed).hasMatch())
        return check;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(trimmed.toStdString(), region.toStdString(), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return check;
    if (number.has_extension() || !util->IsValidNumber(number))
        return check;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    check.e164 = QString::fromStdString(formatted);
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    check.international = QString::fromStdString(formatted);
    check.valid = true;
    return check;
}

QString formatPhoneNumber(const QString &e164, const QString &region)
{
    if (e164.isEmpty())
        return {};
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), region.toStdString(), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    // National form for the clinic's own country code: a Guernsey mobile in a GB clinic, or a
    // Canadian number in a US one, is dialled as a national number there.
    const bool sameCountry = number.country_code() == util->GetCountryCodeForRegion(region.toStdString());
    std::string formatted;
    util->Format(number, sameCountry ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

} // namespace frontdesk
