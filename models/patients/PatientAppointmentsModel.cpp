#include "PatientAppointmentsModel.h"

#include "patients/PatientTexts.h"

namespace frontdesk {

namespace {

// An appointment row's internal id is its group + 1; a group row's is 0.
constexpr quintptr kGroupRow = 0;

bool sameAppointments(const QList<PatientAppointment> &a, const QList<PatientAppointment> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const PatientAppointment &x = a.at(i);
        const PatientAppointment &y = b.at(i);
        if (x.id != y.id || x.startsAt != y.startsAt || x.endsAt != y.endsAt || x.status != y.status
            || x.statusText != y.statusText || x.service != y.service || x.providerName != y.providerName)
            return false;
    }
    return true;
}

} // namespace

PatientAppointmentsModel::PatientAppointmentsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void PatientAppointmentsModel::setClinic(const Clinic &clinic)
{
    m_clinic = clinic;
    // The times are read in the clinic's zone: every "when" changes.
    for (int g = 0; g < GroupCount; ++g) {
        const QModelIndex parent = groupIndex(Group(g));
        if (!m_groups[g].isEmpty())
            Q_EMIT dataChanged(index(0, WhenColumn, parent), index(int(m_groups[g].size()) - 1, WhenColumn, parent));
    }
}

void PatientAppointmentsModel::setHistory(const PatientHistory &history, const QDateTime &nowUtc)
{
    const QList<PatientAppointment> upcoming = history.upcoming(nowUtc);
    const QList<PatientAppointment> past = history.past(nowUtc);
    if (sameAppointments(upcoming, m_groups[Upcoming]) && sameAppointments(past, m_groups[Past]))
        return;
    beginResetModel();
    m_groups[Upcoming] = upcoming;
    m_groups[Past] = past;
    endResetModel();
}

void PatientAppointmentsModel::clear()
{
    if (m_groups[Upcoming].isEmpty() && m_groups[Past].isEmpty())
        return;
    beginResetModel();
    m_groups[Upcoming].clear();
    m_groups[Past].clear();
    endResetModel();
}

QModelIndex PatientAppointmentsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex PatientAppointmentsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int PatientAppointmentsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return GroupCount;
    // Only a group's first column has children.
    if (parent.internalId() != kGroupRow || parent.column() != 0)
        return 0;
    return int(m_groups[parent.row()].size());
}

int PatientAppointmentsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags PatientAppointmentsModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (index.internalId() == kGroupRow)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant PatientAppointmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupRow)
        return groupData(Group(index.row()), index.column(), role);
    const Group group = Group(index.internalId() - 1);
    const PatientAppointment &a = m_groups[group].at(index.row());
    if (role == GroupRole)
        return int(group);
    return appointmentData(a, index.column(), role);
}

QVariant PatientAppointmentsModel::groupData(Group group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        if (column != WhenColumn)
            return {};
        const int count = int(m_groups[group].size());
        if (group == Upcoming)
            return count == 0 ? tr("Coming up: none") : tr("Coming up (%n)", nullptr, count);
        return count == 0 ? tr("Past: none") : tr("Past (%n)", nullptr, count);
    }
    case GroupRole: return int(group);
    case IsGroupRole: return true;
    case AppointmentIdRole: return qint64(0);
    }
    return {};
}

QVariant PatientAppointmentsModel::appointmentData(const PatientAppointment &a, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WhenColumn: return clinicDateTimeText(m_clinic.timeZone, a.startsAt);
        case ProviderColumn: return a.providerName;
        case ServiceColumn: return a.service;
        case StatusColumn: return displayText(a.status, a.statusText);
        }
        return {};
    case Qt::ToolTipRole:
        if (a.source == BookingSource::AiVoice)
            return tr("%1 with %2, booked by the AI agent").arg(clinicDateTimeText(m_clinic.timeZone, a.startsAt),
                                                                a.providerName);
        return tr("%1 with %2, booked by staff").arg(clinicDateTimeText(m_clinic.timeZone, a.startsAt), a.providerName);
    case AppointmentIdRole: return a.id;
    case StartsAtRole: return a.startsAt;
    case StatusRole: return int(a.status);
    case IsGroupRole: return false;
    }
    return {};
}

QVariant PatientAppointmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn: return tr("When");
    case ProviderColumn: return tr("Provider");
    case ServiceColumn: return tr("Service");
    case StatusColumn: return tr("Status");
    }
    return {};
}

} // namespace frontdesk
