#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace frontdesk {

// A moment as the patient views show it: the date in the locale's short format and the time of
// day, both in the clinic's time zone (the desk PC's own zone when the clinic's is not known
// yet); empty for an invalid moment.
QString clinicDateTimeText(const QTimeZone &clinicZone, const QDateTime &utc);

} // namespace frontdesk
