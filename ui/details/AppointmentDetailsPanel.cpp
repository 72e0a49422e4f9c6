#include "AppointmentDetailsPanel.h"

#include "common/MessageBanner.h"
#include "day/DayModel.h"
#include "db/AppointmentQueries.h"
#include "db/ClinicQueries.h"
#include "details/AppointmentHistoryModel.h"
#include "services/ClinicSession.h"
#include "text/ClockTime.h"
#include "text/PhoneNumbers.h"

#include <QFormLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

// Whether two copies of an appointment differ in anything stored (the desk's "new" mark is not).
bool sameStoredFields(const Appointment &a, const Appointment &b)
{
    return a.id == b.id && a.orgId == b.orgId && a.providerId == b.providerId && a.providerName == b.providerName
        && a.patientId == b.patientId && a.patientName == b.patientName && a.phone == b.phone && a.email == b.email
        && a.startsAt == b.startsAt && a.endsAt == b.endsAt && a.status == b.status && a.statusText == b.statusText
        && a.source == b.source && a.service == b.service && a.notes == b.notes && a.createdBy == b.createdBy
        && a.createdAt == b.createdAt;
}

} // namespace

AppointmentDetailsPanel::AppointmentDetailsPanel(ClinicSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_historyModel(new AppointmentHistoryModel(this))
    , m_banner(new MessageBanner(this))
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_content(new QWidget(this))
    , m_history(new QListView(this))
{
    setObjectName(QStringLiteral("appointmentDetails"));
    m_banner->setObjectName(QStringLiteral("detailsMessage"));

    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *fields = new QWidget;
    auto *form = new QFormLayout(fields);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_patient = addField(form, tr("Patient:"), "detailPatient");
    m_phone = addField(form, tr("Phone:"), "detailPhone");
    m_email = addField(form, tr("Email:"), "detailEmail");
    m_provider = addField(form, tr("Provider:"), "detailProvider");
    m_when = addField(form, tr("When:"), "detailWhen");
    m_duration = addField(form, tr("Duration:"), "detailDuration");
    m_service = addField(form, tr("Service:"), "detailService");
    m_status = addField(form, tr("Status:"), "detailStatus");
    m_bookedBy = addField(form, tr("Booked by:"), "detailBookedBy");
    m_bookedAt = addField(form, tr("Booked on:"), "detailBookedAt");
    m_notes = addField(form, tr("Notes:"), "detailNotes");
    m_notes->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("detailsFields"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(fields);

    m_history->setObjectName(QStringLiteral("appointmentHistory"));
    m_history->setModel(m_historyModel);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setWordWrap(true);
    m_history->setResizeMode(QListView::Adjust);
    m_history->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_history->setAccessibleName(tr("History of the appointment"));
    auto *historyTitle = new QLabel(tr("History:"));
    historyTitle->setBuddy(m_history);
    auto *historyBox = new QWidget;
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(historyTitle);
    historyLayout->addWidget(m_history, 1);

    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setObjectName(QStringLiteral("detailsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(splitter);

    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);

    m_historyModel->setClinic(clinic());
    connect(m_session, &ClinicSession::clinicChanged, this, [this](const Clinic &changed) {
        m_historyModel->setClinic(changed);
        if (m_appointment)
            showFields(*m_appointment);
        else if (m_appointmentId != 0)
            loadAppointment();   // asked for before the clinic was known
        if (m_appointmentId != 0)
            queueHistoryLoad();
    });
    connect(m_session, &ClinicSession::changesArrived, this, &AppointmentDetailsPanel::followChanges);
    connect(m_session, &ClinicSession::connectionStateChanged, this, [this](const ConnectionState &state) {
        // What could not be read while offline is read once the desk is back.
        if (state.status != ConnectionState::Online || m_appointmentId == 0)
            return;
        if (!m_appointment)
            loadAppointment();
        if (m_historyFailed)
            queueHistoryLoad();
    });

    DayModel *day = m_session->dayModel();
    connect(day, &QAbstractItemModel::dataChanged, this, [this, day](const QModelIndex &from, const QModelIndex &to) {
        const int row = day->rowOf(m_appointmentId);
        if (row >= from.row() && row <= to.row())
            followDayModel();
    });
    connect(day, &QAbstractItemModel::rowsInserted, this, &AppointmentDetailsPanel::followDayModel);
    connect(day, &QAbstractItemModel::rowsMoved, this, &AppointmentDetailsPanel::followDayModel);
    connect(day, &QAbstractItemModel::modelReset, this, &AppointmentDetailsPanel::followDayModel);
    connect(day, &QAbstractItemModel::layoutChanged, this, &AppointmentDetailsPanel::followDayModel);

    showPlaceholder(tr("Select an appointment to see its details"));
}

QLabel *AppointmentDetailsPanel::addField(QFormLayout *form, const QString &title, const char *objectName)
{
    auto *value = new QLabel;
    value->setObjectName(QString::fromLatin1(objectName));
    value->setTextFormat(Qt::PlainText);   // a patient's notes are never markup
    value->setWordWrap(true);
    // Selectable by keyboard too, so each value takes focus and is copied like any text.
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QString name = title;
    if (name.endsWith(u':'))
        name.chop(1);
    value->setAccessibleName(name);
    auto *label = new QLabel(title);
    label->setBuddy(value);
    form->addRow(label, value);
    return value;
}

Clinic AppointmentDetailsPanel::clinic() const
{
    // The day's rows are read in the day model's clinic; before the session has loaded its
    // clinic (offline), that is the one the rows came with.
    return m_session->clinic().isValid() ? m_session->clinic() : m_session->dayModel()->clinic();
}

void AppointmentDetailsPanel::showAppointment(qint64 appointmentId)
{
    if (appointmentId == m_appointmentId) {
        followDayModel();
        return;
    }
    m_appointmentId = appointmentId;
    m_appointment.reset();
    // Answers still on their way are for the appointment shown before: never shown.
    ++m_historyToken;
    ++m_appointmentToken;
    m_historyFailed = false;
    m_banner->clear();
    if (appointmentId == 0) {
        m_historyModel->clear();
        showPlaceholder(tr("Select an appointment to see its details"));
        return;
    }
    m_historyModel->setHistory(appointmentId, {});
    if (const Appointment *a = m_session->dayModel()->appointment(appointmentId)) {
        m_appointment = *a;
        showFields(*a);
    } else {
        showPlaceholder(tr("Loading the appointment…"));
        loadAppointment();
    }
    loadHistory();
}

void AppointmentDetailsPanel::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_pages->setCurrentWidget(m_placeholder);
}

void AppointmentDetailsPanel::showFields(const Appointment &a)
{
    const Clinic shown = clinic();
    const QLocale locale;
    const auto local = [&shown](const QDateTime &utc) {
        return shown.timeZone.isValid() ? utc.toTimeZone(shown.timeZone) : utc.toLocalTime();
    };
    const auto orNone = [](const QString &text) { return text.isEmpty() ? tr("Not given") : text; };

    m_patient->setText(a.patientName);
    m_phone->setText(orNone(formatPhoneNumber(a.phone, shown.phoneRegion)));
    m_email->setText(orNone(a.email));
    m_provider->setText(a.providerName);

    const QDateTime start = local(a.startsAt);
    const QDateTime end = local(a.endsAt);
    if (start.date() == end.date()) {
        m_when->setText(tr("%1, %2 – %3", "date, start time – end time")
                            .arg(locale.toString(start.date(), QLocale::LongFormat), clockTime(start.time()),
                                 clockTime(end.time())));
    } else {
        m_when->setText(tr("%1, %2 – %3, %4", "start date, start time – end date, end time")
                            .arg(locale.toString(start.date(), QLocale::LongFormat), clockTime(start.time()),
                                 locale.toString(end.date(), QLocale::LongFormat), clockTime(end.time())));
    }
    const qint64 minutes = a.startsAt.secsTo(a.endsAt) / 60;
    if (minutes < 60)
        m_duration->setText(tr("%1 min", "minutes").arg(locale.toString(minutes)));
    else if (minutes % 60 == 0)
        m_duration->setText(tr("%1 h", "hours").arg(locale.toString(minutes / 60)));
    else
        m_duration->setText(tr("%1 h %2 min", "hours and minutes")
                                .arg(locale.toString(minutes / 60), locale.toString(minutes % 60)));

    m_service->setText(orNone(a.service));
    m_notes->setText(a.notes.isEmpty() ? tr("None") : a.notes);
    m_status->setText(displayText(a.status, a.statusText));
    if (a.source == BookingSource::AiVoice)
        m_bookedBy->setText(tr("The AI agent"));
    else if (a.createdBy.isEmpty())
        m_bookedBy->setText(tr("Staff"));
    else
        m_bookedBy->setText(tr("Staff (%1)", "the login of who booked it").arg(a.createdBy));
    m_bookedAt->setText(m_historyModel->timeText(a.createdAt));
    m_pages->setCurrentWidget(m_content);
}

void AppointmentDetailsPanel::followDayModel()
{
    if (m_appointmentId == 0)
        return;
    const Appointment *a = m_session->dayModel()->appointment(m_appointmentId);
    // Gone from the shown day (another day shown, or moved away): the copy shown stays, and the
    // change feed brings it as it is now.
    if (!a || (m_appointment && sameStoredFields(*a, *m_appointment)))
        return;
    const bool changed = m_appointment.has_value();
    ++m_appointmentToken;   // a read of it still on its way is older than this
    m_appointment = *a;
    showFields(*a);
    if (changed)
        queueHistoryLoad();   // something happened to it, so it has a new event
}

void AppointmentDetailsPanel::followChanges(const ChangeSet &changes)
{
    if (!m_historyModel->concerns(changes))
        return;
    if (const Appointment *a = changes.appointment(m_appointmentId)) {
        ++m_appointmentToken;
        m_appointment = *a;
        showFields(*a);
    }
    queueHistoryLoad();
}

void AppointmentDetailsPanel::loadAppointment()
{
    const quint64 token = ++m_appointmentToken;
    const qint64 id = m_appointmentId;
    const qint64 orgId = clinic().id;
    const Read<std::optional<Appointment>> read = [orgId, id](QSqlDatabase &db) {
        return ClinicQueries::loadAppointment(db, orgId, id);
    };
    m_session->read(this, read, [this, token, id](const Result<std::optional<Appointment>> &answer) {
        if (token != m_appointmentToken || id != m_appointmentId)
            return;   // another appointment is shown, or the feed has brought a newer copy
        if (!answer) {
            showPlaceholder(tr("The details of this appointment are not available."));
            showReadError(answer.error(), tr("The details cannot be loaded while offline; they are read again "
                                             "when the desk is back online."));
            return;
        }
        if (!answer.value()) {
            showPlaceholder(tr("This appointment cannot be found."));
            return;
        }
        m_appointment = *answer.value();
        showFields(*m_appointment);
    });
}

void AppointmentDetailsPanel::loadHistory()
{
    if (m_appointmentId == 0)
        return;
    const quint64 token = ++m_historyToken;
    const qint64 id = m_appointmentId;
    m_session->read(this, AppointmentQueries::history(clinic().id, id),
                    [this, token, id](const Result<AppointmentHistory> &answer) { onHistoryLoaded(token, id, answer); });
}

void AppointmentDetailsPanel::queueHistoryLoad()
{
    if (m_historyQueued)
        return;
    m_historyQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_historyQueued = false;
        loadHistory();
    }, Qt::QueuedConnection);
}

