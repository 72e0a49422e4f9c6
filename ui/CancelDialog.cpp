#include "CancelDialog.h"

#include "common/MessageBanner.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

CancelDialog::CancelDialog(ClinicSession *session, const Appointment &appointment, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_appointment(appointment)
    , m_reason(new QLineEdit(this))
    , m_banner(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("CancelDialog"));
    setWindowTitle(tr("Cancel appointment – %1").arg(appointment.patientName));
    const QDateTime start = appointment.startsAt.toTimeZone(session->clinic().timeZone);
    auto *what = new QLabel(tr("%1 with %2, %3 at %4")
                                .arg(appointment.patientName, appointment.providerName,
                                     QLocale().toString(start.date(), QLocale::LongFormat), clockTime(start.time())),
                            this);
    what->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("cancelReasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. Patient called: unwell"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    m_banner->setObjectName(QStringLiteral("cancelError"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Cancel &appointment"));
    ok->setObjectName(QStringLiteral("confirmCancelButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Keep it"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CancelDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &CancelDialog::updateButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_buttons);
    updateButton();
}

void CancelDialog::updateButton()
{
    const QString reason = m_reason->text().trimmed();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_pending && !reason.isEmpty());
    if (reason.size() > kMaxReason)
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The reason is %1 characters long; at most %2 are kept. Shorten it.")
                                  .arg(reason.size()).arg(kMaxReason));
    else if (m_banner->code().isEmpty())
        m_banner->clear();
}

void CancelDialog::submit()
{
    const QString reason = m_reason->text().trimmed();
    if (m_pending)
        return;
    // Refused here what the database would refuse: no reason, or too long a one.
    if (reason.isEmpty()) {
        m_banner->showError(QStringLiteral("REASON_REQUIRED"));
        return;
    }
    if (reason.size() > kMaxReason)
        return;
    m_pending = true;
    updateButton();
    m_session->send(this, Commands::cancel(m_appointment.id, reason), [this](const CommandResult &result) {
        m_pending = false;
        updateButton();
        if (result.ok || result.isKept()) {
            accept();
            return;
        }
        m_banner->showError(result.code, result.message);
    });
}

} // namespace frontdesk
