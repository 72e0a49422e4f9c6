#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace frontdesk {

struct Provider
{
    qint64 id = 0;
    QString displayName;
};

// One clinic (an organisation in the database): its providers, hours and the time zone in
// which every date and time it shows is read.
struct Clinic
{
    qint64 id = 0;
    QString name;
    QTimeZone timeZone;
    QString phoneRegion;   // ISO 3166 alpha-2, e.g. "US"
    QTime opensAt;
    QTime closesAt;
    QList<int> openDays;   // ISO day of week, 1 = Monday
    QList<Provider> providers;

    bool isValid() const { return id > 0; }
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::Clinic)
