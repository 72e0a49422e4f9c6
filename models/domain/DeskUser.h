#pragma once

#include <QMetaType>
#include <QString>

namespace frontdesk {

// The staff login this desk works as: what it may do is the database's rule, this only lets
// the desk offer the actions the database would accept (reopening is for managers).
struct DeskUser
{
    QString login;
    QString displayName;
    bool isManager = false;
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::DeskUser)
