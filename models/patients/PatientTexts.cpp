#include "PatientTexts.h"

#include "text/ClockTime.h"

#include <QCoreApplication>
#include <QLocale>

namespace frontdesk {

QString clinicDateTimeText(const QTimeZone &clinicZone, const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = clinicZone.isValid() ? utc.toTimeZone(clinicZone) : utc.toLocalTime();
    return QCoreApplication::translate("PatientTexts", "%1 %2", "a date in the locale's short format, then a time of day")
        .arg(QLocale().toString(local.date(), QLocale::ShortFormat), clockTime(local.time()));
}

} // namespace frontdesk