void AppointmentDetailsPanel::onHistoryLoaded(quint64 token, qint64 appointmentId, const Result<AppointmentHistory> &history)
{
    if (token != m_historyToken || appointmentId != m_appointmentId)
        return;   // for an appointment no longer shown, or overtaken by a newer read
    if (!history) {
        // The rows already shown are still this appointment's, as of the last read. When the
        // appointment itself could not be read, that read has said why already.
        m_historyFailed = true;
        if (m_appointment) {
            showReadError(history.error(),
                          tr("The history cannot be loaded while offline; it is read again when the desk is back online."));
        }
        return;
    }
    m_historyFailed = false;
    m_banner->clear();
    m_historyModel->setHistory(appointmentId, history.value());
}

void AppointmentDetailsPanel::showReadError(const Error &error, const QString &offlineText)
{
    QString details = tr("Code: %1").arg(error.code);
    if (!error.message.isEmpty())
        details += u'\n' + error.message;
    // The catalogue's words for these two speak of something sent; this panel only reads.
    if (error.code == u"OFFLINE") {
        m_banner->showMessage(MessageBanner::Kind::Warning, offlineText, details);
    } else if (error.code == u"CONNECTION_LOST") {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The connection to the clinic database dropped while reading. "
                                 "It is read again when the desk is back online."), details);
    } else {
        m_banner->showError(error.code, error.message);
    }
}

} // namespace frontdesk
