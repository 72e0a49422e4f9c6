#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace frontdesk {

// Every command of the desk, by a stable id.
enum class ActionId {
    SignOut, Quit,
    Book, Confirm, CheckIn, Complete, Cancel, NoShow, Reschedule, Reopen, MarkAllSeen, PatientOfAppointment,
    PreviousDay, Today, NextDay, GoToDate, NextNewBooking, FindPatient,
    ShowBook, ShowList, FindInList, ShowFollowUps, ShowOutbox, SoundOnNewBookings,
};

// The desk's actions, each defined once (objectName, text, shortcut, menu) in ActionRegistry.cpp,
// and shared by the menu bar, the toolbar and the context menus. Whoever owns an action's
// meaning connects to it and keeps its enabled state; the registry only makes and finds them.
class ActionRegistry : public QObject
{
    Q_OBJECT

public:
    enum class Menu { File, Appointment, Go, View };

    explicit ActionRegistry(QWidget *window);

    QAction *action(ActionId id) const { return m_actions.value(id); }
    QList<ActionId> actionsOf(Menu menu) const;
    // The menu bar, in the order of the table, with separators between groups.
    void fillMenuBar(QMenuBar *bar);
    // A menu made by fillMenuBar(), for what others add (the docks' toggles in View).
    QMenu *menu(Menu menu) const { return m_menus.value(menu); }

    static QString menuTitle(Menu menu);

private:
    QHash<ActionId, QAction *> m_actions;
    QHash<Menu, QMenu *> m_menus;
};

} // namespace frontdesk
