#pragma once

#include "db/FollowUpQueries.h"
#include "domain/FollowUp.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimeZone>

namespace frontdesk {

// The open follow-up queue as the desk shows it: one row per item, oldest first, each with who
// may work on it now. Rows keep their identity across reloads (an item stays where it is, so a
// selection holds), and the claim states follow the clock: a claim that runs out frees its item
// without any change in the database.
class FollowUpQueueModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Availability {
        Available,    // nobody holds it: opening it claims it
        Mine,         // this desk holds a live claim
        HeldByOther,  // another desk's live claim: shown with who and until when, not completable here
        NotYetDue,    // a callback whose caller may still be with the agent
    };
    Q_ENUM(Availability)

    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,           // int(FollowUp::Kind)
        AvailabilityRole,   // int(Availability)
        PatientIdRole,
        SearchTextRole,
    };

    explicit FollowUpQueueModel(QObject *parent = nullptr);

    void setLogin(const QString &login);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // The server's time now: claims and due times are judged by it.
    void setNow(const QDateTime &now);
    void setQueue(const FollowUpQueue &queue);
    // The queue is this PC's copy, as it was at `asOf` (UTC), shown while the clinic database
    // cannot be reached; an invalid time: the queue as the database has it now.
    void setCopyAsOf(const QDateTime &asOf);
    QDateTime copyAsOf() const { return m_copyAsOf; }
    void clear();

    qint64 openCount() const { return m_openCount; }
    int rowOf(qint64 followUpId) const;
    const FollowUp *item(qint64 followUpId) const;
    const FollowUp &itemAt(int row) const { return m_items.at(row); }
    Availability availability(const FollowUp &item) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString kindText(FollowUp::Kind kind);
    static QString purposeText(const FollowUp &item);
    // A few words for why the agent could not book a caller, for the queue's rows.
    static QString callbackReason(const QString &code);

Q_SIGNALS:
    void openCountChanged(qint64 count);
    void copyAsOfChanged(const QDateTime &asOf);
    // An item changed in place (claimed, released, its details): the open item's panel re-reads it.
    void itemChanged(qint64 followUpId);

private:
    QString title(const FollowUp &item) const;
    QString claimText(const FollowUp &item) const;

    FollowUpList m_items;
    QString m_login;
    QTimeZone m_zone = QTimeZone::utc();
    QDateTime m_now;
    qint64 m_openCount = 0;
    QDateTime m_copyAsOf;
};

} // namespace frontdesk
