#include "BookBurst.h"

#include "MainWindow.h"
#include "actions/ActionRegistry.h"
#include "book/AppointmentBookView.h"
#include "day/DayModel.h"
#include "db/ConnectionSettings.h"
#include "services/ClinicSession.h"

#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPaintEvent>
#include <QPointer>
#include <QScrollBar>
#include <QTimeZone>
#include <QTimer>

#include <time.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace frontdesk::bench {

namespace {

constexpr int kPreseedFirstStep = 72;   // 13:00

double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// The CPU time of the calling thread: the GUI thread's own work, whatever else the machine runs.
double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The day's earlier bookings: every provider at 13:00, then at 13:05, and so on.
std::vector<Cell> afternoonCells(int count, int providers)
{
    std::vector<Cell> cells;
    for (int i = 0; i < count; ++i)
        cells.push_back({ i % providers, kPreseedFirstStep + i / providers });
    return cells;
}

// When a block is on screen. A filter on the book's viewport delivers each paint event itself
// (through the scroll area's own filter, to the book's paintEvent) and, once the book has
// painted, looks at the bookings that reached the day model and are not on screen yet: one is on
// screen when the paint's region covered its whole block (visualRect, viewport coordinates, the
// rectangle paintEvent draws it in) and the block lies whole within the viewport. The time is
// the end of that paint: the pixels are in the window's backing store; its flush to a display
// (none here: offscreen) is not timed.
class PaintWatch : public QObject
{
public:
    PaintWatch(AppointmentBookView *book, DayModel *model) : m_book(book), m_model(model)
    {
        m_book->viewport()->installEventFilter(this);
    }
    ~PaintWatch() override
    {
        if (m_book)
            m_book->viewport()->removeEventFilter(this);
    }

    void await(qint64 id) { m_awaited.insert(id); }
    void setTiming(bool on) { m_timing = on; }
    const std::map<qint64, Clock::time_point> &painted() const { return m_painted; }
    const std::vector<double> &paintMs() const { return m_paintMs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_delivering || event->type() != QEvent::Paint || watched != m_book->viewport())
            return false;
        const QRegion region = static_cast<QPaintEvent *>(event)->region();
        const auto begin = Clock::now();
        m_delivering = true;
        QCoreApplication::sendEvent(watched, event);
        m_delivering = false;
        const auto end = Clock::now();
        if (m_timing)
            m_paintMs.push_back(msBetween(begin, end));

        const QRect port = m_book->viewport()->rect();
        for (auto it = m_awaited.begin(); it != m_awaited.end();) {
            const int row = m_model->rowOf(*it);
            const QRect block = row >= 0 ? m_book->visualRect(m_model->index(row, 0)) : QRect();
            if (block.isValid() && port.contains(block) && QRegion(block).subtracted(region).isEmpty()) {
                m_painted.emplace(*it, end);
                it = m_awaited.erase(it);
            } else {
                ++it;
            }
        }
        return true;
    }

private:
    QPointer<AppointmentBookView> m_book;
    DayModel *m_model;
    bool m_delivering = false;
    bool m_timing = false;
    std::set<qint64> m_awaited;
    std::map<qint64, Clock::time_point> m_painted;
    std::vector<double> m_paintMs;
};

QDateTime stepStart(QDate day, int step)
{
    return QDateTime(day, QTime(7, 0), QTimeZone::utc()).addSecs(qint64(step) * 5 * 60);
}

// The free slots whose blocks the book shows whole as it stands (scrolled to the day's start):
// from 07:00 down, and at each time the providers' columns from left to right. A five-minute
// appointment is drawn ten minutes tall (BookGeometry::MinimumSeconds), two lanes to a column.
std::vector<Cell> visibleCells(const AppointmentBookView *book, QDate day, const std::vector<std::string> &providers,
                               const std::vector<Cell> &taken, std::string *view)
{
    const QRect port = book->viewport()->rect();
    std::vector<std::pair<int, int>> columns;   // (x, provider index)
    for (size_t p = 0; p < providers.size(); ++p) {
        const QRect column = book->providerColumnRect(std::stoll(providers[p]));
        if (column.isValid() && column.left() >= port.left() && column.right() <= port.right())
            columns.push_back({ column.left(), int(p) });
    }
    std::sort(columns.begin(), columns.end());
    std::set<std::pair<int, int>> busy;
    for (const Cell &cell : taken)
        busy.insert({ cell.step, cell.provider });
    std::vector<Cell> cells;
    int lastStep = -1;
    for (int step = 0; step < kStepsPerDay; ++step) {
        const int top = book->timeY(stepStart(day, step));
        const int bottom = book->timeY(stepStart(day, step + 2));
        if (top < port.top() || bottom > port.bottom() + 1)
            continue;
        lastStep = step;
        for (const auto &[x, provider] : columns) {
            if (!busy.count({ step, provider }))
                cells.push_back({ provider, step });
        }
    }
    const std::string until = lastStep < 0
        ? std::string("no slot whole")
        : "07:00 to " + stepStart(day, lastStep + 2).time().toString(QStringLiteral("HH:mm")).toStdString();
    *view = "book viewport " + std::to_string(port.width()) + "x" + std::to_string(port.height()) + " px showing "
        + std::to_string(columns.size()) + " of " + std::to_string(providers.size()) + " providers whole, " + until
        + " (" + std::to_string(cells.size()) + " free five-minute slots)";
    return cells;
}

} // namespace

