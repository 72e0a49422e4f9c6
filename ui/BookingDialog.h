#pragma once

#include "commands/Command.h"
#include "domain/Appointment.h"
#include "domain/Booking.h"
#include "domain/Clinic.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimeEdit;
class QWidget;

namespace frontdesk {

class ClinicSession;
class MessageBanner;
class PatientFinder;
struct PatientMatch;

// What another part of the desk already knows about a booking to make (a callback of the
// follow-up queue: who called, when and with whom they wanted to be seen). Empty or zero
// values leave the form's own.
struct BookingPrefill
{
    QString name;
    QString phone;
    QString email;
    qint64 providerId = 0;
    QDateTime startsAt;   // UTC
    int minutes = 0;
    QString service;
};

// Book an appointment from the desk, or move one, keyboard first (every field has its Alt+letter).
// Booking checks name, phone (for the clinic's region) and email as they are typed, highlights the
// field at fault, and sends book_appointment_atomic through the session; moving sends
// reschedule_appointment. On a taken slot or a busy patient it offers the nearest free times.
class BookingDialog : public QDialog
{
    Q_OBJECT

public:
    // Books a new appointment starting at the caller's suggestion; a suggestion in the past (the
    // clinic's time) is never shown: the next quarter hour from now is, or the next opening time.
    BookingDialog(ClinicSession *session, QDateTime suggestedStartUtc, QWidget *parent = nullptr);
    // Moves `appointment` to another time, length or provider. The patient, service and notes are
    // shown read-only: reschedule_appointment takes only the times and the provider.
    BookingDialog(ClinicSession *session, const Appointment &appointment, QWidget *parent = nullptr);

    bool isReschedule() const { return m_moving.id > 0; }
    // Fills the form for a new booking. A start that is invalid or already past is not used:
    // the form's first start applies (the next quarter hour, or the next opening), as when the
    // dialog opened; an unknown provider keeps the one chosen. Nothing is sent.
    void prefill(const BookingPrefill &values);
    // Fills name, phone and email with an existing patient's, as picking them from the list does.
    void fillPatient(const PatientMatch &patient);
    // The existing patients the form finds as it is typed, and the hint about a contact's owner.
    PatientFinder *patientFinder() const { return m_finder; }
    // The booking request as the form stands; the key stays the same for the dialog's life, so
    // sending again after a refusal can never book twice.
    BookingRequest request() const;
    // The last command sent (book or reschedule). One whose answer was lost with the connection
    // is kept in the outbox and sent again from there with its key (ClinicSession::send).
    Command sentCommand() const { return m_command; }
    // The appointment booked or moved, once the database said so; 0 before.
    qint64 bookedAppointmentId() const { return m_bookedId; }

public Q_SLOTS:
    void submit();
    void reject() override;

Q_SIGNALS:
    // In both modes, on success (just before the dialog accepts): the appointment and its start.
    void booked(qint64 appointmentId, const QDateTime &startsAtUtc);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildForm();
    void showPatient(const Appointment &appointment);
    void setStart(const QDateTime &start);
    void selectDuration(int minutes);
    int durationMinutes() const;
    QDateTime startUtc() const;
    void updateHints();
    QString faultOf(const QLineEdit *field) const;
    QString faultText(const QLineEdit *field, const QString &code) const;
    void markFaults(const QStringList &codes);
    void onFieldEdited(QLineEdit *field);
    void showFieldFaults();
    void send();
    void onAnswer(const BookingResult &result);
    void showAlternatives(const QList<QDateTime> &alternatives);
    void setBusy(bool busy);
    QString localeTime(const QDateTime &utc) const;
    QString describeRefusal(const BookingResult &result) const;

    ClinicSession *m_session;
    Clinic m_clinic;
    Appointment m_moving;           // the appointment being moved; id 0 when booking
    QString m_idempotencyKey;
    bool m_pending = false;         // a request is out: no second one, no closing
    BookingRequest m_sent;          // the last booking request sent
    Command m_command;              // the last command sent
    QDateTime m_sentStartsAt;       // where it starts, for booked()
    qint64 m_bookedId = 0;
    QHash<QLineEdit *, QString> m_faults;   // fields highlighted, with the code of their fault
    bool m_bannerShowsFaults = false;       // the banner is about m_faults, and goes with them

    QLineEdit *m_name = nullptr;
    QLabel *m_nameHint = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phoneHint = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_emailHint = nullptr;
    PatientFinder *m_finder = nullptr;
    QComboBox *m_provider = nullptr;
    QDateEdit *m_date = nullptr;
    QTimeEdit *m_time = nullptr;
    QComboBox *m_duration = nullptr;
    QLineEdit *m_service = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    MessageBanner *m_banner = nullptr;
    QWidget *m_alternatives = nullptr;
    QHBoxLayout *m_alternativesLayout = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace frontdesk
