#include "FollowUpPanel.h"

#include "common/MessageBanner.h"
#include "followups/CalendarFile.h"
#include "followups/FollowUpQueueModel.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

constexpr int kMaxNote = 1000;

// What a copy takes from an item: the SMS (a calendar entry's summary), or the number to send it
// to; for a callback, the caller's number either way.
QString clipboardText(const FollowUp &item, FollowUpPanel::Copied what)
{
    if (item.kind == FollowUp::Kind::Callback)
        return item.callback.phone;
    if (what == FollowUpPanel::Copied::Number)
        return item.recipient;
    return item.kind == FollowUp::Kind::Sms ? item.message : item.calendar.summary;
}

bool noteNeeded(const QString &outcome)
{
    return outcome != u"sent" && outcome != u"booked";
}

// Patient data: readable by this user only, from the first byte on.
bool writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(content) == content.size() && file.commit();
}

} // namespace

FollowUpPanel::FollowUpPanel(ClinicSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_kind(new QComboBox(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_list(new QListView(this))
    , m_copyNotice(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_view(new FollowUpItemView(this))
{
    m_kind->setObjectName(QStringLiteral("followUpKindFilter"));
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(tr("SMS"), int(FollowUp::Kind::Sms));
    m_kind->addItem(tr("Calendar"), int(FollowUp::Kind::Calendar));
    m_kind->addItem(tr("Call backs"), int(FollowUp::Kind::Callback));
    m_filter->setSourceModel(session->followUps());
    m_filter->setFilterRole(FollowUpQueueModel::KindRole);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kind->currentData().toInt();
        m_filter->setFilterRegularExpression(kind < 0 ? QString() : QStringLiteral("^%1$").arg(kind));
    });

    m_list->setObjectName(QStringLiteral("followUpList"));
    m_list->setModel(m_filter);
    m_list->setUniformItemSizes(true);   // every row is two lines
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setAlternatingRowColors(true);   // two lines per item: the colour says where one ends
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_banner->setObjectName(QStringLiteral("followUpBanner"));
    m_view->setObjectName(QStringLiteral("followUpItem"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_kind);
    layout->addWidget(m_copyNotice);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 2);

    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        openItem(index.data(FollowUpQueueModel::IdRole).toLongLong());
    });
    // The selected item is shown; working on it claims it. Moving the selection gives nothing back
    // (a claim is only given back when another item is opened, or by hand), and completing needs
    // the item to be this desk's already: after one item is done the selection moves on by itself,
    // and a second Ctrl+Enter must never complete the next one unseen.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const qint64 id = current.data(FollowUpQueueModel::IdRole).toLongLong();
        if (id == m_shownId)
            return;
        m_shownId = id;
        if (m_banner->kind() != MessageBanner::Kind::Success)
            m_banner->clear();
        showItem();
    });
    FollowUpQueueModel *model = session->followUps();
    // Started offline: the queue is this PC's copy, and says of when.
    m_copyNotice->setObjectName(QStringLiteral("followUpCopyNotice"));
    m_copyNotice->setWordWrap(true);
    m_copyNotice->hide();
    connect(model, &FollowUpQueueModel::copyAsOfChanged, this, [this](const QDateTime &asOf) {
        m_copyNotice->setVisible(asOf.isValid());
        if (asOf.isValid())
            m_copyNotice->setText(tr("Offline: this PC's copy of the queue, as it was at %1.")
                                      .arg(QLocale().toString(asOf.toTimeZone(m_session->clinic().timeZone),
                                                              QLocale::ShortFormat)));
    });
    connect(model, &FollowUpQueueModel::itemChanged, this, [this](qint64 id) {
        if (id == m_shownId)
            showItem();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_workingId != 0 && !m_session->followUps()->item(m_workingId))
            m_workingId = 0;
        if (m_shownId != 0 && !shownItem()) {
            m_shownId = 0;
            showItem();
        }
    });
    setTabOrder(m_list, m_view->firstInTabOrder());
    connect(m_view, &FollowUpItemView::actionRequested, this, &FollowUpPanel::onAction);
    connect(m_view, &FollowUpItemView::completeRequested, this, &FollowUpPanel::complete);

    // Ctrl+C copies the SMS (or the caller's number) from the queue's list; in a field it copies
    // the selection, as everywhere. Ctrl+Shift+C copies the number anywhere in the panel.
    auto *copyText = new QAction(tr("Copy text"), this);
    copyText->setObjectName(QStringLiteral("actionCopyFollowUpText"));
    copyText->setShortcut(QKeySequence::Copy);
    copyText->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyText, &QAction::triggered, this, [this] { copy(Copied::Text); });
    m_list->addAction(copyText);
    auto *copyNumber = new QAction(tr("Copy number"), this);
    copyNumber->setObjectName(QStringLiteral("actionCopyFollowUpNumber"));
    copyNumber->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyNumber->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyNumber, &QAction::triggered, this, [this] { copy(Copied::Number); });
    addAction(copyNumber);

    // The usual way to finish an item, from anywhere in the panel: the SMS sent, the entry made,
    // the caller's booking started.
    auto *primary = new QAction(tr("Done with this item"), this);
    primary->setObjectName(QStringLiteral("actionFollowUpPrimary"));
    primary->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    primary->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(primary, &QAction::triggered, this, [this] {
        const FollowUp *item = shownItem();
        if (!item)
            return;
        if (item->kind == FollowUp::Kind::Callback)
            onAction(FollowUpItemView::Action::BookForCaller);
        else
            complete(QStringLiteral("sent"), m_view->note());
    });
    addAction(primary);

    chooseSaveFile = [this](const QString &suggested) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        return QFileDialog::getSaveFileName(this, tr("Save calendar entry"), QDir(folder).filePath(suggested),
                                            tr("Calendar files (*.ics)"));
    };
    openFile = [](const QUrl &file) { return QDesktopServices::openUrl(file); };
    showItem();
}

