// book_appointment_atomic through ClinicQueries::book, against a real PostgreSQL: the valid
// booking and what it stores, every refusal code (and that a refusal stores nothing but, for the
// AI agent's refusals a person can fix, the callback for the desk),
// idempotency, slot conflicts and their alternatives, released slots, the doorbell
// (LISTEN/NOTIFY) and the append-only event log.
//
// Every time is a fixed time of day on a date two or more days ahead (UTC, the date taken
// once at start), so nothing depends on the wall clock except the IN_THE_PAST rows (a day and
// an hour back) and alternativesAreNeverInThePast (half an hour ahead), which are built to
// hold at any time of day.

#include "TestDatabase.h"

#include "db/ClinicQueries.h"
#include "db/SqlStatement.h"
#include "domain/Booking.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace frontdesk;
using namespace Qt::StringLiterals;

namespace {

const QString kChannel = u"frontdesk_changes"_s;

QString newKey()
{
    return u"key-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Today (UTC) as of the start of the run, so that a run crossing midnight keeps its dates.
QDate g_today;

// A fixed time of day (UTC) `daysAhead` days from today (UTC).
QDateTime utcAt(int daysAhead, int hour, int minute = 0)
{
    return QDateTime(g_today.addDays(daysAhead), QTime(hour, minute), QTimeZone::utc());
}

// The first date at least two days ahead (in `zone`) whose ISO day of week satisfies `wanted`.
template <typename Pred>
QDate nextDateIn(const QTimeZone &zone, Pred wanted)
{
    QDate d = QDateTime::currentDateTimeUtc().toTimeZone(zone).date().addDays(2);
    while (!wanted(d.dayOfWeek()))
        d = d.addDays(1);
    return d;
}

QString errorText(const Result<BookingResult> &r)
{
    return r.ok() ? QString() : r.error().code + u": "_s + r.error().message;
}

} // namespace

// Books and fails the test on a database error (a refused booking is not a database error).
#define BOOK(var, request)                                                                       \
    const Result<BookingResult> var##_result = ClinicQueries::book(m_database->connection(), (request));             \
    QVERIFY2(var##_result.ok(), qPrintable(errorText(var##_result)));                             \
    const BookingResult var = var##_result.value()

#define BOOK_OK(var, request)                                                                    \
    BOOK(var, request);                                                                          \
    QVERIFY2(var.ok, qPrintable(u"expected a booking, got "_s + var.code + u" "_s + var.message))

class TestBooking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void validBookingIsStoredNormalised_data();
    void validBookingIsStoredNormalised();
    void returningPatientIsReused();
    void refusedBookingStoresNothing_data();
    void refusedBookingStoresNothing();
    void boundaryValuesAreAccepted_data();
    void boundaryValuesAreAccepted();

    void sameKeySameRequestReturnsTheOriginalResult_data();
    void sameKeySameRequestReturnsTheOriginalResult();
    void sameKeyDifferentRequestIsRefused_data();
    void sameKeyDifferentRequestIsRefused();
    void sameKeyInAnotherClinicIsIndependent();
    void failedRequestDoesNotBurnItsKey();
    void replayAfterAChangeReturnsTheOriginalResult_data();
    void replayAfterAChangeReturnsTheOriginalResult();

    void takenSlotIsRefusedWithAlternatives_data();
    void takenSlotIsRefusedWithAlternatives();
    void alternativesAreNeverInThePast();
    void alternativesRespectOpeningHours();
    void releasedAppointmentFreesItsSlot_data();
    void releasedAppointmentFreesItsSlot();

    void bookingRingsTheDoorbellWithIdsOnly();
    void refusedBookingRingsNoDoorbell_data();
    void refusedBookingRingsNoDoorbell();

    void eventLogIsAppendOnly_data();
    void eventLogIsAppendOnly();

    void clinicTimeZoneMustBeAnIanaName_data();
    void clinicTimeZoneMustBeAnIanaName();

private:
    Clinic freshClinic(int providers = 2);
    Clinic officeHoursClinic();
    BookingRequest request(const Clinic &clinic, const QDateTime &start, int minutes = 30,
                           int providerIndex = 0) const;
    // Row counts of the four tables a booking writes, and of the callbacks a refusal may queue,
    // as one comparable line.
    QString storedCounts();
    static QString withOneCallback(const QString &counts);
    QVariant value(const QString &sql, const QVariantList &binds = {});
    bool exec(const QString &sql, const QVariantList &binds = {}, QSqlError *error = nullptr);
    // Calls book_appointment_atomic directly with `r`, parameters named in `overrides`
    // replaced; returns the jsonb as text (for inputs BookingRequest cannot express).
    QString rawBook(const BookingRequest &r, const QVariantMap &overrides = {});

    std::unique_ptr<test::TestDatabase> m_database;
};

void TestBooking::initTestCase()
{
    g_today = QDateTime::currentDateTimeUtc().date();
    m_database = std::make_unique<test::TestDatabase>();
    if (!m_database->isValid())
        QFAIL(qPrintable(m_database->error()));
    QVERIFY2(m_database->connection().isOpen(), qPrintable(m_database->connection().lastError().text()));
}

void TestBooking::cleanupTestCase()
{
    m_database.reset();
}

Clinic TestBooking::freshClinic(int providers)
{
    return m_database->createClinic(u"UTC"_s, providers);
}

Clinic TestBooking::officeHoursClinic()
{
    const QVariant orgId = value(u"insert into frontdesk.organisations (name, time_zone, region, opens_at, closes_at, open_days) "
                                 "values ('Office Hours Clinic', 'America/New_York', 'US', '09:00', '17:00', '{1,2,3,4,5}') "
                                 "returning id"_s);
    if (!orgId.isValid())
        return {};
    if (!exec(u"insert into frontdesk.providers (org_id, display_name) values (?, 'Dr. Office')"_s, { orgId }))
        return {};
    const auto clinic = ClinicQueries::loadClinic(m_database->connection(), orgId.toLongLong());
    return clinic.ok() ? clinic.value() : Clinic();
}

BookingRequest TestBooking::request(const Clinic &clinic, const QDateTime &start, int minutes,
                                    int providerIndex) const
{
    BookingRequest r;
    r.orgId = clinic.id;
    r.providerId = clinic.providers.value(providerIndex).id;
    r.startsAt = start;
    r.endsAt = start.addSecs(minutes * 60);
    r.patientName = u"Jane Doe"_s;
    r.phone = u"(415) 555-2671"_s;
    r.email = u"jane.doe@example.com"_s;
    r.source = BookingSource::AiVoice;
    r.idempotencyKey = newKey();
    return r;
}

QString TestBooking::storedCounts()
{
    return value(u"select format('appointments=%s patients=%s events=%s booking_requests=%s callbacks=%s', "
                 "(select count(*) from frontdesk.appointments), (select count(*) from frontdesk.patients), "
                 "(select count(*) from frontdesk.events), (select count(*) from frontdesk.booking_requests), "
                 "(select count(*) from frontdesk.follow_ups where kind = 'callback'))"_s)
        .toString();
}

QString TestBooking::withOneCallback(const QString &counts)
{
    // One callback and its event (callback.queued), nothing else.
    QString out = counts;
    for (const QString &field : { u"events"_s, u"callbacks"_s }) {
        const QRegularExpression number(u"\\b"_s + field + u"=(\\d+)"_s);
        const QRegularExpressionMatch m = number.match(out);
        out.replace(m.capturedStart(1), m.capturedLength(1), QString::number(m.captured(1).toInt() + 1));
    }
    return out;
}

QVariant TestBooking::value(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_database->connection());
    if (!execPrepared(q, sql, binds) || !q.next()) {
        qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

bool TestBooking::exec(const QString &sql, const QVariantList &binds, QSqlError *error)
{
    QSqlQuery q(m_database->connection());
    const bool ok = binds.isEmpty() ? q.exec(sql) : execPrepared(q, sql, binds);
    if (error)
        *error = q.lastError();
    else if (!ok)
        qWarning("statement failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return ok;
}

QString TestBooking::rawBook(const BookingRequest &r, const QVariantMap &overrides)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? sqlNull<QString>() : QVariant(s); };
    QVariantMap p{
        { u"org_id"_s, r.orgId },
        { u"provider_id"_s, r.providerId },
        { u"starts_at"_s, r.startsAt.isValid() ? QVariant(r.startsAt) : sqlNull<QDateTime>() },
        { u"ends_at"_s, r.endsAt.isValid() ? QVariant(r.endsAt) : sqlNull<QDateTime>() },
        { u"patient_name"_s, orNull(r.patientName) },
        { u"phone"_s, orNull(r.phone) },
        { u"email"_s, orNull(r.email) },
        { u"source"_s, toDatabaseText(r.source) },
        { u"idempotency_key"_s, orNull(r.idempotencyKey) },
        { u"service"_s, orNull(r.service) },
        { u"notes"_s, orNull(r.notes) },
    };
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (!p.contains(it.key()))
            qFatal("rawBook: no parameter %s", qPrintable(it.key()));
        p.insert(it.key(), it.value());
    }
    QSqlQuery q(m_database->connection());
    const bool ran = execPrepared(
        q,
        u"select frontdesk.book_appointment_atomic(p_org_id => ?, p_provider_id => ?, p_starts_at => ?, "
        "p_ends_at => ?, p_patient_name => ?, p_phone => ?, p_email => ?, p_source => ?, "
        "p_idempotency_key => ?, p_service => ?, p_notes => ?)::text"_s,
        { p[u"org_id"_s], p[u"provider_id"_s], p[u"starts_at"_s], p[u"ends_at"_s], p[u"patient_name"_s],
          p[u"phone"_s], p[u"email"_s], p[u"source"_s], p[u"idempotency_key"_s], p[u"service"_s],
          p[u"notes"_s] });
    if (!ran || !q.next())
        return u"SQL ERROR: "_s + q.lastError().text();
    return q.value(0).toString();
}

