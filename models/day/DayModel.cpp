#include "DayModel.h"

#include "live/NewBookingsModel.h"
#include "text/ClockTime.h"
#include "text/PhoneNumbers.h"

#include <QLocale>

#include <algorithm>

namespace frontdesk {

namespace {

bool startsBefore(const Appointment &a, const Appointment &b)
{
    if (a.startsAt != b.startsAt)
        return a.startsAt < b.startsAt;
    if (a.providerName != b.providerName)
        return a.providerName < b.providerName;
    return a.id < b.id;
}

// std::upper_bound's comparison, an appointment against a row.
const auto startsBeforeRow = [](const Appointment &a, const auto &row) { return startsBefore(a, row.appointment); };

} // namespace

DayModel::DayModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DayModel::setNewBookings(const NewBookingsModel *newBookings)
{
    if (m_newBookings)
        disconnect(m_newBookings, nullptr, this, nullptr);
    m_newBookings = newBookings;
    if (newBookings)
        connect(newBookings, &NewBookingsModel::newnessChanged, this, &DayModel::newnessChanged);
}

void DayModel::newnessChanged(qint64 appointmentId)
{
    const int row = rowOf(appointmentId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

DayModel::Row DayModel::makeRow(const Appointment &appointment) const
{
    Row row;
    row.appointment = appointment;
    row.timeText = clockTime(appointment.startsAt.toTimeZone(m_clinic.timeZone).time()) + QStringLiteral(" – ")
        + clockTime(appointment.endsAt.toTimeZone(m_clinic.timeZone).time());
    row.statusText = displayText(appointment.status, appointment.statusText);
    row.sourceText = displayText(appointment.source);
    row.phoneText = formatPhoneNumber(appointment.phone, m_clinic.phoneRegion);
    row.toolTip = tr("Booked by %1 on %2").arg(appointment.createdBy,
        QLocale().toString(appointment.createdAt.toTimeZone(m_clinic.timeZone), QLocale::ShortFormat));
    row.searchText = QStringList{ appointment.patientName, appointment.providerName, row.phoneText, appointment.phone,
                                  appointment.email, appointment.service, appointment.notes, row.statusText,
                                  row.sourceText }.join(u'\n');
    return row;
}

void DayModel::setClinic(const Clinic &clinic)
{
    const bool textsChanged = clinic.timeZone != m_clinic.timeZone || clinic.phoneRegion != m_clinic.phoneRegion;
    m_clinic = clinic;
    if (!textsChanged || m_rows.isEmpty())
        return;
    for (Row &row : m_rows)
        row = makeRow(row.appointment);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void DayModel::resetTo(QDate day, LoadState state, QList<Row> rows)
{
    const bool dayChanges = day != m_day;
    const bool stateChanges = state != m_loadState;
    beginResetModel();
    m_rows = std::move(rows);
    m_day = day;
    m_loadState = state;
    endResetModel();
    if (dayChanges)
        Q_EMIT dayChanged(day);
    if (stateChanges)
        Q_EMIT loadStateChanged(state);
}

void DayModel::showLoading(QDate day)
{
    resetTo(day, LoadState::Loading, {});
}

void DayModel::showUnavailable(QDate day)
{
    resetTo(day, LoadState::UnavailableOffline, {});
}

AppointmentList DayModel::clinicsOwnInOrder(const AppointmentList &appointments) const
{
    AppointmentList sorted;
    for (const Appointment &a : appointments) {
        if (a.orgId == m_clinic.id)
            sorted.append(a);
    }
    std::sort(sorted.begin(), sorted.end(), startsBefore);
    return sorted;
}

QList<DayModel::Row> DayModel::rowsOf(const AppointmentList &sorted) const
{
    QList<Row> rows;
    rows.reserve(sorted.size());
    for (const Appointment &a : sorted)
        rows.append(makeRow(a));
    return rows;
}

void DayModel::showCached(QDate day, const AppointmentList &appointments, const QDateTime &asOf)
{
    m_asOf = asOf;
    resetTo(day, LoadState::FromCache, rowsOf(clinicsOwnInOrder(appointments)));
}

void DayModel::setDay(QDate day, const AppointmentList &appointments)
{
    const AppointmentList sorted = clinicsOwnInOrder(appointments);
    if (day != m_day || m_rows.isEmpty()) {
        resetTo(day, LoadState::Loaded, rowsOf(sorted));
        return;
    }
    // A reload of the shown day (after a reconnect): apply the differences row by row, so
    // the views keep their selection and scroll position.
    QSet<qint64> incoming;
    for (const Appointment &a : std::as_const(sorted))
        incoming.insert(a.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_rows.at(row).appointment.id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (const Appointment &a : std::as_const(sorted))
        upsertRow(a);
    if (m_loadState != LoadState::Loaded) {
        m_loadState = LoadState::Loaded;
        Q_EMIT loadStateChanged(m_loadState);
    }
}

bool DayModel::isOnShownDay(const Appointment &appointment) const
{
    return appointment.orgId == m_clinic.id && appointment.startsAt.toTimeZone(m_clinic.timeZone).date() == m_day;
}

int DayModel::insertPosition(const Appointment &appointment) const
{
    return int(std::upper_bound(m_rows.cbegin(), m_rows.cend(), appointment, startsBeforeRow) - m_rows.cbegin());
}

// Where the appointment at row belongs once it has changed, counted as if it were not in the
// list (as QList::move takes it): the rows before and after it are each still in order.
int DayModel::movePosition(int row, const Appointment &appointment) const
{
    const auto first = m_rows.cbegin();
    const auto at = first + row;
    const int before = int(std::upper_bound(first, at, appointment, startsBeforeRow) - first);
    if (before < row)
        return before;
    return int(std::upper_bound(at + 1, m_rows.cend(), appointment, startsBeforeRow) - first) - 1;
}

int DayModel::rowOf(qint64 appointmentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).appointment.id == appointmentId)
            return row;
    }
    return -1;
}

const Appointment *DayModel::appointment(qint64 appointmentId) const
{
    const int row = rowOf(appointmentId);
    return row < 0 ? nullptr : &m_rows.at(row).appointment;
}

void DayModel::applyChanges(const ChangeSet &changes)
{
    for (const Appointment &a : changes.appointments)
        applyChange(a);
}

void DayModel::applyChange(const Appointment &appointment)
{
    // Rows of a day not read yet would be a part of it passed off as the whole.
    if (appointment.orgId != m_clinic.id || m_loadState != LoadState::Loaded)
        return;
    upsertRow(appointment);
}

void DayModel::upsertRow(const Appointment &appointment)
{
    const int row = rowOf(appointment.id);
    const bool belongs = isOnShownDay(appointment);
    if (row < 0) {
        if (!belongs)
            return;
        Row inserted = makeRow(appointment);
        const int at = insertPosition(appointment);
        beginInsertRows({}, at, at);
        m_rows.insert(at, std::move(inserted));
        endInsertRows();
        return;
    }
    if (!belongs) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        return;
    }
    // Update in place, or move the row when its time changed: never remove and re-insert,
    // which would drop the view's selection.
    Row updated = makeRow(appointment);
    const int to = movePosition(row, appointment);
    if (to != row) {
        beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
        m_rows.move(row, to);
        endMoveRows();
    }
    m_rows[to] = std::move(updated);
    Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
}

int DayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const Appointment &a = r.appointment;
    const bool isNew = m_newBookings && m_newBookings->isNew(a.id);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return r.timeText;
        case PatientColumn: return a.patientName;
        case ProviderColumn: return a.providerName;
        case StatusColumn: return r.statusText;
        case SourceColumn: return r.sourceText;
        case PhoneColumn: return r.phoneText;
        case ServiceColumn: return a.service;
        }
        return {};
    case Qt::ToolTipRole:
        return r.toolTip;
    case AppointmentIdRole: return a.id;
    case IsNewRole: return isNew;
    case SourceRole: return int(a.source);
    case StatusRole: return int(a.status);
    case StartsAtRole: return a.startsAt;
    case EndsAtRole: return a.endsAt;
    case ProviderIdRole: return a.providerId;
    case SearchTextRole: return r.searchText;
    }
    return {};
}

QVariant DayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case PatientColumn: return tr("Patient");
    case ProviderColumn: return tr("Provider");
    case StatusColumn: return tr("Status");
    case SourceColumn: return tr("Booked by");
    case PhoneColumn: return tr("Phone");
    case ServiceColumn: return tr("Service");
    }
    return {};
}

} // namespace frontdesk
