<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Action</name>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="31"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="33"/>
        <source>&amp;Book appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="34"/>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="35"/>
        <source>Check &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="36"/>
        <source>Co&amp;mplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="37"/>
        <source>&amp;No-show…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="38"/>
        <source>C&amp;ancel appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="39"/>
        <source>&amp;Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="40"/>
        <source>Re&amp;open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="41"/>
        <source>Mark all new bookings &amp;seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="44"/>
        <source>&amp;Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="45"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="46"/>
        <source>&amp;Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="47"/>
        <source>&amp;Go to date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="48"/>
        <source>Next ne&amp;w booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="51"/>
        <source>Appointment &amp;book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="52"/>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="53"/>
        <source>&amp;Filter the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="55"/>
        <source>&amp;Sound on new bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="89"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="90"/>
        <source>&amp;Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="91"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/ActionRegistry.cpp" line="92"/>
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
        <location filename="../ui/book/BookPainter.cpp" line="279"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="338"/>
        <source>Unknown provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/book/BookPainter.cpp" line="340"/>
        <source>%1 (inactive)</source>
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
        <source>Choose whether it was sent, failed or skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="44"/>
        <source>Write a note.</source>
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
        <source>No connection to the clinic database. Nothing was sent; try again when the status bar shows Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="62"/>
        <source>The connection dropped while sending, so it may or may not have been done. Send it again: the same request never happens twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="63"/>
        <source>The database refused the request; nothing was changed. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="64"/>
        <source>The database gave an answer this Frontdesk cannot read. Nothing is known to have changed; the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="65"/>
        <source>This computer does not know the clinic&apos;s time zone; ask whoever set it up to update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/text/ErrorTexts.cpp" line="83"/>
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
    <name>frontdesk::AppointmentActionController</name>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="79"/>
        <source>Select an appointment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="81"/>
        <source>Needs the connection to the clinic database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="106"/>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="115"/>
        <source>Rescheduled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="122"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="123"/>
        <source>Mark %1 as not having come? This frees the slot; only a manager can undo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="125"/>
        <source>Mark &amp;no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions/AppointmentActionController.cpp" line="144"/>
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
        <source>SMS confirmation claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="167"/>
        <source>Calendar entry claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="169"/>
        <source>SMS confirmation released by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="169"/>
        <source>Calendar entry released by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="172"/>
        <source>SMS confirmation sent by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="172"/>
        <source>Calendar entry made by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="174"/>
        <source>SMS confirmation marked as failed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="175"/>
        <source>Calendar entry marked as failed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="177"/>
        <source>SMS confirmation skipped by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="177"/>
        <source>Calendar entry skipped by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="182"/>
        <source>%1: %2</source>
        <comment>what happened, then the note given with it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="203"/>
        <source>%1 – %2</source>
        <comment>the time, then what happened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="205"/>
        <source>%1
Recorded by %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/details/AppointmentHistoryModel.cpp" line="207"/>
        <source>%1, at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="64"/>
        <source>Book appointment – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="113"/>
        <source>&amp;Patient name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="117"/>
        <source>As the caller says it; region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="120"/>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="126"/>
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
        <location filename="../ui/BookingDialog.cpp" line="221"/>
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
        <location filename="../ui/BookingDialog.cpp" line="526"/>
        <source>Rescheduling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="528"/>
        <source>Send &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="530"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="240"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="77"/>
        <source>Reschedule appointment – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="242"/>
        <source>Too long: at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="244"/>
        <source>Will be saved as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="246"/>
        <source>Letters, spaces, hyphens and apostrophes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="250"/>
        <source>Optional if there is an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="256"/>
        <source>Not a valid phone number for region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="261"/>
        <source>Optional if there is a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="265"/>
        <source>Not a valid email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="286"/>
        <source>Check the highlighted fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="385"/>
        <source>This is when the appointment already is. Choose another time or provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="472"/>
        <source>Free instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="494"/>
        <source>The clinic is closed then. It is open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="507"/>
        <source>%1 already has an appointment from %2 to %3. A patient cannot be in two places at once: pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="509"/>
        <source>%1 already has an appointment from %2 to %3 with %4. A patient cannot be in two places at once: pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="526"/>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="530"/>
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
        <location filename="../models/db/ClinicDatabaseWorker.cpp" line="96"/>
        <source>The clinic database has schema version %1; this Frontdesk needs %2. Ask your administrator to run frontdesk-admin migrate.</source>
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
        <location filename="../models/day/DayModel.cpp" line="59"/>
        <source>Booked by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="272"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="273"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="274"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="275"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="276"/>
        <source>Booked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="277"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="278"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <location filename="../ui/MainWindow.cpp" line="84"/>
        <source>Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>Appointment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="156"/>
        <source>New bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="179"/>
        <source>Type a date, or pick one (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="180"/>
        <source>Date shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="279"/>
        <source>Frontdesk – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="299"/>
        <source>New bookings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <location filename="../ui/MainWindow.cpp" line="367"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="347"/>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="362"/>
        <source>This day cannot be shown while the clinic database is unreachable. It will appear as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="364"/>
        <source>This day cannot be loaded while offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="370"/>
        <source>No appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="372"/>
        <source>Offline: showing this day as it was at %1. Changes need the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="382"/>
        <source>Needs the connection to the clinic database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="390"/>
        <source>Clinic time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="407"/>
        <source>Booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="419"/>
        <source>New booking: %1 at %2 with %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="425"/>
        <source>New booking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageBanner</name>
    <message>
        <location filename="../ui/common/MessageBanner.cpp" line="58"/>
        <location filename="../ui/common/MessageBanner.cpp" line="59"/>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/MessageBanner.cpp" line="84"/>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::NewBookingsModel</name>
    <message>
        <location filename="../models/live/NewBookingsModel.cpp" line="141"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/live/NewBookingsModel.cpp" line="142"/>
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
        <location filename="../ui/live/NewBookingsPanel.cpp" line="45"/>
        <source>No new bookings from the AI agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/live/NewBookingsPanel.cpp" line="47"/>
        <source>One new booking from the AI agent, today or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/live/NewBookingsPanel.cpp" line="49"/>
        <source>%1 new bookings from the AI agent, today and later.</source>
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
