<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Appointment</name>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="43"/>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="44"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="45"/>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="46"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="47"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="48"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="55"/>
        <source>AI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Appointment.cpp" line="56"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingError</name>
    <message>
        <location filename="../models/domain/Booking.cpp" line="52"/>
        <source>That time is already taken for this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="53"/>
        <source>The phone number is not a valid number for this clinic&apos;s region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="54"/>
        <source>The email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="55"/>
        <source>Enter the patient&apos;s name (letters, spaces, hyphens and apostrophes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="56"/>
        <source>Enter a phone number or an email address for the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="57"/>
        <source>That time is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="58"/>
        <source>The clinic is closed at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="59"/>
        <source>This patient already has an appointment at that time, with another provider or this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="60"/>
        <source>The appointment must end after it starts, last at most 8 hours, and start within the next two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="67"/>
        <source>The same request was completed elsewhere a moment ago. Send it again to see its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="68"/>
        <source>Someone changed the same schedule at the same moment. Nothing was booked; press Book again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="69"/>
        <source>The database connection is set up in a way bookings cannot use (SERIALIZABLE). Nothing was booked; ask whoever set up this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="70"/>
        <source>The database accepts no changes right now (read-only or a standby server). Nothing was booked; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="61"/>
        <source>That provider is not bookable at this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="62"/>
        <source>This clinic is not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="63"/>
        <source>The booking source is not recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="64"/>
        <source>The request had no valid idempotency key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="65"/>
        <source>This request was already sent with different details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="66"/>
        <source>The service or notes are too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="71"/>
        <source>Your login is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="72"/>
        <source>The connection dropped while booking, so it may or may not be booked. Book again: the same request never books twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="73"/>
        <source>The database refused the request; nothing was booked. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="74"/>
        <source>No connection to the clinic database. Nothing was booked; try again when the status bar shows Online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/domain/Booking.cpp" line="80"/>
        <source>The booking failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="43"/>
        <source>Book appointment – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="70"/>
        <source>&amp;Patient name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="74"/>
        <source>As the caller says it; region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="77"/>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="83"/>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="89"/>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="100"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="106"/>
        <source>&amp;When (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="110"/>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="115"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="130"/>
        <location filename="../ui/BookingDialog.cpp" line="315"/>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="146"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="148"/>
        <source>Too long: at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="150"/>
        <source>Will be saved as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="152"/>
        <source>Letters, spaces, hyphens and apostrophes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="156"/>
        <source>Optional if there is an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="162"/>
        <source>Not a valid phone number for region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="167"/>
        <source>Optional if there is a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="171"/>
        <source>Not a valid email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="207"/>
        <source>Check the highlighted fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="265"/>
        <source>Free instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="296"/>
        <source>%1 already has an appointment from %2 to %3. A patient cannot be in two places at once: pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="298"/>
        <source>%1 already has an appointment from %2 to %3 with %4. A patient cannot be in two places at once: pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="315"/>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/BookingDialog.cpp" line="315"/>
        <source>&amp;Send again</source>
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
    <name>frontdesk::DayModel</name>
    <message>
        <location filename="../models/day/DayModel.cpp" line="194"/>
        <source>%1 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="203"/>
        <source>Booked by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="219"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="220"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="221"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="222"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="223"/>
        <source>Booked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="224"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/day/DayModel.cpp" line="225"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="33"/>
        <source>Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="67"/>
        <source>Frontdesk – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="74"/>
        <source>New bookings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="81"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="85"/>
        <source>◀ &amp;Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="88"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="91"/>
        <source>&amp;Next day ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="97"/>
        <source>Go to a date (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="103"/>
        <source>&amp;Go to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>&amp;Book appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="142"/>
        <source>Booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="153"/>
        <source>New booking: %1 at %2 with %3 (%4)</source>
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
