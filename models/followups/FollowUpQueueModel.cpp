#include "FollowUpQueueModel.h"

#include "text/ClockTime.h"
#include "text/ErrorTexts.h"

#include <QLocale>

namespace frontdesk {

namespace {

bool comesBefore(const FollowUp &a, const FollowUp &b)
{
    return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
}

bool sameForTheDesk(const FollowUp &a, const FollowUp &b)
{
    return a.status == b.status && a.claimedBy == b.claimedBy && a.claimExpiresAt == b.claimExpiresAt
        && a.dueAt == b.dueAt && a.recipient == b.recipient && a.message == b.message
        && a.patientName == b.patientName && a.appointmentStartsAt == b.appointmentStartsAt
        && a.callback.attempts == b.callback.attempts && a.callback.refusalCode == b.callback.refusalCode
        && a.callback.alternatives == b.callback.alternatives && a.callback.startsAt == b.callback.startsAt;
}

} // namespace

FollowUpQueueModel::FollowUpQueueModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void FollowUpQueueModel::setLogin(const QString &login)
{
    if (login == m_login)
        return;
    m_login = login;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1));
}

void FollowUpQueueModel::setNow(const QDateTime &now)
{
    QList<Availability> before;
    before.reserve(m_items.size());
    for (const FollowUp &item : std::as_const(m_items))
        before.append(availability(item));
    m_now = now;
    // Only the rows whose availability the clock changed are repainted.
    for (int row = 0; row < m_items.size(); ++row) {
        if (availability(m_items.at(row)) != before.at(row)) {
            Q_EMIT dataChanged(index(row), index(row));
            Q_EMIT itemChanged(m_items.at(row).id);
        }
    }
}

void FollowUpQueueModel::setQueue(const FollowUpQueue &queue)
{
    // A merge of two lists in the same order: rows that left are removed, rows that came are
    // inserted where they belong, rows that stayed are updated in place.
    FollowUpList incoming = queue.items;
    std::sort(incoming.begin(), incoming.end(), comesBefore);
    int row = 0;
    qsizetype next = 0;
    while (row < m_items.size() || next < incoming.size()) {
        if (next >= incoming.size() || (row < m_items.size() && comesBefore(m_items.at(row), incoming.at(next)))) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        } else if (row >= m_items.size() || comesBefore(incoming.at(next), m_items.at(row))) {
            beginInsertRows({}, row, row);
            m_items.insert(row, incoming.at(next));
            endInsertRows();
            ++row;
            ++next;
        } else {
            if (!sameForTheDesk(m_items.at(row), incoming.at(next))) {
                m_items[row] = incoming.at(next);
                Q_EMIT dataChanged(index(row), index(row));
                Q_EMIT itemChanged(m_items.at(row).id);
            }
            ++row;
            ++next;
        }
    }
    if (queue.openCount != m_openCount) {
        m_openCount = queue.openCount;
        Q_EMIT openCountChanged(m_openCount);
    }
}

void FollowUpQueueModel::clear()
{
    setQueue({});
}

int FollowUpQueueModel::rowOf(qint64 followUpId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == followUpId)
            return row;
    }
    return -1;
}

const FollowUp *FollowUpQueueModel::item(qint64 followUpId) const
{
    const int row = rowOf(followUpId);
    return row < 0 ? nullptr : &m_items.at(row);
}

FollowUpQueueModel::Availability FollowUpQueueModel::availability(const FollowUp &item) const
{
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (item.isClaimedBy(m_login, now))
        return Availability::Mine;
    if (item.isHeldByOther(m_login, now))
        return Availability::HeldByOther;
    if (!item.isDue(now))
        return Availability::NotYetDue;
    return Availability::Available;
}

int FollowUpQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant FollowUpQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FollowUp &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(item);
    case Qt::ToolTipRole:
        return claimText(item);
    case IdRole:
        return item.id;
    case KindRole:
        return int(item.kind);
    case AvailabilityRole:
        return int(availability(item));
    case PatientIdRole:
        return item.patientId;
    case SearchTextRole:
        return QStringList{ item.patientName, item.recipient, item.callback.email }.join(u' ');
    default:
        return {};
    }
}

