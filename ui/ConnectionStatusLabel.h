#pragma once

#include "domain/ConnectionState.h"

#include <QLabel>

namespace frontdesk {

// The status bar's always-visible word on the clinic database: online, reconnecting, or
// offline since a time with the data as of a time.
class ConnectionStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatusLabel(QWidget *parent = nullptr);

    void setState(const ConnectionState &state);

    static QString describe(const ConnectionState &state);
};

} // namespace frontdesk
