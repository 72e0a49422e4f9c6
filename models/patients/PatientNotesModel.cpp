#include "PatientNotesModel.h"

#include "patients/PatientTexts.h"

namespace frontdesk {

PatientNotesModel::PatientNotesModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PatientNotesModel::setClinic(const Clinic &clinic)
{
    m_clinic = clinic;
    if (!m_interactions.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void PatientNotesModel::setInteractions(qint64 patientId, const QList<PatientInteraction> &interactions)
{
    // The same patient's list grown by newer ones on top: insert those, keep the rest.
    const qsizetype added = interactions.size() - m_interactions.size();
    bool grows = patientId == m_patientId && added >= 0;
    for (qsizetype i = 0; grows && i < m_interactions.size(); ++i)
        grows = interactions.at(added + i).id == m_interactions.at(i).id;
    if (grows) {
        if (added == 0)
            return;
        beginInsertRows({}, 0, int(added) - 1);
        m_interactions = interactions;
        endInsertRows();
        return;
    }
    beginResetModel();
    m_patientId = patientId;
    m_interactions = interactions;
    endResetModel();
}

QString PatientNotesModel::heading(const PatientInteraction &i) const
{
    const QString when = clinicDateTimeText(m_clinic.timeZone, i.occurredAt);
    switch (i.kind) {
    case PatientInteraction::Kind::AiCall:
        return tr("AI call, %1").arg(when);
    case PatientInteraction::Kind::StaffNote:
        return tr("Note by %1, %2").arg(i.author, when);
    case PatientInteraction::Kind::Other:
        break;
    }
    // A kind this desk does not know yet: as stored, never guessed as another.
    return tr("%1 by %2, %3").arg(i.kindText, i.author, when);
}

int PatientNotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_interactions.size());
}

QVariant PatientNotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PatientInteraction &i = m_interactions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(heading(i) + u'\n' + i.body);
    case Qt::ToolTipRole:
        return i.kind == PatientInteraction::Kind::AiCall ? tr("Noted by the AI agent (%1)").arg(i.author)
                                                          : tr("Written by %1").arg(i.author);
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(heading(i), i.body);
    case InteractionIdRole: return i.id;
    case KindRole: return int(i.kind);
    case BodyRole: return i.body;
    case AuthorRole: return i.author;
    case OccurredAtRole: return i.occurredAt;
    case HeadingRole: return heading(i);
    }
    return {};
}

} // namespace frontdesk
