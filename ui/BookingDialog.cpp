#include "BookingDialog.h"

#include "booking/FieldStates.h"
#include "booking/OpeningHours.h"
#include "booking/PatientFinder.h"
#include "common/MessageBanner.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"
#include "text/EmailAddress.h"
#include "text/ErrorTexts.h"
#include "text/PersonName.h"
#include "text/PhoneNumbers.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimeEdit>
#include <QUuid>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

constexpr int kDefaultMinutes = 30;

// The locale's short time format without seconds, as clockTime() shows times.
QString clockFormat()
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss"));
    return QLocale().timeFormat(QLocale::ShortFormat).remove(seconds);
}

// The codes whose fault lies in one of the patient's fields.
bool isFieldCode(const QString &code)
{
    return code == u"INVALID_NAME" || code == u"INVALID_PHONE" || code == u"INVALID_EMAIL"
        || code == u"CONTACT_REQUIRED";
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
    setStart(OpeningHours(m_clinic).firstStart(suggestedStartUtc, m_session->clinicNow(), kDefaultMinutes));
    updateHints();
}

BookingDialog::BookingDialog(ClinicSession *session, const Appointment &appointment, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_clinic(session->clinic())
    , m_moving(appointment)
{
    setObjectName(QStringLiteral("BookingDialog"));
    setWindowTitle(tr("Reschedule appointment – %1").arg(appointment.patientName));
    buildForm();
    showPatient(appointment);
    const int minutes = int(appointment.startsAt.secsTo(appointment.endsAt) / 60);
    selectDuration(minutes > 0 ? minutes : kDefaultMinutes);
    setStart(OpeningHours(m_clinic).firstStart(appointment.startsAt, m_session->clinicNow(), durationMinutes()));
    m_date->setFocus();   // what a move is about
}

void BookingDialog::buildForm()
{
    auto *form = new QFormLayout;
    // Each label names the first field of its row as its buddy, so its Alt+letter works and
    // shows underlined (a row whose field is a layout gets no buddy of its own).
    const auto addRow = [&](const QString &text, QWidget *buddy, QLayout *row = nullptr) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        if (row)
            form->addRow(label, row);
        else
            form->addRow(label, buddy);
    };
    const auto addHinted = [&](const QString &label, QLineEdit *edit, QLabel *hint) {
        hint->setTextFormat(Qt::PlainText);
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(edit);
        column->addWidget(hint);
        addRow(label, edit, column);
        connect(edit, &QLineEdit::textChanged, this, [this, edit] { onFieldEdited(edit); });
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

    // Existing patients as the name or phone is typed, and whose phone or email this already is.
    m_finder = new PatientFinder(m_session, m_clinic, m_name, m_phone, m_email, this);
    form->addRow(m_finder);
    connect(m_finder, &PatientFinder::picked, this, &BookingDialog::fillPatient);

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    for (const Provider &p : std::as_const(m_clinic.providers))
        m_provider->addItem(p.displayName, p.id);
    addRow(tr("Pro&vider:"), m_provider);

    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setCalendarPopup(true);
    m_time = new QTimeEdit(this);
    m_time->setObjectName(QStringLiteral("timeEdit"));
    m_time->setDisplayFormat(clockFormat());
    m_duration = new QComboBox(this);
    m_duration->setObjectName(QStringLiteral("durationCombo"));
    for (int minutes : { 15, 30, 45, 60, 90 })
        m_duration->addItem(tr("%1 min").arg(minutes), minutes);
    selectDuration(kDefaultMinutes);
    auto *when = new QHBoxLayout;
    when->addWidget(m_date);
    when->addWidget(m_time);
    when->addWidget(m_duration);
    addRow(tr("&When (%1):").arg(QString::fromUtf8(m_clinic.timeZone.id())), m_date, when);

    m_service = new QLineEdit(this);
    m_service->setObjectName(QStringLiteral("serviceEdit"));
    addRow(tr("&Service:"), m_service);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(70);
    addRow(tr("&Notes:"), m_notes);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("bookingError"));

    m_alternatives = new QWidget(this);
    m_alternatives->setObjectName(QStringLiteral("alternatives"));
    m_alternativesLayout = new QHBoxLayout(m_alternatives);
    m_alternativesLayout->setContentsMargins(0, 0, 0, 0);
    m_alternatives->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(isReschedule() ? QStringLiteral("rescheduleButton")
                                                                          : QStringLiteral("bookButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BookingDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setBusy(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_alternatives);
    layout->addWidget(m_buttons);
}

void BookingDialog::showPatient(const Appointment &appointment)
{
    // Who is being moved, for reading and copying; changing the patient is not a move.
    m_finder->setActive(false);
    m_name->setText(appointment.patientName);
    m_phone->setText(appointment.phone);
    m_phone->setPlaceholderText({});
    m_email->setText(appointment.email);
    m_service->setText(appointment.service);
    m_notes->setPlainText(appointment.notes);
    for (QLineEdit *edit : { m_name, m_phone, m_email, m_service })
        edit->setReadOnly(true);
    m_notes->setReadOnly(true);
    for (QLabel *hint : { m_nameHint, m_phoneHint, m_emailHint })
        hint->hide();

    int index = m_provider->findData(appointment.providerId);
    if (index < 0) {   // no longer bookable; shown so that the move can keep or change it knowingly
        m_provider->addItem(appointment.providerName, appointment.providerId);
        index = m_provider->count() - 1;
    }
    m_provider->setCurrentIndex(index);
}

void BookingDialog::prefill(const BookingPrefill &values)
{
    if (isReschedule())
        return;   // a move keeps its patient
    if (!values.name.isEmpty())
        m_name->setText(values.name);
    if (!values.phone.isEmpty())
        m_phone->setText(values.phone);
    if (!values.email.isEmpty())
        m_email->setText(values.email);
    if (!values.service.isEmpty())
        m_service->setText(values.service);
    if (values.providerId > 0) {
        const int index = m_provider->findData(values.providerId);
        if (index >= 0)
            m_provider->setCurrentIndex(index);
    }
    if (values.minutes > 0)
        selectDuration(values.minutes);
    // A past start (a callback read the next day) moves on, as a suggestion on opening does.
    const QDateTime suggested = values.startsAt.isValid() ? values.startsAt : startUtc();
    setStart(OpeningHours(m_clinic).firstStart(suggested, m_session->clinicNow(), durationMinutes()));
}

void BookingDialog::fillPatient(const PatientMatch &picked)
{
    if (isReschedule())
        return;
    // A copy: each field set below makes the finder look again, and it may own what was passed.
    const PatientMatch patient = picked;
    m_name->setText(patient.fullName);
    // As the clinic's region reads it; it normalises to the stored number again.
    m_phone->setText(patient.phone.isEmpty() ? QString() : formatPhoneNumber(patient.phone, m_clinic.phoneRegion));
    m_email->setText(patient.email);
    // The patient is known: what is left to choose is with whom and when.
    m_provider->setFocus(Qt::OtherFocusReason);
}

void BookingDialog::setStart(const QDateTime &start)
{
    const QDateTime local = start.toTimeZone(m_clinic.timeZone);
    m_date->setDate(local.date());
    m_time->setTime(local.time());
}

void BookingDialog::selectDuration(int minutes)
{
    int index = m_duration->findData(minutes);
    if (index < 0) {
        // An appointment's own length is kept exactly: added in order among the usual ones.
        index = 0;
        while (index < m_duration->count() && m_duration->itemData(index).toInt() < minutes)
            ++index;
        m_duration->insertItem(index, tr("%1 min").arg(minutes), minutes);
    }
    m_duration->setCurrentIndex(index);
}

int BookingDialog::durationMinutes() const
{
    return m_duration->currentData().toInt();
}

QDateTime BookingDialog::startUtc() const
{
    return QDateTime(m_date->date(), m_time->time(), m_clinic.timeZone).toUTC();
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

QString BookingDialog::faultOf(const QLineEdit *field) const
{
    if (field == m_name)
        return m_nameHint->property("valid").toBool() ? QString() : QStringLiteral("INVALID_NAME");
    const bool noContact = m_phone->text().trimmed().isEmpty() && m_email->text().trimmed().isEmpty();
    if (field == m_phone && !m_phoneHint->property("valid").toBool())
        return QStringLiteral("INVALID_PHONE");
    if (field == m_email && !m_emailHint->property("valid").toBool())
        return QStringLiteral("INVALID_EMAIL");
    return noContact && (field == m_phone || field == m_email) ? QStringLiteral("CONTACT_REQUIRED") : QString();
}

QString BookingDialog::faultText(const QLineEdit *field, const QString &code) const
{
    // The hint says exactly what is wrong; the database's refusal of a value the desk thought
    // good, or a missing contact, is said in the catalogue's words.
    const QLabel *hint = field == m_name ? m_nameHint : field == m_phone ? m_phoneHint : m_emailHint;
    if (code != u"CONTACT_REQUIRED" && !hint->property("valid").toBool())
        return tr("Check the highlighted fields: %1").arg(hint->text());
    return errorText(code);
}

void BookingDialog::markFaults(const QStringList &codes)
{
    // Each field is at fault for its own code; the phone and the email both for a missing contact.
    for (QLineEdit *field : { m_name, m_phone, m_email }) {
        QString own = QStringLiteral("INVALID_EMAIL");
        if (field == m_name)
            own = QStringLiteral("INVALID_NAME");
        else if (field == m_phone)
            own = QStringLiteral("INVALID_PHONE");
        QString code;
        if (codes.contains(own))
            code = own;
        else if (field != m_name && codes.contains(u"CONTACT_REQUIRED"))
            code = QStringLiteral("CONTACT_REQUIRED");
        if (code.isEmpty())
            m_faults.remove(field);
        else
            m_faults.insert(field, code);
        setFieldInvalid(field, !code.isEmpty());
    }
    m_bannerShowsFaults = !m_faults.isEmpty();
    showFieldFaults();
}

void BookingDialog::onFieldEdited(QLineEdit *field)
{
    updateHints();
    if (m_faults.isEmpty())
        return;
    // A field stays highlighted until its own value is good; a missing contact is fixed by either.
    for (QLineEdit *f : { m_name, m_phone, m_email }) {
        const auto it = m_faults.constFind(f);
        if (it == m_faults.cend() || (f != field && it.value() != u"CONTACT_REQUIRED"))
            continue;
        if (faultOf(f).isEmpty()) {
            m_faults.remove(f);
            setFieldInvalid(f, false);
        }
    }
    showFieldFaults();
}

void BookingDialog::showFieldFaults()
{
    if (!m_bannerShowsFaults)
        return;
    for (QLineEdit *field : { m_name, m_phone, m_email }) {
        const auto it = m_faults.constFind(field);
        if (it == m_faults.cend())
            continue;
        // The code first (for the details and code()), then the words for this very field.
        m_banner->showError(it.value());
        m_banner->showMessage(MessageBanner::Kind::Error, faultText(field, it.value()), m_banner->toolTip());
        return;
    }
    m_bannerShowsFaults = false;
    m_banner->clear();
}

BookingRequest BookingDialog::request() const
{
    BookingRequest r;
    r.orgId = m_clinic.id;
    r.providerId = m_provider->currentData().toLongLong();
    r.startsAt = startUtc();
    r.endsAt = r.startsAt.addSecs(60 * durationMinutes());
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
    if (isReschedule()) {
        const QDateTime start = startUtc();
        const qint64 provider = m_provider->currentData().toLongLong();
        // Found in the demo: Enter on the unchanged form "moved" a confirmed appointment onto
        // itself, and the database's reschedule made it merely booked again.
        if (start == m_moving.startsAt && start.addSecs(60 * durationMinutes()) == m_moving.endsAt
            && provider == m_moving.providerId) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("This is when the appointment already is. Choose another time or provider."));
            return;
        }
        m_command = Commands::reschedule(m_moving.id, start, start.addSecs(60 * durationMinutes()),
                                         provider != m_moving.providerId ? provider : 0);
        m_sentStartsAt = start;
    } else {
        updateHints();
        // Refuse what the server would refuse anyway, and say where; the server still decides.
        QStringList faults;
        for (const QLineEdit *field : { m_name, m_phone, m_email })
            faults.append(faultOf(field));
        faults.removeAll(QString());
        if (!faults.isEmpty()) {
            markFaults(faults);
            return;
        }
        m_sent = request();
        m_command = Commands::book(m_sent);
        m_sentStartsAt = m_sent.startsAt;
    }
    m_bannerShowsFaults = false;
    m_banner->clear();
    send();
}

void BookingDialog::send()
{
    m_pending = true;
    setBusy(true);
    m_session->send(this, m_command,
                    [this](const CommandResult &answer) { onAnswer(BookingResult::fromAnswer(answer)); });
}

void BookingDialog::reject()
{
    // Closing while a request is out would leave the receptionist not knowing its outcome.
    if (m_pending)
        return;
    QDialog::reject();
}

void BookingDialog::onAnswer(const BookingResult &result)
{
    m_pending = false;
    if (result.code == u"QUEUED") {
        // Kept on this PC (offline, or the answer lost with the connection) and sent when the
        // database is back, with its key; the outbox dock and the book show it as pending.
        setBusy(false);
        accept();
        return;
    }
    if (result.ok) {
        setBusy(false);
        m_bookedId = result.appointmentId > 0 ? result.appointmentId : m_moving.id;
        Q_EMIT booked(m_bookedId, m_sentStartsAt);
        accept();
        return;
    }
    if (isFieldCode(result.code) && !isReschedule()) {
        markFaults({ result.code });   // highlighted and said, until fixed
    } else {
        // The code and the server's words go in the details; the text is the plainest sentence.
        m_banner->showError(result.code, result.message);
        const QString text = describeRefusal(result);
        if (text != m_banner->text())
            m_banner->showMessage(MessageBanner::Kind::Error, text, m_banner->toolTip());
    }
    showAlternatives(result.alternatives);
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
            setStart(utc);
            m_banner->clear();
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
    if (result.code == u"OUTSIDE_HOURS") {
        const QString hours = OpeningHours(m_clinic).describe();
        if (hours.isEmpty())
            return errorText(result.code);
        return tr("The clinic is closed then. It is open %1.").arg(hours);
    }
    if (result.code != u"PATIENT_BUSY" || !result.conflictStartsAt.isValid())
        return errorText(result.code);
    QString provider;
    for (const Provider &p : m_clinic.providers) {
        if (p.id == result.conflictProviderId)
            provider = p.displayName;
    }
    const QString name = isReschedule() ? m_moving.patientName : normalizePersonName(m_sent.patientName);
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
    if (local.date() == m_date->date())
        return clockTime(local.time());
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' ' + clockTime(local.time());
}

void BookingDialog::setBusy(bool busy)
{
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!busy);
    if (busy)
        ok->setText(isReschedule() ? tr("Rescheduling…") : tr("Booking…"));
    else
        ok->setText(isReschedule() ? tr("&Reschedule") : tr("&Book"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
}

void BookingDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The state colours come from the palette: a new theme recolours them.
    if (event->type() == QEvent::PaletteChange && m_name) {
        updateHints();
        for (QLineEdit *field : { m_name, m_phone, m_email }) {
            if (m_faults.contains(field))
                setFieldInvalid(field, true);
        }
    }
}

} // namespace frontdesk