QString FollowUpQueueModel::kindText(FollowUp::Kind kind)
{
    switch (kind) {
    case FollowUp::Kind::Sms: return tr("SMS");
    case FollowUp::Kind::Calendar: return tr("Calendar");
    case FollowUp::Kind::Callback: return tr("Call back");
    }
    return {};
}

QString FollowUpQueueModel::purposeText(const FollowUp &item)
{
    if (item.kind == FollowUp::Kind::Callback)
        return errorText(item.callback.refusalCode);
    if (item.purpose == u"cancelled")
        return tr("cancellation");
    if (item.purpose == u"rescheduled")
        return tr("moved");
    return tr("booked");
}

QString FollowUpQueueModel::callbackReason(const QString &code)
{
    static const struct { const char16_t *code; const char *text; } reasons[] = {
        { u"SLOT_UNAVAILABLE", QT_TR_NOOP("slot taken") },
        { u"PATIENT_BUSY", QT_TR_NOOP("already booked then") },
        { u"OUTSIDE_HOURS", QT_TR_NOOP("clinic closed then") },
        { u"IN_THE_PAST", QT_TR_NOOP("time already past") },
        { u"INVALID_TIME", QT_TR_NOOP("no usable time") },
        { u"INVALID_PHONE", QT_TR_NOOP("number unclear") },
        { u"INVALID_EMAIL", QT_TR_NOOP("email unclear") },
        { u"INVALID_NAME", QT_TR_NOOP("name unclear") },
        { u"UNKNOWN_PROVIDER", QT_TR_NOOP("doctor not found") },
    };
    for (const auto &r : reasons) {
        if (code == QStringView(r.code))
            return tr(r.text);
    }
    return tr("not booked");
}

// Two short lines, so that a narrow dock still shows who and when: the kind and the person, then
// what for, when, and who is on it.
QString FollowUpQueueModel::title(const FollowUp &item) const
{
    QStringList second;
    second << (item.kind == FollowUp::Kind::Callback ? callbackReason(item.callback.refusalCode) : purposeText(item));
    if (item.appointmentStartsAt.isValid())
        second << QLocale().toString(item.appointmentStartsAt.toTimeZone(m_zone), QStringLiteral("ddd d MMM HH:mm"));
    switch (availability(item)) {
    case Availability::Mine: second << tr("yours"); break;
    case Availability::HeldByOther: second << tr("%1 is on it").arg(item.claimedBy); break;
    case Availability::NotYetDue: second << tr("caller may still be with the agent"); break;
    case Availability::Available: break;
    }
    const QString who = item.patientName.isEmpty() ? tr("a caller") : item.patientName;
    return tr("%1: %2").arg(kindText(item.kind), who) + u'\n' + second.join(QStringLiteral(" · "));
}

QString FollowUpQueueModel::claimText(const FollowUp &item) const
{
    const QString until = clockTime(item.claimExpiresAt.toTimeZone(m_zone).time());
    switch (availability(item)) {
    case Availability::Mine:
        return tr("Claimed by you until %1").arg(until);
    case Availability::HeldByOther:
        return tr("Claimed by %1 until %2: it cannot be completed here").arg(item.claimedBy, until);
    case Availability::NotYetDue:
        return tr("The caller may still be on the line with the AI agent until %1")
            .arg(clockTime(item.dueAt.toTimeZone(m_zone).time()));
    case Availability::Available:
        return tr("Open it to claim it for this desk");
    }
    return {};
}

void FollowUpQueueModel::setCopyAsOf(const QDateTime &asOf)
{
    if (asOf == m_copyAsOf)
        return;
    m_copyAsOf = asOf;
    Q_EMIT copyAsOfChanged(asOf);
}

} // namespace frontdesk
