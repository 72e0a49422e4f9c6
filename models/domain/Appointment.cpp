#include "Appointment.h"

#include <QCoreApplication>

namespace frontdesk {

QString toDatabaseText(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked: return QStringLiteral("booked");
    case AppointmentStatus::Confirmed: return QStringLiteral("confirmed");
    case AppointmentStatus::Arrived: return QStringLiteral("arrived");
    case AppointmentStatus::Completed: return QStringLiteral("completed");
    case AppointmentStatus::Cancelled: return QStringLiteral("cancelled");
    case AppointmentStatus::NoShow: return QStringLiteral("no_show");
    case AppointmentStatus::Unknown: break;
    }
    return {};
}

QString toDatabaseText(BookingSource source)
{
    return source == BookingSource::AiVoice ? QStringLiteral("ai_voice") : QStringLiteral("staff");
}

AppointmentStatus appointmentStatusFromDatabase(const QString &text)
{
    if (text == u"confirmed") return AppointmentStatus::Confirmed;
    if (text == u"arrived") return AppointmentStatus::Arrived;
    if (text == u"completed") return AppointmentStatus::Completed;
    if (text == u"cancelled") return AppointmentStatus::Cancelled;
    if (text == u"no_show") return AppointmentStatus::NoShow;
    if (text == u"booked") return AppointmentStatus::Booked;
    return AppointmentStatus::Unknown;
}

BookingSource bookingSourceFromDatabase(const QString &text)
{
    return text == u"ai_voice" ? BookingSource::AiVoice : BookingSource::Staff;
}

QString displayText(AppointmentStatus status, const QString &stored)
{
    switch (status) {
    case AppointmentStatus::Booked: return QCoreApplication::translate("Appointment", "Booked");
    case AppointmentStatus::Confirmed: return QCoreApplication::translate("Appointment", "Confirmed");
    case AppointmentStatus::Arrived: return QCoreApplication::translate("Appointment", "Arrived");
    case AppointmentStatus::Completed: return QCoreApplication::translate("Appointment", "Completed");
    case AppointmentStatus::Cancelled: return QCoreApplication::translate("Appointment", "Cancelled");
    case AppointmentStatus::NoShow: return QCoreApplication::translate("Appointment", "No-show");
    case AppointmentStatus::Unknown:
        return QCoreApplication::translate("Appointment", "Unknown status (%1)").arg(stored);
    }
    return {};
}

QString displayText(BookingSource source)
{
    return source == BookingSource::AiVoice ? QCoreApplication::translate("Appointment", "AI agent")
                                            : QCoreApplication::translate("Appointment", "Staff");
}

} // namespace frontdesk
