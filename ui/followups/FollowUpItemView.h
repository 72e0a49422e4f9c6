#pragma once

#include "domain/FollowUp.h"
#include "followups/FollowUpQueueModel.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace frontdesk {

// One follow-up item, with what can be done about it: the SMS's text and number, the calendar
// entry's file, the caller's request and why the agent could not book it, and the outcomes of
// its kind. It shows and asks; the panel does the work.
class FollowUpItemView : public QWidget
{
    Q_OBJECT

public:
    enum class Action { CopyText, CopyNumber, SaveCalendarFile, OpenInCalendar, BookForCaller, OpenPatient, Release };

    explicit FollowUpItemView(QWidget *parent = nullptr);

    // nullptr shows that nothing is open.
    void showItem(const FollowUp *item, FollowUpQueueModel::Availability availability, const QTimeZone &zone);
    qint64 itemId() const { return m_itemId; }
    QString note() const;
    void clearNote();
    void focusNote();
    // Where Tab from the queue's list goes: the note.
    QWidget *firstInTabOrder() const;

Q_SIGNALS:
    void actionRequested(frontdesk::FollowUpItemView::Action action);
    void completeRequested(const QString &outcome, const QString &note);

private:
    QPushButton *addButton(const QString &text, const char *objectName);
    QPushButton *addOutcome(const QString &text, const char *objectName, const char *outcome);
    void showSms(const FollowUp &item, const QTimeZone &zone);
    void showCalendar(const FollowUp &item, const QTimeZone &zone);
    void showCallback(const FollowUp &item, const QTimeZone &zone);

    qint64 m_itemId = 0;
    QLabel *m_heading;
    QLabel *m_claim;
    QLabel *m_details;
    QPlainTextEdit *m_message;
    QLineEdit *m_note;
    QList<QPushButton *> m_smsButtons;
    QList<QPushButton *> m_calendarButtons;
    QList<QPushButton *> m_callbackButtons;
    QList<QPushButton *> m_completing;   // disabled while another desk holds the item
    QPushButton *m_release;
    QPushButton *m_patient;
};

} // namespace frontdesk
