#pragma once

#include "db/ConnectionSettings.h"
#include "domain/Booking.h"
#include "domain/Clinic.h"
#include "domain/ConnectionState.h"

#include <QDate>
#include <QObject>

class QThread;

namespace frontdesk {

class ClinicDatabaseWorker;
class DayModel;

// The desk's one way to the clinic database, used from the GUI thread. It owns the
// database worker and its thread, keeps the day model up to date from the worker's results,
// and carries user actions (book, change day) to the worker. Nothing here blocks.
class ClinicSession : public QObject
{
    Q_OBJECT

public:
    ClinicSession(ConnectionSettings settings, qint64 orgId, QObject *parent = nullptr);
    ~ClinicSession() override;

    void start();

    DayModel *dayModel() const { return m_dayModel; }
    const Clinic &clinic() const { return m_clinic; }
    const ConnectionState &connectionState() const { return m_state; }
    QDate day() const { return m_day; }
    QDate today() const;

    void showDay(QDate day);
    void showToday() { showDay(today()); }
    void showNextDay() { showDay(m_day.addDays(1)); }
    void showPreviousDay() { showDay(m_day.addDays(-1)); }

    // Sends the request to book_appointment_atomic; the answer comes as bookingFinished with
    // the returned id. Fills in an idempotency key when the request has none.
    quint64 book(BookingRequest request);

Q_SIGNALS:
    void clinicChanged(const frontdesk::Clinic &clinic);
    void connectionStateChanged(const frontdesk::ConnectionState &state);
    void dayRequested(QDate day);
    // Every appointment that changed live, on whatever day it falls.
    void appointmentChanged(const frontdesk::Appointment &appointment);
    void bookingFinished(quint64 requestId, const frontdesk::BookingResult &result);

private:
    void onClinicLoaded(const Clinic &clinic);
    void onDayLoaded(QDate day, const AppointmentList &appointments);
    void onConnectionStateChanged(const ConnectionState &state);

    QThread *m_thread;
    ClinicDatabaseWorker *m_worker;
    DayModel *m_dayModel;
    Clinic m_clinic;
    ConnectionState m_state;
    QDate m_day;
    quint64 m_nextRequestId = 1;
};

void registerFrontdeskMetaTypes();

} // namespace frontdesk
