#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace frontdesk {

// The one way the desk asks a yes-or-no question (a window-modal box, only for confirmations;
// opened, never exec()'d, so no nested event loop runs under the live views). Tests answer in
// advance with setNextAnswer(), so no test ever waits on a box nobody can see.
namespace Confirmation {

// Calls `onYes` once the person has chosen `yesText`; nothing when they cancel.
void ask(QWidget *parent, const QString &title, const QString &question, const QString &yesText,
         std::function<void()> onYes);

// The answer the next ask() gives without showing anything (tests).
void setNextAnswer(bool yes);
// How many questions were answered from setNextAnswer() (tests: that a question was asked).
int answeredInAdvance();

} // namespace Confirmation

} // namespace frontdesk
