#pragma once

#include "domain/Clinic.h"
#include "domain/Patient.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace frontdesk {

class ClinicSession;
class PatientMatchesModel;
class PatientSearch;

// The booking form's help with existing patients, under its patient fields:
// - as the name or the phone is typed, the patients it matches, in a small list (Down from the
//   name or phone field moves into it, Enter picks, Up from the first row or Escape goes back);
// - when the phone number or email as typed is already a patient's of another name, a hint
//   that says whose, with a button to pick them. It never blocks booking a new patient.
// It only reads; picking is the form's to do (picked()).
class PatientFinder : public QWidget
{
    Q_OBJECT

public:
    PatientFinder(ClinicSession *session, const Clinic &clinic, QLineEdit *name, QLineEdit *phone, QLineEdit *email,
                  QWidget *parent = nullptr);

    QListView *matchesView() const { return m_list; }
    PatientMatchesModel *matchesModel() const { return m_model; }
    PatientSearch *search() const { return m_search; }
    // The hint about the phone or email's owner; empty when there is none.
    QString ownerHint() const;
    // Stops searching and hides the list (the form is being sent, or shows a patient read-only).
    void setActive(bool active);

Q_SIGNALS:
    void picked(const frontdesk::PatientMatch &patient);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void searchFor(QLineEdit *field);
    void onResults(const QString &text, const PatientMatchList &matches);
    void showList(bool show);
    void pick(int row);
    void checkContactOwners();
    void updateOwnerHint();
    void updateVisibility();

    ClinicSession *m_session;
    Clinic m_clinic;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QLineEdit *m_searched = nullptr;   // the field whose text is searched for
    bool m_active = true;
    PatientSearch *m_search;
    PatientMatchesModel *m_model;
    QListView *m_list;
    QWidget *m_hintRow;
    QLabel *m_hint;
    QPushButton *m_pickOwner;

    // The last contact looked up, its owners, and the token of the lookup awaited.
    QString m_ownersPhone;
    QString m_ownersEmail;
    PatientMatchList m_owners;
    PatientMatch m_owner;   // the one the hint names
    quint64 m_ownersToken = 0;
};

} // namespace frontdesk
