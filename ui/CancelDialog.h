#pragma once

#include "domain/Appointment.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace frontdesk {

class ClinicSession;
class MessageBanner;

// Cancelling an appointment asks why (the database requires a reason, 1 to 500 characters, and
// the event log keeps it). Sends cancel_appointment through the session; errors show inline and
// the reason typed stays for another try.
class CancelDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMaxReason = 500;

    CancelDialog(ClinicSession *session, const Appointment &appointment, QWidget *parent = nullptr);

public Q_SLOTS:
    void submit();

private:
    void updateButton();

    ClinicSession *m_session;
    Appointment m_appointment;
    QLineEdit *m_reason;
    MessageBanner *m_banner;
    QDialogButtonBox *m_buttons;
    bool m_pending = false;
};

} // namespace frontdesk
