#include "Confirmation.h"

#include <QMessageBox>
#include <QPushButton>

#include <optional>

namespace frontdesk::Confirmation {

namespace {
std::optional<bool> g_nextAnswer;
int g_answeredInAdvance = 0;
} // namespace

void ask(QWidget *parent, const QString &title, const QString &question, const QString &yesText,
         std::function<void()> onYes)
{
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        ++g_answeredInAdvance;
        if (answer)
            onYes();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("confirmationBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton *yes = box->addButton(yesText, QMessageBox::AcceptRole);
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);   // Enter on a box that appeared unexpectedly changes nothing
    QObject::connect(box, &QMessageBox::finished, box, [box, yes, onYes = std::move(onYes)] {
        if (box->clickedButton() == yes)
            onYes();
    });
    box->open();
}

void setNextAnswer(bool yes)
{
    g_nextAnswer = yes;
}

int answeredInAdvance()
{
    return g_answeredInAdvance;
}

} // namespace frontdesk::Confirmation
