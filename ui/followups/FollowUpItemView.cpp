#include "FollowUpItemView.h"

#include "text/ClockTime.h"
#include "text/ErrorTexts.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

QString localTime(const QDateTime &at, const QTimeZone &zone)
{
    return QLocale().toString(at.toTimeZone(zone), QStringLiteral("ddd d MMM yyyy, HH:mm"));
}

} // namespace

FollowUpItemView::FollowUpItemView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_claim(new QLabel(this))
    , m_details(new QLabel(this))
    , m_message(new QPlainTextEdit(this))
    , m_note(new QLineEdit(this))
{
    m_heading->setObjectName(QStringLiteral("followUpHeading"));
    m_heading->setWordWrap(true);
    // Callers' names as the agent heard them: shown as text, never as markup.
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_claim->setObjectName(QStringLiteral("followUpClaimState"));
    m_claim->setWordWrap(true);
    m_claim->setTextFormat(Qt::PlainText);
    m_details->setObjectName(QStringLiteral("followUpDetailsText"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("followUpMessage"));
    m_message->setReadOnly(true);
    m_message->setMaximumHeight(m_message->fontMetrics().lineSpacing() * 5);
    m_note->setObjectName(QStringLiteral("followUpNote"));
    m_note->setPlaceholderText(tr("Note: why it failed, was skipped, or what the caller said"));
    m_note->setMaxLength(2000);   // the database's limit is 1000: a longer note is refused with words, not cut

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_claim);
    layout->addWidget(m_details);
    layout->addWidget(m_message);

    // No mnemonics here: the menu bar owns the Alt letters of the window.
    auto *work = new QGridLayout;
    layout->addLayout(work);
    m_smsButtons = { addButton(tr("Copy text"), "copyTextButton"), addButton(tr("Copy number"), "copyNumberButton") };
    m_smsButtons.at(0)->setToolTip(tr("Copies the message, ready to paste (Ctrl+C)"));
    m_smsButtons.at(1)->setToolTip(tr("Copies the number to send it to (Ctrl+Shift+C)"));
    m_calendarButtons = { addButton(tr("Save .ics…"), "saveIcsButton"), addButton(tr("Open in calendar"), "openCalendarButton") };
    m_callbackButtons = { addButton(tr("Book for this caller…"), "bookCallerButton"),
                          addButton(tr("Copy number"), "copyCallerNumberButton") };
    m_callbackButtons.at(1)->setToolTip(tr("Copies the caller's number (Ctrl+Shift+C)"));
    connect(m_smsButtons.at(0), &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::CopyText); });
    connect(m_smsButtons.at(1), &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::CopyNumber); });
    connect(m_calendarButtons.at(0), &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::SaveCalendarFile); });
    connect(m_calendarButtons.at(1), &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::OpenInCalendar); });
    connect(m_callbackButtons.at(0), &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::BookForCaller); });
    connect(m_callbackButtons.at(1), &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::CopyNumber); });
    m_completing = m_smsButtons + m_calendarButtons + m_callbackButtons;
    for (int i = 0; i < 2; ++i) {
        work->addWidget(m_smsButtons.at(i), 0, i);
        work->addWidget(m_calendarButtons.at(i), 1, i);
        work->addWidget(m_callbackButtons.at(i), 2, i);
    }

    layout->addWidget(m_note);
    auto *outcomes = new QGridLayout;
    layout->addLayout(outcomes);
    const QList<QPushButton *> sms = { addOutcome(tr("Mark sent"), "markSentButton", "sent"),
                                       addOutcome(tr("Failed"), "markFailedButton", "failed"),
                                       addOutcome(tr("Skipped"), "markSkippedButton", "skipped") };
    const QList<QPushButton *> calendar = { addOutcome(tr("Mark done"), "markDoneButton", "sent"),
                                            addOutcome(tr("Failed"), "markCalendarFailedButton", "failed"),
                                            addOutcome(tr("Skipped"), "markCalendarSkippedButton", "skipped") };
    const QList<QPushButton *> callback = { addOutcome(tr("Called back"), "calledBackButton", "called_back"),
                                            addOutcome(tr("No answer"), "noAnswerButton", "no_answer"),
                                            addOutcome(tr("Not needed"), "notNeededButton", "not_needed") };
    for (int i = 0; i < 3; ++i) {
        outcomes->addWidget(sms.at(i), 0, i);
        outcomes->addWidget(calendar.at(i), 1, i);
        outcomes->addWidget(callback.at(i), 2, i);
    }
    m_smsButtons += sms;
    m_calendarButtons += calendar;
    m_callbackButtons += callback;
    m_completing += sms + calendar + callback;
    sms.at(0)->setToolTip(tr("The SMS was sent (Ctrl+Enter)"));
    calendar.at(0)->setToolTip(tr("The entry is in the calendar (Ctrl+Enter)"));
    m_callbackButtons.at(0)->setToolTip(tr("Opens the booking dialog with what the caller asked for (Ctrl+Enter)"));
    for (QPushButton *b : { sms.at(1), sms.at(2), calendar.at(1), calendar.at(2), callback.at(0), callback.at(1), callback.at(2) })
        b->setToolTip(tr("Needs a note"));

    auto *more = new QHBoxLayout;
    layout->addLayout(more);
    m_patient = addButton(tr("Patient history"), "openPatientButton");
    m_release = addButton(tr("Give back to the queue"), "releaseButton");
    connect(m_patient, &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::OpenPatient); });
    connect(m_release, &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(Action::Release); });
    more->addWidget(m_patient);
    more->addWidget(m_release);
    more->addStretch();
    layout->addStretch();

    // Tab from the queue goes to the note first, then the outcomes, then the other actions: found
    // in the demo, where a few Tabs landed on an outcome button and the space of the note being
    // typed pressed it. (The read-only SMS text is copied with Ctrl+C, not tabbed through.)
    m_message->setFocusPolicy(Qt::ClickFocus);
    QList<QWidget *> order = { m_note };
    for (QPushButton *b : sms + calendar + callback)
        order.append(b);
    for (QPushButton *b : m_smsButtons.mid(0, 2) + m_calendarButtons.mid(0, 2) + m_callbackButtons.mid(0, 2))
        order.append(b);
    order << m_patient << m_release;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    showItem(nullptr, FollowUpQueueModel::Availability::Available, QTimeZone::utc());
}

