// The AI voice agent stand-in (models/sim/CallSimulator): reproducible from its seed, and each
// kind of call is what it says it is, judged by the client's own validators: genuine callers,
// taken slots, closed times and garbled details from callers the desk can call back, rarely one it
// cannot reach. That these calls queue callbacks in the database is tested in tst_callbacks
// (theSimulatedAgentsRefusalsAreCalledBack), a database test.

#include "sim/CallSimulator.h"
#include "text/EmailAddress.h"
#include "text/PersonName.h"
#include "text/PhoneNumbers.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace frontdesk;

namespace {

using Intent = CallSimulator::Intent;

Clinic makeClinic(const QByteArray &zone, const QString &region = QStringLiteral("US"))
{
    Clinic clinic;
    clinic.id = 1;
    clinic.name = QStringLiteral("Test Clinic");
    clinic.timeZone = QTimeZone(zone);
    clinic.phoneRegion = region;
    clinic.opensAt = QTime(7, 0);
    clinic.closesAt = QTime(21, 0);
    clinic.openDays = { 1, 2, 3, 4, 5, 6, 7 };
    clinic.providers = { Provider{ 11, QStringLiteral("Dr. Adams") }, Provider{ 12, QStringLiteral("Dr. Baker") },
                         Provider{ 13, QStringLiteral("Dr. Chen") } };
    return clinic;
}

struct Slot
{
    qint64 providerId;
    QDateTime startsAt;
    QDateTime endsAt;
};

// One simulated run: the calls, the clock each was made at, and what the test told the
// simulator about (slots on the books before the first call, and bookings made).
struct Run
{
    QList<CallSimulator::Call> calls;
    QList<QDateTime> nows;
    QList<QList<Slot>> takenBefore;   // per call: the slots known to the simulator when it was made
    QList<QList<BookingRequest>> bookedBefore;
};

// Calls seven minutes apart from `start` (500 calls span about 58 hours: closing times, night,
// and, from the default start, the US switch to daylight saving time on 2024-03-10). Every
// Normal call is recorded as booked, as the database would book a free slot.
Run simulate(const Clinic &clinic, quint32 seed, int count, const QDateTime &start)
{
    CallSimulator simulator(clinic, seed);
    QList<Slot> taken;
    QList<BookingRequest> booked;
    const auto addTaken = [&](qint64 provider, const QDate &localDay, QTime localStart, int minutes) {
        const QDateTime s(localDay, localStart, clinic.timeZone);
        const Slot slot{ provider, s.toUTC(), s.addSecs(60 * minutes).toUTC() };
        simulator.addTakenSlot(slot.providerId, slot.startsAt, slot.endsAt);
        taken.append(slot);
    };
    const QDate today = start.toTimeZone(clinic.timeZone).date();
    addTaken(11, today.addDays(1), QTime(9, 0), 30);
    addTaken(12, today.addDays(2), QTime(14, 15), 15);
    addTaken(13, today.addDays(5), QTime(20, 15), 45);

    Run run;
    for (int i = 0; i < count; ++i) {
        const QDateTime now = start.addSecs(7 * 60 * i);
        run.takenBefore.append(taken);
        run.bookedBefore.append(booked);
        const CallSimulator::Call call = simulator.nextCall(now);
        run.calls.append(call);
        run.nows.append(now);
        if (call.intent == Intent::Normal) {
            simulator.recordBooked(call);
            taken.append(Slot{ call.request.providerId, call.request.startsAt, call.request.endsAt });
            booked.append(call.request);
        }
    }
    return run;
}

bool sameExceptKey(const BookingRequest &a, const BookingRequest &b)
{
    return a.orgId == b.orgId && a.providerId == b.providerId && a.startsAt == b.startsAt && a.endsAt == b.endsAt
        && a.patientName == b.patientName && a.phone == b.phone && a.email == b.email && a.source == b.source
        && a.service == b.service && a.notes == b.notes;
}

bool same(const BookingRequest &a, const BookingRequest &b)
{
    return sameExceptKey(a, b) && a.idempotencyKey == b.idempotencyKey;
}

QString describe(const CallSimulator::Call &call)
{
    const BookingRequest &r = call.request;
    return QStringLiteral("%1 (%2): provider %3, %4 - %5, name \"%6\", phone \"%7\", email \"%8\", key %9")
        .arg(CallSimulator::intentName(call.intent), call.what)
        .arg(r.providerId)
        .arg(r.startsAt.toString(Qt::ISODate), r.endsAt.toString(Qt::ISODate), r.patientName, r.phone, r.email,
             r.idempotencyKey);
}

// The C++ validators' verdict on a request's caller details, after normalisation.
QStringList validationFailures(const BookingRequest &r, const QString &region)
{
    QStringList failures;
    if (!isValidPersonName(normalizePersonName(r.patientName)))
        failures << QStringLiteral("name");
    if (!checkPhoneNumber(r.phone, region).valid)
        failures << QStringLiteral("phone");
    const QString email = normalizeEmail(r.email);
    if (!email.isEmpty() && !isValidEmail(email))
        failures << QStringLiteral("email");
    return failures;
}

bool withinOpeningHours(const Clinic &clinic, const BookingRequest &r)
{
    const QDateTime start = r.startsAt.toTimeZone(clinic.timeZone);
    const QDateTime end = r.endsAt.toTimeZone(clinic.timeZone);
    return start.date() == end.date() && clinic.openDays.contains(start.date().dayOfWeek())
        && start.time() >= clinic.opensAt && end.time() <= clinic.closesAt;
}

const QDateTime kStart(QDate(2024, 3, 8), QTime(12, 3, 20), QTimeZone::utc());

} // namespace

class TestCallSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameCalls_data();
    void sameSeedSameCalls();
    void otherSeedOtherCalls();
    void callsAreWhatTheySayTheyAre_data();
    void callsAreWhatTheySayTheyAre();
    void noRetryBeforeAnythingWasBooked();
    void invalidOnPurposeReallyIsInvalid_data();
    void invalidOnPurposeReallyIsInvalid();
    void gbCallersHaveValidNumbers();
    void firstCallIsANormalBookingOnTheNearestDayWithRoom_data();
    void firstCallIsANormalBookingOnTheNearestDayWithRoom();
    void freeLookingSlotsAvoidKnownTakenSlots();
    void closedTimesForEveryKindOfClinic_data();
    void closedTimesForEveryKindOfClinic();
    void aRefusedCallerTakesAnAlternative();
};

void TestCallSimulator::sameSeedSameCalls_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("UTC, seed 1") << QByteArray("UTC") << 1u;
    QTest::newRow("New York, seed 20240308") << QByteArray("America/New_York") << 20240308u;
}

void TestCallSimulator::sameSeedSameCalls()
{
    QFETCH(QByteArray, zone);
    QFETCH(quint32, seed);
    const Clinic clinic = makeClinic(zone);
    const Run a = simulate(clinic, seed, 500, kStart);
    const Run b = simulate(clinic, seed, 500, kStart);
    QCOMPARE(a.calls.size(), 500);
    QCOMPARE(b.calls.size(), 500);

    // Keys are fresh uuids in every run; what must match is which calls share one.
    QHash<QString, QString> keyInB;
    for (int i = 0; i < a.calls.size(); ++i) {
        const CallSimulator::Call &x = a.calls.at(i);
        const CallSimulator::Call &y = b.calls.at(i);
        QVERIFY2(x.intent == y.intent, qPrintable(QString::number(i)));
        QVERIFY2(sameExceptKey(x.request, y.request),
                 qPrintable(QString::number(i) + QStringLiteral(": ") + describe(x) + QStringLiteral(" vs ") + describe(y)));
        if (x.intent != Intent::Retry) {
            QCOMPARE(x.what, y.what);
            QVERIFY(x.request.idempotencyKey != y.request.idempotencyKey);   // uuids, not from the seed
            keyInB.insert(x.request.idempotencyKey, y.request.idempotencyKey);
        } else {
            QVERIFY2(keyInB.contains(x.request.idempotencyKey), qPrintable(describe(x)));
            QCOMPARE(keyInB.value(x.request.idempotencyKey), y.request.idempotencyKey);
        }
    }
}

