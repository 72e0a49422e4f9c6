#include "PatientDock.h"

#include "PatientPanel.h"
#include "PatientSearchPanel.h"

#include <QSplitter>

namespace frontdesk {

PatientDock::PatientDock(ClinicSession *session, QWidget *parent)
    : QDockWidget(tr("Patients"), parent)
{
    setObjectName(QStringLiteral("patientDock"));
    auto *split = new QSplitter(Qt::Vertical, this);
    m_search = new PatientSearchPanel(session, split);
    m_patient = new PatientPanel(session, split);
    split->addWidget(m_search);
    split->addWidget(m_patient);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    setWidget(split);
    connect(m_search, &PatientSearchPanel::patientActivated, this, &PatientDock::showPatient);
}

void PatientDock::reveal()
{
    show();
    raise();
}

void PatientDock::focusSearch()
{
    reveal();
    m_search->focusSearch();
}

void PatientDock::showPatient(qint64 patientId)
{
    reveal();
    m_patient->showPatient(patientId);
}

} // namespace frontdesk
