#pragma once

#include "ChangeEvent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// One entry of the clinic's event log about an appointment, as the details panel shows it:
// who did what and when, with what the function logged (a cancellation's reason, a reschedule's
// old and new times, a booking's source; resources/migrations/README.md).
struct AppointmentEvent
{
    qint64 id = 0;
    ChangeEvent::Kind kind = ChangeEvent::Kind::Other;
    QString kindText;       // as logged, e.g. "appointment.cancel"
    QString actor;          // the login that did it
    QDateTime occurredAt;   // UTC
    QJsonObject details;
};

// An appointment's events, oldest first.
using AppointmentHistory = QList<AppointmentEvent>;

} // namespace frontdesk

// QList<AppointmentEvent> (AppointmentHistory) is a metatype through Qt's container support.
Q_DECLARE_METATYPE(frontdesk::AppointmentEvent)
