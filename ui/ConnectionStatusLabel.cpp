#include "ConnectionStatusLabel.h"

#include "text/ClockTime.h"


namespace frontdesk {

ConnectionStatusLabel::ConnectionStatusLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("connectionStatus"));
    setState(ConnectionState{});
}

QString ConnectionStatusLabel::describe(const ConnectionState &state)
{
    const auto time = [](const QDateTime &t) { return clockTime(t.toLocalTime().time()); };
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

void ConnectionStatusLabel::setState(const ConnectionState &state)
{
    setText(describe(state));
    setToolTip(state.detail);
    static const char *const colours[] = { "#6b6b6b", "#1b7f3b", "#b26a00", "#b3261e" };
    setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(QLatin1String(colours[state.status])));
    setProperty("connectionStatus", int(state.status));
}

} // namespace frontdesk
