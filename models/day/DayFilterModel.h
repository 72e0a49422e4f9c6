#pragma once

#include "domain/Appointment.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace frontdesk {

// The day's list as the receptionist narrows it: by provider, status, source and any text of
// the appointment (name, phone as typed or shown, email, service, notes). Sorts by any column;
// time sorts by the start, not by its text.
class DayFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DayFilterModel(QObject *parent = nullptr);

    void setProviderFilter(qint64 providerId);   // 0: every provider
    void setStatusFilter(std::optional<AppointmentStatus> status);
    void setSourceFilter(std::optional<BookingSource> source);
    void setTextFilter(const QString &text);
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    qint64 m_providerId = 0;
    std::optional<AppointmentStatus> m_status;
    std::optional<BookingSource> m_source;
    QString m_text;
};

} // namespace frontdesk