void TestCallSimulator::otherSeedOtherCalls()
{
    const Clinic clinic = makeClinic("UTC");
    const Run a = simulate(clinic, 1, 50, kStart);
    const Run b = simulate(clinic, 2, 50, kStart);
    int differing = 0;
    for (int i = 0; i < 50; ++i) {
        if (a.calls.at(i).intent != b.calls.at(i).intent || !sameExceptKey(a.calls.at(i).request, b.calls.at(i).request))
            ++differing;
    }
    QVERIFY2(differing >= 40, qPrintable(QString::number(differing)));
}

void TestCallSimulator::callsAreWhatTheySayTheyAre_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("region");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<QDateTime>("start");
    const QString us = QStringLiteral("US");
    QTest::newRow("UTC") << QByteArray("UTC") << us << 7u << kStart;
    QTest::newRow("New York, across DST") << QByteArray("America/New_York") << us << 7u << kStart;
    QTest::newRow("New York, late evening, other seed")
        << QByteArray("America/New_York") << us << 424242u << QDateTime(QDate(2024, 11, 2), QTime(0, 55), QTimeZone::utc());
    QTest::newRow("London, GB callers, across BST")
        << QByteArray("Europe/London") << QStringLiteral("GB") << 5u
        << QDateTime(QDate(2024, 3, 29), QTime(18, 41), QTimeZone::utc());
}

void TestCallSimulator::callsAreWhatTheySayTheyAre()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, region);
    QFETCH(quint32, seed);
    QFETCH(QDateTime, start);
    const Clinic clinic = makeClinic(zone, region);
    QSet<qint64> providers;
    for (const Provider &p : clinic.providers)
        providers.insert(p.id);

    const Run run = simulate(clinic, seed, 500, start);
    QMap<Intent, int> counts;
    QSet<QString> keys;
    for (int i = 0; i < run.calls.size(); ++i) {
        const CallSimulator::Call &call = run.calls.at(i);
        const BookingRequest &r = call.request;
        const QDateTime &now = run.nows.at(i);
        const QByteArray where = QByteArray::number(i) + ": " + describe(call).toUtf8();
        counts[call.intent] += 1;

        QVERIFY2(!call.what.isEmpty(), where.constData());
        QCOMPARE(r.orgId, clinic.id);
        QVERIFY2(r.source == BookingSource::AiVoice, where.constData());
        QVERIFY2(providers.contains(r.providerId), where.constData());
        QVERIFY2(r.startsAt.isValid() && r.endsAt.isValid(), where.constData());
        QVERIFY2(r.endsAt > r.startsAt, where.constData());
        QVERIFY2(!r.service.isEmpty(), where.constData());
        QVERIFY2(!r.idempotencyKey.isEmpty(), where.constData());

        switch (call.intent) {
        case Intent::Normal: {
            const QStringList failures = validationFailures(r, clinic.phoneRegion);
            QVERIFY2(failures.isEmpty(), QByteArray(where + " fails " + failures.join(u',').toUtf8()).constData());
            QVERIFY2(r.startsAt > now, where.constData());
            QVERIFY2(withinOpeningHours(clinic, r), where.constData());
            // A slot that looks free is not one the simulator knows to be taken.
            for (const Slot &s : run.takenBefore.at(i)) {
                QVERIFY2(s.providerId != r.providerId || s.endsAt <= r.startsAt || r.endsAt <= s.startsAt,
                         QByteArray(where + " overlaps a taken slot at " + s.startsAt.toString(Qt::ISODate).toUtf8())
                             .constData());
            }
            QVERIFY2(!keys.contains(r.idempotencyKey), where.constData());
            keys.insert(r.idempotencyKey);
            break;
        }
        case Intent::InvalidOnPurpose:
            // Judged in invalidOnPurposeReallyIsInvalid(); here only that its key is its own.
            QVERIFY2(!keys.contains(r.idempotencyKey), where.constData());
            keys.insert(r.idempotencyKey);
            break;
        case Intent::TakenSlot: {
            QVERIFY2(!keys.contains(r.idempotencyKey), where.constData());
            keys.insert(r.idempotencyKey);
            QVERIFY2(r.startsAt > now, where.constData());
            bool known = false;
            for (const Slot &s : run.takenBefore.at(i))
                known = known || (s.providerId == r.providerId && s.startsAt == r.startsAt && s.endsAt == r.endsAt);
            QVERIFY2(known, where.constData());
            // The caller is otherwise a genuine one.
            QVERIFY2(validationFailures(r, clinic.phoneRegion).isEmpty(), where.constData());
            break;
        }
        case Intent::Retry: {
            bool repeated = false;
            for (const BookingRequest &earlier : run.bookedBefore.at(i))
                repeated = repeated || same(earlier, r);
            QVERIFY2(repeated, where.constData());
            break;
        }
        case Intent::OutsideHours:
            // A genuine caller (so the desk can call back) for a future time the clinic is closed.
            QVERIFY2(!keys.contains(r.idempotencyKey), where.constData());
            keys.insert(r.idempotencyKey);
            QVERIFY2(validationFailures(r, clinic.phoneRegion).isEmpty(), where.constData());
            QVERIFY2(r.startsAt > now, where.constData());
            QVERIFY2(!withinOpeningHours(clinic, r), where.constData());
            break;
        case Intent::NoContact: {
            // Nobody to call back: the number is garbled and there is no address.
            QVERIFY2(!keys.contains(r.idempotencyKey), where.constData());
            keys.insert(r.idempotencyKey);
            QCOMPARE(validationFailures(r, clinic.phoneRegion), QStringList{ QStringLiteral("phone") });
            QVERIFY2(r.email.isEmpty(), where.constData());
            break;
        }
        case Intent::Alternative:
            QFAIL(QByteArray(where + " comes only from acceptAlternative()").constData());
        }
    }
    QVERIFY2(counts.value(Intent::Normal) > 0, "no Normal call");
    QVERIFY2(counts.value(Intent::InvalidOnPurpose) > 0, "no InvalidOnPurpose call");
    QVERIFY2(counts.value(Intent::TakenSlot) > 0, "no TakenSlot call");
    QVERIFY2(counts.value(Intent::Retry) > 0, "no Retry call");
    QVERIFY2(counts.value(Intent::OutsideHours) > 0, "no OutsideHours call");
    QVERIFY2(counts.value(Intent::NoContact) > 0, "no NoContact call");
    // Callers nobody can call back are rare.
    QVERIFY2(counts.value(Intent::NoContact) < run.calls.size() / 20, qPrintable(QString::number(counts.value(Intent::NoContact))));
    // Mostly genuine callers.
    QVERIFY2(counts.value(Intent::Normal) > run.calls.size() / 2, qPrintable(QString::number(counts.value(Intent::Normal))));
}

