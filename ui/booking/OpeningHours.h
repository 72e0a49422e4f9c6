#pragma once

#include "domain/Clinic.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace frontdesk {

// A clinic's opening hours as the booking functions read them (within_opening_hours: in the
// clinic's time zone, a slot wholly between opening and closing of an open day), and in words.
class OpeningHours
{
    Q_DECLARE_TR_FUNCTIONS(OpeningHours)

public:
    explicit OpeningHours(const Clinic &clinic) : m_clinic(clinic) {}

    // "08:00–18:00, Monday to Friday", in the locale's formats and day names; empty for a clinic
    // that is never open.
    QString describe() const;
    // The days alone: "Monday to Friday", "Monday, Wednesday and Friday", "every day".
    QString describeDays() const;

    // Whether the clinic is open for all of [start, start + minutes).
    bool covers(const QDateTime &start, int minutes) const;

    // Where a form's start begins: the caller's suggestion, unless it is in the past; then the
    // next quarter hour after `now`, or, when the clinic is closed then, its next opening time
    // that fits `minutes`. In the clinic's time zone.
    QDateTime firstStart(const QDateTime &suggested, const QDateTime &now, int minutes) const;

private:
    int closesAtMsecs() const;

    Clinic m_clinic;
};

} // namespace frontdesk
