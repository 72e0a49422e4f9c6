#pragma once

#include "domain/ChangeEvent.h"
#include "domain/Patient.h"
#include "domain/Result.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace frontdesk {

class ClinicSession;
class MessageBanner;
class PatientAppointmentsModel;
class PatientNotesModel;

// One patient, for a dock: who they are and how to reach them, their appointments coming up and
// past (date in the clinic's time zone, provider, service, status), how often they did not come,
// and what was said with them (the AI agent's call notes and the staff's notes, newest first);
// and a box to add a note (Ctrl+Enter adds). The history is read through the session, never on
// this thread; it is read again after a note is added and whenever the change feed brings an
// event about this patient. An answer for a patient no longer shown is dropped. Problems show
// in a banner inside the panel; a refused note keeps its text.
class PatientPanel : public QWidget
{
    Q_OBJECT

public:
    // A note is at most this many characters (once trimmed), as add_patient_note allows.
    static constexpr int kMaxNoteLength = 4000;

    explicit PatientPanel(ClinicSession *session, QWidget *parent = nullptr);

    // Shows the patient with this id (one of the clinic's); 0 shows that nothing is chosen.
    void showPatient(qint64 patientId);
    qint64 patientId() const { return m_patientId; }
    // The history as last read, for the dock's owner and tests.
    const std::optional<PatientHistory> &history() const { return m_history; }
    PatientAppointmentsModel *appointmentsModel() const { return m_appointments; }
    PatientNotesModel *notesModel() const { return m_notes; }

public Q_SLOTS:
    // Adds what the note box holds as a staff note on the shown patient.
    void addNote();

Q_SIGNALS:
    // The shown patient's history was read (again).
    void historyLoaded(qint64 patientId);
    // A note was stored (the history is being read again to show it).
    void noteAdded(qint64 patientId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildContent();
    void showPlaceholder(const QString &text);
    void showHistory(const PatientHistory &history);
    void loadHistory();
    void queueHistoryLoad();
    void followChanges(const ChangeSet &changes);
    void onHistoryLoaded(quint64 token, qint64 patientId, const Result<PatientHistory> &history);
    void showNoteError(const QString &code, const QString &text);
    void setNoteBusy(bool busy);

    ClinicSession *m_session;
    PatientAppointmentsModel *m_appointments;
    PatientNotesModel *m_notes;
    qint64 m_patientId = 0;
    std::optional<PatientHistory> m_history;
    quint64 m_historyToken = 0;   // the read whose answer is awaited; others are stale
    bool m_historyQueued = false;
    bool m_historyFailed = false;
    bool m_notePending = false;
    bool m_readErrorShown = false;    // the banner says why the history could not be read
    QHash<qint64, QString> m_drafts;  // notes half written for patients not shown now

    MessageBanner *m_banner;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    QWidget *m_content;
    QLabel *m_name;
    QLabel *m_phone;
    QLabel *m_email;
    QLabel *m_noShows;
    QTreeView *m_appointmentsView;
    QListView *m_notesView;
    QPlainTextEdit *m_noteEdit;
    QPushButton *m_addNote;
};

} // namespace frontdesk