void TestCallSimulator::noRetryBeforeAnythingWasBooked()
{
    // Nothing recorded as booked and no slot on the books: no retry and no taken slot.
    CallSimulator simulator(makeClinic("UTC"), 99);
    QSet<QString> keys;
    for (int i = 0; i < 200; ++i) {
        const CallSimulator::Call call = simulator.nextCall(kStart.addSecs(60 * i));
        QVERIFY2(call.intent == Intent::Normal || call.intent == Intent::InvalidOnPurpose
                     || call.intent == Intent::OutsideHours || call.intent == Intent::NoContact,
                 qPrintable(describe(call)));
        QVERIFY(!keys.contains(call.request.idempotencyKey));
        keys.insert(call.request.idempotencyKey);
    }
}

void TestCallSimulator::invalidOnPurposeReallyIsInvalid_data()
{
    callsAreWhatTheySayTheyAre_data();
}

void TestCallSimulator::invalidOnPurposeReallyIsInvalid()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, region);
    QFETCH(quint32, seed);
    QFETCH(QDateTime, start);
    const Clinic clinic = makeClinic(zone, region);
    const Run run = simulate(clinic, seed, 500, start);

    int invalid = 0;
    int inThePast = 0;
    int garbledPhone = 0;
    QStringList notInvalid;
    for (int i = 0; i < run.calls.size(); ++i) {
        const CallSimulator::Call &call = run.calls.at(i);
        if (call.intent != Intent::InvalidOnPurpose)
            continue;
        ++invalid;
        const QDateTime &now = run.nows.at(i);
        const BookingRequest &r = call.request;
        if (call.what == QStringLiteral("a time in the past")) {
            // The caller meant a day that has gone: the whole slot is 1 to 6 days before now.
            ++inThePast;
            const QByteArray where = QByteArray::number(i) + ": " + describe(call).toUtf8();
            QVERIFY2(r.startsAt <= now.addDays(-1), where.constData());
            QVERIFY2(r.startsAt > now.addDays(-7), where.constData());
            QVERIFY2(r.endsAt > r.startsAt && r.endsAt < now, where.constData());
            // Nothing else about the call is wrong.
            QVERIFY2(validationFailures(r, clinic.phoneRegion).isEmpty(), where.constData());
            continue;
        }
        const QStringList failures = validationFailures(r, clinic.phoneRegion);
        if (failures.isEmpty())
            notInvalid << QString::number(i) + QStringLiteral(": ") + describe(call);
        // A garbled number comes with a valid address, so the desk can still reach the caller.
        if (failures.contains(QStringLiteral("phone"))) {
            ++garbledPhone;
            QVERIFY2(!r.email.isEmpty() && isValidEmail(normalizeEmail(r.email)), qPrintable(describe(call)));
        }
    }
    QVERIFY2(garbledPhone > 0, "no call with a garbled number");
    QVERIFY(invalid > 0);
    QVERIFY2(inThePast > 0, "no call for a time in the past");
    QVERIFY2(notInvalid.isEmpty(), qPrintable(QString::number(notInvalid.size()) + QStringLiteral(" of ")
                                              + QString::number(invalid)
                                              + QStringLiteral(" invalid-on-purpose calls are valid, e.g. ")
                                              + notInvalid.value(0)));
}