// ---------------------------------------------------------------------------------------------
// A valid booking

void TestBooking::validBookingIsStoredNormalised_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("email");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("storedName");
    QTest::addColumn<QString>("storedPhone");
    QTest::addColumn<QString>("storedEmail");
    QTest::addColumn<QString>("storedSource");
    QTest::addColumn<QString>("storedService");
    QTest::addColumn<QString>("storedNotes");

    const int ai = int(BookingSource::AiVoice);
    const int staff = int(BookingSource::Staff);
    QTest::newRow("ai_voice, messy name, US phone, mixed-case email")
        << u"  mary   o'brien "_s << u"(415) 555-2671"_s << u"  Mary.OBrien@Example.COM "_s << ai
        << u"  Check-up "_s << u" first visit "_s
        << u"Mary O'Brien"_s << u"+14155552671"_s << u"mary.obrien@example.com"_s << u"ai_voice"_s
        << u"Check-up"_s << u"first visit"_s;
    QTest::newRow("staff, upper-case name, phone only")
        << u"JOHN SMITH"_s << u"415.555.2671"_s << QString() << staff << QString() << QString()
        << u"John Smith"_s << u"+14155552671"_s << QString() << u"staff"_s << QString() << QString();
    QTest::newRow("staff, email only, hyphenated name")
        << u"anne-marie dubois"_s << QString() << u"ANNE@EXAMPLE.ORG"_s << staff << QString() << QString()
        << u"Anne-Marie Dubois"_s << QString() << u"anne@example.org"_s << u"staff"_s << QString() << QString();
    QTest::newRow("ai_voice, international form")
        << u"Li Wei"_s << u"+1 (415) 555-2671"_s << QString() << ai << QString() << QString()
        << u"Li Wei"_s << u"+14155552671"_s << QString() << u"ai_voice"_s << QString() << QString();
    QTest::newRow("ai_voice, national form with leading 1")
        << u"li wei"_s << u"1 415 555 2671"_s << QString() << ai << QString() << QString()
        << u"Li Wei"_s << u"+14155552671"_s << QString() << u"ai_voice"_s << QString() << QString();
}