const FollowUp *FollowUpPanel::shownItem() const
{
    return m_shownId ? m_session->followUps()->item(m_shownId) : nullptr;
}

void FollowUpPanel::showItem()
{
    const FollowUp *item = shownItem();
    const auto availability = item ? m_session->followUps()->availability(*item) : FollowUpQueueModel::Availability::Available;
    m_view->showItem(item, availability, m_session->clinic().timeZone);
}

bool FollowUpPanel::selectItem(qint64 followUpId)
{
    const int row = m_session->followUps()->rowOf(followUpId);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_session->followUps()->index(row));
    if (index.isValid() && m_list->currentIndex() != index)
        m_list->setCurrentIndex(index);
    m_shownId = followUpId;
    showItem();
    return true;
}

void FollowUpPanel::openItem(qint64 followUpId)
{
    if (!selectItem(followUpId))
        return;
    // One item at a time: the one this desk had open and did not finish goes back to the queue.
    if (m_workingId != 0 && m_workingId != followUpId) {
        const FollowUp *previous = m_session->followUps()->item(m_workingId);
        if (previous && m_session->followUps()->availability(*previous) == FollowUpQueueModel::Availability::Mine)
            release(m_workingId);
    }
    withClaim(followUpId, [] {});
}

void FollowUpPanel::withClaim(qint64 followUpId, std::function<void()> then)
{
    const FollowUp *item = m_session->followUps()->item(followUpId);
    if (!item)
        return;
    switch (m_session->followUps()->availability(*item)) {
    case FollowUpQueueModel::Availability::Mine:
        m_workingId = followUpId;
        then();
        return;
    case FollowUpQueueModel::Availability::HeldByOther:
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("%1 is working on this item. It cannot be completed here.").arg(item->claimedBy));
        return;
    case FollowUpQueueModel::Availability::NotYetDue:
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The caller may still be on the line with the AI agent until %1: call back after that.")
                                  .arg(clockTime(item->dueAt.toTimeZone(m_session->clinic().timeZone).time())));
        return;
    case FollowUpQueueModel::Availability::Available:
        break;
    }
    m_session->send(this, Commands::claimFollowUp(followUpId),
                    [this, followUpId, then = std::move(then)](const CommandResult &result) {
                        if (!result.ok) {
                            showRefusal(result);
                            return;
                        }
                        m_workingId = followUpId;
                        then();
                    });
}

void FollowUpPanel::onAction(FollowUpItemView::Action action)
{
    const FollowUp *item = shownItem();
    if (!item)
        return;
    switch (action) {
    case FollowUpItemView::Action::CopyText: copy(Copied::Text); break;
    case FollowUpItemView::Action::CopyNumber: copy(Copied::Number); break;
    case FollowUpItemView::Action::SaveCalendarFile: saveCalendarFile(); break;
    case FollowUpItemView::Action::OpenInCalendar: openInCalendar(); break;
    case FollowUpItemView::Action::BookForCaller: {
        const qint64 id = item->id;
        withClaim(id, [this, id] {
            if (const FollowUp *callback = m_session->followUps()->item(id))
                Q_EMIT bookForCallerRequested(*callback);
        });
        break;
    }
    case FollowUpItemView::Action::OpenPatient:
        if (item->patientId > 0)
            Q_EMIT patientRequested(item->patientId);
        break;
    case FollowUpItemView::Action::Release:
        release(item->id);
        break;
    }
}

