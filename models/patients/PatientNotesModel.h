#pragma once

#include "domain/Clinic.h"
#include "domain/Patient.h"

#include <QAbstractListModel>

namespace frontdesk {

// What was said with or about a patient, newest first: the AI agent's call notes and the staff's
// notes, each with who wrote it and when (in the clinic's time zone). An adapter: it shows the
// interactions it is given; newer ones of the same patient are inserted at the top, so a view
// keeps its selection and scroll position when a note is added.
class PatientNotesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        InteractionIdRole = Qt::UserRole + 1,   // qint64
        KindRole,          // PatientInteraction::Kind as int
        BodyRole,          // QString
        AuthorRole,        // QString: the login
        OccurredAtRole,    // QDateTime, UTC
        HeadingRole,       // QString: "Note by jdoe, 12/05/2025 14:03"
    };

    explicit PatientNotesModel(QObject *parent = nullptr);

    void setClinic(const Clinic &clinic);
    void setInteractions(qint64 patientId, const QList<PatientInteraction> &interactions);
    void clear() { setInteractions(0, {}); }
    qint64 patientId() const { return m_patientId; }
    const QList<PatientInteraction> &interactions() const { return m_interactions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString heading(const PatientInteraction &interaction) const;

    Clinic m_clinic;
    qint64 m_patientId = 0;
    QList<PatientInteraction> m_interactions;
};

} // namespace frontdesk
