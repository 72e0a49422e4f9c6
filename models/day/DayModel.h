#pragma once

#include "domain/Appointment.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"
#include "outbox/PendingActions.h"

#include <QAbstractTableModel>
#include <QDate>

namespace frontdesk {

class NewBookingsModel;
class Outbox;
struct CommandResult;

// One clinic day's appointments, in start order, for the desk's views (the book and the list).
// An adapter: it turns whole-day loads and change sets into row signals, so views keep their
// selection and scroll position while bookings arrive. It never talks to the database.
// What the outbox keeps shows here too: an appointment with a kept action is marked pending with
// what waits, and a kept booking of the day is a provisional row (a negative id, see
// PendingActions.h) until its real row arrives through the feed or the entry is discarded.
class DayModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, PatientColumn, ProviderColumn, StatusColumn, SourceColumn, PhoneColumn,
                  ServiceColumn, ColumnCount };
    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        IsNewRole,        // bool: the AI agent's booking, not looked at on this desk yet
        SourceRole,       // BookingSource as int
        StatusRole,       // AppointmentStatus as int
        StartsAtRole,     // QDateTime, UTC
        EndsAtRole,       // QDateTime, UTC
        ProviderIdRole,   // qint64
        SearchTextRole,   // QString: every text a filter may match, in one string
        PendingRole,      // QString: what the outbox keeps for it ("Confirm waiting to be sent"); empty if nothing
        PendingNeedsPersonRole,   // bool: one of those was refused and waits for a person
        IsProvisionalRole,        // bool: a booking kept in the outbox, not in the database yet
    };

    // Whether the rows are the shown day's: a day asked for while offline cannot be read, and
    // must never show the rows of the day before it. FromCache: this PC's copy of the day, as of
    // asOf(), shown while the clinic database cannot be reached.
    enum class LoadState { Loading, Loaded, UnavailableOffline, FromCache };

    explicit DayModel(QObject *parent = nullptr);

    void setClinic(const Clinic &clinic);
    // What marks rows new; the model follows its changes.
    void setNewBookings(const NewBookingsModel *newBookings);
    // What marks rows pending and adds provisional ones; the model follows its changes.
    void setOutbox(const Outbox *outbox);
    const Clinic &clinic() const { return m_clinic; }
    QDate day() const { return m_day; }
    LoadState loadState() const { return m_loadState; }

    // Another day was asked for: no rows until it is read.
    void showLoading(QDate day);
    // That day cannot be read now (offline): no rows, and the state says why.
    void showUnavailable(QDate day);
    // Shows a freshly loaded day: another day (or an empty model) takes the rows at once, the
    // shown day is applied as differences, so views keep their selection.
    void setDay(QDate day, const AppointmentList &appointments);
    // Shows the desk cache's copy of a day, last known to match the database at `asOf` (UTC).
    void showCached(QDate day, const AppointmentList &appointments, const QDateTime &asOf);
    QDateTime asOf() const { return m_asOf; }
    // Inserts, updates or removes each changed appointment, as its day and time say.
    void applyChanges(const ChangeSet &changes);
    void applyChange(const Appointment &appointment);

    int rowOf(qint64 appointmentId) const;
    const Appointment &appointmentAt(int row) const { return m_rows.at(row).appointment; }
    const Appointment *appointment(qint64 appointmentId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void dayChanged(QDate day);
    void loadStateChanged(frontdesk::DayModel::LoadState state);

private:
    // An appointment with the texts the views show for it, made once per change: data() runs
    // on every paint and size hint, and phone formatting and time zone conversion are costly.
    struct Row
    {
        Appointment appointment;
        QString timeText;
        QString statusText;
        QString sourceText;
        QString phoneText;
        QString toolTip;
        QString searchText;
        bool provisional = false;
        PendingMark pending;
        QString statusDisplay;    // the status with what is pending
        QString toolTipDisplay;   // the tooltip with what is pending
    };

    Row makeRow(const Appointment &appointment) const;
    AppointmentList clinicsOwnInOrder(const AppointmentList &appointments) const;
    // The rows of `day`: its appointments (in start order) and the bookings kept for it.
    QList<Row> rowsOf(QDate day, const AppointmentList &sorted) const;
    Row makeProvisionalRow(const ProvisionalBooking &booking) const;
    Row remade(const Row &row) const;
    static void setPending(Row &row, const PendingMark &mark);
    QList<Row> provisionalRowsOn(QDate day) const;
    void refreshPending();
    void onOutboxApplied(const OutboxEntry &entry, const CommandResult &answer);
    void insertRow(Row row);
    void removeRowAt(int row);
    bool isOnShownDay(const Appointment &appointment) const;
    bool isOnDay(const Appointment &appointment, QDate day) const;
    void resetTo(QDate day, LoadState state, QList<Row> rows);
    void upsertRow(const Appointment &appointment);
    void newnessChanged(qint64 appointmentId);
    int insertPosition(const Appointment &appointment) const;
    int movePosition(int row, const Appointment &appointment) const;

    Clinic m_clinic;
    const NewBookingsModel *m_newBookings = nullptr;
    const Outbox *m_outbox = nullptr;
    QHash<qint64, PendingMark> m_marks;   // by appointment id, from the outbox
    // Bookings the database has taken whose real row has not arrived yet: real id -> provisional
    // id. The provisional row stays until then, so the booking never blinks out of the book.
    QHash<qint64, qint64> m_landing;
    QDate m_day;
    LoadState m_loadState = LoadState::Loading;
    QDateTime m_asOf;
    QList<Row> m_rows;
};

} // namespace frontdesk