void TestBooking::validBookingIsStoredNormalised()
{
    QFETCH(QString, name);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(int, source);
    QFETCH(QString, service);
    QFETCH(QString, notes);
    QFETCH(QString, storedName);
    QFETCH(QString, storedPhone);
    QFETCH(QString, storedEmail);
    QFETCH(QString, storedSource);
    QFETCH(QString, storedService);
    QFETCH(QString, storedNotes);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    BookingRequest r = request(clinic, utcAt(3, 9), 30, 1);
    r.patientName = name;
    r.phone = phone;
    r.email = email;
    r.source = BookingSource(source);
    r.service = service;
    r.notes = notes;

    const qint64 appointmentsBefore = value(u"select count(*) from frontdesk.appointments"_s).toLongLong();
    const qint64 patientsBefore = value(u"select count(*) from frontdesk.patients"_s).toLongLong();
    const qint64 eventsBefore = value(u"select count(*) from frontdesk.events"_s).toLongLong();
    const qint64 requestsBefore = value(u"select count(*) from frontdesk.booking_requests"_s).toLongLong();

    BOOK_OK(result, r);
    QVERIFY(result.code.isEmpty());
    QVERIFY(result.appointmentId > 0);
    QVERIFY(result.patientId > 0);
    QCOMPARE(result.patientName, storedName);
    QCOMPARE(result.phone, storedPhone);
    QVERIFY(result.alternatives.isEmpty());

    // Exactly one row in each table, and no more.
    QCOMPARE(value(u"select count(*) from frontdesk.appointments"_s).toLongLong(), appointmentsBefore + 1);
    QCOMPARE(value(u"select count(*) from frontdesk.patients"_s).toLongLong(), patientsBefore + 1);
    QCOMPARE(value(u"select count(*) from frontdesk.events"_s).toLongLong(), eventsBefore + 1);
    QCOMPARE(value(u"select count(*) from frontdesk.booking_requests"_s).toLongLong(), requestsBefore + 1);

    // The appointment row.
    QSqlQuery q(m_database->connection());
    QVERIFY(execPrepared(q, u"select org_id, provider_id, patient_id, extract(epoch from starts_at)::bigint, "
                             "extract(epoch from ends_at)::bigint, status, source, coalesce(service, ''), "
                             "coalesce(notes, ''), created_by = session_user "
                             "from frontdesk.appointments where id = ?"_s, { result.appointmentId }));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), clinic.id);
    QCOMPARE(q.value(1).toLongLong(), r.providerId);
    QCOMPARE(q.value(2).toLongLong(), result.patientId);
    QCOMPARE(q.value(3).toLongLong(), r.startsAt.toSecsSinceEpoch());
    QCOMPARE(q.value(4).toLongLong(), r.endsAt.toSecsSinceEpoch());
    QCOMPARE(q.value(5).toString(), u"booked"_s);
    QCOMPARE(q.value(6).toString(), storedSource);
    QCOMPARE(q.value(7).toString(), storedService);
    QCOMPARE(q.value(8).toString(), storedNotes);
    QVERIFY(q.value(9).toBool());

    // The patient row, normalised.
    QVERIFY(execPrepared(q, u"select org_id, full_name, coalesce(phone, ''), coalesce(email, '') "
                             "from frontdesk.patients where id = ?"_s, { result.patientId }));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), clinic.id);
    QCOMPARE(q.value(1).toString(), storedName);
    QCOMPARE(q.value(2).toString(), storedPhone);
    QCOMPARE(q.value(3).toString(), storedEmail);

    // One event, appointment.booked, pointing at both.
    QVERIFY(execPrepared(q, u"select count(*), min(kind), min(org_id), min(patient_id), min(details->>'source') "
                             "from frontdesk.events where appointment_id = ?"_s, { result.appointmentId }));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toString(), u"appointment.booked"_s);
    QCOMPARE(q.value(2).toLongLong(), clinic.id);
    QCOMPARE(q.value(3).toLongLong(), result.patientId);
    QCOMPARE(q.value(4).toString(), storedSource);

    // The idempotency record.
    QCOMPARE(value(u"select appointment_id from frontdesk.booking_requests where org_id = ? and idempotency_key = ?"_s,
                   { clinic.id, r.idempotencyKey }).toLongLong(),
             result.appointmentId);

    // And the desk reads back what was booked.
    const auto loaded = ClinicQueries::loadAppointment(m_database->connection(), clinic.id, result.appointmentId);
    QVERIFY(loaded.ok());
    QVERIFY(loaded.value().has_value());
    // Another clinic's id never reads it, whatever a doorbell claims.
    const auto foreign = ClinicQueries::loadAppointment(m_database->connection(), clinic.id + 1000, result.appointmentId);
    QVERIFY(foreign.ok());
    QVERIFY(!foreign.value().has_value());
    const Appointment &a = *loaded.value();
    QCOMPARE(a.startsAt, r.startsAt);
    QCOMPARE(a.endsAt, r.endsAt);
    QCOMPARE(a.patientName, storedName);
    QCOMPARE(a.phone, storedPhone);
    QCOMPARE(a.email, storedEmail);
    QCOMPARE(a.status, AppointmentStatus::Booked);
    QCOMPARE(a.source, r.source);
}

void TestBooking::returningPatientIsReused()
{
    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    BookingRequest first = request(clinic, utcAt(3, 9));
    first.email.clear();
    BOOK_OK(a, first);

    // Same person, typed differently, with an email this time: the patient row is reused
    // and gains the email.
    BookingRequest second = request(clinic, utcAt(4, 9));
    second.patientName = u"JANE DOE"_s;
    second.phone = u"415 555 2671"_s;
    second.email = u"Jane@Example.com"_s;
    BOOK_OK(b, second);
    QCOMPARE(b.patientId, a.patientId);
    QVERIFY(b.appointmentId != a.appointmentId);
    QCOMPARE(value(u"select count(*) from frontdesk.patients where org_id = ?"_s, { clinic.id }).toLongLong(), 1);
    QCOMPARE(value(u"select email from frontdesk.patients where id = ?"_s, { a.patientId }).toString(),
             u"jane@example.com"_s);

    // A same-named patient with other contact details is somebody else.
    BookingRequest third = request(clinic, utcAt(5, 9));
    third.phone = u"(212) 555-0100"_s;
    third.email.clear();
    BOOK_OK(c, third);
    QVERIFY(c.patientId != a.patientId);
}

// ---------------------------------------------------------------------------------------------
// Every refusal code, and that a refusal stores nothing (but an AI agent's callback)

void TestBooking::refusedBookingStoresNothing_data()
{
    // field: what to change in an otherwise valid request; value: the bad value (or, for
    // times and providers, which situation to build); code: the expected refusal.
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");

    const QString invalidKey = u"INVALID_IDEMPOTENCY_KEY"_s;
    QTest::newRow("key null") << u"key"_s << QString() << invalidKey;
    QTest::newRow("key empty (raw)") << u"raw:idempotency_key"_s << u""_s << invalidKey;
    QTest::newRow("key blank") << u"key"_s << u"   "_s << invalidKey;
    QTest::newRow("key 201 chars") << u"key"_s << QString(201, u'k') << invalidKey;

    QTest::newRow("source robot") << u"raw:source"_s << u"robot"_s << u"INVALID_SOURCE"_s;
    QTest::newRow("source null") << u"raw:source"_s << QString() << u"INVALID_SOURCE"_s;
    QTest::newRow("source empty") << u"raw:source"_s << u""_s << u"INVALID_SOURCE"_s;
    QTest::newRow("source AI_VOICE") << u"raw:source"_s << u"AI_VOICE"_s << u"INVALID_SOURCE"_s;

    QTest::newRow("org 0") << u"org"_s << u"0"_s << u"UNKNOWN_ORG"_s;
    QTest::newRow("org unknown") << u"org"_s << u"999999999"_s << u"UNKNOWN_ORG"_s;
    QTest::newRow("org null") << u"raw:org_id"_s << QString() << u"UNKNOWN_ORG"_s;

    const QString unknownProvider = u"UNKNOWN_PROVIDER"_s;
    QTest::newRow("provider unknown") << u"provider"_s << u"999999999"_s << unknownProvider;
    QTest::newRow("provider 0") << u"provider"_s << u"0"_s << unknownProvider;
    QTest::newRow("provider null") << u"raw:provider_id"_s << QString() << unknownProvider;
    QTest::newRow("provider of another clinic") << u"provider"_s << u"other clinic"_s << unknownProvider;
    QTest::newRow("provider inactive") << u"provider"_s << u"inactive"_s << unknownProvider;

    const QString invalidName = u"INVALID_NAME"_s;
    QTest::newRow("name empty") << u"name"_s << QString() << invalidName;
    QTest::newRow("name blank") << u"name"_s << u"   "_s << invalidName;
    QTest::newRow("name R2D2") << u"name"_s << u"R2D2"_s << invalidName;
    QTest::newRow("name one letter") << u"name"_s << u"x"_s << invalidName;
    QTest::newRow("name 101 letters") << u"name"_s << QString(101, u'a') << invalidName;
    QTest::newRow("name injection") << u"name"_s << u"Robert'); drop table--"_s << invalidName;
    QTest::newRow("name email") << u"name"_s << u"jane@example.com"_s << invalidName;
    QTest::newRow("name punctuation only") << u"name"_s << u"-- .."_s << invalidName;

    const QString invalidPhone = u"INVALID_PHONE"_s;
    QTest::newRow("phone 12") << u"phone"_s << u"12"_s << invalidPhone;
    QTest::newRow("phone with a letter") << u"phone"_s << u"415-555-267a"_s << invalidPhone;
    QTest::newRow("phone with extension") << u"phone"_s << u"+1 415 555 2671 ext 5"_s << invalidPhone;
    QTest::newRow("phone without area code") << u"phone"_s << u"555-1234"_s << invalidPhone;
    QTest::newRow("phone plus in the middle") << u"phone"_s << u"415+555-2671"_s << invalidPhone;
    QTest::newRow("phone area code 0") << u"phone"_s << u"(015) 555-2671"_s << invalidPhone;

    const QString invalidEmail = u"INVALID_EMAIL"_s;
    QTest::newRow("email no domain") << u"email"_s << u"jane@"_s << invalidEmail;
    QTest::newRow("email no at") << u"email"_s << u"jane.example.com"_s << invalidEmail;
    QTest::newRow("email no dot in domain") << u"email"_s << u"a@b"_s << invalidEmail;
    QTest::newRow("email two ats") << u"email"_s << u"jane@@x.com"_s << invalidEmail;
    QTest::newRow("email two dots") << u"email"_s << u"jane..doe@x.com"_s << invalidEmail;
    QTest::newRow("email with a space") << u"email"_s << u"jane doe@x.com"_s << invalidEmail;

    QTest::newRow("no phone and no email") << u"contact"_s << QString() << u"CONTACT_REQUIRED"_s;
    QTest::newRow("blank phone and blank email") << u"contact"_s << u"   "_s << u"CONTACT_REQUIRED"_s;

    QTest::newRow("service 201 chars") << u"service"_s << QString(201, u's') << u"TEXT_TOO_LONG"_s;
    QTest::newRow("notes 2001 chars") << u"notes"_s << QString(2001, u'n') << u"TEXT_TOO_LONG"_s;

    const QString invalidTime = u"INVALID_TIME"_s;
    QTest::newRow("end before start") << u"time"_s << u"end before start"_s << invalidTime;
    QTest::newRow("end equals start") << u"time"_s << u"end equals start"_s << invalidTime;
    QTest::newRow("nine hours") << u"time"_s << u"nine hours"_s << invalidTime;
    QTest::newRow("null start") << u"time"_s << u"null start"_s << invalidTime;
    QTest::newRow("null end") << u"time"_s << u"null end"_s << invalidTime;
    QTest::newRow("start yesterday") << u"time"_s << u"yesterday"_s << u"IN_THE_PAST"_s;
    QTest::newRow("start an hour ago") << u"time"_s << u"an hour ago"_s << u"IN_THE_PAST"_s;

    // A 09:00-17:00 Monday-to-Friday clinic in New York.
    const QString outside = u"OUTSIDE_HOURS"_s;
    QTest::newRow("07:00 local") << u"hours"_s << u"07:00"_s << outside;
    QTest::newRow("08:45-09:15 local") << u"hours"_s << u"08:45"_s << outside;
    QTest::newRow("16:45-17:15 local") << u"hours"_s << u"16:45"_s << outside;
    QTest::newRow("17:00-17:30 local") << u"hours"_s << u"17:00"_s << outside;
    QTest::newRow("Saturday 10:00 local") << u"hours"_s << u"saturday"_s << outside;
    QTest::newRow("Sunday 10:00 local") << u"hours"_s << u"sunday"_s << outside;
}

