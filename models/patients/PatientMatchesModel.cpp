#include "PatientMatchesModel.h"

#include "patients/PatientTexts.h"
#include "text/PhoneNumbers.h"

namespace frontdesk {

PatientMatchesModel::PatientMatchesModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PatientMatchesModel::setClinic(const Clinic &clinic)
{
    m_clinic = clinic;
    if (m_matches.isEmpty())
        return;
    remakeTexts();
    Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void PatientMatchesModel::setMatches(const QString &text, const PatientMatchList &matches)
{
    bool samePatients = matches.size() == m_matches.size();
    for (qsizetype i = 0; samePatients && i < matches.size(); ++i)
        samePatients = matches.at(i).id == m_matches.at(i).id;
    m_text = text;
    if (samePatients) {
        if (matches.isEmpty())
            return;
        m_matches = matches;
        remakeTexts();
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
        return;
    }
    beginResetModel();
    m_matches = matches;
    remakeTexts();
    endResetModel();
}

PatientMatch PatientMatchesModel::match(int row) const
{
    return row >= 0 && row < m_matches.size() ? m_matches.at(row) : PatientMatch();
}

void PatientMatchesModel::remakeTexts()
{
    m_details.clear();
    m_details.reserve(m_matches.size());
    for (const PatientMatch &m : std::as_const(m_matches))
        m_details.append(details(m));
}

QString PatientMatchesModel::phoneText(const PatientMatch &match) const
{
    return formatPhoneNumber(match.phone, m_clinic.phoneRegion);
}

QString PatientMatchesModel::details(const PatientMatch &match) const
{
    QStringList parts;
    if (!match.phone.isEmpty())
        parts.append(phoneText(match));
    if (!match.email.isEmpty())
        parts.append(match.email);
    // What the desk asks next: is there a visit coming, or when was the last one.
    if (match.nextAppointment.isValid())
        parts.append(tr("next %1").arg(clinicDateTimeText(m_clinic.timeZone, match.nextAppointment)));
    else if (match.lastAppointment.isValid())
        parts.append(tr("last %1").arg(clinicDateTimeText(m_clinic.timeZone, match.lastAppointment)));
    return parts.join(tr(" · ", "between the parts of a found patient's details"));
}

int PatientMatchesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

QVariant PatientMatchesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PatientMatch &m = m_matches.at(index.row());
    const QString &details = m_details.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return details.isEmpty() ? m.fullName : m.fullName + u'\n' + details;
    case Qt::ToolTipRole: {
        QStringList lines { m.fullName };
        if (!m.phone.isEmpty())
            lines.append(tr("Phone: %1").arg(phoneText(m)));
        if (!m.email.isEmpty())
            lines.append(tr("Email: %1").arg(m.email));
        lines.append(m.nextAppointment.isValid()
                         ? tr("Next appointment: %1").arg(clinicDateTimeText(m_clinic.timeZone, m.nextAppointment))
                         : tr("No appointment booked"));
        if (m.lastAppointment.isValid())
            lines.append(tr("Last appointment: %1").arg(clinicDateTimeText(m_clinic.timeZone, m.lastAppointment)));
        return lines.join(u'\n');
    }
    case Qt::AccessibleTextRole:
        return details.isEmpty() ? m.fullName : tr("%1, %2").arg(m.fullName, details);
    case PatientIdRole: return m.id;
    case FullNameRole: return m.fullName;
    case PhoneRole: return m.phone;
    case PhoneTextRole: return phoneText(m);
    case EmailRole: return m.email;
    case NextAppointmentRole: return m.nextAppointment;
    case LastAppointmentRole: return m.lastAppointment;
    case DetailsRole: return details;
    }
    return {};
}

} // namespace frontdesk
