#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// What the status bar tells the desk about the clinic database.
struct ConnectionState
{
    enum Status { Connecting, Online, Reconnecting, Offline };

    Status status = Connecting;
    QDateTime since;      // when this status began (UTC)
    QDateTime dataAsOf;   // when the shown data was last read from the database (UTC)
    QString detail;       // the last error, for the tooltip and the log
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::ConnectionState)