QWidget *FollowUpItemView::firstInTabOrder() const
{
    return m_note;
}

QPushButton *FollowUpItemView::addButton(const QString &text, const char *objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(QLatin1String(objectName));
    button->setAutoDefault(false);
    return button;
}

QPushButton *FollowUpItemView::addOutcome(const QString &text, const char *objectName, const char *outcome)
{
    QPushButton *button = addButton(text, objectName);
    connect(button, &QPushButton::clicked, this, [this, outcome] {
        Q_EMIT completeRequested(QLatin1String(outcome), note());
    });
    return button;
}

QString FollowUpItemView::note() const
{
    return m_note->text();
}

void FollowUpItemView::clearNote()
{
    m_note->clear();
}

void FollowUpItemView::focusNote()
{
    m_note->setFocus(Qt::OtherFocusReason);
}

void FollowUpItemView::showItem(const FollowUp *item, FollowUpQueueModel::Availability availability, const QTimeZone &zone)
{
    const qint64 id = item ? item->id : 0;
    if (id != m_itemId)
        m_note->clear();
    m_itemId = id;
    for (QPushButton *b : m_smsButtons + m_calendarButtons + m_callbackButtons)
        b->setVisible(false);
    m_message->setVisible(false);
    m_note->setVisible(item != nullptr);
    m_patient->setVisible(item != nullptr);
    m_release->setVisible(item != nullptr);
    if (!item) {
        m_heading->setText(tr("Pick an item and press Enter to work on it."));
        m_claim->clear();
        m_details->clear();
        return;
    }
    switch (item->kind) {
    case FollowUp::Kind::Sms: showSms(*item, zone); break;
    case FollowUp::Kind::Calendar: showCalendar(*item, zone); break;
    case FollowUp::Kind::Callback: showCallback(*item, zone); break;
    }
    const QString until = clockTime(item->claimExpiresAt.toTimeZone(zone).time());
    const bool held = availability == FollowUpQueueModel::Availability::HeldByOther;
    switch (availability) {
    case FollowUpQueueModel::Availability::Mine:
        m_claim->setText(tr("Yours until %1: nobody else will work on it.").arg(until));
        break;
    case FollowUpQueueModel::Availability::HeldByOther:
        m_claim->setText(tr("%1 is working on this until %2. It cannot be completed here.").arg(item->claimedBy, until));
        break;
    case FollowUpQueueModel::Availability::NotYetDue:
        m_claim->setText(tr("The caller may still be on the line with the AI agent until %1.")
                             .arg(clockTime(item->dueAt.toTimeZone(zone).time())));
        break;
    case FollowUpQueueModel::Availability::Available:
        m_claim->setText(tr("Nobody is working on this. Working on it claims it for this desk."));
        break;
    }
    for (QPushButton *b : std::as_const(m_completing))
        b->setEnabled(!held);
    m_note->setEnabled(!held);
    m_release->setEnabled(availability == FollowUpQueueModel::Availability::Mine);
    m_patient->setEnabled(item->patientId > 0);
}

