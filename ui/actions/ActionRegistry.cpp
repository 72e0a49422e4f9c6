#include "ActionRegistry.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

namespace frontdesk {

namespace {

struct Definition
{
    ActionId id;
    ActionRegistry::Menu menu;
    const char *objectName;
    const char *text;
    QKeySequence shortcut;
    bool separatorBefore = false;
    bool checkable = false;
};

using Menu = ActionRegistry::Menu;

// Single keys act on the selected appointment only while the book or the list has the focus
// (their shortcut context is set where they are added), so they never type into a field.
const QList<Definition> &definitions()
{
    static const QList<Definition> table = {
        { ActionId::SignOut, Menu::File, "actionSignOut", QT_TRANSLATE_NOOP("Action", "&Sign out of this PC…"), QKeySequence() },
        { ActionId::Quit, Menu::File, "actionQuit", QT_TRANSLATE_NOOP("Action", "&Quit"), QKeySequence::Quit },

        { ActionId::Book, Menu::Appointment, "actionBook", QT_TRANSLATE_NOOP("Action", "&Book appointment…"), QKeySequence::New },
        { ActionId::Confirm, Menu::Appointment, "actionConfirm", QT_TRANSLATE_NOOP("Action", "&Confirm"), QKeySequence(Qt::Key_C), true },
        { ActionId::CheckIn, Menu::Appointment, "actionCheckIn", QT_TRANSLATE_NOOP("Action", "Check &in"), QKeySequence(Qt::Key_I) },
        { ActionId::Complete, Menu::Appointment, "actionComplete", QT_TRANSLATE_NOOP("Action", "Co&mplete"), QKeySequence(Qt::Key_D) },
        { ActionId::NoShow, Menu::Appointment, "actionNoShow", QT_TRANSLATE_NOOP("Action", "&No-show…"), QKeySequence(Qt::Key_N) },
        { ActionId::Cancel, Menu::Appointment, "actionCancel", QT_TRANSLATE_NOOP("Action", "C&ancel appointment…"), QKeySequence(Qt::Key_X) },
        { ActionId::Reschedule, Menu::Appointment, "actionReschedule", QT_TRANSLATE_NOOP("Action", "&Reschedule…"), QKeySequence(Qt::Key_R) },
        { ActionId::Reopen, Menu::Appointment, "actionReopen", QT_TRANSLATE_NOOP("Action", "Re&open"), QKeySequence(Qt::Key_O) },
        { ActionId::MarkAllSeen, Menu::Appointment, "actionMarkAllSeen", QT_TRANSLATE_NOOP("Action", "Mark all new bookings &seen"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), true },
        { ActionId::PatientOfAppointment, Menu::Appointment, "actionPatientOfAppointment",
          QT_TRANSLATE_NOOP("Action", "&Patient history"), QKeySequence(Qt::CTRL | Qt::Key_H) },

        { ActionId::PreviousDay, Menu::Go, "actionPreviousDay", QT_TRANSLATE_NOOP("Action", "&Previous day"), QKeySequence(Qt::ALT | Qt::Key_Left) },
        { ActionId::Today, Menu::Go, "actionToday", QT_TRANSLATE_NOOP("Action", "&Today"), QKeySequence(Qt::CTRL | Qt::Key_T) },
        { ActionId::NextDay, Menu::Go, "actionNextDay", QT_TRANSLATE_NOOP("Action", "&Next day"), QKeySequence(Qt::ALT | Qt::Key_Right) },
        { ActionId::GoToDate, Menu::Go, "actionGoToDate", QT_TRANSLATE_NOOP("Action", "&Go to date…"), QKeySequence(Qt::CTRL | Qt::Key_G) },
        { ActionId::NextNewBooking, Menu::Go, "actionNextNewBooking", QT_TRANSLATE_NOOP("Action", "Next ne&w booking"),
          QKeySequence(Qt::CTRL | Qt::Key_J), true },
        { ActionId::FindPatient, Menu::Go, "actionFindPatient", QT_TRANSLATE_NOOP("Action", "&Find patient…"),
          QKeySequence::Find, true },

        { ActionId::ShowBook, Menu::View, "actionShowBook", QT_TRANSLATE_NOOP("Action", "Appointment &book"), QKeySequence(Qt::CTRL | Qt::Key_1) },
        { ActionId::ShowList, Menu::View, "actionShowList", QT_TRANSLATE_NOOP("Action", "&List"), QKeySequence(Qt::CTRL | Qt::Key_2) },
        { ActionId::FindInList, Menu::View, "actionFindInList", QT_TRANSLATE_NOOP("Action", "&Filter the list…"),
          QKeySequence(Qt::CTRL | Qt::Key_L) },
        { ActionId::ShowFollowUps, Menu::View, "actionShowFollowUps", QT_TRANSLATE_NOOP("Action", "Follow-up &queue"),
          QKeySequence(Qt::CTRL | Qt::Key_3) },
        { ActionId::ShowOutbox, Menu::View, "actionShowOutbox", QT_TRANSLATE_NOOP("Action", "&Outbox"),
          QKeySequence(Qt::CTRL | Qt::Key_4) },
        { ActionId::SoundOnNewBookings, Menu::View, "actionSoundOnNewBookings",
          QT_TRANSLATE_NOOP("Action", "&Sound on new bookings"), QKeySequence(), true, true },
    };
    return table;
}

} // namespace

ActionRegistry::ActionRegistry(QWidget *window) : QObject(window)
{
    for (const Definition &d : definitions()) {
        auto *action = new QAction(QCoreApplication::translate("Action", d.text), window);
        action->setObjectName(QLatin1String(d.objectName));
        action->setShortcut(d.shortcut);
        action->setCheckable(d.checkable);
        if (!d.shortcut.isEmpty())
            action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(u'&').remove(u'…'),
                                                               d.shortcut.toString(QKeySequence::NativeText)));
        m_actions.insert(d.id, action);
    }
}

QList<ActionId> ActionRegistry::actionsOf(Menu menu) const
{
    QList<ActionId> ids;
    for (const Definition &d : definitions()) {
        if (d.menu == menu)
            ids.append(d.id);
    }
    return ids;
}

QString ActionRegistry::menuTitle(Menu menu)
{
    switch (menu) {
    case Menu::File: return QCoreApplication::translate("Action", "&File");
    case Menu::Appointment: return QCoreApplication::translate("Action", "&Appointment");
    case Menu::Go: return QCoreApplication::translate("Action", "&Go");
    case Menu::View: return QCoreApplication::translate("Action", "&View");
    }
    return {};
}

void ActionRegistry::fillMenuBar(QMenuBar *bar)
{
    for (const Menu menu : { Menu::File, Menu::Appointment, Menu::Go, Menu::View }) {
        QMenu *m = bar->addMenu(menuTitle(menu));
        static const char *const names[] = { "menuFile", "menuAppointment", "menuGo", "menuView" };
        m->setObjectName(QLatin1String(names[int(menu)]));
        m_menus.insert(menu, m);
        for (const Definition &d : definitions()) {
            if (d.menu != menu)
                continue;
            if (d.separatorBefore)
                m->addSeparator();
            m->addAction(m_actions.value(d.id));
        }
    }
}

} // namespace frontdesk
