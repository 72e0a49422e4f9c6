#pragma once

#include "domain/Clinic.h"
#include "domain/Patient.h"

#include <QAbstractItemModel>
#include <QDateTime>

namespace frontdesk {

// A patient's appointments for the patient panel, in two groups: those coming up (soonest
// first) and the past ones (newest first), each appointment a row of when (in the clinic's time
// zone), provider, service and status. A two-level tree, so one view shows both groups with
// their counts. An adapter: it shows the history it is given and never reads the database.
class PatientAppointmentsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Group { Upcoming, Past, GroupCount };
    enum Column { WhenColumn, ProviderColumn, ServiceColumn, StatusColumn, ColumnCount };
    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,   // qint64; 0 on a group's row
        StartsAtRole,      // QDateTime, UTC
        StatusRole,        // AppointmentStatus as int
        GroupRole,         // Group as int, on group rows and appointment rows alike
        IsGroupRole,       // bool
    };

    explicit PatientAppointmentsModel(QObject *parent = nullptr);

    void setClinic(const Clinic &clinic);
    // Shows `history`'s appointments, split at `nowUtc`. The same appointments again change nothing.
    void setHistory(const PatientHistory &history, const QDateTime &nowUtc);
    void clear();

    const QList<PatientAppointment> &appointments(Group group) const { return m_groups[group]; }
    QModelIndex groupIndex(Group group) const { return index(int(group), 0); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QVariant groupData(Group group, int column, int role) const;
    QVariant appointmentData(const PatientAppointment &a, int column, int role) const;

    Clinic m_clinic;
    QList<PatientAppointment> m_groups[GroupCount];
};

} // namespace frontdesk
