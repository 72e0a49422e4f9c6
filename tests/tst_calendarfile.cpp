// The calendar follow-up as an .ics file, read back by a real iCalendar parser (libical): the
// fields a calendar needs, one UID across a reschedule and the cancellation with a rising
// SEQUENCE, times right across a DST changeover in the clinic's zone, text that survives commas,
// semicolons, backslashes and line breaks, and lines folded at 75 octets.
#include "TestDatabase.h"
#include "commands/Command.h"
#include "db/ClinicQueries.h"
#include "db/FollowUpQueries.h"
#include "db/FunctionCall.h"
#include "followups/CalendarFile.h"

#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <libical/ical.h>

#include <memory>

using namespace frontdesk;
using namespace Qt::StringLiterals;
using frontdesk::test::TestDatabase;

namespace {

struct ComponentDeleter
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

// What libical read from a file, in Qt's types.
struct ParsedEvent
{
    QString prodId;
    QString version;
    icalproperty_method method = ICAL_METHOD_NONE;
    QString uid;
    int sequence = -1;
    QDateTime stamp;
    QDateTime start;
    QDateTime end;
    QString summary;
    QString location;
    QString status;
    QString organizer;
    QString attendee;
    int events = 0;
    QStringList errors;   // X-LIC-ERROR properties: what libical could not make sense of
};

QDateTime utcOf(icaltimetype t)
{
    if (icaltime_is_null_time(t) || !icaltime_is_utc(t))
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(icaltime_as_timet(t)), QTimeZone::utc());
}

void collectErrors(icalcomponent *c, QStringList *errors)
{
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
        errors->append(QString::fromUtf8(icalproperty_get_xlicerror(p)));
    for (icalcomponent *inner = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); inner;
         inner = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        collectErrors(inner, errors);
}

ParsedEvent parse(const QByteArray &file)
{
    ParsedEvent parsed;
    Component calendar(icalparser_parse_string(file.constData()));
    if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
        parsed.errors.append(u"not a VCALENDAR"_s);
        return parsed;
    }
    // What iTIP asks of a REQUEST or CANCEL (ORGANIZER, ATTENDEE, ...), as libical checks it: its
    // complaints are added as X-LIC-ERROR properties.
    if (!icalrestriction_check(calendar.get()))
        parsed.errors.append(u"restrictions of the method not met"_s);
    collectErrors(calendar.get(), &parsed.errors);
    if (icalproperty *p = icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY))
        parsed.prodId = QString::fromUtf8(icalproperty_get_prodid(p));
    if (icalproperty *p = icalcomponent_get_first_property(calendar.get(), ICAL_VERSION_PROPERTY))
        parsed.version = QString::fromUtf8(icalproperty_get_version(p));
    parsed.method = icalcomponent_get_method(calendar.get());
    parsed.events = icalcomponent_count_components(calendar.get(), ICAL_VEVENT_COMPONENT);
    icalcomponent *event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    if (!event)
        return parsed;
    parsed.uid = QString::fromUtf8(icalcomponent_get_uid(event));
    parsed.sequence = icalcomponent_get_sequence(event);
    parsed.stamp = utcOf(icalcomponent_get_dtstamp(event));
    parsed.start = utcOf(icalcomponent_get_dtstart(event));
    parsed.end = utcOf(icalcomponent_get_dtend(event));
    parsed.summary = QString::fromUtf8(icalcomponent_get_summary(event));
    parsed.location = QString::fromUtf8(icalcomponent_get_location(event));
    parsed.status = QString::fromUtf8(icalproperty_status_to_string(icalcomponent_get_status(event)));
    if (icalproperty *p = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY)) {
        if (icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER))
            parsed.organizer = QString::fromUtf8(icalparameter_get_cn(cn));
    }
    if (icalproperty *p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY)) {
        if (icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER))
            parsed.attendee = QString::fromUtf8(icalparameter_get_cn(cn));
    }
    return parsed;
}

// Every line ends CRLF and holds at most 75 octets; unfolded, the file is what was meant.
void checkLines(const QByteArray &file)
{
    QVERIFY(file.endsWith("\r\n"));
    QList<QByteArray> lines = file.split('\n');
    QVERIFY(lines.takeLast().isEmpty());
    for (const QByteArray &line : lines) {
        QVERIFY2(line.endsWith('\r'), line.constData());
        QVERIFY2(line.size() - 1 <= 75, line.constData());
        // A folded line never splits a UTF-8 character: each line is valid UTF-8 on its own.
        QVERIFY2(QString::fromUtf8(line).toUtf8() == line, line.constData());
    }
}

} // namespace

class TestCalendarFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void textIsEscaped_data();
    void textIsEscaped();
    void longLinesFoldAtOctetsNeverInsideACharacter();
    void anAppointmentsEntriesKeepTheirUidAcrossRescheduleAndCancellation();
    void aSummaryWithSpecialCharactersSurvives();
    void theFileNameIsSafe();

private:
    QList<FollowUp> calendarItems(qint64 appointmentId);

    std::unique_ptr<TestDatabase> m_db;
    Clinic m_clinic;
};

void TestCalendarFile::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    m_clinic = m_db->createClinic(u"America/New_York"_s, 2);
}

void TestCalendarFile::cleanupTestCase()
{
    m_db.reset();
}

QList<FollowUp> TestCalendarFile::calendarItems(qint64 appointmentId)
{
    QList<FollowUp> items;
    QSqlQuery q(m_db->connection());
    q.exec(QStringLiteral("select id from frontdesk.follow_ups where appointment_id = %1 and kind = 'calendar' order by id")
               .arg(appointmentId));
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    for (qint64 id : ids) {
        const auto item = FollowUpQueries::loadOne(m_db->connection(), id);
        if (!item)
            qWarning() << item.error().message;
        else if (item->has_value())
            items.append(**item);
    }
    return items;
}

void TestCalendarFile::textIsEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << u"Jo Smith"_s << u"Jo Smith"_s;
    QTest::newRow("comma") << u"Smith, Jo"_s << u"Smith\\, Jo"_s;
    QTest::newRow("semicolon") << u"a;b"_s << u"a\\;b"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"a\\\\b"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"a\\nb"_s;
    QTest::newRow("CRLF is one break") << u"a\r\nb"_s << u"a\\nb"_s;
    QTest::newRow("a tab is a space") << u"a\tb"_s << u"a b"_s;
    QTest::newRow("other controls dropped") << (u"a\x01"_s + u"b\x7f"_s) << u"ab"_s;
    QTest::newRow("colon stays") << u"Note: 10:30"_s << u"Note: 10:30"_s;
}

void TestCalendarFile::textIsEscaped()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(CalendarFile::escapeText(text), escaped);
}

void TestCalendarFile::longLinesFoldAtOctetsNeverInsideACharacter()
{
    // 3-octet characters from the 74th octet on: a cut at 75 would split one.
    const QByteArray line = "SUMMARY:" + QByteArray(66, 'a') + QString(u"€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€"_s).toUtf8();
    const QByteArray folded = CalendarFile::foldLine(line);
    checkLines(folded);
    QVERIFY(folded.count("\r\n ") >= 1);
    QByteArray unfolded = folded;
    unfolded.replace("\r\n ", "");
    QCOMPARE(unfolded, line + "\r\n");
    // Exactly 75 octets stay one line.
    QCOMPARE(CalendarFile::foldLine(QByteArray(75, 'x')), QByteArray(75, 'x') + "\r\n");
    QCOMPARE(CalendarFile::foldLine(QByteArray(76, 'x')).count("\r\n"), 2);
    // Bytes that are not UTF-8 (continuation bytes only) are still cut, never looped over.
    const QByteArray broken = "X:" + QByteArray(200, char(0x80));
    QByteArray unfoldedBroken = CalendarFile::foldLine(broken);
    QVERIFY(unfoldedBroken.count("\r\n") >= 3);
    unfoldedBroken.replace("\r\n ", "");
    QCOMPARE(unfoldedBroken, broken + "\r\n");
}

