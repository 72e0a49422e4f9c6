#pragma once

#include "domain/Appointment.h"
#include "domain/Clinic.h"
#include "domain/DeskUser.h"
#include "domain/FollowUp.h"

#include <QJsonObject>

namespace frontdesk::CacheCodec {

// The desk cache's own spelling of what it keeps, as JSON. A record this build cannot read (a
// newer Frontdesk's, or a damaged one) reads as invalid (id 0) and is skipped, never guessed.
QJsonObject toJson(const Appointment &appointment);
Appointment appointmentFromJson(const QJsonObject &json);

QJsonObject toJson(const Clinic &clinic);
Clinic clinicFromJson(const QJsonObject &json);

QJsonObject toJson(const DeskUser &user);
DeskUser deskUserFromJson(const QJsonObject &json);

QJsonObject toJson(const FollowUp &followUp);
FollowUp followUpFromJson(const QJsonObject &json);

} // namespace frontdesk::CacheCodec
