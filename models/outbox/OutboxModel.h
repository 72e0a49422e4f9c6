#pragma once

#include "outbox/OutboxEntry.h"

#include <QAbstractListModel>
#include <QPointer>

namespace frontdesk {

class Outbox;

// The outbox's open entries, oldest first, for the outbox dock: what was done, whether it waits
// to be sent or for a person, and the database's answer in words. An adapter: it follows the
// outbox's entriesChanged with row signals (a view keeps its current entry), and never decides
// anything itself; retry, discard and booking again go through the outbox and the session.
class OutboxModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        SeqRole = Qt::UserRole + 1,   // qint64: the entry's place in the outbox
        StateRole,                    // OutboxEntry::State as int
        NeedsPersonRole,              // bool: refused, waiting for a person to decide
        SummaryRole,                  // QString: what was done, in the person's words
        StateTextRole,                // QString: "Waiting to be sent" or "Needs you"
        AnswerTextRole,               // QString: the database's refusal in plain words; empty if none
        CodeRole,                     // QString: the last answer's code; empty if none
        AlternativesRole,             // QVariantList of QDateTime (UTC): the nearest free starts
        CanBookAnotherTimeRole,       // bool: a refused booking with free starts on offer
    };

    explicit OutboxModel(const Outbox *outbox, QObject *parent = nullptr);

    int rowOf(qint64 seq) const;
    const OutboxEntry &entryAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString stateText(OutboxEntry::State state);
    // Whether "Book another time" is on offer for this entry.
    static bool canBookAnotherTime(const OutboxEntry &entry);

private:
    void sync();

    QPointer<const Outbox> m_outbox;
    OutboxEntryList m_rows;
};

} // namespace frontdesk
