#include "BookingDialog.h"

#include "services/ClinicSession.h"
#include "text/ErrorTexts.h"
#include "text/ClockTime.h"
#include "text/EmailAddress.h"
#include "text/PersonName.h"
#include "text/PhoneNumbers.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QUuid>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

void setHint(QLabel *hint, bool good, const QString &text)
{
    hint->setText(text);
    hint->setStyleSheet(good ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b3261e;"));
    hint->setProperty("valid", good);
}

} // namespace

BookingDialog::BookingDialog(ClinicSession *session, QDateTime suggestedStartUtc, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_clinic(session->clinic())
    , m_idempotencyKey(QStringLiteral("desk-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setObjectName(QStringLiteral("BookingDialog"));
    setWindowTitle(tr("Book appointment – %1").arg(m_clinic.name));
    buildForm();

    const QDateTime local = suggestedStartUtc.toTimeZone(m_clinic.timeZone);
    m_date->setDate(local.date());
    m_time->setTime(local.time());
    updateHints();

}

void BookingDialog::buildForm()
{
    auto *form = new QFormLayout;
    const auto addHinted = [&](const QString &label, QLineEdit *edit, QLabel *hint) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(edit);
        column->addWidget(hint);
        form->addRow(label, column);
        connect(edit, &QLineEdit::textChanged, this, &BookingDialog::updateHints);
    };

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("patientNameEdit"));
    m_nameHint = new QLabel(this);
    m_nameHint->setObjectName(QStringLiteral("patientNameHint"));
    addHinted(tr("&Patient name:"), m_name, m_nameHint);

    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setPlaceholderText(tr("As the caller says it; region %1").arg(m_clinic.phoneRegion));
    m_phoneHint = new QLabel(this);
    m_phoneHint->setObjectName(QStringLiteral("phoneHint"));
    addHinted(tr("P&hone:"), m_phone, m_phoneHint);

    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_emailHint = new QLabel(this);
    m_emailHint->setObjectName(QStringLiteral("emailHint"));
    addHinted(tr("&Email:"), m_email, m_emailHint);

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    for (const Provider &p : std::as_const(m_clinic.providers))
        m_provider->addItem(p.displayName, p.id);
    form->addRow(tr("Pro&vider:"), m_provider);

    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setCalendarPopup(true);
    m_time = new QTimeEdit(this);
    m_time->setObjectName(QStringLiteral("timeEdit"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_duration = new QComboBox(this);
    m_duration->setObjectName(QStringLiteral("durationCombo"));
    for (int minutes : { 15, 30, 45, 60, 90 })
        m_duration->addItem(tr("%1 min").arg(minutes), minutes);
    m_duration->setCurrentIndex(1);
    auto *when = new QHBoxLayout;
    when->addWidget(m_date);
    when->addWidget(m_time);
    when->addWidget(m_duration);
    form->addRow(tr("&When (%1):").arg(QString::fromUtf8(m_clinic.timeZone.id())), when);

    m_service = new QLineEdit(this);
    m_service->setObjectName(QStringLiteral("serviceEdit"));
    form->addRow(tr("&Service:"), m_service);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(70);
    form->addRow(tr("&Notes:"), m_notes);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("bookingError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_error->hide();

    m_alternatives = new QWidget(this);
    m_alternatives->setObjectName(QStringLiteral("alternatives"));
    m_alternativesLayout = new QHBoxLayout(m_alternatives);
    m_alternativesLayout->setContentsMargins(0, 0, 0, 0);
    m_alternatives->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Book"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("bookButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BookingDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_alternatives);
    layout->addWidget(m_buttons);
}

void BookingDialog::updateHints()
{
    const QString name = normalizePersonName(m_name->text());
    if (name.isEmpty())
        setHint(m_nameHint, false, tr("Required"));
    else if (m_name->text().toUcs4().size() > kMaxPersonNameInput)
        setHint(m_nameHint, false, tr("Too long: at most %1 characters").arg(kMaxPersonNameInput));
    else if (isValidPersonName(name))
        setHint(m_nameHint, true, tr("Will be saved as “%1”").arg(name));
    else
        setHint(m_nameHint, false, tr("Letters, spaces, hyphens and apostrophes only"));

    const QString phone = m_phone->text().trimmed();
    if (phone.isEmpty()) {
        setHint(m_phoneHint, true, tr("Optional if there is an email address"));
    } else {
        const PhoneCheck check = checkPhoneNumber(m_phone->text(), m_clinic.phoneRegion);
        if (check.valid)
            setHint(m_phoneHint, true, check.international);
        else
            setHint(m_phoneHint, false, tr("Not a valid phone number for region %1").arg(m_clinic.phoneRegion));
    }

    const QString email = normalizeEmail(m_email->text());
    if (email.isEmpty())
        setHint(m_emailHint, true, tr("Optional if there is a phone number"));
    else if (isValidEmail(email))
        setHint(m_emailHint, true, email);
    else
        setHint(m_emailHint, false, tr("Not a valid email address"));
}

BookingRequest BookingDialog::request() const
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_provider->currentData().toLongLong();
    const QDateTime start(m_date->date(), m_time->time(), m_clinic.timeZone);
    r.startsAt = start.toUTC();
    r.endsAt = start.addSecs(60 * m_duration->currentData().toInt()).toUTC();
    r.patientName = m_name->text();
    r.phone = m_phone->text();
    r.email = m_email->text();
    r.source = BookingSource::Staff;
    r.idempotencyKey = m_idempotencyKey;
    r.service = m_service->text().trimmed();
    r.notes = m_notes->toPlainText().trimmed();
    return r;
}

void BookingDialog::submit()
{
    if (m_pending)
        return;
    if (m_outcomeUnknown) {
        // The same request again, byte for byte: its key makes a second booking impossible.
        m_error->hide();
        send();
        return;
    }
    updateHints();
    // Refuse what the server would refuse anyway, and say where; the server still decides.
    for (QLabel *hint : { m_nameHint, m_phoneHint, m_emailHint }) {
        if (!hint->property("valid").toBool()) {
            m_error->setText(tr("Check the highlighted fields: %1").arg(hint->text()));
            m_error->show();
            return;
        }
    }
    if (m_phone->text().trimmed().isEmpty() && m_email->text().trimmed().isEmpty()) {
        m_error->setText(errorText(QStringLiteral("CONTACT_REQUIRED")));
        m_error->show();
        return;
    }
    m_error->hide();
    m_sent = request();
    send();
}

void BookingDialog::send()
{
    m_pending = true;
    setBusy(true);
    m_session->send(this, Commands::book(m_sent), [this](const CommandResult &answer) {
        onBookingFinished(answer.code == u"OFFLINE" || answer.code == u"CONNECTION_LOST"
                                  || answer.code == u"DATABASE_ERROR"
                              ? BookingResult::failure(answer.code, answer.message)
                              : BookingResult::fromAnswer(answer.answer));
    });
}

void BookingDialog::reject()
{
    // Closing while a request is out would leave the receptionist not knowing its outcome.
    if (m_pending)
        return;
    QDialog::reject();
}

void BookingDialog::onBookingFinished(const BookingResult &result)
{
    m_pending = false;
    setBusy(false);
    if (result.ok) {
        m_bookedId = result.appointmentId;
        accept();
        return;
    }
    m_error->setText(describeRefusal(result));
    m_error->setProperty("code", result.code);
    m_error->show();
    showAlternatives(result.alternatives);
    // The outcome of a dropped call is unknown: only the very same request may go again, so the
    // form freezes and the button sends what was sent. Any definite answer unfreezes it.
    m_outcomeUnknown = result.code == u"CONNECTION_LOST";
    for (QWidget *field : std::initializer_list<QWidget *>{ m_name, m_phone, m_email, m_provider, m_date, m_time,
                                                            m_duration, m_service, m_notes })
        field->setEnabled(!m_outcomeUnknown);
    setBusy(false);
}

void BookingDialog::showAlternatives(const QList<QDateTime> &alternatives)
{
    while (QLayoutItem *item = m_alternativesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (alternatives.isEmpty()) {
        m_alternatives->hide();
        return;
    }
    m_alternativesLayout->addWidget(new QLabel(tr("Free instead:"), m_alternatives));
    for (const QDateTime &utc : alternatives) {
        auto *button = new QPushButton(localeTime(utc), m_alternatives);
        button->setObjectName(QStringLiteral("alternativeButton"));
        connect(button, &QPushButton::clicked, this, [this, utc] {
            const QDateTime local = utc.toTimeZone(m_clinic.timeZone);
            m_date->setDate(local.date());
            m_time->setTime(local.time());
            m_error->hide();
            m_alternatives->hide();
            m_buttons->button(QDialogButtonBox::Ok)->setFocus();
        });
        m_alternativesLayout->addWidget(button);
    }
    m_alternativesLayout->addStretch();
    m_alternatives->show();
}

QString BookingDialog::describeRefusal(const BookingResult &result) const
{
    if (result.code != u"PATIENT_BUSY" || !result.conflictStartsAt.isValid())
        return frontdesk::errorText(result.code);
    QString provider;
    for (const Provider &p : m_clinic.providers) {
        if (p.id == result.conflictProviderId)
            provider = p.displayName;
    }
    const QString name = normalizePersonName(m_sent.patientName);
    const QString from = localeTime(result.conflictStartsAt);
    const QString to = clockTime(result.conflictEndsAt.toTimeZone(m_clinic.timeZone).time());
    if (provider.isEmpty())
        return tr("%1 already has an appointment from %2 to %3. A patient cannot be in two places at once: "
                  "pick another time.").arg(name, from, to);
    return tr("%1 already has an appointment from %2 to %3 with %4. A patient cannot be in two places at once: "
              "pick another time.").arg(name, from, to, provider);
}

QString BookingDialog::localeTime(const QDateTime &utc) const
{
    const QDateTime local = utc.toTimeZone(m_clinic.timeZone);
    const QLocale locale;
    if (local.date() == m_date->date())
        return clockTime(local.time());
    return locale.toString(local, QStringLiteral("ddd d MMM ")) + clockTime(local.time());
}

void BookingDialog::setBusy(bool busy)
{
    QPushButton *book = m_buttons->button(QDialogButtonBox::Ok);
    book->setEnabled(!busy);
    book->setText(busy ? tr("Booking…") : m_outcomeUnknown ? tr("&Send again") : tr("&Book"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
}

} // namespace frontdesk
