#include "CallSimulator.h"

#include <QLocale>
#include <QUuid>

namespace frontdesk {

namespace {

const char *const kFirstNames[] = { "maria", "James", "aisha", "Wei", "SOFIA", "Daniel", "Fatima", "lucas",
                                    "Emma", "Mateo", "zoe", "Arjun", "Mia", "Oliver", "Amara", "Jack" };
const char *const kLastNames[] = { "garcia", "Smith", "Khan", "Zhang", "O'Neill", "Johnson", "Haddad", "Silva",
                                   "McDonald", "Rossi", "nguyen", "Patel", "Anderson", "Okafor", "Brown", "Kowalski" };
const char *const kServices[] = { "New patient visit", "Follow-up", "Flu shot", "Annual physical",
                                  "Prescription refill", "Sore throat", "Back pain", "Vaccination" };
// Area codes in use, so libphonenumber and the database both accept the numbers.
const int kUsAreaCodes[] = { 212, 312, 415, 617, 206, 303, 512, 404, 702, 919 };

template <typename T, size_t N>
const T &pick(QRandomGenerator &random, const T (&items)[N])
{
    return items[random.bounded(int(N))];
}

} // namespace

CallSimulator::CallSimulator(Clinic clinic, quint32 seed) : m_clinic(std::move(clinic)), m_random(seed) {}

void CallSimulator::addTakenSlot(qint64 providerId, const QDateTime &startsAt, const QDateTime &endsAt)
{
    m_taken.append(Slot{ providerId, startsAt, endsAt });
}

QString CallSimulator::intentName(Intent intent)
{
    switch (intent) {
    case Intent::Normal: return QStringLiteral("normal");
    case Intent::InvalidOnPurpose: return QStringLiteral("invalid on purpose");
    case Intent::TakenSlot: return QStringLiteral("asks for a taken slot");
    case Intent::Retry: return QStringLiteral("retry of an earlier call");
    case Intent::OutsideHours: return QStringLiteral("asks for a time the clinic is closed");
    case Intent::NoContact: return QStringLiteral("leaves no usable contact");
    case Intent::Alternative: return QStringLiteral("takes an alternative offered");
    }
    return {};
}

QString CallSimulator::callerName()
{
    return QString::fromUtf8(pick(m_random, kFirstNames)) + u' ' + QString::fromUtf8(pick(m_random, kLastNames));
}

QString CallSimulator::callerPhone()
{
    const int line = m_random.bounded(10000);
    if (m_clinic.phoneRegion == u"GB") {
        // A mobile number of valid shape; the simulator never sends a message to it.
        return QStringLiteral("07400 %1").arg(m_random.bounded(1000000), 6, 10, QLatin1Char('0'));
    }
    const int area = pick(m_random, kUsAreaCodes);
    int exchange = 200 + m_random.bounded(800);
    if (exchange % 100 == 11)   // N11 codes are service numbers
        exchange += 1;
    // The agent hears numbers many ways; the database normalises them all.
    switch (m_random.bounded(3)) {
    case 0: return QStringLiteral("(%1) %2-%3").arg(area).arg(exchange).arg(line, 4, 10, QLatin1Char('0'));
    case 1: return QStringLiteral("+1 %1 %2 %3").arg(area).arg(exchange).arg(line, 4, 10, QLatin1Char('0'));
    default: return QStringLiteral("%1.%2.%3").arg(area).arg(exchange).arg(line, 4, 10, QLatin1Char('0'));
    }
}

QString CallSimulator::callerEmail(const QString &name)
{
    if (m_random.bounded(3) == 0)
        return {};   // not every caller spells out an email address
    return emailOf(name);
}

QString CallSimulator::emailOf(const QString &name)
{
    QString local = name.toLower();
    local.remove(u'\'');
    local.replace(u' ', u'.');
    return local + QStringLiteral("@example.com");
}

bool CallSimulator::overlapsTaken(const Slot &slot) const
{
    return std::any_of(m_taken.cbegin(), m_taken.cend(), [&slot](const Slot &t) {
        return t.providerId == slot.providerId && t.startsAt < slot.endsAt && slot.startsAt < t.endsAt;
    });
}

std::optional<CallSimulator::Slot> CallSimulator::freeLookingSlot(const QDateTime &nowUtc)
{
    if (m_clinic.providers.isEmpty())
        return std::nullopt;
    const int minutes = 15 * (1 + m_random.bounded(3));
    const QDateTime nowLocal = nowUtc.toTimeZone(m_clinic.timeZone);
    // Mostly today; the rest of the week now and then. The first call of a run always aims
    // at the nearest day with room, so a new run shows on today's list when it can.
    const bool later = m_calls > 1 && m_random.bounded(4) == 0;
    for (int dayOffset = later ? 1 + m_random.bounded(6) : 0; dayOffset < 14; ++dayOffset) {
        const QDate day = nowLocal.date().addDays(dayOffset);
        if (!m_clinic.openDays.contains(day.dayOfWeek()))
            continue;
        QDateTime first(day, m_clinic.opensAt, m_clinic.timeZone);
        if (dayOffset == 0) {
            // The next quarter hour from now, at least 15 minutes ahead.
            const qint64 quarters = nowUtc.toSecsSinceEpoch() / 900 + 2;
            first = qMax(first, QDateTime::fromSecsSinceEpoch(quarters * 900, QTimeZone::utc()).toTimeZone(m_clinic.timeZone));
        }
        const QDateTime close(day, m_clinic.closesAt, m_clinic.timeZone);
        const qint64 room = first.secsTo(close) / 60 - minutes;
        if (room < 0)
            continue;
        // A caller asks for what the agent believes is free; others may have taken it since.
        for (int attempt = 0; attempt < 12; ++attempt) {
            const qint64 providerId = m_clinic.providers.at(m_random.bounded(int(m_clinic.providers.size()))).id;
            const QDateTime start = first.addSecs(60 * 15 * m_random.bounded(int(room / 15) + 1));
            const Slot slot{ providerId, start.toUTC(), start.addSecs(minutes * 60).toUTC() };
            if (!overlapsTaken(slot))
                return slot;
        }
    }
    return std::nullopt;
}

// A slot in the days ahead at a time the clinic is closed: a day it does not open, else just after
// closing or before opening. None for a clinic open all day every day.
std::optional<CallSimulator::Slot> CallSimulator::closedSlot(const QDateTime &nowUtc)
{
    if (m_clinic.providers.isEmpty())
        return std::nullopt;
    const QDate today = nowUtc.toTimeZone(m_clinic.timeZone).date();
    const qint64 providerId = m_clinic.providers.at(m_random.bounded(int(m_clinic.providers.size()))).id;
    for (int dayOffset = 1 + m_random.bounded(6); dayOffset < 14; ++dayOffset) {
        const QDate day = today.addDays(dayOffset);
        QTime start;
        if (!m_clinic.openDays.contains(day.dayOfWeek()))
            start = QTime(10, 0);                       // "Saturday morning"
        else if (m_clinic.closesAt.isValid() && m_clinic.closesAt <= QTime(23, 0))
            start = m_clinic.closesAt;                  // "after work"
        else if (m_clinic.opensAt >= QTime(1, 0))
            start = m_clinic.opensAt.addSecs(-3600);    // "first thing"
        else
            continue;
        const QDateTime local(day, start, m_clinic.timeZone);
        return Slot{ providerId, local.toUTC(), local.addSecs(30 * 60).toUTC() };
    }
    return std::nullopt;
}

void CallSimulator::spoil(BookingRequest &request, QString &what, const QDateTime &nowUtc)
{
    switch (m_random.bounded(4)) {
    case 0:
        // Heard wrong, but the caller spelled out an address: the desk can write back.
        request.phone = QStringLiteral("555-12");
        if (request.email.isEmpty())
            request.email = emailOf(request.patientName);
        what = QStringLiteral("a phone number too short, an email given");
        break;
    case 1: request.email = QStringLiteral("caller.at.example.com"); what = QStringLiteral("an email without @"); break;
    case 2: request.patientName = QStringLiteral("uh 2 3"); what = QStringLiteral("a garbled name"); break;
    default: {
        // "Last Tuesday": the caller meant a day that has gone.
        const qint64 length = request.startsAt.secsTo(request.endsAt);
        request.startsAt = QDateTime::fromSecsSinceEpoch((nowUtc.toSecsSinceEpoch() / 900) * 900, QTimeZone::utc())
                               .addDays(-1 - m_random.bounded(6));
        request.endsAt = request.startsAt.addSecs(length);
        what = QStringLiteral("a time in the past");
        break;
    }
    }
}

CallSimulator::Call CallSimulator::nextCall(const QDateTime &nowUtc)
{
    Call call;
    ++m_calls;
    // The first call is an ordinary one: a demo should open on a booking, not a refusal.
    const int roll = m_calls == 1 ? 99 : m_random.bounded(100);
    if (roll < 5 && !m_sent.isEmpty()) {
        call.intent = Intent::Retry;
        call.request = m_sent.at(m_random.bounded(int(m_sent.size())));
        call.what = QStringLiteral("the same request again, key %1").arg(call.request.idempotencyKey);
        return call;
    }

    call.request.orgId = m_clinic.id;
    call.request.source = BookingSource::AiVoice;
    call.request.idempotencyKey = QStringLiteral("sim-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    call.request.patientName = callerName();
    call.request.phone = callerPhone();
    call.request.email = callerEmail(call.request.patientName);
    call.request.service = QString::fromUtf8(pick(m_random, kServices));

    // Of 100 calls: 5 retries (above), 15 for a taken slot (once there is one), 5 for a time the
    // clinic is closed, 8 with a garbled detail, 2 that leave no usable contact, the rest genuine.
    std::optional<Slot> slot;
    const QDateTime soon = nowUtc.addSecs(15 * 60);
    QList<Slot> upcoming;
    for (const Slot &s : std::as_const(m_taken)) {
        if (s.startsAt > soon)
            upcoming.append(s);
    }
    if (roll < 20 && !upcoming.isEmpty()) {
        call.intent = Intent::TakenSlot;
        slot = upcoming.at(m_random.bounded(int(upcoming.size())));
    } else if (roll >= 20 && roll < 25) {
        slot = closedSlot(nowUtc);
        if (slot)
            call.intent = Intent::OutsideHours;
    }
    if (!slot)
        slot = freeLookingSlot(nowUtc);
    if (!slot) {
        slot = Slot{ m_clinic.providers.value(0).id, nowUtc.addDays(1), nowUtc.addDays(1).addSecs(1800) };
    }
    call.request.providerId = slot->providerId;
    call.request.startsAt = slot->startsAt;
    call.request.endsAt = slot->endsAt;
    switch (call.intent) {
    case Intent::TakenSlot: call.what = QStringLiteral("a slot that is already taken"); break;
    case Intent::OutsideHours: call.what = QStringLiteral("a time the clinic is closed"); break;
    default: call.what = QStringLiteral("a slot that looked free"); break;
    }
    if (roll >= 25 && roll < 33) {
        call.intent = Intent::InvalidOnPurpose;
        spoil(call.request, call.what, nowUtc);
    } else if (roll >= 33 && roll < 35) {
        call.intent = Intent::NoContact;
        call.request.phone = QStringLiteral("555-12");
        call.request.email.clear();
        call.what = QStringLiteral("a phone number too short, no email");
    }
    return call;
}

std::optional<CallSimulator::Call> CallSimulator::acceptAlternative(const Call &refused,
                                                                    const QList<QDateTime> &alternatives)
{
    if (alternatives.isEmpty() || m_random.bounded(2) == 0)
        return std::nullopt;
    Call call;
    call.intent = Intent::Alternative;
    call.request = refused.request;
    call.request.idempotencyKey = QStringLiteral("sim-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 length = refused.request.startsAt.secsTo(refused.request.endsAt);
    call.request.startsAt = alternatives.first();
    call.request.endsAt = alternatives.first().addSecs(length);
    call.what = QStringLiteral("the same caller, taking the first alternative offered");
    return call;
}

void CallSimulator::recordBooked(const Call &call)
{
    addTakenSlot(call.request.providerId, call.request.startsAt, call.request.endsAt);
    if (call.intent != Intent::Retry)
        m_sent.append(call.request);
}

} // namespace frontdesk
