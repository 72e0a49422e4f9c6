#include "ClinicSession.h"

#include "day/DayModel.h"
#include "db/ClinicDatabaseWorker.h"
#include "Logging.h"

#include <QThread>
#include <QUuid>

namespace frontdesk {

void registerFrontdeskMetaTypes()
{
    qRegisterMetaType<Appointment>();
    qRegisterMetaType<AppointmentList>();
    qRegisterMetaType<Clinic>();
    qRegisterMetaType<BookingRequest>();
    qRegisterMetaType<BookingResult>();
    qRegisterMetaType<ConnectionState>();
}

ClinicSession::ClinicSession(ConnectionSettings settings, qint64 orgId, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ClinicDatabaseWorker(std::move(settings), orgId))
    , m_dayModel(new DayModel(this))
{
    registerFrontdeskMetaTypes();
    m_thread->setObjectName(QStringLiteral("frontdesk-database"));
    m_worker->moveToThread(m_thread);
    // The worker's destructor closes its connections; it must run on the worker's thread.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &ClinicDatabaseWorker::watchingStarted, m_dayModel, &DayModel::setWatchingSince);
    connect(m_worker, &ClinicDatabaseWorker::clinicLoaded, this, &ClinicSession::onClinicLoaded);
    connect(m_worker, &ClinicDatabaseWorker::dayLoaded, this, &ClinicSession::onDayLoaded);
    connect(m_worker, &ClinicDatabaseWorker::appointmentChanged, m_dayModel, &DayModel::applyChange);
    connect(m_worker, &ClinicDatabaseWorker::appointmentChanged, this, &ClinicSession::appointmentChanged);
    connect(m_worker, &ClinicDatabaseWorker::connectionStateChanged, this, &ClinicSession::onConnectionStateChanged);
    connect(m_worker, &ClinicDatabaseWorker::bookingFinished, this, &ClinicSession::bookingFinished);
}

ClinicSession::~ClinicSession()
{
    m_thread->quit();
    // A worker stuck in a call to a stalled server must not hang the closing app for ever.
    if (!m_thread->wait(QDeadlineTimer(3000))) {
        qCWarning(lcDatabase) << "the database thread is still busy; leaving it to end with the process";
        m_thread->setParent(nullptr);   // destroying a running QThread would abort
    }
}

void ClinicSession::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &ClinicDatabaseWorker::start, Qt::QueuedConnection);
}

QDate ClinicSession::today() const
{
    const QTimeZone zone = m_clinic.isValid() ? m_clinic.timeZone : QTimeZone::systemTimeZone();
    return QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
}

void ClinicSession::showDay(QDate day)
{
    if (!day.isValid())
        return;
    m_day = day;
    Q_EMIT dayRequested(day);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, day] { worker->showDay(day); }, Qt::QueuedConnection);
}

quint64 ClinicSession::book(BookingRequest request)
{
    const quint64 id = m_nextRequestId++;
    if (request.idempotencyKey.isEmpty())
        request.idempotencyKey = QStringLiteral("desk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, request] { worker->book(id, request); },
                              Qt::QueuedConnection);
    return id;
}

void ClinicSession::onClinicLoaded(const Clinic &clinic)
{
    const bool first = !m_clinic.isValid();
    m_clinic = clinic;
    m_dayModel->setClinic(clinic);
    Q_EMIT clinicChanged(clinic);
    // The day is read in the clinic's time zone: only now is "today" known for sure.
    if (first && !m_day.isValid())
        showToday();
}

void ClinicSession::onDayLoaded(QDate day, const AppointmentList &appointments)
{
    if (day != m_day)
        return;   // the user has moved on to another day since
    m_dayModel->setDay(day, appointments);
}

void ClinicSession::onConnectionStateChanged(const ConnectionState &state)
{
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

} // namespace frontdesk
