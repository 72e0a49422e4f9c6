#include "OutboxEntry.h"

namespace frontdesk {

QString toDatabaseText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending: return QStringLiteral("pending");
    case OutboxEntry::State::Conflict: return QStringLiteral("conflict");
    case OutboxEntry::State::Done: return QStringLiteral("done");
    case OutboxEntry::State::Discarded: return QStringLiteral("discarded");
    }
    return QStringLiteral("pending");
}

OutboxEntry::State outboxStateFromText(const QString &text)
{
    if (text == u"conflict")
        return OutboxEntry::State::Conflict;
    if (text == u"done")
        return OutboxEntry::State::Done;
    if (text == u"discarded")
        return OutboxEntry::State::Discarded;
    return OutboxEntry::State::Pending;
}

} // namespace frontdesk