void TestBooking::refusedBookingStoresNothing()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);

    const bool officeHours = field == u"hours";
    const Clinic clinic = officeHours ? officeHoursClinic() : freshClinic(3);
    QVERIFY(clinic.isValid());

    // A valid request: on a weekday at 10:00 local in the office-hours clinic, else 09:00 UTC.
    BookingRequest base;
    if (officeHours) {
        const QDate weekday = nextDateIn(clinic.timeZone, [](int dow) { return dow <= 5; });
        base = request(clinic, QDateTime(weekday, QTime(10, 0), clinic.timeZone).toUTC());
    } else {
        base = request(clinic, utcAt(3, 9));
    }

    BookingRequest bad = base;
    QVariantMap raw;
    if (field.startsWith(u"raw:")) {
        const QString parameter = field.mid(4);
        if (parameter.endsWith(u"_id"))
            raw.insert(parameter, value.isNull() ? sqlNull<qint64>() : QVariant(value.toLongLong()));
        else
            raw.insert(parameter, value.isNull() ? sqlNull<QString>() : QVariant(value));
    } else if (field == u"key") {
        bad.idempotencyKey = value;
    } else if (field == u"org") {
        bad.orgId = value.toLongLong();
    } else if (field == u"provider") {
        if (value == u"other clinic") {
            const Clinic other = freshClinic(1);
            QVERIFY(other.isValid());
            bad.providerId = other.providers.first().id;
        } else if (value == u"inactive") {
            bad.providerId = clinic.providers.at(2).id;
            QVERIFY(exec(u"update frontdesk.providers set active = false where id = ?"_s, { bad.providerId }));
        } else {
            bad.providerId = value.toLongLong();
        }
    } else if (field == u"name") {
        bad.patientName = value;
    } else if (field == u"phone") {
        bad.phone = value;
    } else if (field == u"email") {
        bad.email = value;
    } else if (field == u"contact") {
        bad.phone = value;
        bad.email = value;
    } else if (field == u"service") {
        bad.service = value;
    } else if (field == u"notes") {
        bad.notes = value;
    } else if (field == u"time") {
        if (value == u"end before start") {
            bad.endsAt = bad.startsAt.addSecs(-30 * 60);
        } else if (value == u"end equals start") {
            bad.endsAt = bad.startsAt;
        } else if (value == u"nine hours") {
            bad.endsAt = bad.startsAt.addSecs(9 * 3600);
        } else if (value == u"null start") {
            bad.startsAt = QDateTime();
        } else if (value == u"null end") {
            bad.endsAt = QDateTime();
        } else if (value == u"yesterday") {
            bad.startsAt = utcAt(-1, 9);
            bad.endsAt = utcAt(-1, 9, 30);
        } else if (value == u"an hour ago") {
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            bad.startsAt = QDateTime::fromSecsSinceEpoch(now - now % 900 - 3600, QTimeZone::utc());
            bad.endsAt = bad.startsAt.addSecs(1800);
        } else {
            QFAIL("unknown time case");
        }
    } else if (field == u"hours") {
        QDateTime local;
        if (value == u"saturday" || value == u"sunday") {
            const int wanted = value == u"saturday" ? 6 : 7;
            local = QDateTime(nextDateIn(clinic.timeZone, [wanted](int dow) { return dow == wanted; }),
                              QTime(10, 0), clinic.timeZone);
        } else {
            local = QDateTime(base.startsAt.toTimeZone(clinic.timeZone).date(),
                              QTime::fromString(value, u"hh:mm"), clinic.timeZone);
        }
        QVERIFY(local.isValid());
        bad.startsAt = local.toUTC();
        bad.endsAt = bad.startsAt.addSecs(30 * 60);
    } else {
        QFAIL("unknown field");
    }

    const QString countsBefore = storedCounts();
    QVERIFY(!countsBefore.isEmpty());

    // The desk's refusal stores nothing at all.
    BookingRequest atDesk = bad;
    atDesk.source = BookingSource::Staff;
    const QString deskJson = rawBook(atDesk, raw);
    QVERIFY2(!deskJson.startsWith(u"SQL ERROR"), qPrintable(deskJson));
    const BookingResult deskResult = BookingResult::fromJson(deskJson.toUtf8());
    QVERIFY2(!deskResult.ok, "the bad request was booked");
    QCOMPARE(deskResult.code, code);
    QVERIFY(!QJsonDocument::fromJson(deskJson.toUtf8()).object().contains(u"callback_id"));
    QCOMPARE(storedCounts(), countsBefore);

    // The AI agent's (the request's source) stores no booking, patient or key either; a refusal a
    // person can fix queues a callback for the desk (every such row here leaves a valid phone or
    // email), and says so.
    BookingResult result;
    if (raw.isEmpty()) {
        BOOK(r, bad);   // through the client, as the agent calls it
        result = r;
    }
    // The whole answer (for a request sent through the client above, the same request sent again
    // with its key: answered the same, and its callback not counted twice).
    const QString json = rawBook(bad, raw);
    QVERIFY2(!json.startsWith(u"SQL ERROR"), qPrintable(json));
    if (raw.isEmpty())
        QCOMPARE(BookingResult::fromJson(json.toUtf8()).code, result.code);
    else
        result = BookingResult::fromJson(json.toUtf8());
    QVERIFY2(!result.ok, "the bad request was booked");
    QCOMPARE(result.code, code);
    QVERIFY(!result.message.isEmpty());
    QCOMPARE(result.appointmentId, 0);
    QVERIFY(result.alternatives.isEmpty());
    static const QStringList fixable = { u"SLOT_UNAVAILABLE"_s, u"PATIENT_BUSY"_s, u"OUTSIDE_HOURS"_s, u"IN_THE_PAST"_s,
                                         u"INVALID_TIME"_s, u"INVALID_PHONE"_s, u"INVALID_EMAIL"_s, u"INVALID_NAME"_s,
                                         u"UNKNOWN_PROVIDER"_s };
    const bool callback = fixable.contains(code);
    QCOMPARE(QJsonDocument::fromJson(json.toUtf8()).object().value(u"callback_id").toInteger() > 0, callback);
    QCOMPARE(storedCounts(), callback ? withOneCallback(countsBefore) : countsBefore);

    // Control: the same request without the bad value books, so the refusal was for the
    // bad value alone.
    base.idempotencyKey = newKey();
    BOOK_OK(control, base);
}