void TestCallSimulator::gbCallersHaveValidNumbers()
{
    // A GB clinic's genuine callers have mobile numbers ("07NNN NNNNNN") that libphonenumber,
    // which the desk uses to check numbers, accepts.
    CallSimulator simulator(makeClinic("Europe/London", QStringLiteral("GB")), 5);
    static const QRegularExpression shape(QStringLiteral("^07[0-9]{3} [0-9]{6}$"));
    int normal = 0;
    QSet<QString> numbers;
    for (int i = 0; i < 100; ++i) {
        const CallSimulator::Call call = simulator.nextCall(kStart.addSecs(600 * i));
        if (call.intent != Intent::Normal)
            continue;
        ++normal;
        const QString &phone = call.request.phone;
        QVERIFY2(shape.match(phone).hasMatch(), qPrintable(phone));
        const PhoneCheck check = checkPhoneNumber(phone, QStringLiteral("GB"));
        QVERIFY2(check.valid, qPrintable(phone));
        QCOMPARE(check.e164, QStringLiteral("+44") + phone.mid(1).remove(u' '));
        numbers.insert(phone);
    }
    QVERIFY(normal > 0);
    QVERIFY2(numbers.size() > normal / 2, qPrintable(QString::number(numbers.size())));   // not one caller
}

void TestCallSimulator::firstCallIsANormalBookingOnTheNearestDayWithRoom_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QList<int>>("openDays");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDate>("expectedDay");   // in the clinic's time zone

    const QList<int> everyDay = { 1, 2, 3, 4, 5, 6, 7 };
    // 2024-03-08 is a Friday.
    QTest::newRow("midday: today") << QByteArray("UTC") << everyDay
                                   << QDateTime(QDate(2024, 3, 8), QTime(12, 3), QTimeZone::utc()) << QDate(2024, 3, 8);
    QTest::newRow("before opening: today") << QByteArray("UTC") << everyDay
                                           << QDateTime(QDate(2024, 3, 8), QTime(3, 0), QTimeZone::utc())
                                           << QDate(2024, 3, 8);
    QTest::newRow("after closing: tomorrow") << QByteArray("UTC") << everyDay
                                             << QDateTime(QDate(2024, 3, 8), QTime(22, 0), QTimeZone::utc())
                                             << QDate(2024, 3, 9);
    QTest::newRow("at closing: tomorrow") << QByteArray("UTC") << everyDay
                                          << QDateTime(QDate(2024, 3, 8), QTime(20, 59), QTimeZone::utc())
                                          << QDate(2024, 3, 9);
    QTest::newRow("after Friday closing, weekdays only: Monday")
        << QByteArray("UTC") << QList<int>{ 1, 2, 3, 4, 5 }
        << QDateTime(QDate(2024, 3, 8), QTime(21, 30), QTimeZone::utc()) << QDate(2024, 3, 11);
    QTest::newRow("New York evening, after midnight UTC: today in New York")
        << QByteArray("America/New_York") << everyDay
        << QDateTime(QDate(2024, 3, 9), QTime(0, 30), QTimeZone::utc()) << QDate(2024, 3, 8);
    QTest::newRow("New York, after closing: tomorrow in New York")
        << QByteArray("America/New_York") << everyDay
        << QDateTime(QDate(2024, 3, 9), QTime(2, 30), QTimeZone::utc()) << QDate(2024, 3, 9);
}

