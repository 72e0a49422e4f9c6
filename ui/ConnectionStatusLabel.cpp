#include "ConnectionStatusLabel.h"

#include "text/ClockTime.h"


namespace frontdesk {

ConnectionStatusLabel::ConnectionStatusLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("connectionStatus"));
    setState(ConnectionState{});
}

QString ConnectionStatusLabel::describe(const ConnectionState &state, const QTimeZone &zone)
{
    const auto time = [&zone](const QDateTime &t) { return clockTime(t.toTimeZone(zone).time()); };
    switch (state.status) {
    case ConnectionState::Connecting:
        return tr("Connecting…");
    case ConnectionState::Online:
        return tr("Online");
    case ConnectionState::Reconnecting:
        return tr("Reconnecting…");
    case ConnectionState::Offline:
        if (state.dataAsOf.isValid())
            return tr("Offline since %1 – data as of %2").arg(time(state.since), time(state.dataAsOf));
        return tr("Offline since %1 – no data yet").arg(time(state.since));
    }
    return {};
}

void ConnectionStatusLabel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    setState(m_state);
}

void ConnectionStatusLabel::setState(const ConnectionState &state)
{
    m_state = state;
    setText(describe(state, m_zone));
    setToolTip(state.detail);
    // Said in words; bold when not online. No colour of its own: the palette's, readable in
    // any theme, and never the only sign.
    QFont f = font();
    f.setBold(state.status != ConnectionState::Online);
    setFont(f);
    setProperty("connectionStatus", int(state.status));
}

} // namespace frontdesk
