#include "OutboxDock.h"

#include "common/Confirmation.h"
#include "common/MessageBanner.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxModel.h"
#include "outbox/PendingActions.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace frontdesk {

OutboxDock::OutboxDock(ClinicSession *session, QWidget *parent)
    : QDockWidget(tr("Outbox"), parent)
    , m_session(session)
    , m_model(new OutboxModel(session->outbox(), this))
{
    setObjectName(QStringLiteral("outboxDock"));
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("outboxPanel"));

    m_count = new QLabel(panel);
    m_count->setObjectName(QStringLiteral("outboxSummaryLine"));
    m_count->setWordWrap(true);
    m_list = new QListView(panel);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Actions kept on this PC"));

    m_summary = new QLabel(panel);
    m_summary->setObjectName(QStringLiteral("outboxEntrySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_state = new QLabel(panel);
    m_state->setObjectName(QStringLiteral("outboxEntryState"));
    m_state->setWordWrap(true);
    m_answer = new QLabel(panel);
    m_answer->setObjectName(QStringLiteral("outboxEntryAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextFormat(Qt::PlainText);

    m_alternatives = new QWidget(panel);
    m_alternatives->setObjectName(QStringLiteral("outboxAlternatives"));
    auto *alternatives = new QVBoxLayout(m_alternatives);
    alternatives->setContentsMargins(0, 0, 0, 0);
    m_alternativesLabel = new QLabel(tr("Book another &time instead:"), m_alternatives);
    alternatives->addWidget(m_alternativesLabel);
    // One time per line: side by side, a dock a third of the window wide cut them to "in 22 Nov 09:".
    m_alternativesLayout = new QVBoxLayout;
    alternatives->addLayout(m_alternativesLayout);

    m_retry = new QPushButton(tr("&Retry"), panel);
    m_retry->setObjectName(QStringLiteral("outboxRetryButton"));
    m_retry->setToolTip(tr("Send it again as it is"));
    m_discard = new QPushButton(tr("&Discard…"), panel);
    m_discard->setObjectName(QStringLiteral("outboxDiscardButton"));
    m_discard->setToolTip(tr("Drop it: it is never done"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    buttons->addStretch();

    m_banner = new MessageBanner(panel);
    m_banner->setObjectName(QStringLiteral("outboxBanner"));

    auto *layout = new QVBoxLayout(panel);
    layout->addWidget(m_count);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_state);
    layout->addWidget(m_answer);
    layout->addWidget(m_alternatives);
    layout->addLayout(buttons);
    layout->addWidget(m_banner);
    setWidget(panel);

    connect(m_retry, &QPushButton::clicked, this, &OutboxDock::retry);
    connect(m_discard, &QPushButton::clicked, this, &OutboxDock::discard);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OutboxDock::showCurrent);
    // The entry shown changes in place (sent, refused again) or goes: what is shown follows.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxDock::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OutboxDock::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0));
        showCurrent();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxDock::showCurrent);
    // Never dropped, never forced: a person decides here. Shown, not focused (the receptionist
    // may be typing), when a replay is refused and when refusals remain from an earlier run.
    Outbox *outbox = session->outbox();
    connect(outbox, &Outbox::conflicted, this, [this](const OutboxEntry &entry) { showEntry(entry.seq); });
    connect(outbox, &Outbox::opened, this, [this, outbox] {
        for (const OutboxEntry &entry : outbox->entries()) {
            if (entry.state == OutboxEntry::State::Conflict) {
                showEntry(entry.seq);
                return;
            }
        }
    });
    showCurrent();
}

qint64 OutboxDock::currentSeq() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(OutboxModel::SeqRole).toLongLong() : 0;
}

const OutboxEntry *OutboxDock::currentEntry() const
{
    const qint64 seq = currentSeq();
    return seq ? m_session->outbox()->entry(seq) : nullptr;
}

void OutboxDock::showEntry(qint64 seq)
{
    show();
    raise();
    const int row = m_model->rowOf(seq);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

void OutboxDock::focusList()
{
    show();
    raise();
    m_list->setFocus(Qt::ShortcutFocusReason);
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
}

void OutboxDock::showCurrent()
{
    const Outbox *outbox = m_session->outbox();
    const int waiting = outbox->pendingCount();
    const int needYou = outbox->conflictCount();
    if (waiting + needYou == 0)
        m_count->setText(tr("Nothing waits: every action taken here has reached the clinic database."));
    else
        m_count->setText(tr("%1 waiting to be sent, %2 need you.").arg(waiting).arg(needYou));

    const QModelIndex current = m_list->currentIndex();
    const bool conflict = current.isValid() && current.data(OutboxModel::NeedsPersonRole).toBool();
    m_summary->setVisible(current.isValid());
    m_state->setVisible(current.isValid());
    m_summary->setText(current.data(OutboxModel::SummaryRole).toString());
    m_state->setText(conflict ? tr("Needs you: the clinic database refused it. It stays here until you decide.")
                              : tr("Waiting to be sent: it goes by itself, in order, when the connection is back."));
    const QString answer = current.data(OutboxModel::AnswerTextRole).toString();
    m_answer->setText(answer);
    m_answer->setToolTip(current.data(OutboxModel::CodeRole).toString());
    m_answer->setVisible(!answer.isEmpty());

    QList<QDateTime> starts;
    if (current.data(OutboxModel::CanBookAnotherTimeRole).toBool()) {
        const qint64 seq = currentSeq();
        if (m_freshAlternatives.contains(seq)) {
            starts = m_freshAlternatives.value(seq);
        } else {
            for (const QVariant &v : current.data(OutboxModel::AlternativesRole).toList())
                starts.append(v.toDateTime());
        }
    }
    showAlternatives(starts);
    // Only a refused action is a person's to decide; one waiting to be sent goes by itself.
    const QString why = conflict ? QString() : tr("Only for an action the clinic database refused");
    m_retry->setEnabled(conflict && !m_busy);
    m_discard->setEnabled(conflict && !m_busy);
    m_retry->setStatusTip(why);
    m_discard->setStatusTip(why);
}

QString OutboxDock::localTime(const QDateTime &utc) const
{
    const QDateTime local = utc.toTimeZone(m_session->clinic().timeZone);
    return QLocale().toString(local.date(), QStringLiteral("ddd d MMM")) + u' ' + clockTime(local.time());
}

void OutboxDock::showAlternatives(const QList<QDateTime> &starts)
{
    const qint64 seq = currentSeq();
    m_alternatives->setVisible(!starts.isEmpty());
    if (seq == m_alternativesSeq && starts == m_shownStarts) {
        for (QPushButton *button : m_alternatives->findChildren<QPushButton *>())
            button->setEnabled(!m_busy);
        return;
    }
    m_alternativesSeq = seq;
    m_shownStarts = starts;
    while (QLayoutItem *item = m_alternativesLayout->takeAt(0)) {
        if (QWidget *button = item->widget()) {
            button->hide();
            button->deleteLater();   // it may be the one being clicked
        }
        delete item;
    }
    m_alternativesLabel->setBuddy(nullptr);
    for (const QDateTime &start : starts) {
        auto *button = new QPushButton(localTime(start), m_alternatives);
        button->setObjectName(QStringLiteral("outboxAlternativeButton"));
        button->setEnabled(!m_busy);
        button->setToolTip(tr("Book the same patient and details at this time, and drop the refused booking"));
        connect(button, &QPushButton::clicked, this, [this, seq, start] { bookAt(seq, start); });
        m_alternativesLayout->addWidget(button);
        // Alt+T reaches the first time; Tab and the arrow keys the others.
        if (!m_alternativesLabel->buddy())
            m_alternativesLabel->setBuddy(button);
    }
    m_alternativesLayout->addStretch();
}

void OutboxDock::retry()
{
    const OutboxEntry *entry = currentEntry();
    if (!entry || entry->state != OutboxEntry::State::Conflict)
        return;
    m_banner->showMessage(MessageBanner::Kind::Information, tr("Sent again: %1").arg(entry->summary));
    m_freshAlternatives.remove(entry->seq);
    m_session->outbox()->retry(entry->seq);
}

void OutboxDock::discard()
{
    const OutboxEntry *entry = currentEntry();
    if (!entry || entry->state != OutboxEntry::State::Conflict)
        return;
    const qint64 seq = entry->seq;
    const QString summary = entry->summary;
    Confirmation::ask(this, tr("Discard"),
                      tr("Discard “%1”? It was not done, and discarding loses it: the clinic database never gets "
                         "it.").arg(summary),
                      tr("&Discard it"), [this, seq, summary] {
                          m_freshAlternatives.remove(seq);
                          m_session->outbox()->discard(seq);
                          m_banner->showMessage(MessageBanner::Kind::Information, tr("Discarded: %1").arg(summary));
                      });
}

void OutboxDock::bookAt(qint64 seq, const QDateTime &startUtc)
{
    const OutboxEntry *entry = m_session->outbox()->entry(seq);
    if (m_busy || !entry || !OutboxModel::canBookAnotherTime(*entry))
        return;
    // The same patient and details, the same length, at the chosen start; a request of its own.
    BookingRequest request = bookingRequestOf(entry->command);
    const qint64 length = request.startsAt.secsTo(request.endsAt);
    request.startsAt = startUtc;
    request.endsAt = startUtc.addSecs(length);
    request.idempotencyKey = QStringLiteral("desk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    setBusy(true);
    m_banner->clear();
    m_session->send(this, Commands::book(request), [this, seq, startUtc](const CommandResult &result) {
        setBusy(false);
        if (!result.ok && !result.isKept()) {
            // Taken too, meanwhile: the refused booking stays, with the free starts of now.
            m_banner->showError(result.code, result.message);
            if (!result.alternatives().isEmpty())
                m_freshAlternatives.insert(seq, result.alternatives());
            showCurrent();
            return;
        }
        // Booked (or kept to be booked, in order): the refused one is replaced, not lost.
        const QString when = localTime(startUtc);
        m_freshAlternatives.remove(seq);
        m_session->outbox()->discard(seq);
        if (result.isKept()) {
            m_banner->showMessage(MessageBanner::Kind::Information,
                                  tr("Booking for %1 kept on this PC; it is sent when the connection is back.").arg(when));
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Booked for %1.").arg(when));
        Q_EMIT booked(result.answer.value(u"appointment_id").toInteger(), startUtc);
    });
}

void OutboxDock::setBusy(bool busy)
{
    m_busy = busy;
    showCurrent();
}

} // namespace frontdesk
