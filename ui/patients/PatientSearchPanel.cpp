#include "PatientSearchPanel.h"

#include "patients/PatientMatchesModel.h"
#include "patients/PatientSearch.h"
#include "services/ClinicSession.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace frontdesk {

PatientSearchPanel::PatientSearchPanel(ClinicSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_search(new PatientSearch(session, this))
    , m_model(new PatientMatchesModel(this))
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_results(new QListView(this))
{
    setObjectName(QStringLiteral("patientSearch"));
    m_edit->setObjectName(QStringLiteral("patientSearchEdit"));
    m_edit->setPlaceholderText(tr("Name or phone digits"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Find a patient"));
    m_edit->installEventFilter(this);

    m_status->setObjectName(QStringLiteral("patientSearchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_results->setObjectName(QStringLiteral("patientSearchResults"));
    m_results->setModel(m_model);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setAccessibleName(tr("Patients found"));
    m_results->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edit);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    m_model->setClinic(m_session->clinic());
    connect(m_session, &ClinicSession::clinicChanged, m_model, &PatientMatchesModel::setClinic);
    connect(m_edit, &QLineEdit::textChanged, m_search, &PatientSearch::setText);
    connect(m_search, &PatientSearch::resultsReady, this, &PatientSearchPanel::onResults);
    connect(m_search, &PatientSearch::stateChanged, this, &PatientSearchPanel::updateStatus);
    // A double click (or the platform's activation) opens the patient too.
    connect(m_results, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { activate(index.row()); });
    setFocusProxy(m_edit);
    updateStatus();
}

void PatientSearchPanel::focusSearch()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void PatientSearchPanel::clear()
{
    m_edit->clear();
    m_edit->setFocus(Qt::OtherFocusReason);
}

void PatientSearchPanel::onResults(const QString &text, const PatientMatchList &matches)
{
    m_model->setMatches(text, matches);
    updateStatus();
}

QString PatientSearchPanel::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void PatientSearchPanel::updateStatus()
{
    QString text;
    switch (m_search->state()) {
    case PatientSearch::State::Idle:
        if (!m_edit->text().trimmed().isEmpty())
            text = tr("Type at least two letters of the name, or three digits of the phone number.");
        break;
    case PatientSearch::State::Searching:
        break;   // the list keeps the last results until the new ones come: no flicker per key
    case PatientSearch::State::Ready:
        if (m_model->rowCount() == 0)
            text = tr("No patient found");
        break;
    case PatientSearch::State::Offline:
        text = tr("Search needs the connection to the clinic database.");
        break;
    case PatientSearch::State::Failed:
        text = tr("The search failed (%1). Type again to retry.").arg(m_search->lastError().code);
        break;
    }
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void PatientSearchPanel::activate(int row)
{
    const qint64 id = m_model->match(row).id;
    if (id > 0)
        Q_EMIT patientActivated(id);
}

bool PatientSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (!plain)
        return QWidget::eventFilter(watched, event);
    // Only the shown text's results are picked from the field: while a newer text is being
    // searched, the list still shows the older one's patients.
    const int rows = m_model->searchText() == m_edit->text() ? m_model->rowCount() : 0;
    if (watched == m_edit) {
        switch (key->key()) {
        case Qt::Key_Down:
            if (rows == 0)
                return false;
            m_results->setFocus(Qt::TabFocusReason);
            m_results->setCurrentIndex(m_model->index(0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (rows == 0)
                return false;
            activate(m_results->currentIndex().isValid() ? m_results->currentIndex().row() : 0);
            return true;
        case Qt::Key_Escape:
            if (m_edit->text().isEmpty())
                return false;
            clear();
            return true;
        }
    } else if (watched == m_results) {
        switch (key->key()) {
        case Qt::Key_Up:
            if (m_results->currentIndex().row() > 0)
                return false;
            m_edit->setFocus(Qt::OtherFocusReason);   // not Backtab: that would select the text typed
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Handled here, not by the view: it would also pass the key on to a dialog's default button.
            if (m_results->currentIndex().isValid())
                activate(m_results->currentIndex().row());
            return true;
        case Qt::Key_Escape:
            clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace frontdesk
