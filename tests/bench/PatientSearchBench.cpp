#include "PatientSearchBench.h"

#include "PacedAgent.h"
#include "PgClient.h"
#include "db/ConnectionSettings.h"
#include "patients/PatientMatchesModel.h"
#include "patients/PatientSearch.h"
#include "patients/PatientSearchPanel.h"
#include "services/ClinicSession.h"

#include <QApplication>
#include <QEventLoop>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QTimer>

#include <memory>
#include <stdexcept>

namespace frontdesk::bench {

namespace {

double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// What a receptionist types, from the clinic's own patients: a first name ("Olivia"), a first
// name and the start of the surname ("Mason Garc"), or the last digits of a number ("5012345").
std::vector<std::string> typingTerms(const BenchCluster &cluster, const BenchDatabase &db, int count)
{
    PgClient server(cluster.superuser(db.name));
    const std::string org = std::to_string(db.orgId);
    const std::vector<std::string> names = server.column(
        "select full_name from frontdesk.patients where org_id = " + org + " order by md5(id::text || 'typing') limit "
        + std::to_string(count));
    const std::vector<std::string> phones = server.column(
        "select phone from frontdesk.patients where org_id = " + org + " and phone is not null "
        "order by md5(id::text || 'digits') limit " + std::to_string(count));
    if (int(names.size()) < count || int(phones.size()) < count)
        throw std::runtime_error("the seeded clinic has too few patients to type");
    std::vector<std::string> terms;
    for (int i = 0; i < count; ++i) {
        const std::string &name = names[size_t(i)];
        const size_t space = name.find(' ');
        if (i % 3 == 0)
            terms.push_back(name.substr(0, space));
        else if (i % 3 == 1)
            terms.push_back(name.substr(0, std::min(name.size(), space + 5)));
        else
            terms.push_back(phones[size_t(i)].substr(phones[size_t(i)].size() - 7));
    }
    return terms;
}

void sendKey(QWidget *to, int key, const QString &text)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QApplication::sendEvent(to, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(to, &release);
}

void runEventsFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(std::max(0, ms), Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

// When the result list shows a text's results on screen. The list's model holds the text its
// rows are for; a filter on the list's viewport delivers each paint itself and notes the end of
// the first paint after the model took the results of an awaited keystroke (the pixels are then
// in the window's backing store; their flush to a display, none offscreen, is not timed). When
// the results change nothing the list shows (an empty list again), there is nothing to paint:
// they are on screen the moment the model has them.
class ResultsWatch : public QObject
{
public:
    ResultsWatch(PatientSearchPanel *panel) : m_panel(panel), m_model(panel->matchesModel())
    {
        m_panel->resultsView()->viewport()->installEventFilter(this);
        const auto changed = [this] { m_changed = true; };
        connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
        // After the panel's own connection: the model already holds these results.
        connect(m_panel->search(), &PatientSearch::resultsReady, this, [this](const QString &text) {
            const int k = indexOf(text);
            if (k < 0)
                return;
            if (!m_changed)
                showUpTo(k, Clock::now());
            else
                m_painting = k;
        });
    }
    ~ResultsWatch() override { m_panel->resultsView()->viewport()->removeEventFilter(this); }

    // A keystroke that made `text` (searched); its time is taken by the caller.
    void awaitText(const QString &text, Clock::time_point at)
    {
        m_keys.push_back({ text, at, {}, false, false });
        m_changed = false;
    }
    void clear()
    {
        m_keys.clear();
        m_painting = -1;
    }
    bool allShown() const
    {
        for (const Key &k : m_keys) {
            if (!k.shown)
                return false;
        }
        return true;
    }
    // Per awaited keystroke: its text, to the screen, and whether its own results were the ones shown.
    void collect(PatientSearchRun &run, std::vector<QString> *texts) const
    {
        for (const Key &k : m_keys) {
            if (!k.shown)
                throw std::runtime_error("the results of \"" + k.text.toStdString() + "\" never reached the screen");
            const double ms = msBetween(k.typedAt, k.shownAt);
            run.keystrokeToScreenMs.push_back(ms);
            (k.text.trimmed().size() == 2 ? run.twoCharacterMs : run.longerMs).push_back(ms);
            texts->push_back(k.text);
            if (!k.own)
                ++run.overtaken;
        }
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_delivering || event->type() != QEvent::Paint)
            return false;
        m_delivering = true;
        QCoreApplication::sendEvent(watched, event);
        m_delivering = false;
        if (m_painting >= 0 && m_model->searchText() == m_keys[size_t(m_painting)].text) {
            showUpTo(m_painting, Clock::now());
            m_painting = -1;
        }
        return true;
    }

private:
    struct Key
    {
        QString text;
        Clock::time_point typedAt;
        Clock::time_point shownAt;
        bool shown;
        bool own;
    };

    int indexOf(const QString &text) const
    {
        for (int k = int(m_keys.size()) - 1; k >= 0; --k) {
            if (m_keys[size_t(k)].text == text && !m_keys[size_t(k)].shown)
                return k;
        }
        return -1;
    }
    // Keystroke k's results are on screen; those before it that never showed theirs are overtaken.
    void showUpTo(int k, Clock::time_point at)
    {
        for (int i = 0; i <= k; ++i) {
            Key &key = m_keys[size_t(i)];
            if (key.shown)
                continue;
            key.shown = true;
            key.own = i == k;
            key.shownAt = at;
        }
    }

    PatientSearchPanel *m_panel;
    PatientMatchesModel *m_model;
    std::vector<Key> m_keys;
    bool m_changed = false;
    bool m_delivering = false;
    int m_painting = -1;
};

} // namespace

PatientSearchRun runPatientSearchTyping(const BenchCluster &cluster, const BenchDatabase &db, int terms,
                                        int keyIntervalMs)
{
    const std::vector<std::string> texts = typingTerms(cluster, db, terms);
    auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.login(db.deskLogin, db.name))).value();
    ClinicSession session(settings, db.orgId);
    PatientSearchPanel panel(&session);
    panel.resize(420, 640);
    panel.show();
    session.start();
    QEventLoop online;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &online, [&] {
        if (session.isOnline() && session.clinic().isValid())
            online.quit();
    });
    check.start(10);
    QTimer::singleShot(30000, &online, &QEventLoop::quit);
    online.exec();
    if (!session.isOnline())
        throw std::runtime_error("the desk's session did not come online");

    PatientSearchRun run;
    QLineEdit *edit = panel.searchEdit();
    edit->setFocus();
    ResultsWatch watch(&panel);
    // A first term, untimed: plans cached and the connection warm, as at a desk open a while.
    for (const QChar c : QStringLiteral("Warm"))
        sendKey(edit, c.toUpper().unicode(), c);
    runEventsFor(300);

    // The baseline: each text the term searched, one bare call of the function as the desk's
    // login, right after the term, so that both see the same server and machine.
    PgClient desk(cluster.login(db.deskLogin, db.name));
    const std::string org = std::to_string(db.orgId);
    const auto timeBare = [&](const QString &text) {
        const std::string t = text.toStdString();
        const auto begin = Clock::now();
        desk.column("select patient_id from frontdesk.search_patients($1, $2, 20)", { org.c_str(), t.c_str() });
        return msBetween(begin, Clock::now());
    };
    timeBare(QStringLiteral("Warm"));

    for (const std::string &term : texts) {
        sendKey(edit, Qt::Key_Escape, {});
        watch.clear();
        runEventsFor(keyIntervalMs);
        const QString text = QString::fromStdString(term);
        for (const QChar c : text) {
            const auto typedAt = Clock::now();
            sendKey(edit, c == u' ' ? int(Qt::Key_Space) : int(c.toUpper().unicode()), c);
            ++run.keystrokes;
            if (edit->text().trimmed().size() >= PatientSearch::kMinimumLength) {
                watch.awaitText(edit->text(), typedAt);
                ++run.searchedKeystrokes;
            }
            runEventsFor(keyIntervalMs - int(msBetween(typedAt, Clock::now())));
        }
        // The receptionist stops typing: the last text's results come.
        for (int waited = 0; !watch.allShown() && waited < 5000; waited += 10)
            runEventsFor(10);
        std::vector<QString> searched;
        watch.collect(run, &searched);
        for (const QString &t : searched) {
            const double ms = timeBare(t);
            run.bareCallMs.push_back(ms);
            (t.trimmed().size() == 2 ? run.twoCharacterBareMs : run.longerBareMs).push_back(ms);
        }
    }
    run.queriesSent = panel.search()->queriesSent();
    run.skipped = panel.search()->skippedQueries();
    run.dropped = panel.search()->droppedAnswers();
    run.cancelled = panel.search()->cancelledQueries();
    run.typed = std::to_string(terms) + " terms (first names, first names and the start of a surname, the last 7 "
        "digits of a number), " + std::to_string(run.keystrokes) + " keys, one every " + std::to_string(keyIntervalMs)
        + " ms";
    return run;
}

} // namespace frontdesk::bench
