#include "AppointmentHistoryModel.h"

#include "text/ClockTime.h"

#include <QLocale>

namespace frontdesk {

namespace {

QDateTime utcFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

AppointmentHistoryModel::AppointmentHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void AppointmentHistoryModel::setClinic(const Clinic &clinic)
{
    m_clinic = clinic;
    if (m_rows.isEmpty())
        return;
    // The times and a reschedule's provider are read in the clinic: make the texts again.
    for (int row = 0; row < m_rows.size(); ++row)
        m_rows[row] = makeRow(m_history.at(row));
    Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void AppointmentHistoryModel::setHistory(qint64 appointmentId, const AppointmentHistory &history)
{
    // The same appointment, grown by newer events: insert those, keep the rest as they are.
    bool grows = appointmentId == m_appointmentId && history.size() >= m_history.size();
    for (int i = 0; grows && i < m_history.size(); ++i)
        grows = history.at(i).id == m_history.at(i).id;
    if (grows) {
        if (history.size() == m_history.size())
            return;
        const int first = int(m_history.size());
        const int last = int(history.size()) - 1;
        beginInsertRows({}, first, last);
        for (int i = first; i <= last; ++i) {
            m_history.append(history.at(i));
            m_rows.append(makeRow(history.at(i)));
        }
        endInsertRows();
        return;
    }
    beginResetModel();
    m_appointmentId = appointmentId;
    m_history = history;
    m_rows.clear();
    m_rows.reserve(history.size());
    for (const AppointmentEvent &event : history)
        m_rows.append(makeRow(event));
    endResetModel();
}

void AppointmentHistoryModel::clear()
{
    if (m_appointmentId == 0 && m_history.isEmpty())
        return;
    beginResetModel();
    m_appointmentId = 0;
    m_history.clear();
    m_rows.clear();
    endResetModel();
}

bool AppointmentHistoryModel::concerns(const ChangeSet &changes) const
{
    if (m_appointmentId == 0)
        return false;
    for (const ChangeEvent &event : changes.events) {
        if (event.appointmentId == m_appointmentId)
            return true;
    }
    return changes.appointment(m_appointmentId) != nullptr;
}

QString AppointmentHistoryModel::timeText(const QDateTime &utc) const
{
    if (!utc.isValid())
        return {};
    const QDateTime local = m_clinic.timeZone.isValid() ? utc.toTimeZone(m_clinic.timeZone) : utc.toLocalTime();
    return tr("%1 %2", "a date in the locale's short format, then a time of day")
        .arg(QLocale().toString(local.date(), QLocale::ShortFormat), clockTime(local.time()));
}

QString AppointmentHistoryModel::providerName(qint64 providerId) const
{
    for (const Provider &provider : m_clinic.providers) {
        if (provider.id == providerId)
            return provider.displayName;
    }
    return {};
}

QString AppointmentHistoryModel::describe(const AppointmentEvent &event) const
{
    const QString &who = event.actor;
    const QJsonObject &d = event.details;
    switch (event.kind) {
    case ChangeEvent::Kind::Booked:
        if (d.value(u"source").toString() == u"ai_voice")
            return tr("Booked by the AI agent");
        return tr("Booked by %1").arg(who);
    case ChangeEvent::Kind::Confirmed:
        return tr("Confirmed by %1").arg(who);
    case ChangeEvent::Kind::CheckedIn:
        return tr("Checked in");
    case ChangeEvent::Kind::Completed:
        return tr("Completed");
    case ChangeEvent::Kind::Cancelled: {
        const QString reason = d.value(u"reason").toString();
        if (reason.isEmpty())
            return tr("Cancelled by %1").arg(who);
        return tr("Cancelled by %1: %2").arg(who, reason);
    }
    case ChangeEvent::Kind::NoShow:
        return tr("Marked as a no-show");
    case ChangeEvent::Kind::Rescheduled: {
        const QString from = timeText(utcFromJson(d.value(u"old_starts_at")));
        const QString to = timeText(utcFromJson(d.value(u"starts_at")));
        if (from.isEmpty() || to.isEmpty())
            return tr("Rescheduled by %1").arg(who);
        const qint64 oldProvider = d.value(u"old_provider_id").toInteger();
        const qint64 newProvider = d.value(u"provider_id").toInteger();
        const QString provider = providerName(newProvider);
        if (newProvider != oldProvider && !provider.isEmpty())
            return tr("Rescheduled by %1 from %2 to %3 with %4").arg(who, from, to, provider);
        return tr("Rescheduled by %1 from %2 to %3").arg(who, from, to);
    }
    case ChangeEvent::Kind::Reopened:
        return tr("Reopened by %1").arg(who);
    case ChangeEvent::Kind::FollowUp: {
        const QString text = describeFollowUp(event);
        return text.isEmpty() ? event.kindText : text;
    }
    case ChangeEvent::Kind::Other:
        break;
    }
    if (event.kindText == u"patient.staff_note")
        return tr("Note added by %1").arg(who);
    if (event.kindText == u"patient.ai_call")
        return tr("Call noted by the AI agent");
    // A kind this desk does not know yet: as logged, never guessed as another.
    return event.kindText;
}

// follow_up.claim, .release and .complete (with outcome and note) of an SMS or a calendar entry,
// and the completion of a call-back by this booking; empty for anything else, which is then
// shown as logged.
QString AppointmentHistoryModel::describeFollowUp(const AppointmentEvent &event) const
{
    const QString &who = event.actor;
    const QString item = event.details.value(u"kind").toString();
    const QString outcome = event.details.value(u"outcome").toString();
    const bool sms = item == u"sms";
    if (item == u"callback") {
        // The booking completed the call-back of the caller it was made for.
        if (event.kindText == u"follow_up.complete" && outcome == u"booked")
            return tr("Call-back of a failed AI call done: booked by %1").arg(who);
        return {};
    }
    if (!sms && item != u"calendar")
        return {};
    QString text;
    if (event.kindText == u"follow_up.claim") {
        text = sms ? tr("SMS confirmation claimed by %1").arg(who) : tr("Calendar entry claimed by %1").arg(who);
    } else if (event.kindText == u"follow_up.release") {
        text = sms ? tr("SMS confirmation released by %1").arg(who) : tr("Calendar entry released by %1").arg(who);
    } else if (event.kindText == u"follow_up.complete") {
        if (outcome == u"sent")
            text = sms ? tr("SMS confirmation sent by %1").arg(who) : tr("Calendar entry made by %1").arg(who);
        else if (outcome == u"failed")
            text = sms ? tr("SMS confirmation marked as failed by %1").arg(who)
                       : tr("Calendar entry marked as failed by %1").arg(who);
        else if (outcome == u"skipped")
            text = sms ? tr("SMS confirmation skipped by %1").arg(who) : tr("Calendar entry skipped by %1").arg(who);
    }
    const QString note = event.details.value(u"note").toString();
    if (text.isEmpty() || note.isEmpty())
        return text;
    return tr("%1: %2", "what happened, then the note given with it").arg(text, note);
}

AppointmentHistoryModel::Row AppointmentHistoryModel::makeRow(const AppointmentEvent &event) const
{
    return Row{ describe(event), timeText(event.occurredAt) };
}

int AppointmentHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AppointmentHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AppointmentEvent &event = m_history.at(index.row());
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 – %2", "the time, then what happened").arg(row.time, row.description);
    case Qt::ToolTipRole:
        return tr("%1\nRecorded by %2 at %3").arg(row.description, event.actor, row.time);
    case Qt::AccessibleTextRole:
        return tr("%1, at %2").arg(row.description, row.time);
    case EventIdRole: return event.id;
    case KindRole: return int(event.kind);
    case KindTextRole: return event.kindText;
    case ActorRole: return event.actor;
    case OccurredAtRole: return event.occurredAt;
    case DetailsRole: return event.details;
    case DescriptionRole: return row.description;
    case TimeTextRole: return row.time;
    }
    return {};
}

} // namespace frontdesk
