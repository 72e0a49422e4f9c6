#pragma once

#include "domain/Appointment.h"
#include "domain/Clinic.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QSet>

namespace frontdesk {

// One clinic day's appointments, in start order, for the desk's views. An adapter: it turns
// whole-day loads and single-appointment changes into row signals, so views keep their
// selection and scroll position while bookings arrive. It never talks to the database.
class DayModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, PatientColumn, ProviderColumn, StatusColumn, SourceColumn, PhoneColumn,
                  ServiceColumn, ColumnCount };
    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        IsNewRole,        // bool: arrived live and nobody at this desk has looked at it yet
        SourceRole,       // BookingSource as int
        StatusRole,       // AppointmentStatus as int
        StartsAtRole,     // QDateTime, UTC
    };

    explicit DayModel(QObject *parent = nullptr);

    void setClinic(const Clinic &clinic);
    // Bookings created from this moment on count as new until marked seen.
    void setWatchingSince(const QDateTime &since);
    QDateTime watchingSince() const { return m_watchingSince; }
    const Clinic &clinic() const { return m_clinic; }
    QDate day() const { return m_day; }

    // Shows a freshly loaded day: another day replaces the rows, the same day is applied as
    // differences. Rows still marked new stay new; bookings made since watching began that this
    // desk was never shown (made during an outage) become new.
    void setDay(QDate day, const AppointmentList &appointments);
    // Inserts, updates or removes the one appointment, as its day and time say. A booking
    // created since watching began, on any day, is marked new and announced.
    void applyChange(const Appointment &appointment);
    void markSeen(qint64 appointmentId);

    int rowOf(qint64 appointmentId) const;
    const Appointment &appointmentAt(int row) const { return m_rows.at(row).appointment; }
    int unseenCount() const { return int(m_unseen.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void dayChanged(QDate day);
    // A booking created since watching began arrived live, on whatever day.
    void appointmentArrived(const frontdesk::Appointment &appointment);
    void unseenCountChanged(int count);

private:
    // An appointment with the texts the views show for it, made once per change: data() runs
    // on every paint and size hint, and phone formatting and time zone conversion are costly.
    struct Row
    {
        Appointment appointment;
        QString timeText;
        QString newPatientText;
        QString statusText;
        QString sourceText;
        QString phoneText;
        QString toolTip;
    };

    Row makeRow(const Appointment &appointment) const;
    bool isOnShownDay(const Appointment &appointment) const;
    bool isNewBooking(const Appointment &appointment) const;
    void upsertRow(const Appointment &appointment);
    void noteIfNew(const Appointment &appointment);
    int insertPosition(const Appointment &appointment) const;
    int movePosition(int row, const Appointment &appointment) const;

    Clinic m_clinic;
    QDateTime m_watchingSince;
    QDate m_day;
    QList<Row> m_rows;
    QSet<qint64> m_unseen;
    QSet<qint64> m_known;   // every appointment this desk has been shown or told about
};

} // namespace frontdesk
