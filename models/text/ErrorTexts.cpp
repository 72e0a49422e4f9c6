#include "ErrorTexts.h"

#include <QCoreApplication>

namespace frontdesk {

namespace {

struct Entry
{
    const char *code;
    const char *text;
};

const Entry kEntries[] = {
    // Booking and moving appointments.
    { "SLOT_UNAVAILABLE", QT_TRANSLATE_NOOP("ErrorText", "That time is already taken for this provider.") },
    { "PATIENT_BUSY", QT_TRANSLATE_NOOP("ErrorText", "This patient already has an appointment at that time, with another provider or this one.") },
    { "INVALID_PHONE", QT_TRANSLATE_NOOP("ErrorText", "The phone number is not a valid number for this clinic's region.") },
    { "INVALID_EMAIL", QT_TRANSLATE_NOOP("ErrorText", "The email address is not valid.") },
    { "INVALID_NAME", QT_TRANSLATE_NOOP("ErrorText", "Enter the patient's name (letters, spaces, hyphens and apostrophes).") },
    { "CONTACT_REQUIRED", QT_TRANSLATE_NOOP("ErrorText", "Enter a phone number or an email address for the patient.") },
    { "INVALID_TIME", QT_TRANSLATE_NOOP("ErrorText", "The appointment must end after it starts, last at most 8 hours, and start within the next two years.") },
    { "IN_THE_PAST", QT_TRANSLATE_NOOP("ErrorText", "That time is in the past.") },
    { "OUTSIDE_HOURS", QT_TRANSLATE_NOOP("ErrorText", "The clinic is closed at that time.") },
    { "UNKNOWN_ORG", QT_TRANSLATE_NOOP("ErrorText", "This clinic is not in the database.") },
    { "UNKNOWN_PROVIDER", QT_TRANSLATE_NOOP("ErrorText", "That provider is not bookable at this clinic.") },
    { "INVALID_SOURCE", QT_TRANSLATE_NOOP("ErrorText", "The booking source is not recognised.") },
    { "INVALID_IDEMPOTENCY_KEY", QT_TRANSLATE_NOOP("ErrorText", "The request had no valid idempotency key.") },
    { "IDEMPOTENCY_MISMATCH", QT_TRANSLATE_NOOP("ErrorText", "This request was already sent with different details.") },
    { "IDEMPOTENCY_RETRY", QT_TRANSLATE_NOOP("ErrorText", "The same request was completed elsewhere a moment ago. Send it again to see its result.") },
    { "TEXT_TOO_LONG", QT_TRANSLATE_NOOP("ErrorText", "The text is too long.") },
    // The appointment's life cycle.
    { "INVALID_TRANSITION", QT_TRANSLATE_NOOP("ErrorText", "The appointment is no longer in a state that allows this; someone may have changed it a moment ago.") },
    { "UNKNOWN_APPOINTMENT", QT_TRANSLATE_NOOP("ErrorText", "That appointment does not exist at this clinic.") },
    { "REASON_REQUIRED", QT_TRANSLATE_NOOP("ErrorText", "Give a reason for the cancellation (at most 500 characters).") },
    { "INVALID_ACTION", QT_TRANSLATE_NOOP("ErrorText", "The clinic database does not know this action. This Frontdesk may be newer than the database.") },
    // The follow-up queue and patients.
    { "CLAIMED_BY_OTHER", QT_TRANSLATE_NOOP("ErrorText", "Someone else is working on this item.") },
    { "ALREADY_DONE", QT_TRANSLATE_NOOP("ErrorText", "This item has already been done.") },
    { "UNKNOWN_FOLLOW_UP", QT_TRANSLATE_NOOP("ErrorText", "That item does not exist at this clinic.") },
    { "NOT_CLAIMED", QT_TRANSLATE_NOOP("ErrorText", "Take the item first; your claim may have run out.") },
    { "INVALID_OUTCOME", QT_TRANSLATE_NOOP("ErrorText", "Choose an outcome that fits the item: sent, failed or skipped for a text message or calendar entry; booked, called back, no answer or not needed for a callback.") },
    { "NOTE_REQUIRED", QT_TRANSLATE_NOOP("ErrorText", "Write a note saying what happened.") },
    { "UNKNOWN_PATIENT", QT_TRANSLATE_NOOP("ErrorText", "That patient does not exist at this clinic.") },
    { "INVALID_CURSOR", QT_TRANSLATE_NOOP("ErrorText", "The list of changes had to start again; everything shown was read afresh.") },
    // Administration.
    { "INVALID_LOGIN", QT_TRANSLATE_NOOP("ErrorText", "Logins are lower-case letters, digits and underscores, starting with a letter.") },
    { "INVALID_KIND", QT_TRANSLATE_NOOP("ErrorText", "A staff login is a receptionist or a manager.") },
    { "INVALID_PASSWORD", QT_TRANSLATE_NOOP("ErrorText", "The password is not acceptable.") },
    { "LOGIN_EXISTS", QT_TRANSLATE_NOOP("ErrorText", "That login exists already.") },
    { "UNKNOWN_STAFF", QT_TRANSLATE_NOOP("ErrorText", "There is no staff login of that name.") },
    { "LOGIN_IS_STAFF", QT_TRANSLATE_NOOP("ErrorText", "That login belongs to a member of staff, not an AI agent.") },
    { "NOT_AN_AGENT", QT_TRANSLATE_NOOP("ErrorText", "That login is not an AI agent.") },
    // Any call.
    { "NOT_PERMITTED", QT_TRANSLATE_NOOP("ErrorText", "Your login is not allowed to do this.") },
    { "RETRY", QT_TRANSLATE_NOOP("ErrorText", "Someone changed the same schedule at the same moment. Nothing was changed; try again.") },
    { "UNSUPPORTED_ISOLATION", QT_TRANSLATE_NOOP("ErrorText", "The database connection is set up in a way these changes cannot use (SERIALIZABLE). Nothing was changed; ask whoever set up this computer.") },
    { "READ_ONLY_TRANSACTION", QT_TRANSLATE_NOOP("ErrorText", "The database accepts no changes right now (read-only or a standby server). Nothing was changed; try again in a moment.") },
    // The desk's own.
    { "QUEUED", QT_TRANSLATE_NOOP("ErrorText", "Kept on this PC. It is sent when the connection to the clinic database is back, in the order it was done.") },
    { "NOT_KEPT", QT_TRANSLATE_NOOP("ErrorText", "This PC could not keep the action (its disk refused to write it), so it was not done. Try again, or tell your administrator.") },
    { "ALREADY_WAITING", QT_TRANSLATE_NOOP("ErrorText", "This is already waiting in the outbox to be sent; it is done once, when the connection is back.") },
    { "OFFLINE", QT_TRANSLATE_NOOP("ErrorText", "No connection to the clinic database. Nothing was sent; try again when the status bar shows Online.") },
    { "CONNECTION_LOST", QT_TRANSLATE_NOOP("ErrorText", "The connection dropped while sending, so it may or may not have been done. Send it again: the same request never happens twice.") },
    { "DATABASE_ERROR", QT_TRANSLATE_NOOP("ErrorText", "The database refused the request; nothing was changed. The details are in the log.") },
    { "BAD_RESPONSE", QT_TRANSLATE_NOOP("ErrorText", "The database gave an answer this Frontdesk cannot read. Nothing is known to have changed; the details are in the log.") },
    { "UNKNOWN_TIME_ZONE", QT_TRANSLATE_NOOP("ErrorText", "This computer does not know the clinic's time zone; ask whoever set it up to update it.") },
};

const Entry *entryFor(const QString &code)
{
    for (const Entry &e : kEntries) {
        if (code == QLatin1String(e.code))
            return &e;
    }
    return nullptr;
}

} // namespace

QString errorText(const QString &code)
{
    if (const Entry *e = entryFor(code))
        return QCoreApplication::translate("ErrorText", e->text);
    return QCoreApplication::translate("ErrorText", "That did not work. The details are in the log.");
}

bool hasErrorText(const QString &code)
{
    return entryFor(code) != nullptr;
}

} // namespace frontdesk
