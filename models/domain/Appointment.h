#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// Unknown: a status a newer schema added that this desk cannot act on; never guessed as another.
enum class AppointmentStatus { Booked, Confirmed, Arrived, Completed, Cancelled, NoShow, Unknown };
inline constexpr AppointmentStatus kKnownStatuses[] = {
    AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::Arrived,
    AppointmentStatus::Completed, AppointmentStatus::Cancelled, AppointmentStatus::NoShow,
};
enum class BookingSource { AiVoice, Staff };

// The database's spelling of each value ("no_show", "ai_voice"): the wire format, not for display.
QString toDatabaseText(AppointmentStatus status);
QString toDatabaseText(BookingSource source);
AppointmentStatus appointmentStatusFromDatabase(const QString &text);
BookingSource bookingSourceFromDatabase(const QString &text);

// What a person reads for each value, translated; an unknown status shows as stored.
QString displayText(AppointmentStatus status, const QString &stored = {});
QString displayText(BookingSource source);

struct Appointment
{
    qint64 id = 0;
    qint64 orgId = 0;
    qint64 providerId = 0;
    QString providerName;
    qint64 patientId = 0;
    QString patientName;
    QString phone;   // E.164, may be empty
    QString email;   // may be empty
    QDateTime startsAt;   // UTC
    QDateTime endsAt;     // UTC
    AppointmentStatus status = AppointmentStatus::Booked;
    QString statusText;   // as stored, for a status this desk does not know
    BookingSource source = BookingSource::Staff;
    QString service;
    QString notes;
    QString createdBy;
    QDateTime createdAt;   // UTC
};

using AppointmentList = QList<Appointment>;

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::Appointment)