void TestCalendarFile::anAppointmentsEntriesKeepTheirUidAcrossRescheduleAndCancellation()
{
    // Across the spring changeover in New York (14 March 2027, 02:00 -> 03:00): 01:30 to 03:30 on
    // the wall clock is one hour.
    const QDateTime start(QDate(2027, 3, 14), QTime(1, 30), m_clinic.timeZone);
    const QDateTime end(QDate(2027, 3, 14), QTime(3, 30), m_clinic.timeZone);
    QCOMPARE(start.secsTo(end), 3600);
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_clinic.providers.first().id;
    r.startsAt = start.toUTC();
    r.endsAt = end.toUTC();
    r.patientName = u"ana lima"_s;
    r.phone = u"(212) 555-0142"_s;
    r.service = u"Night clinic"_s;
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto booked = ClinicQueries::book(m_db->connection(), r);
    QVERIFY(booked && booked->ok);
    const qint64 id = booked->appointmentId;

    // Moved to the autumn changeover (7 November 2027, 01:00 EDT happens twice): 00:30 EDT to
    // 01:30 EST is two hours.
    const QDateTime movedStart = QDateTime(QDate(2027, 11, 7), QTime(0, 30), m_clinic.timeZone);
    const QDateTime movedEnd = movedStart.addSecs(7200);
    auto moved = callFunction(m_db->connection(), Commands::reschedule(id, movedStart, movedEnd));
    QVERIFY(moved && moved->ok);
    auto cancelled = callFunction(m_db->connection(), Commands::cancel(id, u"Moved away"_s));
    QVERIFY(cancelled && cancelled->ok);

    const QList<FollowUp> items = calendarItems(id);
    QCOMPARE(items.size(), 3);
    QString uid;
    int lastSequence = -1;
    const QList<std::pair<QDateTime, QDateTime>> times = { { start, end }, { movedStart, movedEnd }, { movedStart, movedEnd } };
    for (int i = 0; i < items.size(); ++i) {
        const FollowUp &item = items.at(i);
        const QByteArray file = CalendarFile::write(item.calendar, item.createdAt);
        checkLines(file);
        const ParsedEvent e = parse(file);
        QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u"; ")));
        QVERIFY(!e.prodId.isEmpty());
        QCOMPARE(e.version, u"2.0"_s);
        QCOMPARE(e.events, 1);
        QCOMPARE(e.method, i == 2 ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST);
        if (uid.isEmpty())
            uid = e.uid;
        QCOMPARE(e.uid, uid);
        QVERIFY2(e.sequence > lastSequence, qPrintable(QString::number(e.sequence)));
        lastSequence = e.sequence;
        QCOMPARE(e.stamp, item.createdAt.toUTC().addMSecs(-item.createdAt.time().msec()));
        QCOMPARE(e.start, times.at(i).first.toUTC());
        QCOMPARE(e.end, times.at(i).second.toUTC());
        QCOMPARE(e.location, u"Test Clinic"_s);
        QCOMPARE(e.summary, u"Ana Lima (Night clinic)"_s);
        QCOMPARE(e.status, i == 2 ? u"CANCELLED"_s : u"CONFIRMED"_s);
        QCOMPARE(e.organizer, u"Test Clinic"_s);
        QCOMPARE(e.attendee, u"Dr. Provider 1"_s);
    }
    QCOMPARE(uid, u"appointment-%1-org-%2@frontdesk"_s.arg(id).arg(m_clinic.id));
    // Read in the clinic's zone, the times are the wall clock the desk booked.
    const ParsedEvent first = parse(CalendarFile::write(items.first().calendar, items.first().createdAt));
    QCOMPARE(first.start.toTimeZone(m_clinic.timeZone).time(), QTime(1, 30));
    QCOMPARE(first.end.toTimeZone(m_clinic.timeZone).time(), QTime(3, 30));
}

void TestCalendarFile::aSummaryWithSpecialCharactersSurvives()
{
    CalendarEvent event;
    event.uid = u"appointment-9-org-1@frontdesk"_s;
    event.sequence = 4;
    event.method = u"REQUEST"_s;
    event.startsAt = QDateTime(QDate(2027, 1, 5), QTime(14, 0), QTimeZone::utc());
    event.endsAt = event.startsAt.addSecs(1800);
    event.summary = u"O’Brien, Zoë; back\\slash\nsecond line — and a long tail to make the line fold: ŽŽŽŽŽŽŽŽŽŽ"_s;
    event.location = u"Harbour Clinic, Pier 3; Room \\2"_s;
    event.provider = u"Dr. Chen"_s;
    const QByteArray file = CalendarFile::write(event, event.startsAt.addDays(-3));
    checkLines(file);
    const ParsedEvent e = parse(file);
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u"; ")));
    QCOMPARE(e.summary, event.summary);
    QCOMPARE(e.location, event.location);
    QCOMPARE(e.sequence, 4);
    QCOMPARE(e.start, event.startsAt);
}

void TestCalendarFile::theFileNameIsSafe()
{
    CalendarEvent event;
    event.uid = u"appointment-41-org-3@frontdesk"_s;
    event.sequence = 2;
    QCOMPARE(CalendarFile::fileName(event), u"appointment-41-org-3-seq-2.ics"_s);
    event.uid = u"../../etc/passwd@x"_s;
    QVERIFY(!CalendarFile::fileName(event).contains(u'/'));
    event.uid.clear();
    QCOMPARE(CalendarFile::fileName(event), u"appointment-seq-2.ics"_s);
}

QTEST_GUILESS_MAIN(TestCalendarFile)
#include "tst_calendarfile.moc"