void FollowUpItemView::showSms(const FollowUp &item, const QTimeZone &zone)
{
    m_heading->setText(tr("SMS to %1 (%2)").arg(item.patientName, FollowUpQueueModel::purposeText(item)));
    m_details->setText(tr("To: %1\nFor the appointment of %2").arg(item.recipient, localTime(item.appointmentStartsAt, zone)));
    m_message->setPlainText(item.message);
    m_message->setVisible(true);
    for (QPushButton *b : std::as_const(m_smsButtons))
        b->setVisible(true);
}

void FollowUpItemView::showCalendar(const FollowUp &item, const QTimeZone &zone)
{
    const CalendarEvent &e = item.calendar;
    m_heading->setText(e.isCancellation() ? tr("Remove from %1's calendar").arg(e.provider)
                                          : tr("Enter in %1's calendar").arg(e.provider));
    m_details->setText(tr("%1\n%2 to %3\nUpdate %4 of this entry")
                           .arg(e.summary, localTime(e.startsAt, zone),
                                clockTime(e.endsAt.toTimeZone(zone).time()))
                           .arg(e.sequence + 1));
    for (QPushButton *b : std::as_const(m_calendarButtons))
        b->setVisible(true);
}

void FollowUpItemView::showCallback(const FollowUp &item, const QTimeZone &zone)
{
    const CallbackRequest &c = item.callback;
    m_heading->setText(tr("Call back %1").arg(c.callerName.isEmpty() ? tr("a caller") : c.callerName));
    QStringList lines;
    lines << tr("Number: %1").arg(c.phone.isEmpty() ? tr("none left") : c.phone);
    if (!c.email.isEmpty())
        lines << tr("Email: %1").arg(c.email);
    QString asked = c.startsAt.isValid() ? localTime(c.startsAt, zone) : tr("no usable time");
    if (!c.providerName.isEmpty())
        asked = tr("%1 with %2").arg(asked, c.providerName);
    if (!c.service.isEmpty())
        asked = tr("%1, for %2").arg(asked, c.service);
    lines << tr("Asked for: %1").arg(asked);
    lines << tr("Why the agent could not book it: %1").arg(errorText(c.refusalCode));
    if (c.attempts > 1)
        lines << tr("Calls that failed: %1").arg(c.attempts);
    QStringList free;
    for (const QDateTime &at : c.alternatives)
        free << localTime(at, zone);
    lines << (free.isEmpty() ? tr("No free slot was found near it.") : tr("Free then: %1").arg(free.join(QStringLiteral("; "))));
    m_details->setText(lines.join(u'\n'));
    for (QPushButton *b : std::as_const(m_callbackButtons))
        b->setVisible(true);
}

} // namespace frontdesk