void TestCallSimulator::firstCallIsANormalBookingOnTheNearestDayWithRoom()
{
    QFETCH(QByteArray, zone);
    QFETCH(QList<int>, openDays);
    QFETCH(QDateTime, now);
    QFETCH(QDate, expectedDay);
    Clinic clinic = makeClinic(zone);
    clinic.openDays = openDays;
    for (quint32 seed = 1; seed <= 40; ++seed) {
        CallSimulator simulator(clinic, seed);
        // A slot on the books does not turn the first call into a taken-slot call.
        const QDateTime booked(expectedDay, QTime(9, 0), clinic.timeZone);
        simulator.addTakenSlot(11, booked.toUTC(), booked.addSecs(1800).toUTC());
        const CallSimulator::Call call = simulator.nextCall(now);
        const QByteArray where = QByteArray::number(seed) + ": " + describe(call).toUtf8();
        QVERIFY2(call.intent == Intent::Normal, where.constData());
        QVERIFY2(validationFailures(call.request, clinic.phoneRegion).isEmpty(), where.constData());
        QVERIFY2(call.request.startsAt > now, where.constData());
        QVERIFY2(withinOpeningHours(clinic, call.request), where.constData());
        QCOMPARE(call.request.startsAt.toTimeZone(clinic.timeZone).date(), expectedDay);
        // A fresh simulator makes the same first call again from the same seed.
        CallSimulator again(clinic, seed);
        again.addTakenSlot(11, booked.toUTC(), booked.addSecs(1800).toUTC());
        QVERIFY2(sameExceptKey(again.nextCall(now).request, call.request), where.constData());
    }
}

void TestCallSimulator::freeLookingSlotsAvoidKnownTakenSlots()
{
    // One provider, open 9:00-10:00, with 9:00-9:15 and 9:30-10:00 taken today: 9:15 is the only
    // free quarter hour today. No genuine call may ask for a slot the simulator knows is taken,
    // neither those added nor those it booked itself.
    Clinic clinic = makeClinic("UTC");
    clinic.providers = { Provider{ 11, QStringLiteral("Dr. Adams") } };
    clinic.opensAt = QTime(9, 0);
    clinic.closesAt = QTime(10, 0);
    const QDateTime now(QDate(2024, 3, 8), QTime(6, 0), QTimeZone::utc());
    const QDate today = now.date();
    const QDateTime gap(today, QTime(9, 15), QTimeZone::utc());
    int firstInTheGap = 0;
    for (quint32 seed = 1; seed <= 30; ++seed) {
        CallSimulator simulator(clinic, seed);
        QList<Slot> taken = { Slot{ 11, QDateTime(today, QTime(9, 0), QTimeZone::utc()), gap },
                              Slot{ 11, gap.addSecs(15 * 60), QDateTime(today, QTime(10, 0), QTimeZone::utc()) } };
        for (const Slot &t : std::as_const(taken))
            simulator.addTakenSlot(t.providerId, t.startsAt, t.endsAt);
        // Few enough calls that the fortnight the simulator looks at never fills up.
        for (int i = 0; i < 8; ++i) {
            const CallSimulator::Call call = simulator.nextCall(now.addSecs(60 * i));
            if (call.intent != Intent::Normal)
                continue;
            const BookingRequest &r = call.request;
            const QByteArray where = QByteArray::number(seed) + "/" + QByteArray::number(i) + ": "
                                   + describe(call).toUtf8();
            QVERIFY2(withinOpeningHours(clinic, r), where.constData());
            for (const Slot &t : std::as_const(taken))
                QVERIFY2(t.endsAt <= r.startsAt || r.endsAt <= t.startsAt, where.constData());
            if (r.startsAt.date() == today) {
                // Today it can only be the gap, and only a quarter of an hour long.
                QCOMPARE(r.startsAt, gap);
                QCOMPARE(r.endsAt, gap.addSecs(15 * 60));
                firstInTheGap += i == 0 ? 1 : 0;
            }
            simulator.recordBooked(call);
            taken.append(Slot{ r.providerId, r.startsAt, r.endsAt });
        }
    }
    // Some first calls, those of a quarter of an hour, do find the gap.
    QVERIFY2(firstInTheGap > 0, "no first call took the free quarter hour");
}

