#pragma once

#include "domain/Booking.h"
#include "domain/Clinic.h"

#include <QDialog>

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

// Book an appointment from the desk, keyboard first. Checks name, phone (for the clinic's
// region) and email as they are typed, sends the request through the session to
// book_appointment_atomic, and on a taken slot offers the nearest free ones.
class BookingDialog : public QDialog
{
    Q_OBJECT

public:
    BookingDialog(ClinicSession *session, QDateTime suggestedStartUtc, QWidget *parent = nullptr);

    // The request as the form stands; the key stays the same for the dialog's life, so
    // sending again after a dropped connection can never book twice.
    BookingRequest request() const;
    qint64 bookedAppointmentId() const { return m_bookedId; }

public Q_SLOTS:
    void submit();
    void reject() override;

private:
    void buildForm();
    void updateHints();
    void send();
    void onBookingFinished(const BookingResult &result);
    void showAlternatives(const QList<QDateTime> &alternatives);
    void setBusy(bool busy);
    QString localeTime(const QDateTime &utc) const;
    QString describeRefusal(const BookingResult &result) const;

    ClinicSession *m_session;
    Clinic m_clinic;
    QString m_idempotencyKey;
    bool m_pending = false;         // a request is out: no second one, no closing
    BookingRequest m_sent;          // the last request sent
    bool m_outcomeUnknown = false;  // the last call dropped: only m_sent may go again
    qint64 m_bookedId = 0;

    QLineEdit *m_name;
    QLabel *m_nameHint;
    QLineEdit *m_phone;
    QLabel *m_phoneHint;
    QLineEdit *m_email;
    QLabel *m_emailHint;
    QComboBox *m_provider;
    QDateEdit *m_date;
    QTimeEdit *m_time;
    QComboBox *m_duration;
    QLineEdit *m_service;
    QPlainTextEdit *m_notes;
    QLabel *m_error;
    QWidget *m_alternatives;
    QHBoxLayout *m_alternativesLayout;
    QDialogButtonBox *m_buttons;
};

} // namespace frontdesk