void TestBooking::boundaryValuesAreAccepted_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");

    QTest::newRow("key 200 chars") << u"key"_s << QString(200, u'k');
    QTest::newRow("key 1 char") << u"key"_s << u"k"_s;
    QTest::newRow("name 100 letters") << u"name"_s << QString(100, u'a');
    QTest::newRow("name 2 letters") << u"name"_s << u"Li"_s;
    QTest::newRow("name with apostrophe, hyphen, dot") << u"name"_s << u"J. O'Neil-Smith"_s;
    QTest::newRow("service 200 chars") << u"service"_s << QString(200, u's');
    QTest::newRow("notes 2000 chars") << u"notes"_s << QString(2000, u'n');
    QTest::newRow("eight hours") << u"time"_s << u"eight hours"_s;
    QTest::newRow("ends at midnight, clinic open until 24:00") << u"time"_s << u"midnight"_s;
    QTest::newRow("09:00-09:30 local") << u"hours"_s << u"09:00"_s;
    QTest::newRow("16:30-17:00 local") << u"hours"_s << u"16:30"_s;
    QTest::newRow("Friday 16:30 local") << u"hours"_s << u"friday"_s;
}

void TestBooking::boundaryValuesAreAccepted()
{
    QFETCH(QString, field);
    QFETCH(QString, value);

    const bool officeHours = field == u"hours";
    const Clinic clinic = officeHours ? officeHoursClinic() : freshClinic();
    QVERIFY(clinic.isValid());
    BookingRequest r = request(clinic, utcAt(3, 9));
    if (field == u"key") {
        r.idempotencyKey = value;
    } else if (field == u"name") {
        r.patientName = value;
    } else if (field == u"service") {
        r.service = value;
    } else if (field == u"notes") {
        r.notes = value;
    } else if (field == u"time" && value == u"midnight") {
        r.startsAt = utcAt(3, 23, 30);
        r.endsAt = utcAt(4, 0);
    } else if (field == u"time") {
        r.endsAt = r.startsAt.addSecs(8 * 3600);
    } else if (field == u"hours") {
        const int wanted = value == u"friday" ? 5 : 0;
        const QDate day = nextDateIn(clinic.timeZone, [wanted](int dow) { return wanted ? dow == wanted : dow <= 5; });
        const QTime time = wanted ? QTime(16, 30) : QTime::fromString(value, u"hh:mm");
        r.startsAt = QDateTime(day, time, clinic.timeZone).toUTC();
        r.endsAt = r.startsAt.addSecs(30 * 60);
    }
    BOOK(result, r);
    QVERIFY2(result.ok, qPrintable(result.code + u" "_s + result.message));
    QVERIFY(result.appointmentId > 0);
}

// ---------------------------------------------------------------------------------------------
// Idempotency

void TestBooking::sameKeySameRequestReturnsTheOriginalResult_data()
{
    QTest::addColumn<QString>("retryName");
    QTest::addColumn<QString>("retryPhone");
    QTest::addColumn<QString>("retryEmail");

    QTest::newRow("identical") << u"Jane Doe"_s << u"(415) 555-2671"_s << u"jane.doe@example.com"_s;
    // The request is compared by its normalised values: the same request typed differently.
    QTest::newRow("typed differently") << u"  jane   DOE"_s << u"+1 415.555.2671"_s << u" JANE.DOE@example.com "_s;
}

void TestBooking::sameKeySameRequestReturnsTheOriginalResult()
{
    QFETCH(QString, retryName);
    QFETCH(QString, retryPhone);
    QFETCH(QString, retryEmail);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    BookingRequest r = request(clinic, utcAt(3, 10));
    r.service = u"Check-up"_s;
    BOOK_OK(first, r);
    const QString countsAfterFirst = storedCounts();

    BookingRequest retry = r;
    retry.patientName = retryName;
    retry.phone = retryPhone;
    retry.email = retryEmail;
    BOOK_OK(second, retry);
    QCOMPARE(second.appointmentId, first.appointmentId);
    QCOMPARE(second.patientId, first.patientId);
    QCOMPARE(second.patientName, first.patientName);
    QCOMPARE(second.phone, first.phone);
    QCOMPARE(second.message, first.message);
    QCOMPARE(second.code, first.code);

    // The raw answers, byte for byte, are the stored original.
    const QString stored = value(u"select result::text from frontdesk.booking_requests where org_id = ? and idempotency_key = ?"_s,
                                 { clinic.id, r.idempotencyKey }).toString();
    QVERIFY(!stored.isEmpty());
    const QString rawA = rawBook(retry);
    const QString rawB = rawBook(r);
    QCOMPARE(rawA, stored);
    QCOMPARE(rawB, stored);
    const BookingResult parsed = BookingResult::fromJson(stored.toUtf8());
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.appointmentId, first.appointmentId);

    QCOMPARE(storedCounts(), countsAfterFirst);
    QCOMPARE(value(u"select count(*) from frontdesk.appointments where org_id = ?"_s, { clinic.id }).toLongLong(), 1);
}

void TestBooking::sameKeyDifferentRequestIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("other start") << u"start"_s;
    QTest::newRow("other end") << u"end"_s;
    QTest::newRow("other provider") << u"provider"_s;
    QTest::newRow("other name") << u"name"_s;
    QTest::newRow("other phone") << u"phone"_s;
    QTest::newRow("other email") << u"email"_s;
    QTest::newRow("other source") << u"source"_s;
    QTest::newRow("other service") << u"service"_s;
    QTest::newRow("other notes") << u"notes"_s;
}

void TestBooking::sameKeyDifferentRequestIsRefused()
{
    QFETCH(QString, field);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    const BookingRequest original = request(clinic, utcAt(3, 10));
    BOOK_OK(first, original);
    const QString countsAfterFirst = storedCounts();

    BookingRequest other = original;
    if (field == u"start") {
        other.startsAt = utcAt(3, 11);
        other.endsAt = utcAt(3, 11, 30);
    } else if (field == u"end") {
        other.endsAt = other.endsAt.addSecs(15 * 60);
    } else if (field == u"provider") {
        other.providerId = clinic.providers.at(1).id;
    } else if (field == u"name") {
        other.patientName = u"John Doe"_s;
    } else if (field == u"phone") {
        other.phone = u"(212) 555-0100"_s;
    } else if (field == u"email") {
        other.email = u"john.doe@example.com"_s;
    } else if (field == u"source") {
        other.source = BookingSource::Staff;
    } else if (field == u"service") {
        other.service = u"Vaccination"_s;
    } else if (field == u"notes") {
        other.notes = u"Prefers mornings"_s;
    }

    BOOK(second, other);
    QVERIFY(!second.ok);
    QCOMPARE(second.code, u"IDEMPOTENCY_MISMATCH"_s);
    QCOMPARE(second.appointmentId, 0);
    QCOMPARE(storedCounts(), countsAfterFirst);

    // The original request with that key still gets its original answer.
    BOOK_OK(again, original);
    QCOMPARE(again.appointmentId, first.appointmentId);
    QCOMPARE(storedCounts(), countsAfterFirst);
}

void TestBooking::sameKeyInAnotherClinicIsIndependent()
{
    const Clinic a = freshClinic();
    const Clinic b = freshClinic();
    QVERIFY(a.isValid() && b.isValid());
    const QString key = newKey();
    BookingRequest ra = request(a, utcAt(3, 10));
    ra.idempotencyKey = key;
    BookingRequest rb = request(b, utcAt(3, 10));
    rb.idempotencyKey = key;
    BOOK_OK(first, ra);
    BOOK_OK(second, rb);
    QVERIFY(first.appointmentId != second.appointmentId);
}

void TestBooking::failedRequestDoesNotBurnItsKey()
{
    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    BOOK_OK(taken, request(clinic, utcAt(3, 9)));

    // SLOT_UNAVAILABLE, then the same key for a free slot.
    BookingRequest r = request(clinic, utcAt(3, 9));
    r.patientName = u"John Roe"_s;
    r.phone = u"(212) 555-0100"_s;
    BOOK(refused, r);
    QCOMPARE(refused.code, u"SLOT_UNAVAILABLE"_s);
    QCOMPARE(value(u"select count(*) from frontdesk.booking_requests where idempotency_key = ?"_s,
                   { r.idempotencyKey }).toLongLong(), 0);
    r.startsAt = utcAt(3, 10);
    r.endsAt = utcAt(3, 10, 30);
    BOOK_OK(booked, r);
    QVERIFY(booked.appointmentId != taken.appointmentId);

    // A validation failure, then the same key with the input corrected.
    BookingRequest v = request(clinic, utcAt(3, 11));
    v.phone = u"12"_s;
    BOOK(invalid, v);
    QCOMPARE(invalid.code, u"INVALID_PHONE"_s);
    v.phone = u"(415) 555-2671"_s;
    BOOK_OK(corrected, v);
}

// A retry of a request that was booked (the answer was lost with the connection, or the
// offline outbox replays it) must get the original answer even if the world changed since:
// "same key and same request: the original result".
void TestBooking::replayAfterAChangeReturnsTheOriginalResult_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("provider deactivated") << u"update frontdesk.providers set active = false where id = :provider"_s;
    QTest::newRow("opening hours changed") << u"update frontdesk.organisations set opens_at = '10:00' where id = :org"_s;
    QTest::newRow("weekday closed") << u"update frontdesk.organisations set open_days = '{}' where id = :org"_s;
}

void TestBooking::replayAfterAChangeReturnsTheOriginalResult()
{
    QFETCH(QString, change);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    const BookingRequest original = request(clinic, utcAt(3, 9));
    BOOK_OK(first, original);
    change.replace(u":provider"_s, QString::number(original.providerId));
    change.replace(u":org"_s, QString::number(clinic.id));
    QVERIFY(exec(change));

    BOOK(replay, original);
    QVERIFY2(replay.ok, qPrintable(replay.code));
    QCOMPARE(replay.appointmentId, first.appointmentId);
}

// ---------------------------------------------------------------------------------------------
// Slot conflicts

void TestBooking::takenSlotIsRefusedWithAlternatives_data()
{
    // 09:00-09:30 UTC is booked on provider 0; then a request for [start, end) on `provider`.
    QTest::addColumn<int>("provider");
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<bool>("free");

    QTest::newRow("same slot") << 0 << QTime(9, 0) << QTime(9, 30) << false;
    QTest::newRow("overlap, later start 09:15-09:45") << 0 << QTime(9, 15) << QTime(9, 45) << false;
    QTest::newRow("overlap, earlier start 08:45-09:15") << 0 << QTime(8, 45) << QTime(9, 15) << false;
    QTest::newRow("inside 09:10-09:20") << 0 << QTime(9, 10) << QTime(9, 20) << false;
    QTest::newRow("around 08:30-10:00") << 0 << QTime(8, 30) << QTime(10, 0) << false;
    QTest::newRow("overlap by a minute 09:29-09:59") << 0 << QTime(9, 29) << QTime(9, 59) << false;
    QTest::newRow("back-to-back after 09:30-10:00") << 0 << QTime(9, 30) << QTime(10, 0) << true;
    QTest::newRow("back-to-back before 08:30-09:00") << 0 << QTime(8, 30) << QTime(9, 0) << true;
    QTest::newRow("other provider, same slot") << 1 << QTime(9, 0) << QTime(9, 30) << true;
}

