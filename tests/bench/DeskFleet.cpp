#include "DeskFleet.h"

#include "ProcessCpu.h"
#include "day/DayModel.h"
#include "db/ConnectionSettings.h"
#include "services/ClinicSession.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <stdexcept>

namespace frontdesk::bench {

DeskFleet::DeskFleet(const BenchCluster &cluster, const std::vector<BenchDatabase> &clinics, int perClinic, int dayOffset)
    : m_day(QDate::currentDate().addDays(dayOffset))
{
    m_desks.reserve(clinics.size() * size_t(perClinic));
    // Desk by desk across the clinics, so that any prefix of the fleet holds every clinic.
    for (int i = 0; i < perClinic; ++i) {
        for (size_t c = 0; c < clinics.size(); ++c) {
            const BenchDatabase &clinic = clinics[c];
            auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.login(clinic.deskLogin, clinic.name)));
            if (!settings)
                throw std::runtime_error("the desk's connection settings");
            Desk desk;
            desk.session = std::make_unique<ClinicSession>(settings.value(), clinic.orgId);
            // 200 logins of 20 clinics share this process: one cache file per PC user would be
            // wiped by each in turn. The live path bench measures a desk with its cache.
            desk.session->setCacheFile(QString());
            desk.clinic = int(c);
            m_desks.push_back(std::move(desk));
        }
    }
    for (Desk &desk : m_desks)
        watchRows(desk);
}

DeskFleet::~DeskFleet() = default;

void DeskFleet::watchRows(Desk &desk)
{
    DayModel *model = desk.session->dayModel();
    auto note = [model, &desk](int first, int last) {
        const auto now = Clock::now();
        for (int row = first; row <= last; ++row)
            desk.arrivals.emplace(model->appointmentAt(row).id, now);
    };
    // Rows come one by one from the feed, or all at once when a day is (re)read into an empty model.
    QObject::connect(model, &DayModel::rowsInserted, model,
                     [note](const QModelIndex &, int first, int last) { note(first, last); });
    QObject::connect(model, &DayModel::modelReset, model, [note, model] { note(0, model->rowCount() - 1); });
    QObject::connect(desk.session.get(), &ClinicSession::connectionStateChanged, model,
                     [&desk](const ConnectionState &state) {
                         if (state.status == ConnectionState::Online)
                             desk.onlineAt = Clock::now();
                     });
}

void DeskFleet::startAll(int timeoutMs)
{
    for (Desk &desk : m_desks) {
        desk.session->showDay(m_day);
        desk.session->start();
    }
    const bool ready = waitUntil([this] {
        for (const Desk &desk : m_desks) {
            if (!desk.session->isOnline() || desk.session->dayModel()->day() != m_day
                || desk.session->dayModel()->loadState() != DayModel::LoadState::Loaded)
                return false;
        }
        return true;
    }, timeoutMs);
    if (!ready)
        throw std::runtime_error("not every desk of the fleet came online with its day");
}

std::vector<int> DeskFleet::desksOf(int clinic) const
{
    std::vector<int> desks;
    for (int i = 0; i < size(); ++i) {
        if (m_desks[size_t(i)].clinic == clinic)
            desks.push_back(i);
    }
    return desks;
}

bool DeskFleet::isOnline(int desk) const
{
    return m_desks[size_t(desk)].session->isOnline();
}

const Clock::time_point *DeskFleet::arrivalOf(int desk, qint64 appointmentId) const
{
    const auto &arrivals = m_desks[size_t(desk)].arrivals;
    const auto it = arrivals.find(appointmentId);
    return it == arrivals.end() ? nullptr : &it->second;
}

qint64 DeskFleet::databaseThreadId(int desk) const
{
    // The session's one thread is its database thread: ask it who it is.
    QThread *thread = m_desks[size_t(desk)].session->findChild<QThread *>(QStringLiteral("frontdesk-database"),
                                                                         Qt::FindDirectChildrenOnly);
    if (!thread)
        throw std::runtime_error("a desk without its database thread");
    QObject asker;
    asker.moveToThread(thread);
    qint64 tid = 0;
    QThread *here = QThread::currentThread();
    // Only the thread an object lives in may move it: it comes back from there.
    QMetaObject::invokeMethod(&asker, [&tid, &asker, here] {
        tid = currentThreadId();
        asker.moveToThread(here);
    }, Qt::BlockingQueuedConnection);
    return tid;
}

bool DeskFleet::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(5);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

} // namespace frontdesk::bench
