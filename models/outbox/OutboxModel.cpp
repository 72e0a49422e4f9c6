#include "OutboxModel.h"

#include "outbox/Outbox.h"
#include "text/ErrorTexts.h"

#include <algorithm>

namespace frontdesk {

OutboxModel::OutboxModel(const Outbox *outbox, QObject *parent)
    : QAbstractListModel(parent), m_outbox(outbox)
{
    connect(outbox, &Outbox::entriesChanged, this, &OutboxModel::sync);
    sync();
}

void OutboxModel::sync()
{
    const OutboxEntryList incoming = m_outbox ? m_outbox->entries() : OutboxEntryList();
    const auto has = [](const OutboxEntryList &list, qint64 seq) {
        return std::any_of(list.cbegin(), list.cend(), [seq](const OutboxEntry &e) { return e.seq == seq; });
    };
    // Gone (done or discarded): removed from the end, so the rows before keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!has(incoming, m_rows.at(row).seq)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Both lists are in the order taken: what is left is updated in place, what is new inserted
    // where its place in that order is.
    for (const OutboxEntry &e : incoming) {
        const int row = rowOf(e.seq);
        if (row >= 0) {
            const OutboxEntry &old = m_rows.at(row);
            if (old.state != e.state || old.attempts != e.attempts || old.lastAnswer.code != e.lastAnswer.code
                || old.summary != e.summary) {
                m_rows[row] = e;
                Q_EMIT dataChanged(index(row), index(row));
            }
            continue;
        }
        const int at = int(std::upper_bound(m_rows.cbegin(), m_rows.cend(), e.seq,
                                            [](qint64 seq, const OutboxEntry &x) { return seq < x.seq; })
                           - m_rows.cbegin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, e);
        endInsertRows();
    }
}

int OutboxModel::rowOf(qint64 seq) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).seq == seq)
            return row;
    }
    return -1;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString OutboxModel::stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending: return tr("Waiting to be sent");
    case OutboxEntry::State::Conflict: return tr("Needs you");
    case OutboxEntry::State::Done: return tr("Sent");
    case OutboxEntry::State::Discarded: return tr("Discarded");
    }
    return {};
}

bool OutboxModel::canBookAnotherTime(const OutboxEntry &entry)
{
    return entry.state == OutboxEntry::State::Conflict && entry.command.operation == Operation::Book
        && !entry.lastAnswer.alternatives().isEmpty();
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = m_rows.at(index.row());
    const bool conflict = e.state == OutboxEntry::State::Conflict;
    // Only a refusal is worth a person's reading; a transient answer (offline, busy) says nothing.
    const QString answer = conflict || (!e.lastAnswer.code.isEmpty() && !Outbox::isTransient(e.lastAnswer.code))
        ? errorText(e.lastAnswer.code) : QString();
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 – %2").arg(e.summary, stateText(e.state));
    case Qt::ToolTipRole:
        return answer.isEmpty() ? stateText(e.state) : QStringLiteral("%1 (%2)").arg(answer, e.lastAnswer.code);
    case SeqRole: return e.seq;
    case StateRole: return int(e.state);
    case NeedsPersonRole: return conflict;
    case SummaryRole: return e.summary;
    case StateTextRole: return stateText(e.state);
    case AnswerTextRole: return answer;
    case CodeRole: return e.lastAnswer.code;
    case AlternativesRole: {
        QVariantList starts;
        for (const QDateTime &t : e.lastAnswer.alternatives())
            starts.append(t);
        return starts;
    }
    case CanBookAnotherTimeRole: return canBookAnotherTime(e);
    }
    return {};
}

} // namespace frontdesk
