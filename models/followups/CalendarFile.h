#pragma once

#include "domain/FollowUp.h"

#include <QByteArray>
#include <QDateTime>

namespace frontdesk {

// A calendar follow-up as an iCalendar file (RFC 5545) for the doctor's calendar: one VEVENT
// whose UID stays the same for the appointment across its reschedules and its cancellation,
// with a SEQUENCE that rises, so the calendar updates or removes the entry it already has.
// Times are written in UTC: every calendar shows them in its own zone, true across DST.
namespace CalendarFile {

// `stamp` is DTSTAMP: when the entry was made (the follow-up's creation), so writing one item
// twice gives the same file.
QByteArray write(const CalendarEvent &event, const QDateTime &stamp);

// A file name for it, e.g. "appointment-41-seq-2.ics": no characters any file system refuses.
QString fileName(const CalendarEvent &event);

// Text as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.
QString escapeText(const QString &text);
// One content line folded at 75 octets, never inside a UTF-8 character, each line ending CRLF.
QByteArray foldLine(const QByteArray &line);

} // namespace CalendarFile

} // namespace frontdesk
