#pragma once

#include "domain/AppointmentHistory.h"
#include "domain/ChangeEvent.h"
#include "domain/Clinic.h"

#include <QAbstractListModel>

namespace frontdesk {

// One appointment's history, oldest first, for the details panel: each event in plain words
// ("Cancelled by jdoe: patient is unwell") with its time in the clinic's time zone. An adapter:
// it shows the history it is given and never reads the database; concerns() tells its owner
// when a change set calls for reading it again.
class AppointmentHistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        EventIdRole = Qt::UserRole + 1,   // qint64
        KindRole,          // ChangeEvent::Kind as int
        KindTextRole,      // QString: the kind as logged, e.g. "appointment.cancel"
        ActorRole,         // QString: the login that did it
        OccurredAtRole,    // QDateTime, UTC
        DetailsRole,       // QJsonObject: what the event logged
        DescriptionRole,   // QString: what happened, in plain words (without the time)
        TimeTextRole,      // QString: when, in the clinic's time zone and the locale's formats
    };

    explicit AppointmentHistoryModel(QObject *parent = nullptr);

    // The clinic whose time zone the times are read in and whose providers a reschedule names.
    void setClinic(const Clinic &clinic);
    const Clinic &clinic() const { return m_clinic; }

    // Shows `history` as the history of `appointmentId`. The same appointment's history grown by
    // newer events only inserts the new rows, so a view keeps its selection and scroll position.
    void setHistory(qint64 appointmentId, const AppointmentHistory &history);
    // No appointment: no rows.
    void clear();
    qint64 appointmentId() const { return m_appointmentId; }
    const AppointmentHistory &history() const { return m_history; }

    // Whether `changes` touch the shown appointment, so that its history is to be read again.
    bool concerns(const ChangeSet &changes) const;

    // What happened, in plain words, and when, as the rows show them.
    QString describe(const AppointmentEvent &event) const;
    QString timeText(const QDateTime &utc) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    // An event with its texts, made once: data() runs on every paint and size hint.
    struct Row
    {
        QString description;
        QString time;
    };

    Row makeRow(const AppointmentEvent &event) const;
    QString providerName(qint64 providerId) const;
    QString describeFollowUp(const AppointmentEvent &event) const;

    Clinic m_clinic;
    qint64 m_appointmentId = 0;
    AppointmentHistory m_history;
    QList<Row> m_rows;
};

} // namespace frontdesk
