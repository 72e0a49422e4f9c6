#pragma once

#include "domain/Appointment.h"

#include <QString>

#include <tuple>

namespace frontdesk {

// How the book draws one appointment status: a label and a shape that tell it apart on their
// own, so that no receptionist has to tell statuses apart by colour (colour blindness, a dimmed
// screen, a stale greyed-out day).
struct StatusStyle
{
    enum class Fill { Tinted, Strong, Muted, Hatched, CrossHatched };

    QString label;   // displayText(status)
    QString mark;    // drawn before the label, may be empty
    Qt::PenStyle border = Qt::NoPen;
    int borderWidth = 0;
    Fill fill = Fill::Tinted;
    bool struckThrough = false;   // the patient's name: the appointment no longer holds the slot
    bool muted = false;           // texts drawn quieter: nothing left to do for it

    bool isValid() const { return !label.isEmpty(); }
    // What is left when colour and words are taken away.
    auto shape() const { return std::make_tuple(mark, border, borderWidth, fill, struckThrough); }
};

// The style of a status, labelled as displayText() says (an unknown one as stored); invalid
// for a value without a style.
StatusStyle statusStyle(AppointmentStatus status, const QString &stored = {});
// A booking kept in the outbox, not in the database yet: a shape no status has.
StatusStyle provisionalStyle();

} // namespace frontdesk
