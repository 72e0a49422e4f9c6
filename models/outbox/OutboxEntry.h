#pragma once

#include "commands/Command.h"
#include "commands/CommandResult.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// One staff action kept on this PC until the clinic database has answered it.
struct OutboxEntry
{
    enum class State {
        Pending,     // to be sent, in order; sending again is safe (its key)
        Conflict,    // the database refused it: waits for a person to decide
        Done,        // applied (or answered as applied before)
        Discarded,   // a person decided to drop it
    };

    qint64 seq = 0;            // the order it was taken in
    Command command;
    QString summary;           // what the person did, in their words ("Cancel Ada Lovelace, 10:30")
    QDateTime takenAt;         // UTC, by this PC's clock
    State state = State::Pending;
    int attempts = 0;
    CommandResult lastAnswer;  // the database's answer to the last attempt, if any

    bool isOpen() const { return state == State::Pending || state == State::Conflict; }
};

using OutboxEntryList = QList<OutboxEntry>;

QString toDatabaseText(OutboxEntry::State state);
OutboxEntry::State outboxStateFromText(const QString &text);

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::OutboxEntry)
Q_DECLARE_METATYPE(frontdesk::OutboxEntryList)
