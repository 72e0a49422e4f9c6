#pragma once

#include "domain/Clinic.h"
#include "domain/Patient.h"

#include <QAbstractListModel>

namespace frontdesk {

// The patients a search found, best first, for a result list: each row the name, then how to
// reach them and when they are next (or were last) seen, phone numbers as the clinic's region
// reads them and times in the clinic's time zone. An adapter: it shows what it is given
// (PatientSearch::resultsReady) and remembers for which text, so a view can tell whose results
// it shows.
class PatientMatchesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PatientIdRole = Qt::UserRole + 1,   // qint64
        FullNameRole,          // QString
        PhoneRole,             // QString, E.164 as stored
        PhoneTextRole,         // QString, as the clinic's region reads it
        EmailRole,             // QString
        NextAppointmentRole,   // QDateTime, UTC; invalid when none
        LastAppointmentRole,   // QDateTime, UTC; invalid when none
        DetailsRole,           // QString: the row's second line (phone, email, next or last visit)
    };

    explicit PatientMatchesModel(QObject *parent = nullptr);

    void setClinic(const Clinic &clinic);
    // Shows `matches` as the results for `text`. The same patients again (a refreshed search)
    // only update their rows, so a view keeps its selection.
    void setMatches(const QString &text, const PatientMatchList &matches);
    void clear() { setMatches({}, {}); }

    QString searchText() const { return m_text; }
    const PatientMatchList &matches() const { return m_matches; }
    // The patient of `row`; an empty match (id 0) for a row out of range.
    PatientMatch match(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString phoneText(const PatientMatch &match) const;
    QString details(const PatientMatch &match) const;
    void remakeTexts();

    Clinic m_clinic;
    QString m_text;
    PatientMatchList m_matches;
    QStringList m_details;   // made once per row: data() runs on every paint
};

} // namespace frontdesk
