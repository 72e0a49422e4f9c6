#include "PatientPanel.h"

#include "common/MessageBanner.h"
#include "db/PatientQueries.h"
#include "patients/PatientAppointmentsModel.h"
#include "patients/PatientNotesModel.h"
#include "services/ClinicSession.h"
#include "text/PhoneNumbers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

QLabel *valueLabel(const char *objectName, const QString &accessibleName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);   // a patient's data is never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(accessibleName);
    return label;
}

// What a note's length is to the database: characters (code points), not UTF-16 units.
qsizetype noteLength(const QString &note)
{
    return QStringView(note).toUcs4().size();
}

} // namespace

PatientPanel::PatientPanel(ClinicSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_appointments(new PatientAppointmentsModel(this))
    , m_notes(new PatientNotesModel(this))
    , m_banner(new MessageBanner(this))
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_content(new QWidget(this))
{
    setObjectName(QStringLiteral("patientPanel"));
    m_banner->setObjectName(QStringLiteral("patientMessage"));
    m_placeholder->setObjectName(QStringLiteral("patientPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    buildContent();

    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);

    m_appointments->setClinic(m_session->clinic());
    m_notes->setClinic(m_session->clinic());
    connect(m_session, &ClinicSession::clinicChanged, this, [this](const Clinic &clinic) {
        m_appointments->setClinic(clinic);
        m_notes->setClinic(clinic);
        if (m_history)
            showHistory(*m_history);   // the phone is read in the clinic's region
    });
    connect(m_session, &ClinicSession::changesArrived, this, &PatientPanel::followChanges);
    connect(m_session, &ClinicSession::connectionStateChanged, this, [this](const ConnectionState &state) {
        // What could not be read while offline is read once the desk is back.
        if (state.status == ConnectionState::Online && m_patientId != 0 && m_historyFailed)
            queueHistoryLoad();
    });
    showPlaceholder(tr("Find a patient to see their history"));
}

void PatientPanel::buildContent()
{
    m_name = valueLabel("patientName", tr("Patient"));
    QFont bigger = m_name->font();
    bigger.setBold(true);
    bigger.setPointSizeF(bigger.pointSizeF() * 1.2);
    m_name->setFont(bigger);
    m_phone = valueLabel("patientPhone", tr("Phone"));
    m_email = valueLabel("patientEmail", tr("Email"));
    m_noShows = valueLabel("patientNoShows", tr("No-shows"));

    auto *fields = new QFormLayout;
    fields->setRowWrapPolicy(QFormLayout::WrapLongRows);
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addField = [fields](const QString &title, QLabel *value) {
        auto *label = new QLabel(title);
        label->setBuddy(value);
        fields->addRow(label, value);
    };
    addField(tr("Phone:"), m_phone);
    addField(tr("Email:"), m_email);
    addField(tr("No-shows:"), m_noShows);

    m_appointmentsView = new QTreeView;
    m_appointmentsView->setObjectName(QStringLiteral("patientAppointments"));
    m_appointmentsView->setModel(m_appointments);
    m_appointmentsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_appointmentsView->setRootIsDecorated(false);
    m_appointmentsView->setItemsExpandable(false);
    m_appointmentsView->setAllColumnsShowFocus(true);
    m_appointmentsView->setAccessibleName(tr("Appointments of the patient"));
    m_appointmentsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_appointmentsView->header()->setStretchLastSection(true);
    // Both groups always open: the tree only names them.
    const auto expand = [this] {
        m_appointmentsView->expandAll();
        for (int g = 0; g < PatientAppointmentsModel::GroupCount; ++g)
            m_appointmentsView->setFirstColumnSpanned(g, {}, true);
    };
    connect(m_appointments, &QAbstractItemModel::modelReset, this, expand);
    expand();

    m_notesView = new QListView;
    m_notesView->setObjectName(QStringLiteral("patientNotes"));
    m_notesView->setModel(m_notes);
    m_notesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_notesView->setWordWrap(true);
    m_notesView->setResizeMode(QListView::Adjust);
    m_notesView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_notesView->setSpacing(2);
    m_notesView->setAccessibleName(tr("Call notes and staff notes, newest first"));

    m_noteEdit = new QPlainTextEdit;
    m_noteEdit->setObjectName(QStringLiteral("patientNoteEdit"));
    m_noteEdit->setTabChangesFocus(true);
    m_noteEdit->setPlaceholderText(tr("A note for the desk about this patient; Ctrl+Enter adds it"));
    m_noteEdit->setAccessibleName(tr("New note"));
    m_noteEdit->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    m_noteEdit->installEventFilter(this);
    m_addNote = new QPushButton(tr("Add note"));
    m_addNote->setObjectName(QStringLiteral("addPatientNoteButton"));
    m_addNote->setToolTip(tr("Add the note (Ctrl+Enter)"));
    connect(m_addNote, &QPushButton::clicked, this, &PatientPanel::addNote);

    const auto titled = [](const QString &title, QWidget *body, QWidget *extra = nullptr) {
        auto *box = new QWidget;
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(title);
        label->setBuddy(body);
        column->addWidget(label);
        column->addWidget(body, 1);
        if (extra)
            column->addWidget(extra);
        return box;
    };
    auto *noteRow = new QWidget;
    auto *noteLayout = new QHBoxLayout(noteRow);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->addWidget(m_noteEdit, 1);
    noteLayout->addWidget(m_addNote, 0, Qt::AlignBottom);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("patientSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(titled(tr("Appointments:"), m_appointmentsView));
    splitter->addWidget(titled(tr("Notes and calls:"), m_notesView, noteRow));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_name);
    layout->addLayout(fields);
    layout->addWidget(splitter, 1);
}

void PatientPanel::showPatient(qint64 patientId)
{
    if (patientId == m_patientId) {
        if (patientId != 0)
            queueHistoryLoad();   // asked for again: read what is there now
        return;
    }
    // A note half written stays with its patient: never added to another by mistake.
    if (m_patientId != 0 && !m_noteEdit->toPlainText().isEmpty())
        m_drafts.insert(m_patientId, m_noteEdit->toPlainText());
    m_noteEdit->setPlainText(m_drafts.take(patientId));
    m_patientId = patientId;
    m_history.reset();
    ++m_historyToken;   // answers still on their way are for the patient shown before
    m_historyFailed = false;
    m_readErrorShown = false;
    m_banner->clear();
    m_appointments->clear();
    m_notes->clear();
    if (patientId == 0) {
        showPlaceholder(tr("Find a patient to see their history"));
        return;
    }
    showPlaceholder(tr("Loading the patient…"));
    loadHistory();
}

void PatientPanel::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_pages->setCurrentWidget(m_placeholder);
}

void PatientPanel::showHistory(const PatientHistory &history)
{
    const Patient &p = history.patient;
    const auto orNone = [](const QString &text) { return text.isEmpty() ? tr("Not given") : text; };
    m_name->setText(p.fullName);
    m_phone->setText(orNone(formatPhoneNumber(p.phone, m_session->clinic().phoneRegion)));
    m_email->setText(orNone(p.email));
    m_noShows->setText(history.noShows == 0 ? tr("None") : QLocale().toString(history.noShows));
    m_appointments->setHistory(history, QDateTime::currentDateTimeUtc());
    m_notes->setInteractions(p.id, history.interactions);
    m_pages->setCurrentWidget(m_content);
}

void PatientPanel::loadHistory()
{
    if (m_patientId == 0)
        return;
    const quint64 token = ++m_historyToken;
    const qint64 id = m_patientId;
    m_session->read(this, PatientQueries::history(id),
                    [this, token, id](const Result<PatientHistory> &answer) { onHistoryLoaded(token, id, answer); });
}

void PatientPanel::queueHistoryLoad()
{
    // Several signals of one change ask for the history: it is read once, after them.
    if (m_historyQueued)
        return;
    m_historyQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_historyQueued = false;
        loadHistory();
    }, Qt::QueuedConnection);
}

