#include "Command.h"

#include "db/SqlStatement.h"

#include <QJsonArray>
#include <QUuid>

namespace frontdesk {

namespace {

enum class Arg { Id, OptionalId, Time, OptionalTime, Text, OptionalText };

struct Signature
{
    Operation operation;
    const char *name;       // the wire name in a stored command
    const char *function;   // in schema frontdesk
    std::initializer_list<Arg> arguments;
};

const Signature kSignatures[] = {
    { Operation::Book, "book", "book_appointment_atomic",
      { Arg::Id, Arg::Id, Arg::OptionalTime, Arg::OptionalTime, Arg::OptionalText, Arg::OptionalText,
        Arg::OptionalText, Arg::Text, Arg::OptionalText, Arg::OptionalText, Arg::OptionalText } },
    { Operation::Confirm, "confirm", "confirm_appointment", { Arg::Id } },
    { Operation::CheckIn, "check_in", "check_in_appointment", { Arg::Id } },
    { Operation::Complete, "complete", "complete_appointment", { Arg::Id } },
    { Operation::Cancel, "cancel", "cancel_appointment", { Arg::Id, Arg::OptionalText } },
    { Operation::MarkNoShow, "no_show", "mark_no_show", { Arg::Id } },
    { Operation::Reschedule, "reschedule", "reschedule_appointment",
      { Arg::Id, Arg::Time, Arg::Time, Arg::OptionalId } },
    { Operation::Reopen, "reopen", "reopen_appointment", { Arg::Id } },
    { Operation::ClaimFollowUp, "claim_follow_up", "claim_follow_up", { Arg::Id } },
    { Operation::ReleaseFollowUp, "release_follow_up", "release_follow_up", { Arg::Id } },
    { Operation::CompleteFollowUp, "complete_follow_up", "complete_follow_up",
      { Arg::Id, Arg::Text, Arg::OptionalText } },
    { Operation::AddPatientNote, "add_patient_note", "add_patient_note",
      { Arg::Id, Arg::OptionalText, Arg::OptionalId } },
};

const Signature &signatureOf(Operation operation)
{
    for (const Signature &s : kSignatures) {
        if (s.operation == operation)
            return s;
    }
    Q_UNREACHABLE();
}

QVariant nullFor(Arg arg)
{
    switch (arg) {
    case Arg::Id: case Arg::OptionalId: return sqlNull<qint64>();
    case Arg::Time: case Arg::OptionalTime: return sqlNull<QDateTime>();
    case Arg::Text: case Arg::OptionalText: return sqlNull<QString>();
    }
    return {};
}

bool isOptional(Arg arg)
{
    return arg == Arg::OptionalId || arg == Arg::OptionalTime || arg == Arg::OptionalText;
}

QVariant text(const QString &s)
{
    return s.isEmpty() ? sqlNull<QString>() : QVariant(s);
}

QVariant time(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC()) : sqlNull<QDateTime>();
}

QJsonValue toJsonValue(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue::Null;
    switch (v.metaType().id()) {
    case QMetaType::LongLong: return QString::number(v.toLongLong());   // exact, unlike a double
    case QMetaType::QDateTime: return v.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    default: return v.toString();
    }
}

std::optional<QVariant> fromJsonValue(const QJsonValue &v, Arg arg)
{
    if (v.isNull())
        return isOptional(arg) ? std::optional<QVariant>(nullFor(arg)) : std::nullopt;
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString();
    switch (arg) {
    case Arg::Id: case Arg::OptionalId: {
        bool ok = false;
        const qint64 id = s.toLongLong(&ok);
        return ok ? std::optional<QVariant>(QVariant(id)) : std::nullopt;
    }
    case Arg::Time: case Arg::OptionalTime: {
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        return t.isValid() ? std::optional<QVariant>(QVariant(t.toUTC())) : std::nullopt;
    }
    case Arg::Text: case Arg::OptionalText:
        return QVariant(s);
    }
    return std::nullopt;
}

Command make(Operation operation, qint64 targetId, QVariantList arguments)
{
    Command c;
    c.operation = operation;
    c.targetId = targetId;
    c.arguments = std::move(arguments);
    c.key = QStringLiteral("desk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return c;
}

} // namespace

CommandTarget targetOf(Operation operation)
{
    switch (operation) {
    case Operation::Book:
        return CommandTarget::None;
    case Operation::Confirm: case Operation::CheckIn: case Operation::Complete: case Operation::Cancel:
    case Operation::MarkNoShow: case Operation::Reschedule: case Operation::Reopen:
        return CommandTarget::Appointment;
    case Operation::ClaimFollowUp: case Operation::ReleaseFollowUp: case Operation::CompleteFollowUp:
        return CommandTarget::FollowUp;
    case Operation::AddPatientNote:
        return CommandTarget::Patient;
    }
    return CommandTarget::None;
}

QString Command::functionName() const
{
    return QStringLiteral("frontdesk.") + QLatin1String(signatureOf(operation).function);
}

QVariantList Command::callArguments() const
{
    // A booking carries its key among its arguments; every other call takes it last (schema v15).
    if (operation == Operation::Book)
        return arguments;
    QVariantList all = arguments;
    all.append(key);
    return all;
}

QJsonObject Command::toJson() const
{
    QJsonArray args;
    for (const QVariant &v : arguments)
        args.append(toJsonValue(v));
    return QJsonObject{
        { QStringLiteral("operation"), QLatin1String(signatureOf(operation).name) },
        { QStringLiteral("arguments"), args },
        { QStringLiteral("key"), key },
        { QStringLiteral("target_id"), QString::number(targetId) },
    };
}

std::optional<Command> Command::fromJson(const QJsonObject &json)
{
    const QString name = json.value(u"operation").toString();
    const Signature *signature = nullptr;
    for (const Signature &s : kSignatures) {
        if (name == QLatin1String(s.name))
            signature = &s;
    }
    const QJsonArray args = json.value(u"arguments").toArray();
    if (!signature || args.size() != qsizetype(signature->arguments.size()) || json.value(u"key").toString().isEmpty())
        return std::nullopt;
    Command c;
    c.operation = signature->operation;
    c.key = json.value(u"key").toString();
    c.targetId = json.value(u"target_id").toString().toLongLong();
    int i = 0;
    for (const Arg arg : signature->arguments) {
        const auto value = fromJsonValue(args.at(i++), arg);
        if (!value)
            return std::nullopt;
        c.arguments.append(*value);
    }
    // What it says it acts on is what it acts on: the first argument of every call but booking.
    const qint64 target = targetOf(c.operation) == CommandTarget::None ? 0 : c.arguments.first().toLongLong();
    if (c.targetId != target)
        return std::nullopt;
    return c;
}

namespace Commands {

Command book(const BookingRequest &r)
{
    Command c = make(Operation::Book, 0, {});
    // The request's key as given: a request without one is the database's to refuse.
    if (!r.idempotencyKey.isEmpty())
        c.key = r.idempotencyKey;
    c.arguments = { r.orgId, r.providerId, time(r.startsAt), time(r.endsAt), text(r.patientName), text(r.phone),
                    text(r.email), toDatabaseText(r.source), text(r.idempotencyKey), text(r.service), text(r.notes) };
    return c;
}

Command confirm(qint64 id) { return make(Operation::Confirm, id, { id }); }
Command checkIn(qint64 id) { return make(Operation::CheckIn, id, { id }); }
Command complete(qint64 id) { return make(Operation::Complete, id, { id }); }
Command cancel(qint64 id, const QString &reason) { return make(Operation::Cancel, id, { id, text(reason) }); }
Command markNoShow(qint64 id) { return make(Operation::MarkNoShow, id, { id }); }
Command reopen(qint64 id) { return make(Operation::Reopen, id, { id }); }

Command reschedule(qint64 id, const QDateTime &startsAt, const QDateTime &endsAt, qint64 providerId)
{
    return make(Operation::Reschedule, id,
                { id, time(startsAt), time(endsAt), providerId > 0 ? QVariant(providerId) : sqlNull<qint64>() });
}

Command claimFollowUp(qint64 id) { return make(Operation::ClaimFollowUp, id, { id }); }
Command releaseFollowUp(qint64 id) { return make(Operation::ReleaseFollowUp, id, { id }); }

Command completeFollowUp(qint64 id, const QString &outcome, const QString &note)
{
    return make(Operation::CompleteFollowUp, id, { id, outcome, text(note) });
}

Command addPatientNote(qint64 patientId, const QString &body, qint64 appointmentId)
{
    return make(Operation::AddPatientNote, patientId,
                { patientId, text(body), appointmentId > 0 ? QVariant(appointmentId) : sqlNull<qint64>() });
}

} // namespace Commands

} // namespace frontdesk
