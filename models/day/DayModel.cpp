#include "DayModel.h"

#include "live/NewBookingsModel.h"
#include "outbox/Outbox.h"
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
    setPending(row, m_marks.value(appointment.id));
    return row;
}

DayModel::Row DayModel::makeProvisionalRow(const ProvisionalBooking &booking) const
{
    Row row = makeRow(booking.appointment);
    row.provisional = true;
    row.statusText = tr("Not booked yet");
    row.toolTip = tr("Kept on this PC; booked when the clinic database has taken it");
    setPending(row, booking.mark);
    return row;
}

DayModel::Row DayModel::remade(const Row &row) const
{
    if (!row.provisional)
        return makeRow(row.appointment);
    return makeProvisionalRow({ row.appointment, row.pending });
}

void DayModel::setPending(Row &row, const PendingMark &mark)
{
    row.pending = mark;
    row.statusDisplay = mark.text.isEmpty() ? row.statusText : row.statusText + QStringLiteral(" – ") + mark.text;
    row.toolTipDisplay = mark.text.isEmpty() ? row.toolTip : row.toolTip + u'\n' + mark.text;
}

void DayModel::setOutbox(const Outbox *outbox)
{
    if (m_outbox)
        disconnect(m_outbox, nullptr, this, nullptr);
    m_outbox = outbox;
    if (outbox) {
        connect(outbox, &Outbox::entriesChanged, this, &DayModel::refreshPending);
        connect(outbox, &Outbox::applied, this, &DayModel::onOutboxApplied);
    }
    refreshPending();
}

QList<DayModel::Row> DayModel::provisionalRowsOn(QDate day) const
{
    QList<Row> rows;
    if (!m_outbox)
        return rows;
    for (const ProvisionalBooking &b : provisionalBookingsOf(m_outbox->entries(), m_clinic)) {
        if (isOnDay(b.appointment, day))
            rows.append(makeProvisionalRow(b));
    }
    return rows;
}

// The outbox changed: marks on the rows it acts on, provisional rows for its bookings of the day.
void DayModel::refreshPending()
{
    m_marks = m_outbox ? pendingMarksOf(m_outbox->entries()) : QHash<qint64, PendingMark>();
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.provisional)
            continue;
        const PendingMark mark = m_marks.value(r.appointment.id);
        if (mark != r.pending) {
            setPending(r, mark);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (m_loadState != LoadState::Loaded)
        return;
    QHash<qint64, Row> wanted;
    for (Row &r : provisionalRowsOn(m_day))
        wanted.insert(r.appointment.id, std::move(r));
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        Row &r = m_rows[row];
        if (!r.provisional)
            continue;
        const auto it = wanted.constFind(r.appointment.id);
        if (it == wanted.cend()) {
            // Discarded, or taken by the database: gone, unless its real row is still on its way.
            if (!m_landing.values().contains(r.appointment.id))
                removeRowAt(row);
            continue;
        }
        if (it->pending != r.pending) {
            setPending(r, it->pending);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        wanted.erase(it);
    }
    for (Row &r : wanted)
        insertRow(std::move(r));
}

void DayModel::onOutboxApplied(const OutboxEntry &entry, const CommandResult &answer)
{
    if (entry.command.operation != Operation::Book)
        return;
    const qint64 realId = answer.answer.value(u"appointment_id").toInteger();
    const qint64 provisionalId = provisionalIdOf(entry.seq);
    if (realId > 0 && rowOf(realId) < 0 && rowOf(provisionalId) >= 0)
        m_landing.insert(realId, provisionalId);
}

void DayModel::insertRow(Row row)
{
    const int at = insertPosition(row.appointment);
    beginInsertRows({}, at, at);
    m_rows.insert(at, std::move(row));
    endInsertRows();
}

void DayModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void DayModel::setClinic(const Clinic &clinic)
{
    const bool textsChanged = clinic.timeZone != m_clinic.timeZone || clinic.phoneRegion != m_clinic.phoneRegion;
    m_clinic = clinic;
    if (!textsChanged || m_rows.isEmpty())
        return;
    for (Row &row : m_rows)
        row = remade(row);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void DayModel::resetTo(QDate day, LoadState state, QList<Row> rows)
{
    const bool dayChanges = day != m_day;
    const bool stateChanges = state != m_loadState;
    beginResetModel();
    m_landing.clear();
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

QList<DayModel::Row> DayModel::rowsOf(QDate day, const AppointmentList &sorted) const
{
    QList<Row> rows;
    rows.reserve(sorted.size());
    for (const Appointment &a : sorted)
        rows.append(makeRow(a));
    // A booking kept offline shows on its day, read from the database or from this PC's copy.
    rows.append(provisionalRowsOn(day));
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return startsBefore(a.appointment, b.appointment); });
    return rows;
}

void DayModel::showCached(QDate day, const AppointmentList &appointments, const QDateTime &asOf)
{
    m_asOf = asOf;
    resetTo(day, LoadState::FromCache, rowsOf(day, clinicsOwnInOrder(appointments)));
}

void DayModel::setDay(QDate day, const AppointmentList &appointments)
{
    const AppointmentList sorted = clinicsOwnInOrder(appointments);
    if (day != m_day || m_rows.isEmpty()) {
        resetTo(day, LoadState::Loaded, rowsOf(day, sorted));
        return;
    }
    // A reload of the shown day (after a reconnect): apply the differences row by row, so
    // the views keep their selection and scroll position.
    QSet<qint64> incoming;
    for (const Appointment &a : std::as_const(sorted))
        incoming.insert(a.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        // Provisional rows are the outbox's, not the database's.
        if (!m_rows.at(row).provisional && !incoming.contains(m_rows.at(row).appointment.id))
            removeRowAt(row);
    }
    for (const Appointment &a : std::as_const(sorted))
        upsertRow(a);
    if (m_loadState != LoadState::Loaded) {
        m_loadState = LoadState::Loaded;
        Q_EMIT loadStateChanged(m_loadState);
    }
    refreshPending();
}

bool DayModel::isOnShownDay(const Appointment &appointment) const
{
    return isOnDay(appointment, m_day);
}

bool DayModel::isOnDay(const Appointment &appointment, QDate day) const
{
    return appointment.orgId == m_clinic.id && appointment.startsAt.toTimeZone(m_clinic.timeZone).date() == day;
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
        // A booking of the outbox has arrived for real: its provisional row makes way.
        if (const qint64 provisional = m_landing.take(appointment.id); provisional && rowOf(provisional) >= 0)
            removeRowAt(rowOf(provisional));
        if (!belongs)
            return;
        insertRow(makeRow(appointment));
        return;
    }
    if (!belongs) {
        removeRowAt(row);
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
        case StatusColumn: return r.statusDisplay;
        case SourceColumn: return r.sourceText;
        case PhoneColumn: return r.phoneText;
        case ServiceColumn: return a.service;
        }
        return {};
    case Qt::ToolTipRole:
        return r.toolTipDisplay;
    case AppointmentIdRole: return a.id;
    case IsNewRole: return isNew;
    case SourceRole: return int(a.source);
    case StatusRole: return int(a.status);
    case StartsAtRole: return a.startsAt;
    case EndsAtRole: return a.endsAt;
    case ProviderIdRole: return a.providerId;
    case SearchTextRole: return r.searchText;
    case PendingRole: return r.pending.text;
    case PendingNeedsPersonRole: return r.pending.needsPerson;
    case IsProvisionalRole: return r.provisional;
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
