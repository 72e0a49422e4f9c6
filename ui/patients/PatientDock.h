#pragma once

#include <QDockWidget>

namespace frontdesk {

class ClinicSession;
class PatientPanel;
class PatientSearchPanel;

// The patients' dock: search as you type above, the chosen patient's history below. Opened by
// Ctrl+F (search), from the selected appointment, and from a follow-up item.
class PatientDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit PatientDock(ClinicSession *session, QWidget *parent = nullptr);

    PatientSearchPanel *searchPanel() const { return m_search; }
    PatientPanel *patientPanel() const { return m_patient; }

public Q_SLOTS:
    void focusSearch();
    void showPatient(qint64 patientId);

private:
    void reveal();

    PatientSearchPanel *m_search;
    PatientPanel *m_patient;
};

} // namespace frontdesk