void FollowUpPanel::complete(const QString &outcome, const QString &note)
{
    const FollowUp *item = shownItem();
    if (!item)
        return;
    // Only what this desk has open: never an item merely selected (see currentChanged above).
    if (m_session->followUps()->availability(*item) != FollowUpQueueModel::Availability::Mine) {
        if (m_session->followUps()->availability(*item) == FollowUpQueueModel::Availability::HeldByOther)
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("%1 is working on this item. It cannot be completed here.").arg(item->claimedBy));
        else
            m_banner->showMessage(MessageBanner::Kind::Warning, tr("Open the item first (Enter): it is not yours yet."));
        return;
    }
    // The database says the same; saying it here keeps the note being typed and points at it.
    if (noteNeeded(outcome) && note.trimmed().isEmpty()) {
        m_banner->showError(QStringLiteral("NOTE_REQUIRED"));
        m_view->focusNote();
        return;
    }
    if (note.trimmed().size() > kMaxNote) {
        m_banner->showError(QStringLiteral("TEXT_TOO_LONG"));
        m_view->focusNote();
        return;
    }
    const qint64 id = item->id;
    m_session->send(this, Commands::completeFollowUp(id, outcome, note.trimmed()), [this, id](const CommandResult &result) {
        if (!result.ok && !result.isKept()) {
            showRefusal(result);
            return;
        }
        if (m_view->itemId() == id)
            m_view->clearNote();
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Done. Select the next item and press Enter."));
        // Found in the demo: the button pressed was hidden with the item, the focus went nowhere,
        // and the next Enter opened nothing. Back to the queue, on the next item.
        if (isAncestorOf(QApplication::focusWidget()) || !QApplication::focusWidget())
            m_list->setFocus(Qt::OtherFocusReason);
    });
}

void FollowUpPanel::copy(Copied what)
{
    const FollowUp *item = shownItem();
    if (!item)
        return;
    const qint64 id = item->id;
    // Claimed first: two desks never send one SMS or ring one caller.
    withClaim(id, [this, id, what] {
        const FollowUp *claimed = m_session->followUps()->item(id);
        if (!claimed)
            return;
        const QString text = clipboardText(*claimed, what);
        if (text.isEmpty())
            return;
        QApplication::clipboard()->setText(text);
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Copied: %1").arg(text.left(60)));
    });
}

void FollowUpPanel::saveCalendarFile()
{
    const FollowUp *item = shownItem();
    if (!item || item->kind != FollowUp::Kind::Calendar)
        return;
    const FollowUp copy = *item;
    withClaim(copy.id, [this, copy] {
        const QString path = chooseSaveFile(CalendarFile::fileName(copy.calendar));
        if (path.isEmpty())
            return;
        if (!writeFile(path, CalendarFile::write(copy.calendar, copy.createdAt))) {
            m_banner->showMessage(MessageBanner::Kind::Error, tr("The file could not be saved: %1").arg(path));
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    });
}

void FollowUpPanel::openInCalendar()
{
    const FollowUp *item = shownItem();
    if (!item || item->kind != FollowUp::Kind::Calendar)
        return;
    const FollowUp copy = *item;
    withClaim(copy.id, [this, copy] {
        // Patient data: in this user's own cache folder, not the shared temporary one.
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/calendar");
        const QString path = QDir(folder).filePath(CalendarFile::fileName(copy.calendar));
        if (!QDir().mkpath(folder)
            || !QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
            || !writeFile(path, CalendarFile::write(copy.calendar, copy.createdAt))) {
            m_banner->showMessage(MessageBanner::Kind::Error, tr("The file could not be saved: %1").arg(path));
            return;
        }
        if (!openFile(QUrl::fromLocalFile(path)))
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("No calendar program opened it. The file is %1").arg(QDir::toNativeSeparators(path)));
    });
}

void FollowUpPanel::release(qint64 followUpId)
{
    m_session->send(this, Commands::releaseFollowUp(followUpId), [this](const CommandResult &result) {
        // Gone already (completed, or the claim ran out and another desk took it): nothing to give back.
        if (!result.ok && result.code != u"NOT_CLAIMED" && result.code != u"ALREADY_DONE")
            showRefusal(result);
    });
}

void FollowUpPanel::showRefusal(const CommandResult &result)
{
    if (result.code == u"CLAIMED_BY_OTHER") {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("%1 is working on this item. It cannot be completed here.")
                                  .arg(result.answer.value(u"claimed_by").toString()),
                              result.message);
        return;
    }
    m_banner->showError(result.code, result.message);
}

} // namespace frontdesk