BookBurstRun runBookBurst(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset, int preseed, int burst,
                          double perSecond, QSize windowSize, const std::vector<Cell> &cells)
{
    const bool withWindow = windowSize.isValid();
    if (!withWindow && int(cells.size()) < burst)
        throw std::runtime_error("the book's burst without a window needs its slots");
    PacedAgent agent(cluster, db, dayOffset);
    const std::vector<Cell> earlier = afternoonCells(preseed, int(agent.providerIds().size()));
    agent.bookNow(earlier);

    auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.login(db.deskLogin, db.name))).value();
    ClinicSession session(settings, db.orgId);
    DayModel *model = session.dayModel();
    std::unique_ptr<MainWindow> window;
    if (withWindow) {
        window = std::make_unique<MainWindow>(&session);
        window->resize(windowSize);
        window->show();
        window->action(ActionId::ShowBook)->trigger();
    }
    // As at a desk: the session starts (on today), then the receptionist goes to the day, so the
    // book lays the day out with the clinic's hours known and shows it from its start.
    const QDate day = QDate::currentDate().addDays(dayOffset);
    QEventLoop loading;
    QObject::connect(&session, &ClinicSession::clinicChanged, &loading, [&session, day] {
        if (session.day() != day)
            session.showDay(day);
    });
    QObject::connect(model, &DayModel::loadStateChanged, &loading, [&loading, model, day](DayModel::LoadState state) {
        if (state == DayModel::LoadState::Loaded && model->day() == day)
            loading.quit();
    });
    QTimer::singleShot(30000, &loading, &QEventLoop::quit);
    session.start();
    loading.exec();
    if (model->day() != day || model->loadState() != DayModel::LoadState::Loaded || model->rowCount() != preseed)
        throw std::runtime_error("the desk did not show the book's day with its earlier bookings");
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    BookBurstRun run;
    std::unique_ptr<PaintWatch> watch;
    if (withWindow) {
        AppointmentBookView *book = window->appointmentBook();
        if (!book->isVisible() || book->verticalScrollBar()->value() != 0 || book->horizontalScrollBar()->value() != 0)
            throw std::runtime_error("the book is not shown from the day's start (scrolled to "
                                     + std::to_string(book->horizontalScrollBar()->value()) + ", "
                                     + std::to_string(book->verticalScrollBar()->value()) + ")");
        run.cells = visibleCells(book, day, agent.providerIds(), earlier, &run.view);
        run.view = std::to_string(windowSize.width()) + "x" + std::to_string(windowSize.height()) + " window, "
            + run.view;
        if (int(run.cells.size()) < burst)
            throw std::runtime_error("the book shows too few free slots for the burst: " + run.view);
        run.cells.resize(size_t(burst));
        watch = std::make_unique<PaintWatch>(book, model);
    } else {
        run.cells.assign(cells.begin(), cells.begin() + burst);
        run.view = "no window";
    }

    // Rows that reach the day model from now on are the burst's: nothing else books on this day.
    std::map<qint64, Clock::time_point> inModel;
    const auto onInserted = [&](const QModelIndex &, int first, int last) {
        const auto now = Clock::now();
        for (int row = first; row <= last; ++row) {
            const qint64 id = model->appointmentAt(row).id;
            inModel.emplace(id, now);
            if (watch)
                watch->await(id);
        }
    };
    const QMetaObject::Connection inserted =
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model, onInserted);

    // The GUI thread's stalls: how late each tick of a short timer comes, past its period.
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(2);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double late = std::max(0.0, double(sinceTick.nsecsElapsed()) / 1e6 - 2.0);
        run.tickDelaysMs.push_back(late);
        run.longestStallMs = std::max(run.longestStallMs, late);
        sinceTick.restart();
    });
    sinceTick.start();
    ticker.start();
    if (watch)
        watch->setTiming(true);

    const double cpuBefore = threadCpuMs();
    const auto burstBegin = Clock::now();
    agent.start(run.cells, perSecond);
    const auto reached = [&] { return int(watch ? watch->painted().size() : inModel.size()); };
    QEventLoop waiting;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, [&] {
        if (reached() >= burst)
            waiting.quit();
    });
    check.start(20);
    QTimer::singleShot(int(burst / perSecond * 1000) + 15000, &waiting, &QEventLoop::quit);
    waiting.exec();
    ticker.stop();
    if (watch)
        watch->setTiming(false);
    QObject::disconnect(inserted);
    run.guiCpuMs = threadCpuMs() - cpuBefore;
    run.burstMs = msBetween(burstBegin, Clock::now());
    agent.join();

    const auto committed = agent.committed();
    run.modelLatenciesMs = latencies(committed, inModel);
    run.latenciesMs = watch ? latencies(committed, watch->painted()) : run.modelLatenciesMs;
    if (watch)
        run.paintMs = watch->paintMs();
    run.reached = reached();
    return run;
}

} // namespace frontdesk::bench
