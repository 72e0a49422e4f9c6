#pragma once

#include "domain/ConnectionState.h"

#include <QLabel>
#include <QTimeZone>

namespace frontdesk {

// The status bar's always-visible word on the clinic database: online, reconnecting, or
// offline since a time with the data as of a time.
class ConnectionStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatusLabel(QWidget *parent = nullptr);

    void setState(const ConnectionState &state);
    // Times are said in the clinic's zone, which may not be this PC's.
    void setTimeZone(const QTimeZone &zone);

    static QString describe(const ConnectionState &state, const QTimeZone &zone = QTimeZone::systemTimeZone());

private:
    ConnectionState m_state;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace frontdesk