void TestBooking::takenSlotIsRefusedWithAlternatives()
{
    QFETCH(int, provider);
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(bool, free);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    const BookingRequest taken = request(clinic, utcAt(3, 9));
    BOOK_OK(first, taken);

    const QDate day = taken.startsAt.date();
    BookingRequest r = request(clinic, QDateTime(day, start, QTimeZone::utc()), 0, provider);
    r.endsAt = QDateTime(day, end, QTimeZone::utc());
    r.patientName = u"John Roe"_s;
    r.phone = u"(212) 555-0100"_s;
    r.email.clear();
    const QString countsBefore = storedCounts();
    BOOK(second, r);

    if (free) {
        QVERIFY2(second.ok, qPrintable(second.code));
        QVERIFY(second.appointmentId != first.appointmentId);
        return;
    }

    QVERIFY(!second.ok);
    QCOMPARE(second.code, u"SLOT_UNAVAILABLE"_s);
    // The patient created for it is rolled back too; the AI agent's caller is queued to be called
    // back (schema v10).
    QCOMPARE(storedCounts(), withOneCallback(countsBefore));

    // Alternatives: some, in the future, the same length, free of the taken slot, on the
    // quarter-hour grid of the wanted start, and distinct.
    QVERIFY(!second.alternatives.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 length = r.startsAt.secsTo(r.endsAt);
    QSet<qint64> seen;
    for (const QDateTime &alt : second.alternatives) {
        QVERIFY2(alt > now, qPrintable(alt.toString(Qt::ISODate)));
        const QDateTime altEnd = alt.addSecs(length);
        QVERIFY2(altEnd <= taken.startsAt || alt >= taken.endsAt, qPrintable(alt.toString(Qt::ISODate)));
        QCOMPARE(r.startsAt.secsTo(alt) % 900, 0);
        QVERIFY(!seen.contains(alt.toSecsSinceEpoch()));
        seen.insert(alt.toSecsSinceEpoch());
    }

    // The first alternative is really free.
    r.startsAt = second.alternatives.first();
    r.endsAt = r.startsAt.addSecs(length);
    r.idempotencyKey = newKey();
    BOOK_OK(third, r);
}

// A slot taken soon: its nearest neighbours before it lie partly in the past, and none of
// those may be offered. (The one test here that needs "now": it books the quarter hour half
// an hour ahead.)
void TestBooking::alternativesAreNeverInThePast()
{
    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QDateTime start = QDateTime::fromSecsSinceEpoch(now - now % 900 + 900 + 1800, QTimeZone::utc());
    if (start.time() == QTime(23, 45))
        start = start.addSecs(900);   // a 30-minute slot may not cross midnight
    BOOK_OK(first, request(clinic, start));

    BookingRequest r = request(clinic, start);
    r.patientName = u"John Roe"_s;
    BOOK(second, r);
    QCOMPARE(second.code, u"SLOT_UNAVAILABLE"_s);
    QVERIFY(!second.alternatives.isEmpty());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    for (const QDateTime &alt : second.alternatives)
        QVERIFY2(alt > after, qPrintable(alt.toString(Qt::ISODate) + u" is not after "_s + after.toString(Qt::ISODate)));
}

// In a 09:00-17:00 weekday clinic, a whole Friday is taken: every alternative to its last
// slot is on a weekday (Saturday morning would be nearer), within hours in the clinic's time
// zone, and bookable.
void TestBooking::alternativesRespectOpeningHours()
{
    const Clinic clinic = officeHoursClinic();
    QVERIFY(clinic.isValid());
    const QDate friday = nextDateIn(clinic.timeZone, [](int dow) { return dow == 5; });
    BookingRequest morning = request(clinic, QDateTime(friday, QTime(9, 0), clinic.timeZone).toUTC(), 7 * 60 + 30);
    morning.patientName = u"Day Block"_s;
    BOOK_OK(block, morning);
    const QDateTime start = QDateTime(friday, QTime(16, 30), clinic.timeZone).toUTC();
    BOOK_OK(first, request(clinic, start));

    BookingRequest r = request(clinic, start);
    r.patientName = u"John Roe"_s;
    BOOK(second, r);
    QCOMPARE(second.code, u"SLOT_UNAVAILABLE"_s);
    QVERIFY(!second.alternatives.isEmpty());
    for (const QDateTime &alt : second.alternatives) {
        const QDateTime localStart = alt.toTimeZone(clinic.timeZone);
        const QDateTime localEnd = alt.addSecs(30 * 60).toTimeZone(clinic.timeZone);
        const QString shown = localStart.toString(Qt::ISODate);
        QVERIFY2(localStart.date().dayOfWeek() <= 5, qPrintable(shown));
        QVERIFY2(localStart.time() >= QTime(9, 0), qPrintable(shown));
        QVERIFY2(localEnd.time() <= QTime(17, 0) && localEnd.date() == localStart.date(), qPrintable(shown));
        QVERIFY2(alt != start, qPrintable(shown));
    }
    r.startsAt = second.alternatives.first();
    r.endsAt = r.startsAt.addSecs(30 * 60);
    r.idempotencyKey = newKey();
    BOOK_OK(third, r);
}

void TestBooking::releasedAppointmentFreesItsSlot_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("freed");
    QTest::newRow("cancelled") << u"cancelled"_s << true;
    QTest::newRow("no_show") << u"no_show"_s << true;
    QTest::newRow("confirmed") << u"confirmed"_s << false;
    QTest::newRow("arrived") << u"arrived"_s << false;
    QTest::newRow("completed") << u"completed"_s << false;
}

void TestBooking::releasedAppointmentFreesItsSlot()
{
    QFETCH(QString, status);
    QFETCH(bool, freed);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    BOOK_OK(first, request(clinic, utcAt(3, 9)));
    QVERIFY(exec(u"update frontdesk.appointments set status = ? where id = ?"_s, { status, first.appointmentId }));

    BookingRequest r = request(clinic, utcAt(3, 9, 15));
    r.patientName = u"John Roe"_s;
    BOOK(second, r);
    if (freed) {
        QVERIFY2(second.ok, qPrintable(second.code));
        QVERIFY(second.appointmentId != first.appointmentId);
    } else {
        QCOMPARE(second.code, u"SLOT_UNAVAILABLE"_s);
    }
}

// ---------------------------------------------------------------------------------------------
// The doorbell

void TestBooking::bookingRingsTheDoorbellWithIdsOnly()
{
    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    const QString listenerName = u"tst_booking_listener"_s;
    {
        QSqlDatabase listener = m_database->connect(listenerName);
        QVERIFY2(listener.isOpen(), qPrintable(listener.lastError().text()));
        QVERIFY(listener.driver()->subscribeToNotification(kChannel));
        QSignalSpy spy(listener.driver(), &QSqlDriver::notification);
        QVERIFY(spy.isValid());

        BookingRequest r = request(clinic, utcAt(3, 9));
        r.patientName = u"Mary O'Brien"_s;
        BOOK_OK(result, r);

        QTRY_COMPARE(spy.count(), 1);
        const QList<QVariant> args = spy.takeFirst();
        QCOMPARE(args.at(0).toString(), kChannel);
        QCOMPARE(args.at(1).value<QSqlDriver::NotificationSource>(), QSqlDriver::OtherSource);
        const QString payload = args.at(2).toString();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8(), &error);
        QVERIFY2(doc.isObject(), qPrintable(payload + u" "_s + error.errorString()));
        const QJsonObject o = doc.object();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{ u"appointment_id"_s, u"event_id"_s, u"org_id"_s }));
        const qint64 eventId =
            value(u"select id from frontdesk.events where appointment_id = ?"_s, { result.appointmentId }).toLongLong();
        QVERIFY(eventId > 0);
        QCOMPARE(o.value(u"org_id").toInteger(), clinic.id);
        QCOMPARE(o.value(u"appointment_id").toInteger(), result.appointmentId);
        QCOMPARE(o.value(u"event_id").toInteger(), eventId);
        // No patient data, in any form.
        QVERIFY(!payload.contains(u"O'Brien"_s, Qt::CaseInsensitive));
        QVERIFY(!payload.contains(u"2671"_s));
        QVERIFY(!payload.contains(u"example.com"_s));

        // Each booking rings once more.
        BOOK_OK(second, request(clinic, utcAt(3, 10)));
        QTRY_COMPARE(spy.count(), 1);
        const QJsonObject o2 = QJsonDocument::fromJson(spy.takeFirst().at(2).toString().toUtf8()).object();
        QCOMPARE(o2.value(u"appointment_id").toInteger(), second.appointmentId);
        QVERIFY(o2.value(u"event_id").toInteger() > eventId);
        listener.close();
    }
    QSqlDatabase::removeDatabase(listenerName);
}

