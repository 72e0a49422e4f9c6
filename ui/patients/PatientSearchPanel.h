#pragma once

#include "domain/Patient.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace frontdesk {

class ClinicSession;
class PatientMatchesModel;
class PatientSearch;

// Find a patient as you type, keyboard first: a search field over a list of the patients found
// (name, phone, email, next or last visit). Each keystroke searches (PatientSearch: a newer
// keystroke never waits on an older one's answer). Down from the field moves into the list, Up
// from its first row goes back to the field, Enter opens the selected patient (in the field: the
// selected one, else the first), Escape clears. Below the field a line says when there is
// nothing to show and why: too short, nobody found, or searching needs the connection.
class PatientSearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PatientSearchPanel(ClinicSession *session, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_edit; }
    QListView *resultsView() const { return m_results; }
    PatientMatchesModel *matchesModel() const { return m_model; }
    PatientSearch *search() const { return m_search; }
    // What the line under the field says now; empty when the list shows patients.
    QString statusText() const;

public Q_SLOTS:
    // Focuses the field with its text selected, so typing starts a new search (for Ctrl+F).
    void focusSearch();
    void clear();

Q_SIGNALS:
    void patientActivated(qint64 patientId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onResults(const QString &text, const PatientMatchList &matches);
    void updateStatus();
    void activate(int row);

    ClinicSession *m_session;
    PatientSearch *m_search;
    PatientMatchesModel *m_model;
    QLineEdit *m_edit;
    QLabel *m_status;
    QListView *m_results;
};

} // namespace frontdesk
