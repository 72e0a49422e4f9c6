#pragma once

#include <QAction>
#include <QWidget>
#include <QtTest>

namespace frontdesk::test {

// Triggers a window's action by objectName as a person would, and fails the test (never crashes
// it) when the action is missing or disabled, saying why. Callers check
// QTest::currentTestFailed() after it.
inline void triggerAction(QWidget *window, const char *objectName)
{
    // Each check returns by itself: under QEXPECT_FAIL(..., Continue) a failed QVERIFY goes on.
    QAction *action = window->findChild<QAction *>(QLatin1String(objectName));
    if (!action) {
        QVERIFY2(false, qPrintable(QStringLiteral("no action %1").arg(QLatin1String(objectName))));
        return;
    }
    if (!action->isEnabled()) {
        QVERIFY2(false, qPrintable(QStringLiteral("%1 is disabled: %2").arg(QLatin1String(objectName), action->toolTip())));
        return;
    }
    action->trigger();
}

} // namespace frontdesk::test
