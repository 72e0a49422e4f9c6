#pragma once

#include "commands/CommandResult.h"
#include "domain/FollowUp.h"
#include "followups/FollowUpItemView.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListView;
class QSortFilterProxyModel;

namespace frontdesk {

class ClinicSession;
class MessageBanner;

// The follow-up queue's dock: the open items oldest first, filtered by kind, and the item being
// worked on. Working on an item (Enter, a double click, or any of its actions) claims it for this
// desk first; opening another gives the previous one back unless it was completed. Completing
// needs a note unless the SMS was sent, the entry made or the caller booked.
class FollowUpPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Copied { Text, Number };

    explicit FollowUpPanel(ClinicSession *session, QWidget *parent = nullptr);

    // Selects and shows the item, claiming nothing; false when it is not in the queue.
    bool selectItem(qint64 followUpId);
    // Opens the item: shows it and claims it for this desk, giving back the one opened before
    // unless it was completed.
    void openItem(qint64 followUpId);
    qint64 shownItemId() const { return m_shownId; }
    FollowUpItemView *itemView() const { return m_view; }
    QListView *list() const { return m_list; }

    // How files are chosen and opened: dialogs and the system's handler by default, replaceable
    // by tests.
    std::function<QString(const QString &suggestedName)> chooseSaveFile;
    std::function<bool(const QUrl &file)> openFile;

Q_SIGNALS:
    void bookForCallerRequested(const frontdesk::FollowUp &callback);
    void patientRequested(qint64 patientId);

private:
    const FollowUp *shownItem() const;
    void showItem();
    // Runs `then` once this desk holds the item (at once when it already does); says why not
    // when another desk holds it or a callback's caller may still be with the agent.
    void withClaim(qint64 followUpId, std::function<void()> then);
    void onAction(FollowUpItemView::Action action);
    void complete(const QString &outcome, const QString &note);
    void copy(Copied what);
    void saveCalendarFile();
    void openInCalendar();
    void release(qint64 followUpId);
    void showRefusal(const CommandResult &result);

    ClinicSession *m_session;
    QComboBox *m_kind;
    QSortFilterProxyModel *m_filter;
    QListView *m_list;
    QLabel *m_copyNotice;
    MessageBanner *m_banner;
    FollowUpItemView *m_view;
    qint64 m_shownId = 0;     // the selected item, shown below the list
    qint64 m_workingId = 0;   // the item this desk opened last (claimed)
};

} // namespace frontdesk