void PatientPanel::followChanges(const ChangeSet &changes)
{
    if (m_patientId == 0)
        return;
    bool concerns = false;
    for (const ChangeEvent &event : changes.events)
        concerns = concerns || event.patientId == m_patientId;
    for (const Appointment &a : changes.appointments)
        concerns = concerns || a.patientId == m_patientId;
    if (concerns)
        queueHistoryLoad();
}

void PatientPanel::onHistoryLoaded(quint64 token, qint64 patientId, const Result<PatientHistory> &history)
{
    if (token != m_historyToken || patientId != m_patientId)
        return;   // for a patient no longer shown, or overtaken by a newer read
    if (!history) {
        const Error &error = history.error();
        m_historyFailed = error.code == u"OFFLINE" || error.code == u"CONNECTION_LOST";
        QString details = tr("Code: %1").arg(error.code);
        if (!error.message.isEmpty())
            details += u'\n' + error.message;
        m_readErrorShown = true;
        if (m_historyFailed) {
            // The catalogue's words for these speak of something sent; this only reads.
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("The patient's history cannot be read while offline; it is read again when "
                                     "the desk is back online."), details);
        } else {
            m_banner->showError(error.code, error.message);
        }
        if (!m_history)
            showPlaceholder(error.code == u"UNKNOWN_PATIENT" ? tr("This patient cannot be found.")
                                                              : tr("The patient's history is not available."));
        return;
    }
    m_historyFailed = false;
    if (m_readErrorShown)
        m_banner->clear();   // a note's error stays until the note is sent again
    m_readErrorShown = false;
    m_history = history.value();
    showHistory(*m_history);
    Q_EMIT historyLoaded(patientId);
}

