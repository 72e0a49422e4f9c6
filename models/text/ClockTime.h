#pragma once

#include <QString>
#include <QTime>

namespace frontdesk {

// A time of day as the desk shows it: the locale's short format without seconds
// ("14:30", "2:30 PM"); some locales' short formats, C's among them, include seconds.
QString clockTime(QTime time);

} // namespace frontdesk
