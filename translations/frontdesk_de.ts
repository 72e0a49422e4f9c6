<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Action</name>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="31"/>
        <source>&amp;Sign out of this PC…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="32"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="34"/>
        <source>&amp;Book appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="35"/>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="36"/>
        <source>Check &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="37"/>
        <source>Co&amp;mplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="38"/>
        <source>&amp;No-show…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="39"/>
        <source>C&amp;ancel appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="40"/>
        <source>&amp;Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="41"/>
        <source>Re&amp;open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="42"/>
        <source>Mark all new bookings &amp;seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="45"/>
        <source>&amp;Patient history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="47"/>
        <source>&amp;Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="48"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="49"/>
        <source>&amp;Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="50"/>
        <source>&amp;Go to date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="51"/>
        <source>Next ne&amp;w booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="53"/>
        <source>&amp;Find patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="56"/>
        <source>Appointment &amp;book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="57"/>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="58"/>
        <source>&amp;Filter the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="60"/>
        <source>Follow-up &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="62"/>
        <source>&amp;Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="65"/>
        <source>&amp;Sound on new bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="99"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="100"/>
        <source>&amp;Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="101"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="102"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Appointment</name>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="45"/>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="46"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="47"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="48"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="49"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="50"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="52"/>
        <source>Unknown status (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="59"/>
        <source>AI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="60"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentAction</name>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="32"/>
        <source>Only a booked appointment can be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="35"/>
        <source>Only a booked or confirmed appointment can be checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="37"/>
        <source>Patients can be checked in only on the day of their appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="40"/>
        <source>Only a checked-in appointment can be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="42"/>
        <source>Only a booked or confirmed appointment can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="45"/>
        <source>Only a booked or confirmed appointment can be marked as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="47"/>
        <source>A no-show can be marked only after the appointment&apos;s start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="50"/>
        <source>Only a booked or confirmed appointment can be rescheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="53"/>
        <source>Only a cancelled appointment or a no-show can be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="55"/>
        <source>Only a manager can reopen an appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="57"/>
        <source>Only a future appointment can be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="66"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="67"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="68"/>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="69"/>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="70"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="71"/>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/commands/AppointmentActions.cpp" line="72"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookPainter</name>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="182"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="184"/>
        <source>Needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="184"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="341"/>
        <source>Unknown provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="343"/>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarFile</name>
    <message>
        <location filename="../models/followups/CalendarFile.cpp" line="116"/>
        <source>With %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="17"/>
        <source>That time is already taken for this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="18"/>
        <source>This patient already has an appointment at that time, with another provider or this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="19"/>
        <source>The phone number is not a valid number for this clinic&apos;s region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="20"/>
        <source>The email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="21"/>
        <source>Enter the patient&apos;s name (letters, spaces, hyphens and apostrophes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="22"/>
        <source>Enter a phone number or an email address for the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="23"/>
        <source>The appointment must end after it starts, last at most 8 hours, and start within the next two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="24"/>
        <source>That time is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="25"/>
        <source>The clinic is closed at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="26"/>
        <source>This clinic is not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="27"/>
        <source>That provider is not bookable at this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="28"/>
        <source>The booking source is not recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="29"/>
        <source>The request had no valid idempotency key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="30"/>
        <source>This request was already sent with different details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="31"/>
        <source>The same request was completed elsewhere a moment ago. Send it again to see its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="32"/>
        <source>The text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="34"/>
        <source>The appointment is no longer in a state that allows this; someone may have changed it a moment ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="35"/>
        <source>That appointment does not exist at this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="36"/>
        <source>Give a reason for the cancellation (at most 500 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="37"/>
        <source>The clinic database does not know this action. This Frontdesk may be newer than the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="39"/>
        <source>Someone else is working on this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="40"/>
        <source>This item has already been done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="41"/>
        <source>That item does not exist at this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="42"/>
        <source>Take the item first; your claim may have run out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="43"/>
        <source>Choose an outcome that fits the item: sent, failed or skipped for a text message or calendar entry; booked, called back, no answer or not needed for a callback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="44"/>
        <source>Write a note saying what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="45"/>
        <source>That patient does not exist at this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="46"/>
        <source>The list of changes had to start again; everything shown was read afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="48"/>
        <source>Logins are lower-case letters, digits and underscores, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="49"/>
        <source>A staff login is a receptionist or a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="50"/>
        <source>The password is not acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="51"/>
        <source>That login exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="52"/>
        <source>There is no staff login of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="53"/>
        <source>That login belongs to a member of staff, not an AI agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="54"/>
        <source>That login is not an AI agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="56"/>
        <source>Your login is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="57"/>
        <source>Someone changed the same schedule at the same moment. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="58"/>
        <source>The database connection is set up in a way these changes cannot use (SERIALIZABLE). Nothing was changed; ask whoever set up this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="59"/>
        <source>The database accepts no changes right now (read-only or a standby server). Nothing was changed; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="61"/>
        <source>Kept on this PC. It is sent when the connection to the clinic database is back, in the order it was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="62"/>
        <source>This PC could not keep the action (its disk refused to write it), so it was not done. Try again, or tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="63"/>
        <source>This is already waiting in the outbox to be sent; it is done once, when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="64"/>
        <source>No connection to the clinic database. Nothing was sent; try again when the status bar shows Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="65"/>
        <source>The connection dropped while sending, so it may or may not have been done. Send it again: the same request never happens twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="66"/>
        <source>The database refused the request; nothing was changed. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="67"/>
        <source>The database gave an answer this Frontdesk cannot read. Nothing is known to have changed; the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="68"/>
        <source>This computer does not know the clinic&apos;s time zone; ask whoever set it up to update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="86"/>
        <source>That did not work. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpeningHours</name>
    <message>
        <location filename="../ui/booking/OpeningHours.cpp" line="45"/>
        <source>every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/booking/OpeningHours.cpp" line="70"/>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/booking/OpeningHours.cpp" line="86"/>
        <source>%1–%2, %3</source>
        <comment>opening hours: opens, closes, days</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientTexts</name>
    <message>
        <location filename="../models/patients/PatientTexts.cpp" line="15"/>
        <source>%1 %2</source>
        <comment>a date in the locale&apos;s short format, then a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <location filename="../ui/book/StatusStyle.cpp" line="67"/>
        <source>Not booked yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk</name>
    <message>
        <location filename="../models/outbox/ActionSummary.cpp" line="28"/>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/ActionSummary.cpp" line="29"/>
        <source>Take follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/ActionSummary.cpp" line="30"/>
        <source>Give back follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/ActionSummary.cpp" line="31"/>
        <source>Follow-up done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/ActionSummary.cpp" line="32"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/ActionSummary.cpp" line="51"/>
        <source>appointment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/PendingActions.cpp" line="20"/>
        <source>%1 not done: needs you (outbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/PendingActions.cpp" line="21"/>
        <source>%1 waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/PendingActions.cpp" line="109"/>
        <source>this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/PendingActions.cpp" line="111"/>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentActionController</name>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="82"/>
        <source>Select an appointment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="84"/>
        <source>Not booked yet: the booking is kept on this PC until the clinic database has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="86"/>
        <source>Needs the connection to the clinic database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="111"/>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="120"/>
        <source>Rescheduled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="127"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="128"/>
        <source>Mark %1 as not having come? This frees the slot; only a manager can undo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="130"/>
        <source>Mark &amp;no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="146"/>
        <source>%1: %2 (kept on this PC, sent when the connection is back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="153"/>
        <source>%1: %2 is already waiting to be sent. It is done once, when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="162"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentDetailsPanel</name>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="60"/>
        <source>Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="61"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="62"/>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="63"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="64"/>
        <source>When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="65"/>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="66"/>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="67"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="68"/>
        <source>Booked by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="69"/>
        <source>Booked on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="70"/>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="85"/>
        <source>History of the appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="86"/>
        <source>History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="143"/>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="186"/>
        <source>Select an appointment to see its details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="194"/>
        <source>Loading the appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="213"/>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="223"/>
        <source>%1, %2 – %3</source>
        <comment>date, start time – end time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="227"/>
        <source>%1, %2 – %3, %4</source>
        <comment>start date, start time – end date, end time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="233"/>
        <source>%1 min</source>
        <comment>minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="235"/>
        <source>%1 h</source>
        <comment>hours</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="237"/>
        <source>%1 h %2 min</source>
        <comment>hours and minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="241"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="244"/>
        <source>The AI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="246"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="248"/>
        <source>Staff (%1)</source>
        <comment>the login of who booked it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="294"/>
        <source>The details of this appointment are not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="295"/>
        <source>The details cannot be loaded while offline; they are read again when the desk is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="300"/>
        <source>This appointment cannot be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="339"/>
        <source>The history cannot be loaded while offline; it is read again when the desk is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="350"/>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/details/AppointmentDetailsPanel.cpp" line="358"/>
        <source>The connection to the clinic database dropped while reading. It is read again when the desk is back online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentHistoryModel</name>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="90"/>
        <source>%1 %2</source>
        <comment>a date in the locale&apos;s short format, then a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="110"/>
        <source>Booked by the AI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="111"/>
        <source>Booked by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="113"/>
        <source>Confirmed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="115"/>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="117"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="121"/>
        <source>Cancelled by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="122"/>
        <source>Cancelled by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="125"/>
        <source>Marked as a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="130"/>
        <source>Rescheduled by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="135"/>
        <source>Rescheduled by %1 from %2 to %3 with %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="136"/>
        <source>Rescheduled by %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="139"/>
        <source>Reopened by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="148"/>
        <source>Note added by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="150"/>
        <source>Call noted by the AI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="167"/>
        <source>Call-back of a failed AI call done: booked by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="174"/>
        <source>SMS confirmation claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="174"/>
        <source>Calendar entry claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="176"/>
        <source>SMS confirmation released by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="176"/>
        <source>Calendar entry released by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="179"/>
        <source>SMS confirmation sent by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="179"/>
        <source>Calendar entry made by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="181"/>
        <source>SMS confirmation marked as failed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="182"/>
        <source>Calendar entry marked as failed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="184"/>
        <source>SMS confirmation skipped by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="184"/>
        <source>Calendar entry skipped by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="189"/>
        <source>%1: %2</source>
        <comment>what happened, then the note given with it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="210"/>
        <source>%1 – %2</source>
        <comment>the time, then what happened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="212"/>
        <source>%1
Recorded by %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="214"/>
        <source>%1, at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="59"/>
        <source>Book appointment – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="108"/>
        <source>&amp;Patient name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="112"/>
        <source>As the caller says it; region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="115"/>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="121"/>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="132"/>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="143"/>
        <location filename="../ui/BookingDialog.cpp" line="260"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="149"/>
        <source>&amp;When (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="153"/>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="158"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="553"/>
        <source>Rescheduling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="555"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="279"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="72"/>
        <source>Reschedule appointment – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="281"/>
        <source>Too long: at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="283"/>
        <source>Will be saved as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="285"/>
        <source>Letters, spaces, hyphens and apostrophes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="289"/>
        <source>Optional if there is an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="295"/>
        <source>Not a valid phone number for region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="300"/>
        <source>Optional if there is a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="304"/>
        <source>Not a valid email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="325"/>
        <source>Check the highlighted fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="417"/>
        <source>This is when the appointment already is. Choose another time or provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="499"/>
        <source>Free instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="521"/>
        <source>The clinic is closed then. It is open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="534"/>
        <source>%1 already has an appointment from %2 to %3. A patient cannot be in two places at once: pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="536"/>
        <source>%1 already has an appointment from %2 to %3 with %4. A patient cannot be in two places at once: pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="553"/>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="555"/>
        <source>&amp;Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::CancelDialog</name>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="26"/>
        <source>Cancel appointment – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="28"/>
        <source>%1 with %2, %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="34"/>
        <source>e.g. Patient called: unwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="36"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="39"/>
        <source>Cancel &amp;appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="41"/>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CancelDialog.cpp" line="60"/>
        <source>The reason is %1 characters long; at most %2 are kept. Shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::ClinicDatabaseWorker</name>
    <message>
        <location filename="../models/db/ClinicDatabaseWorker.cpp" line="109"/>
        <source>The clinic database has schema version %1; this Frontdesk needs %2. Ask your administrator to run frontdesk-admin migrate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/db/ClinicDatabaseWorker.cpp" line="140"/>
        <source>The clinic database moved to its standby server; everything was read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/db/ClinicDatabaseWorker.cpp" line="155"/>
        <location filename="../models/db/ClinicDatabaseWorker.cpp" line="224"/>
        <source>the database server stopped answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/db/ClinicDatabaseWorker.cpp" line="224"/>
        <source>the connection to the database was lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::ClinicSession</name>
    <message>
        <location filename="../models/services/ClinicSession.cpp" line="181"/>
        <source>the same action is already kept on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/services/ClinicSession.cpp" line="210"/>
        <source>kept on this PC; it is sent when the clinic database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/services/ClinicSession.cpp" line="212"/>
        <source>the action could not be kept on this PC; it was not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::ConnectionStatusLabel</name>
    <message>
        <location filename="../ui/ConnectionStatusLabel.cpp" line="19"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionStatusLabel.cpp" line="21"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionStatusLabel.cpp" line="23"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionStatusLabel.cpp" line="26"/>
        <source>Offline since %1 – data as of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionStatusLabel.cpp" line="27"/>
        <source>Offline since %1 – no data yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::DayListPanel</name>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="34"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="38"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="42"/>
        <source>Name, phone, email, service or notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="55"/>
        <source>F&amp;ind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="56"/>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="57"/>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="58"/>
        <source>Booked b&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/list/DayListPanel.cpp" line="113"/>
        <source>Every provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::DayModel</name>
    <message>
        <location filename="../models/day/DayModel.cpp" line="60"/>
        <source>Booked by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="73"/>
        <source>Not booked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="74"/>
        <source>Kept on this PC; booked when the clinic database has taken it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="412"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="413"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="414"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="415"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="416"/>
        <source>Booked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="417"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="418"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::FollowUpItemView</name>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="51"/>
        <source>Note: why it failed, was skipped, or what the caller said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="64"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="64"/>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="69"/>
        <source>Copy number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="65"/>
        <source>Copies the message, ready to paste (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="66"/>
        <source>Copies the number to send it to (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="67"/>
        <source>Save .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="67"/>
        <source>Open in calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="68"/>
        <source>Book for this caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="70"/>
        <source>Copies the caller&apos;s number (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="87"/>
        <source>Mark sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="88"/>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="91"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="89"/>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="92"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="90"/>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="93"/>
        <source>Called back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="94"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="95"/>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="105"/>
        <source>The SMS was sent (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="106"/>
        <source>The entry is in the calendar (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="107"/>
        <source>Opens the booking dialog with what the caller asked for (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="109"/>
        <source>Needs a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="113"/>
        <source>Patient history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="114"/>
        <source>Give back to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="187"/>
        <source>Pick an item and press Enter to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="201"/>
        <source>Yours until %1: nobody else will work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="204"/>
        <source>%1 is working on this until %2. It cannot be completed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="207"/>
        <source>The caller may still be on the line with the AI agent until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="211"/>
        <source>Nobody is working on this. Working on it claims it for this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="223"/>
        <source>SMS to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="224"/>
        <source>To: %1
For the appointment of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="234"/>
        <source>Remove from %1&apos;s calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="235"/>
        <source>Enter in %1&apos;s calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="236"/>
        <source>%1
%2 to %3
Update %4 of this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="247"/>
        <source>Call back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="247"/>
        <source>a caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="249"/>
        <source>Number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="249"/>
        <source>none left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="251"/>
        <source>Email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="252"/>
        <source>no usable time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="254"/>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="256"/>
        <source>%1, for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="257"/>
        <source>Asked for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="258"/>
        <source>Why the agent could not book it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="260"/>
        <source>Calls that failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="264"/>
        <source>No free slot was found near it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpItemView.cpp" line="264"/>
        <source>Free then: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::FollowUpPanel</name>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="68"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="69"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="70"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="71"/>
        <source>Call backs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="122"/>
        <source>Offline: this PC&apos;s copy of the queue, as it was at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="144"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="150"/>
        <source>Copy number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="159"/>
        <source>Done with this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="176"/>
        <source>Save calendar entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="177"/>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="233"/>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="291"/>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="395"/>
        <source>%1 is working on this item. It cannot be completed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="237"/>
        <source>The caller may still be on the line with the AI agent until %1: call back after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="293"/>
        <source>Open the item first (Enter): it is not yours yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="315"/>
        <source>Done. Select the next item and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="338"/>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="353"/>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="373"/>
        <source>The file could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="356"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/followups/FollowUpPanel.cpp" line="378"/>
        <source>No calendar program opened it. The file is %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::FollowUpQueueModel</name>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="158"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="159"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="160"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="170"/>
        <source>cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="172"/>
        <source>moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="173"/>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="179"/>
        <source>slot taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="180"/>
        <source>already booked then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="181"/>
        <source>clinic closed then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="182"/>
        <source>time already past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="183"/>
        <source>no usable time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="184"/>
        <source>number unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="185"/>
        <source>email unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="186"/>
        <source>name unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="187"/>
        <source>doctor not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="193"/>
        <source>not booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="205"/>
        <source>yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="206"/>
        <source>%1 is on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="207"/>
        <source>caller may still be with the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="210"/>
        <source>a caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="211"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="219"/>
        <source>Claimed by you until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="221"/>
        <source>Claimed by %1 until %2: it cannot be completed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="223"/>
        <source>The caller may still be on the line with the AI agent until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/followups/FollowUpQueueModel.cpp" line="226"/>
        <source>Open it to claim it for this desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <location filename="../ui/MainWindow.cpp" line="101"/>
        <location filename="../ui/MainWindow.cpp" line="563"/>
        <source>Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="151"/>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="152"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>Appointment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="181"/>
        <source>New bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="226"/>
        <source>Type a date, or pick one (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="227"/>
        <source>Date shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="353"/>
        <source>Sent from this PC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="359"/>
        <source>Not done: %1. %2 Decide in the outbox (Ctrl+4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="365"/>
        <source>This PC cannot keep actions for later: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="463"/>
        <source>Offline: showing this PC&apos;s copy of this day, as it was at %1. Changes are kept on this PC and sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="470"/>
        <source>Offline: showing this day as it was at %1. Changes are kept on this PC and sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="489"/>
        <source>This removes this PC&apos;s copy of the clinic&apos;s appointments and follow-ups, and closes Frontdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="492"/>
        <source>The %n action(s) still in the outbox stay on this PC and are sent the next time this login opens Frontdesk.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="494"/>
        <source>Sign out of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="494"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="563"/>
        <source>Frontdesk – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="620"/>
        <source>Outbox: %1 waiting, %2 need you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="621"/>
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="622"/>
        <source>Actions kept on this PC until the clinic database has taken them (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="390"/>
        <source>New bookings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187"/>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="434"/>
        <location filename="../ui/MainWindow.cpp" line="459"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="439"/>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="454"/>
        <source>This day cannot be shown while the clinic database is unreachable. It will appear as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="456"/>
        <source>This day cannot be loaded while offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="462"/>
        <location filename="../ui/MainWindow.cpp" line="468"/>
        <source>No appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="483"/>
        <source>Needs the connection to the clinic database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="505"/>
        <source>Clinic time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="522"/>
        <source>Booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="546"/>
        <source>Booked. The callback is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="565"/>
        <source> – open follow-ups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="567"/>
        <source>Follow-ups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="568"/>
        <source>Open items in the follow-up queue (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="577"/>
        <source>New booking: %1 at %2 with %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="583"/>
        <source>New booking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageBanner</name>
    <message>
        <location filename="../ui/common/MessageBanner.cpp" line="60"/>
        <location filename="../ui/common/MessageBanner.cpp" line="61"/>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/MessageBanner.cpp" line="86"/>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::NewBookingsModel</name>
    <message>
        <location filename="../models/live/NewBookingsModel.cpp" line="155"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/live/NewBookingsModel.cpp" line="156"/>
        <source>%1 %2 – %3 with %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::NewBookingsPanel</name>
    <message>
        <location filename="../ui/live/NewBookingsPanel.cpp" line="17"/>
        <source>Mark all &amp;seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/live/NewBookingsPanel.cpp" line="48"/>
        <source>No new bookings from the AI agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/live/NewBookingsPanel.cpp" line="50"/>
        <source>One new booking from the AI agent, today or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/live/NewBookingsPanel.cpp" line="52"/>
        <source>%1 new bookings from the AI agent, today and later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::OutboxDock</name>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="22"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="37"/>
        <source>Actions kept on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="58"/>
        <source>Book another &amp;time instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="63"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="65"/>
        <source>Send it again as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="66"/>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="68"/>
        <source>Drop it: it is never done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="139"/>
        <source>Nothing waits: every action taken here has reached the clinic database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="141"/>
        <source>%1 waiting to be sent, %2 need you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="148"/>
        <source>Needs you: the clinic database refused it. It stays here until you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="149"/>
        <source>Waiting to be sent: it goes by itself, in order, when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="167"/>
        <source>Only for an action the clinic database refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="203"/>
        <source>Book the same patient and details at this time, and drop the refused booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="218"/>
        <source>Sent again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="230"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="231"/>
        <source>Discard “%1”? It was not done, and discarding loses it: the clinic database never gets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="233"/>
        <source>&amp;Discard it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="236"/>
        <source>Discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="269"/>
        <source>Booking for %1 kept on this PC; it is sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/outbox/OutboxDock.cpp" line="272"/>
        <source>Booked for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::OutboxModel</name>
    <message>
        <location filename="../models/outbox/OutboxModel.cpp" line="70"/>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/OutboxModel.cpp" line="71"/>
        <source>Needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/OutboxModel.cpp" line="72"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/OutboxModel.cpp" line="73"/>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::OutboxStore</name>
    <message>
        <location filename="../models/outbox/OutboxStore.cpp" line="63"/>
        <location filename="../models/outbox/OutboxStore.cpp" line="81"/>
        <source>cannot set up the outbox file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/OutboxStore.cpp" line="131"/>
        <source>could not keep the action on this PC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/outbox/OutboxStore.cpp" line="152"/>
        <source>could not record the answer on this PC: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientAppointmentsModel</name>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="128"/>
        <source>Coming up: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="128"/>
        <source>Coming up (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="129"/>
        <source>Past: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="129"/>
        <source>Past (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="151"/>
        <source>%1 with %2, booked by the AI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="153"/>
        <source>%1 with %2, booked by staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="167"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="168"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="169"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientAppointmentsModel.cpp" line="170"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientDock</name>
    <message>
        <location filename="../ui/patients/PatientDock.cpp" line="11"/>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientFinder</name>
    <message>
        <location filename="../ui/booking/PatientFinder.cpp" line="72"/>
        <source>Existing patients that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/booking/PatientFinder.cpp" line="206"/>
        <source>This phone number belongs to %1 — pick them, or book a new patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/booking/PatientFinder.cpp" line="207"/>
        <source>This email address belongs to %1 — pick them, or book a new patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/booking/PatientFinder.cpp" line="208"/>
        <source>Pick %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientMatchesModel</name>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="69"/>
        <source>next %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="71"/>
        <source>last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="72"/>
        <source> · </source>
        <comment>between the parts of a found patient&apos;s details</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="92"/>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="94"/>
        <source>Email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="96"/>
        <source>Next appointment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="97"/>
        <source>No appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="99"/>
        <source>Last appointment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientMatchesModel.cpp" line="103"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientNotesModel</name>
    <message>
        <location filename="../models/patients/PatientNotesModel.cpp" line="45"/>
        <source>AI call, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientNotesModel.cpp" line="47"/>
        <source>Note by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientNotesModel.cpp" line="52"/>
        <source>%1 by %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientNotesModel.cpp" line="69"/>
        <source>Noted by the AI agent (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientNotesModel.cpp" line="70"/>
        <source>Written by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/patients/PatientNotesModel.cpp" line="72"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientPanel</name>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="86"/>
        <location filename="../ui/patients/PatientPanel.cpp" line="206"/>
        <source>Find a patient to see their history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="91"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="96"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="97"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="98"/>
        <source>No-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="108"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="109"/>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="110"/>
        <source>No-shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="119"/>
        <source>Appointments of the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="139"/>
        <source>Call notes and staff notes, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="144"/>
        <source>A note for the desk about this patient; Ctrl+Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="145"/>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="148"/>
        <location filename="../ui/patients/PatientPanel.cpp" line="352"/>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="150"/>
        <source>Add the note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="174"/>
        <source>Appointments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="175"/>
        <source>Notes and calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="209"/>
        <source>Loading the patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="222"/>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="226"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="274"/>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="281"/>
        <source>The patient&apos;s history cannot be read while offline; it is read again when the desk is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="287"/>
        <source>This patient cannot be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="288"/>
        <source>The patient&apos;s history is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="307"/>
        <source>The note is empty: write something first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="313"/>
        <source>The note is too long: %1 characters, at most %2. Shorten it and add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientPanel.cpp" line="352"/>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientSearchPanel</name>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="26"/>
        <source>Name or phone digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="28"/>
        <source>Find a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="40"/>
        <source>Patients found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="88"/>
        <source>Type at least two letters of the name, or three digits of the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="94"/>
        <source>No patient found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="97"/>
        <source>Search needs the connection to the clinic database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/patients/PatientSearchPanel.cpp" line="100"/>
        <source>The search failed (%1). Type again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/DatabaseArgument.cpp" line="10"/>
        <source>libpq connection string or URL of the clinic database (default: $FRONTDESK_DATABASE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/DatabaseArgument.cpp" line="23"/>
        <source>no clinic database given: use --database or set FRONTDESK_DATABASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="33"/>
        <source>Front desk for clinics with an AI voice receptionist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="38"/>
        <source>Id of the clinic (organisation) to show (default: $FRONTDESK_ORG or 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="41"/>
        <source>Wait for the first new booking from the AI agent, save a PNG of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="44"/>
        <source>Seconds to wait for --screenshot (default 90).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="51"/>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="55"/>
        <source>Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
