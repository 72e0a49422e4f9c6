#include "PacedAgent.h"

#include "Workload.h"

#include <stdexcept>
#include <utility>

namespace frontdesk::bench {

namespace {

// Five-minute appointments from 07:00 (UTC: the bench clinic's time zone), as the AI agent books.
const char kShortBookingSql[] = R"sql(
    select frontdesk.book_appointment_atomic($1::bigint, $2::bigint,
        ((current_date + $3::integer) + time '07:00' + $4::integer * interval '5 minutes') at time zone 'UTC',
        ((current_date + $3::integer) + time '07:05' + $4::integer * interval '5 minutes') at time zone 'UTC',
        $5, $6, null, 'ai_voice', $7)::text)sql";

} // namespace

PacedAgent::PacedAgent(const BenchCluster &cluster, const BenchDatabase &db, int dayOffset)
    : m_client(cluster.login(db.agentLogin, db.name))
    , m_org(std::to_string(db.orgId))
    , m_day(std::to_string(dayOffset))
{
    PgClient desk(cluster.login(db.deskLogin, db.name));
    m_providers = desk.column("select id from frontdesk.providers where org_id = " + m_org + " order by id");
    m_taken.assign(m_providers.size() * kStepsPerDay, false);
}

PacedAgent::~PacedAgent()
{
    if (m_thread.joinable())
        m_thread.join();
}

Cell PacedAgent::nextInOrder()
{
    const int providers = int(m_providers.size());
    while (m_inOrder < providers * kStepsPerDay) {
        const Cell cell { m_inOrder % providers, m_inOrder / providers };
        ++m_inOrder;
        if (!m_taken[size_t(cell.step * providers + cell.provider)])
            return cell;
    }
    throw std::runtime_error("the live day is full");
}

void PacedAgent::bookNow(int count)
{
    std::vector<Cell> cells;
    for (int i = 0; i < count; ++i)
        cells.push_back(nextInOrder());
    bookNow(cells);
}

void PacedAgent::claim(const std::vector<Cell> &cells)
{
    const int providers = int(m_providers.size());
    for (const Cell &cell : cells) {
        if (cell.provider < 0 || cell.provider >= providers || cell.step < 0 || cell.step >= kStepsPerDay)
            throw std::runtime_error("a live booking's slot is outside the day");
        m_taken[size_t(cell.step * providers + cell.provider)] = true;
    }
}

void PacedAgent::bookNow(const std::vector<Cell> &cells)
{
    claim(cells);
    for (const Cell &cell : cells) {
        const auto [id, at] = bookOne(cell);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_committedAt[id] = at;
    }
}

void PacedAgent::start(int count, double perSecond)
{
    std::vector<Cell> cells;
    for (int i = 0; i < count; ++i)
        cells.push_back(nextInOrder());
    start(std::move(cells), perSecond);
}

void PacedAgent::start(std::vector<Cell> cells, double perSecond)
{
    join();
    claim(cells);
    m_thread = std::thread([this, cells = std::move(cells), perSecond] {
        const auto begin = Clock::now();
        try {
            for (size_t i = 0; i < cells.size(); ++i) {
                std::this_thread::sleep_until(begin + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double>(double(i) / perSecond)));
                const auto [id, at] = bookOne(cells[i]);
                std::lock_guard<std::mutex> lock(m_mutex);
                m_committedAt[id] = at;
            }
        } catch (const std::exception &e) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_error = e.what();
        }
    });
}

void PacedAgent::join()
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_error.empty())
        throw std::runtime_error(std::exchange(m_error, {}));
}

std::map<qint64, Clock::time_point> PacedAgent::committed()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_committedAt;
}

std::pair<qint64, Clock::time_point> PacedAgent::bookOne(Cell cell)
{
    const int providers = int(m_providers.size());
    // The slot's number on its day, as the in-order bookings number them: names and keys differ
    // for every slot of every day.
    const int slot = cell.step * providers + cell.provider;
    const long serial = 60000000L + long(std::stoi(m_day)) * 10000 + slot;
    const std::string provider = m_providers.at(size_t(cell.provider));
    const std::string when = std::to_string(cell.step);
    const std::string answer = m_client.value(kShortBookingSql, { m_org.c_str(), provider.c_str(), m_day.c_str(),
        when.c_str(), patientName(serial).c_str(), phoneNumber(serial).c_str(),
        ("live-" + std::to_string(serial)).c_str() });
    const auto at = Clock::now();
    const auto key = answer.find("\"appointment_id\": ");
    if (answer.rfind("{\"ok\": true", 0) != 0 || key == std::string::npos)
        throw std::runtime_error("a live booking was refused: " + answer);
    return { std::stoll(answer.substr(key + 18)), at };
}

std::vector<double> latencies(const std::map<qint64, Clock::time_point> &committed,
                              const std::map<qint64, Clock::time_point> &reached)
{
    std::vector<double> out;
    for (const auto &[id, at] : reached) {
        const auto commit = committed.find(id);
        if (commit != committed.end())
            out.push_back(std::chrono::duration<double, std::milli>(at - commit->second).count());
    }
    return out;
}

} // namespace frontdesk::bench