void TestBooking::refusedBookingRingsNoDoorbell_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("callback");   // rings once, for the callback queued (schema v10)
    const int desk = int(BookingSource::Staff), agent = int(BookingSource::AiVoice);
    QTest::newRow("slot unavailable, at the desk") << u"slot"_s << desk << false;
    QTest::newRow("invalid phone, at the desk") << u"phone"_s << desk << false;
    QTest::newRow("slot unavailable, AI agent: its callback rings") << u"slot"_s << agent << true;
    QTest::newRow("invalid phone with an email, AI agent: its callback rings") << u"phone"_s << agent << true;
    QTest::newRow("idempotency mismatch") << u"mismatch"_s << agent << false;
    QTest::newRow("idempotent replay") << u"replay"_s << agent << false;
}

void TestBooking::refusedBookingRingsNoDoorbell()
{
    QFETCH(QString, situation);
    QFETCH(int, source);
    QFETCH(bool, callback);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    const BookingRequest original = request(clinic, utcAt(3, 9));
    BOOK_OK(first, original);

    const QString listenerName = u"tst_booking_quiet_listener"_s;
    {
        QSqlDatabase listener = m_database->connect(listenerName);
        QVERIFY2(listener.isOpen(), qPrintable(listener.lastError().text()));
        QVERIFY(listener.driver()->subscribeToNotification(kChannel));
        QSignalSpy spy(listener.driver(), &QSqlDriver::notification);

        BookingRequest r = original;
        r.source = BookingSource(source);
        if (situation == u"slot") {
            r.idempotencyKey = newKey();
            r.patientName = u"John Roe"_s;
        } else if (situation == u"phone") {
            r.idempotencyKey = newKey();
            r.startsAt = utcAt(3, 11);
            r.endsAt = utcAt(3, 11, 30);
            r.phone = u"12"_s;
        } else if (situation == u"mismatch") {
            r.startsAt = utcAt(3, 11);
            r.endsAt = utcAt(3, 11, 30);
        }
        BOOK(second, r);
        if (situation == u"replay")
            QCOMPARE(second.appointmentId, first.appointmentId);
        else
            QVERIFY2(!second.ok, qPrintable(situation));

        // Nothing within 300 ms but the callback's doorbell, ids only; then a sentinel NOTIFY sent
        // after the refusal arrives alone (notifications arrive in commit order, so one from the
        // refusal would come first).
        QTest::qWait(300);
        if (callback) {
            QTRY_COMPARE(spy.count(), 1);
            const QJsonObject bell = QJsonDocument::fromJson(spy.takeFirst().at(2).toString().toUtf8()).object();
            QCOMPARE(bell.keys(), (QStringList{ u"appointment_id"_s, u"event_id"_s, u"org_id"_s }));
            QVERIFY(bell.value(u"appointment_id").isNull());
            QCOMPARE(value(u"select kind from frontdesk.events where id = ?"_s, { bell.value(u"event_id").toInteger() })
                         .toString(),
                     u"callback.queued"_s);
        }
        QCOMPARE(spy.count(), 0);
        QVERIFY(exec(u"select pg_notify('frontdesk_changes', 'sentinel')"_s));
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(2).toString(), u"sentinel"_s);
        listener.close();
    }
    QSqlDatabase::removeDatabase(listenerName);
}

// ---------------------------------------------------------------------------------------------
// The event log

void TestBooking::eventLogIsAppendOnly_data()
{
    QTest::addColumn<QString>("statement");
    QTest::newRow("update") << u"update frontdesk.events set kind = 'appointment.cancelled' where id = %1"_s;
    QTest::newRow("update all") << u"update frontdesk.events set actor = 'nobody'"_s;
    QTest::newRow("delete") << u"delete from frontdesk.events where id = %1"_s;
    QTest::newRow("delete all") << u"delete from frontdesk.events"_s;
    QTest::newRow("truncate") << u"truncate frontdesk.events"_s;
}

void TestBooking::eventLogIsAppendOnly()
{
    QFETCH(QString, statement);

    const Clinic clinic = freshClinic();
    QVERIFY(clinic.isValid());
    BOOK_OK(booked, request(clinic, utcAt(3, 9)));
    const qint64 eventId =
        value(u"select id from frontdesk.events where appointment_id = ?"_s, { booked.appointmentId }).toLongLong();
    QVERIFY(eventId > 0);
    const QString before = value(u"select string_agg(e::text, '|' order by id) from frontdesk.events e"_s).toString();

    QSqlError error;
    const QString sql = statement.contains(u"%1") ? statement.arg(eventId) : statement;
    QVERIFY2(!exec(sql, {}, &error), qPrintable(sql));
    QCOMPARE(error.nativeErrorCode(), u"42501"_s);   // insufficient_privilege
    QVERIFY2(error.databaseText().contains(u"append-only"_s), qPrintable(error.databaseText()));

    QCOMPARE(value(u"select string_agg(e::text, '|' order by id) from frontdesk.events e"_s).toString(), before);
    // And appending still works.
    BOOK_OK(next, request(clinic, utcAt(3, 10)));
}

// A REPEATABLE READ or SERIALIZABLE caller's snapshot can predate a request that committed
// while it waited: it books what is free, loses a taken slot with SLOT_UNAVAILABLE, and is never
// given a wrong answer for a key it cannot see: IDEMPOTENCY_RETRY, and the original answer in a
// new transaction.
void TestBooking::clinicTimeZoneMustBeAnIanaName_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("IANA name") << u"America/New_York"_s << true;
    QTest::newRow("UTC") << u"UTC"_s << true;
    // Abbreviations and POSIX strings that AT TIME ZONE would take, and Qt would read differently.
    QTest::newRow("abbreviation PST") << u"PST"_s << false;
    QTest::newRow("abbreviation CEST") << u"CEST"_s << false;
    QTest::newRow("POSIX offset UTC+5") << u"UTC+5"_s << false;
    QTest::newRow("made up") << u"Mars/Olympus_Mons"_s << false;
    QTest::newRow("empty") << QString(u""_s) << false;
}

void TestBooking::clinicTimeZoneMustBeAnIanaName()
{
    QFETCH(QString, zone);
    QFETCH(bool, accepted);
    QSqlError error;
    const bool inserted = exec(u"insert into frontdesk.organisations (name, time_zone) values ('Zone test', ?)"_s,
                               { zone }, &error);
    QCOMPARE(inserted, accepted);
    if (!accepted)
        QCOMPARE(error.nativeErrorCode(), u"23514"_s);   // check_violation
}

QTEST_GUILESS_MAIN(TestBooking)
#include "tst_booking.moc"
