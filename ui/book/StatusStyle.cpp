#include "StatusStyle.h"

#include <QCoreApplication>

namespace frontdesk {

StatusStyle statusStyle(AppointmentStatus status, const QString &stored)
{
    StatusStyle style;
    style.label = displayText(status, stored);
    // No default: a status added to the enum without a style here is a compiler warning (an
    // error in CI), and at run time it falls through to an invalid style that the tests catch.
    switch (status) {
    case AppointmentStatus::Booked:
        // Not yet confirmed by the patient: an outline still to be firmed up.
        style.border = Qt::DashLine;
        style.borderWidth = 2;
        style.fill = StatusStyle::Fill::Tinted;
        return style;
    case AppointmentStatus::Confirmed:
        style.border = Qt::SolidLine;
        style.borderWidth = 1;
        style.fill = StatusStyle::Fill::Tinted;
        return style;
    case AppointmentStatus::Arrived:
        // In the waiting room: the one the desk must act on, so the heaviest outline.
        style.mark = QStringLiteral("✓");
        style.border = Qt::SolidLine;
        style.borderWidth = 3;
        style.fill = StatusStyle::Fill::Strong;
        return style;
    case AppointmentStatus::Completed:
        style.border = Qt::NoPen;
        style.fill = StatusStyle::Fill::Muted;
        style.muted = true;
        return style;
    case AppointmentStatus::Cancelled:
        style.border = Qt::DotLine;
        style.borderWidth = 1;
        style.fill = StatusStyle::Fill::Hatched;
        style.struckThrough = true;
        style.muted = true;
        return style;
    case AppointmentStatus::NoShow:
        style.mark = QStringLiteral("✗");
        style.border = Qt::DotLine;
        style.borderWidth = 1;
        style.fill = StatusStyle::Fill::CrossHatched;
        style.struckThrough = true;
        style.muted = true;
        return style;
    case AppointmentStatus::Unknown:
        // A status of a newer schema: shown as stored, in a shape no known status has, so it is
        // never read as one of them.
        style.mark = QStringLiteral("?");
        style.border = Qt::DashDotLine;
        style.borderWidth = 1;
        style.fill = StatusStyle::Fill::Tinted;
        return style;
    }
    return {};
}

StatusStyle provisionalStyle()
{
    StatusStyle style;
    style.label = QCoreApplication::translate("StatusStyle", "Not booked yet");
    style.mark = QStringLiteral("…");
    style.border = Qt::DotLine;
    style.borderWidth = 2;
    style.fill = StatusStyle::Fill::Tinted;
    return style;
}

} // namespace frontdesk