void PatientPanel::addNote()
{
    if (m_notePending || m_patientId == 0)
        return;
    // Trimmed as the database trims it, and sent trimmed, so both count the same characters.
    const QString body = m_noteEdit->toPlainText().trimmed();
    if (body.isEmpty()) {
        showNoteError(QStringLiteral("NOTE_REQUIRED"), tr("The note is empty: write something first."));
        return;
    }
    const qsizetype length = noteLength(body);
    if (length > kMaxNoteLength) {
        showNoteError(QStringLiteral("TEXT_TOO_LONG"),
                      tr("The note is too long: %1 characters, at most %2. Shorten it and add it again.")
                          .arg(QLocale().toString(length), QLocale().toString(kMaxNoteLength)));
        return;
    }
    m_banner->clear();
    m_readErrorShown = false;
    setNoteBusy(true);
    const qint64 id = m_patientId;
    m_session->send(this, Commands::addPatientNote(id, body), [this, id, body](const CommandResult &answer) {
        setNoteBusy(false);
        if (!answer.ok && !answer.isKept()) {
            // Kept for another try, whatever went wrong.
            if (id == m_patientId)
                m_banner->showError(answer.code, answer.message);
            return;
        }
        if (id == m_patientId && m_noteEdit->toPlainText().trimmed() == body)
            m_noteEdit->clear();
        else if (m_drafts.value(id).trimmed() == body)
            m_drafts.remove(id);   // added while another patient was shown
        Q_EMIT noteAdded(id);
        if (id == m_patientId)
            queueHistoryLoad();
    });
}

void PatientPanel::showNoteError(const QString &code, const QString &text)
{
    m_readErrorShown = false;
    // The code first (for the details and code()), then the words for this very note.
    m_banner->showError(code);
    m_banner->showMessage(MessageBanner::Kind::Error, text, m_banner->toolTip());
    m_noteEdit->setFocus(Qt::OtherFocusReason);
}

void PatientPanel::setNoteBusy(bool busy)
{
    m_notePending = busy;
    m_addNote->setEnabled(!busy);
    m_addNote->setText(busy ? tr("Adding…") : tr("Add note"));
}

bool PatientPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_noteEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & Qt::ControlModifier)) {
            addNote();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace frontdesk
