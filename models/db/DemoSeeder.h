#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace frontdesk {

// Creates the demo clinic: three providers and a day of history and bookings around today,
// so that a first look at the app shows a working front desk. Running it again finds the
// clinic by name and adds nothing.
namespace DemoSeeder {

inline constexpr char kDemoClinicName[] = "Harbourview Family Clinic";

// Returns the demo clinic's organisation id.
Result<qint64> seed(QSqlDatabase &db, const QString &timeZone, const QString &phoneRegion = QStringLiteral("US"));

} // namespace DemoSeeder

} // namespace frontdesk