void TestCallSimulator::closedTimesForEveryKindOfClinic_data()
{
    QTest::addColumn<QTime>("opens");
    QTest::addColumn<QTime>("closes");
    QTest::addColumn<QList<int>>("openDays");
    QTest::addColumn<bool>("possible");
    const QList<int> everyDay = { 1, 2, 3, 4, 5, 6, 7 };
    QTest::newRow("weekdays 09-17") << QTime(9, 0) << QTime(17, 0) << QList<int>{ 1, 2, 3, 4, 5 } << true;
    QTest::newRow("every day 07-21") << QTime(7, 0) << QTime(21, 0) << everyDay << true;
    QTest::newRow("every day 06-24") << QTime(6, 0) << QTime(23, 59, 59, 999) << everyDay << true;
    QTest::newRow("every day, all day") << QTime(0, 0) << QTime(23, 59, 59, 999) << everyDay << false;
}

// A call for a time the clinic is closed is really for such a time, in the future; a clinic open
// all day every day gets none (those calls are genuine ones instead).
void TestCallSimulator::closedTimesForEveryKindOfClinic()
{
    QFETCH(QTime, opens);
    QFETCH(QTime, closes);
    QFETCH(QList<int>, openDays);
    QFETCH(bool, possible);
    Clinic clinic = makeClinic("America/New_York");
    clinic.opensAt = opens;
    clinic.closesAt = closes;
    clinic.openDays = openDays;
    const Run run = simulate(clinic, 11, 300, kStart);
    int closed = 0;
    for (int i = 0; i < run.calls.size(); ++i) {
        const CallSimulator::Call &call = run.calls.at(i);
        if (call.intent != Intent::OutsideHours)
            continue;
        ++closed;
        QVERIFY2(call.request.startsAt > run.nows.at(i), qPrintable(describe(call)));
        QVERIFY2(!withinOpeningHours(clinic, call.request), qPrintable(describe(call)));
    }
    QCOMPARE(closed > 0, possible);
}

void TestCallSimulator::aRefusedCallerTakesAnAlternative()
{
    const Clinic clinic = makeClinic("UTC");
    const QDateTime first(QDate(2024, 3, 9), QTime(10, 30), QTimeZone::utc());
    int taken = 0;
    for (quint32 seed = 1; seed <= 40; ++seed) {
        CallSimulator simulator(clinic, seed);
        const CallSimulator::Call refused = simulator.nextCall(kStart);
        QVERIFY(!simulator.acceptAlternative(refused, {}));   // nothing offered, nothing taken
        const auto next = simulator.acceptAlternative(refused, { first, first.addSecs(900) });
        if (!next)
            continue;
        ++taken;
        // The same caller and request, at the first alternative, the same length, a key of its own.
        QCOMPARE(next->intent, Intent::Alternative);
        BookingRequest expected = refused.request;
        expected.startsAt = first;
        expected.endsAt = first.addSecs(refused.request.startsAt.secsTo(refused.request.endsAt));
        QVERIFY2(sameExceptKey(next->request, expected), qPrintable(describe(*next)));
        QVERIFY(next->request.idempotencyKey != refused.request.idempotencyKey);
        QVERIFY(!next->what.isEmpty());
    }
    // As often as not.
    QVERIFY2(taken >= 8 && taken <= 32, qPrintable(QString::number(taken)));
}

QTEST_GUILESS_MAIN(TestCallSimulator)
#include "tst_callsimulator.moc"
