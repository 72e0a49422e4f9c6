#include "PatientFinder.h"

#include "db/PatientQueries.h"
#include "patients/PatientMatchesModel.h"
#include "patients/PatientSearch.h"
#include "services/ClinicSession.h"
#include "text/EmailAddress.h"
#include "text/PersonName.h"
#include "text/PhoneNumbers.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

constexpr int kShownRows = 4;   // a small list: the form stays in view

bool sameName(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive) == 0;
}

} // namespace

PatientFinder::PatientFinder(ClinicSession *session, const Clinic &clinic, QLineEdit *name, QLineEdit *phone,
                             QLineEdit *email, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_clinic(clinic)
    , m_name(name)
    , m_phone(phone)
    , m_email(email)
    , m_search(new PatientSearch(session, this))
    , m_model(new PatientMatchesModel(this))
    , m_list(new QListView(this))
    , m_hintRow(new QWidget(this))
    , m_hint(new QLabel(m_hintRow))
    , m_pickOwner(new QPushButton(m_hintRow))
{
    setObjectName(QStringLiteral("patientFinder"));
    m_search->setLimit(8);
    m_model->setClinic(clinic);

    m_hint->setObjectName(QStringLiteral("existingPatientHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_pickOwner->setObjectName(QStringLiteral("pickExistingPatientButton"));
    m_pickOwner->setAutoDefault(false);   // Enter in the form books; it never picks by surprise
    auto *hintLayout = new QHBoxLayout(m_hintRow);
    hintLayout->setContentsMargins(0, 0, 0, 0);
    hintLayout->addWidget(m_hint, 1);
    hintLayout->addWidget(m_pickOwner);
    m_hintRow->hide();
    connect(m_pickOwner, &QPushButton::clicked, this, [this] {
        // A copy: filling the form in changes m_owner while the receiver still reads it.
        const PatientMatch owner = m_owner;
        if (owner.id > 0)
            Q_EMIT picked(owner);
    });

    m_list->setObjectName(QStringLiteral("patientMatches"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("Existing patients that match"));
    // Reached with Down from the name or phone field, not in the Tab order between the fields.
    m_list->setFocusPolicy(Qt::ClickFocus);
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * 2 * kShownRows + 2 * m_list->frameWidth() + 4);
    m_list->installEventFilter(this);
    m_list->hide();
    connect(m_list, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { pick(index.row()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hintRow);
    layout->addWidget(m_list);

    // Typed by the receptionist (not filled in by the form): search for it.
    connect(m_name, &QLineEdit::textEdited, this, [this] { searchFor(m_name); });
    connect(m_phone, &QLineEdit::textEdited, this, [this] { searchFor(m_phone); });
    connect(m_search, &PatientSearch::resultsReady, this, &PatientFinder::onResults);
    // However the contact changed, whose it is may have changed.
    connect(m_phone, &QLineEdit::textChanged, this, &PatientFinder::checkContactOwners);
    connect(m_email, &QLineEdit::textChanged, this, &PatientFinder::checkContactOwners);
    connect(m_name, &QLineEdit::textChanged, this, &PatientFinder::updateOwnerHint);
    m_name->installEventFilter(this);
    m_phone->installEventFilter(this);
    updateVisibility();
}

void PatientFinder::setActive(bool active)
{
    m_active = active;
    if (!active) {
        m_search->clear();
        showList(false);
        m_hintRow->hide();
        updateVisibility();
    } else {
        checkContactOwners();
    }
}

QString PatientFinder::ownerHint() const
{
    return m_hintRow->isHidden() ? QString() : m_hint->text();
}

void PatientFinder::searchFor(QLineEdit *field)
{
    if (!m_active)
        return;
    m_searched = field;
    m_search->setText(field->text());
}

void PatientFinder::onResults(const QString &text, const PatientMatchList &matches)
{
    m_model->setMatches(text, matches);
    showList(!matches.isEmpty());
}

void PatientFinder::showList(bool show)
{
    if (!show && m_list->hasFocus() && m_searched)
        m_searched->setFocus(Qt::OtherFocusReason);
    m_list->setVisible(show && m_active);
    updateVisibility();
}

void PatientFinder::pick(int row)
{
    const PatientMatch match = m_model->match(row);
    if (match.id <= 0)
        return;
    // Picked: the list has done its work until the name or phone is typed again.
    m_search->clear();
    m_model->clear();
    showList(false);
    Q_EMIT picked(match);
}

void PatientFinder::checkContactOwners()
{
    if (!m_active)
        return;
    const PhoneCheck phone = checkPhoneNumber(m_phone->text(), m_clinic.phoneRegion);
    const QString phoneE164 = phone.valid ? phone.e164 : QString();
    QString email = normalizeEmail(m_email->text());
    if (!isValidEmail(email))
        email.clear();
    if (phoneE164 == m_ownersPhone && email == m_ownersEmail)
        return updateOwnerHint();
    m_ownersPhone = phoneE164;
    m_ownersEmail = email;
    m_owners.clear();
    const quint64 token = ++m_ownersToken;   // an answer for an older contact is never shown
    updateOwnerHint();
    if ((phoneE164.isEmpty() && email.isEmpty()) || !m_session->isOnline())
        return;
    m_session->read(this, PatientQueries::byContact(m_clinic.id, phoneE164, email),
                    [this, token](const Result<PatientMatchList> &answer) {
                        if (token != m_ownersToken || !answer)
                            return;   // a newer contact was typed; or no hint: it only helps
                        m_owners = answer.value();
                        updateOwnerHint();
                    });
}

void PatientFinder::updateOwnerHint()
{
    const QString name = normalizePersonName(m_name->text());
    // The phone first: it is what the desk types most. A patient of the same name is the one the
    // booking will be matched to: nothing to say.
    m_owner = {};
    bool byPhone = false;
    for (const bool phone : { true, false }) {
        for (const PatientMatch &owner : std::as_const(m_owners)) {
            const bool shares = phone ? (!m_ownersPhone.isEmpty() && owner.phone == m_ownersPhone)
                                      : (!m_ownersEmail.isEmpty() && owner.email == m_ownersEmail);
            if (shares && sameName(owner.fullName, name)) {
                m_owner = {};
                m_hintRow->hide();
                updateVisibility();
                return;
            }
            if (shares && m_owner.id == 0) {
                m_owner = owner;
                byPhone = phone;
            }
        }
    }
    if (m_owner.id == 0 || !m_active) {
        m_hintRow->hide();
        updateVisibility();
        return;
    }
    m_hint->setText(byPhone
                        ? tr("This phone number belongs to %1 — pick them, or book a new patient.").arg(m_owner.fullName)
                        : tr("This email address belongs to %1 — pick them, or book a new patient.").arg(m_owner.fullName));
    m_pickOwner->setText(tr("Pick %1").arg(m_owner.fullName));
    m_hintRow->show();
    updateVisibility();
}

void PatientFinder::updateVisibility()
{
    // An empty row of the form would still take its spacing.
    setVisible(!m_hintRow->isHidden() || !m_list->isHidden());
}

bool PatientFinder::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if ((key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return QWidget::eventFilter(watched, event);
    if (watched == m_name || watched == m_phone) {
        if (key->key() == Qt::Key_Down && !m_list->isHidden() && m_model->rowCount() > 0) {
            m_searched = static_cast<QLineEdit *>(watched);
            m_list->setFocus(Qt::TabFocusReason);
            m_list->setCurrentIndex(m_model->index(0));
            return true;
        }
    } else if (watched == m_list) {
        switch (key->key()) {
        case Qt::Key_Up:
            if (m_list->currentIndex().row() > 0)
                return false;
            (m_searched ? m_searched : m_name)->setFocus(Qt::OtherFocusReason);   // not Backtab: that would select the text typed
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Here, not in the view: the dialog would also take it as "Book".
            if (m_list->currentIndex().isValid())
                pick(m_list->currentIndex().row());
            return true;
        case Qt::Key_Escape:
            // Closes the list, not the dialog.
            showList(false);
            (m_searched ? m_searched : m_name)->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace frontdesk
