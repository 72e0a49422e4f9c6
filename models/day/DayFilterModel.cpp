#include "DayFilterModel.h"

#include "DayModel.h"

namespace frontdesk {

DayFilterModel::DayFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::DisplayRole);
}

void DayFilterModel::setProviderFilter(qint64 providerId)
{
    m_providerId = providerId;
    invalidateFilter();
}

void DayFilterModel::setStatusFilter(std::optional<AppointmentStatus> status)
{
    m_status = status;
    invalidateFilter();
}

void DayFilterModel::setSourceFilter(std::optional<BookingSource> source)
{
    m_source = source;
    invalidateFilter();
}

void DayFilterModel::setTextFilter(const QString &text)
{
    m_text = text.simplified();
    invalidateFilter();
}

bool DayFilterModel::isFiltering() const
{
    return m_providerId != 0 || m_status || m_source || !m_text.isEmpty();
}

bool DayFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_providerId != 0 && row.data(DayModel::ProviderIdRole).toLongLong() != m_providerId)
        return false;
    if (m_status && row.data(DayModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (m_source && row.data(DayModel::SourceRole).toInt() != int(*m_source))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString haystack = row.data(DayModel::SearchTextRole).toString();
    // Every word somewhere; digits alone also match a phone number however it is written.
    const QStringList words = m_text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (haystack.contains(word, Qt::CaseInsensitive))
            continue;
        QString digits;
        for (const QChar c : word) {
            if (c.isDigit())
                digits += c;
        }
        if (digits.size() < 3 || digits.size() != word.size())
            return false;
        bool inANumber = false;
        const QStringList fields = haystack.split(u'\n');
        for (const QString &field : fields) {
            QString fieldDigits;
            for (const QChar c : field) {
                if (c.isDigit())
                    fieldDigits += c;
            }
            inANumber = inANumber || fieldDigits.contains(digits);
        }
        if (!inANumber)
            return false;
    }
    return true;
}

bool DayFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == DayModel::TimeColumn)
        return left.data(DayModel::StartsAtRole).toDateTime() < right.data(DayModel::StartsAtRole).toDateTime();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace frontdesk
