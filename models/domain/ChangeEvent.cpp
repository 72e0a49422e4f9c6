#include "ChangeEvent.h"

namespace frontdesk {

ChangeEvent::Kind ChangeEvent::kindFromDatabase(const QString &text)
{
    static const struct { const char16_t *text; Kind kind; } kinds[] = {
        { u"appointment.booked", Kind::Booked },
        { u"appointment.confirm", Kind::Confirmed },
        { u"appointment.check_in", Kind::CheckedIn },
        { u"appointment.complete", Kind::Completed },
        { u"appointment.cancel", Kind::Cancelled },
        { u"appointment.no_show", Kind::NoShow },
        { u"appointment.reschedule", Kind::Rescheduled },
        { u"appointment.reopen", Kind::Reopened },
    };
    for (const auto &k : kinds) {
        if (text == QStringView(k.text))
            return k.kind;
    }
    if (text.startsWith(u"follow_up.") || text.startsWith(u"callback."))
        return Kind::FollowUp;
    return Kind::Other;
}

const Appointment *ChangeSet::appointment(qint64 id) const
{
    for (const Appointment &a : appointments) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

} // namespace frontdesk
