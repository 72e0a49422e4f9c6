#include "Workload.h"

#include "PgClient.h"

#include <poll.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace frontdesk::bench {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool isOk(const std::string &answer)
{
    return answer.rfind("{\"ok\": true", 0) == 0;
}

} // namespace

const char kBookSql[] = R"sql(
    select frontdesk.book_appointment_atomic($1::bigint, $2::bigint,
        ((current_date + $3::integer) + time '07:00' + $4::integer * interval '30 minutes') at time zone 'UTC',
        ((current_date + $3::integer) + time '07:30' + $4::integer * interval '30 minutes') at time zone 'UTC',
        $5, $6, null, $7, $8)::text)sql";

const char kPlainInsertSql[] = R"sql(
    insert into bench.plain_appointments (id, org_id, provider_id, patient_id, starts_at, ends_at, status, source,
                                          created_by, created_at, updated_at, legacy_overlap)
    values (length($8), $1::bigint, $2::bigint, $1::bigint,
            ((current_date + $3::integer) + time '07:00' + $4::integer * interval '30 minutes') at time zone 'UTC',
            ((current_date + $3::integer) + time '07:30' + $4::integer * interval '30 minutes') at time zone 'UTC',
            'booked', $7, session_user, now(), now(), false)
    returning length($5) + length($6))sql";

SlotSource::Slot SlotSource::next()
{
    const long total = long(m_days) * 28 * m_providers;
    const long serial = m_next++;
    if (serial >= total)
        throw std::runtime_error("the benchmark ran out of free slots");
    // 7919 is prime and larger than any factor of total's form days * 28 * providers here,
    // so k -> k * 7919 mod total is a permutation.
    const long k = (serial * 7919) % total;
    return { m_firstDay + int(k / (28L * m_providers)), int((k / m_providers) % 28), int(k % m_providers), serial };
}

std::string patientName(long serial)
{
    std::string last;
    for (int i = 0; i < 6; ++i, serial /= 26)
        last += char('a' + serial % 26);
    return "Quinn Bench" + last;
}

std::string phoneNumber(long serial)
{
    return "+1213" + std::to_string(2000000 + serial % 8000000);
}

RateRun runBookingRate(const BenchCluster &cluster, const BenchDatabase &db, const std::string &login, int clients,
                       double seconds, SlotSource &freeSlots, const std::vector<std::string> &providerIds, bool plainInsert)
{
    std::vector<std::unique_ptr<PgClient>> connections;
    for (int i = 0; i < clients; ++i)
        connections.push_back(std::make_unique<PgClient>(cluster.login(login, db.name)));
    const std::string org = std::to_string(db.orgId);
    std::mutex merge;
    RateRun run;
    std::atomic<bool> go { false };
    Clock::time_point deadline;
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&, i] {
            std::vector<double> latencies;
            long refused = 0;
            while (!go)
                std::this_thread::yield();
            while (Clock::now() < deadline) {
                const SlotSource::Slot slot = freeSlots.next();
                const std::string day = std::to_string(slot.dayOffset), half = std::to_string(slot.halfHour);
                const std::string name = patientName(slot.serial), phone = phoneNumber(slot.serial);
                const std::string key = "bench-" + std::to_string(slot.serial);
                const std::string provider = providerIds.at(size_t(slot.provider));
                const auto start = Clock::now();
                const std::string answer = connections[size_t(i)]->value(plainInsert ? kPlainInsertSql : kBookSql,
                    { org.c_str(), provider.c_str(), day.c_str(), half.c_str(), name.c_str(), phone.c_str(),
                      "staff", key.c_str() });
                latencies.push_back(msSince(start));
                refused += !plainInsert && !isOk(answer);
            }
            std::lock_guard<std::mutex> lock(merge);
            run.latenciesMs.insert(run.latenciesMs.end(), latencies.begin(), latencies.end());
            run.refused += refused;
        });
    }
    const auto started = Clock::now();
    deadline = started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    go = true;
    for (std::thread &t : threads)
        t.join();
    run.calls = long(run.latenciesMs.size());
    run.perSecond = double(run.calls) / (msSince(started) / 1000.0);
    return run;
}

std::vector<double> runStorm(const BenchCluster &cluster, const BenchDatabase &db, int requests, int rounds,
                             const std::vector<std::string> &providerIds, SlotSource &warmUpSlots, bool oneSlot,
                             int stormDay, int firstBaselineDay, std::vector<int> *bookedPerRound)
{
    std::vector<std::unique_ptr<PgClient>> connections;
    const std::string org = std::to_string(db.orgId);
    for (int i = 0; i < requests; ++i) {
        connections.push_back(std::make_unique<PgClient>(cluster.login(db.agentLogin, db.name)));
        // Warm: the connection has booked once, so its plans are cached as in a running agent.
        const SlotSource::Slot slot = warmUpSlots.next();
        const std::string day = std::to_string(slot.dayOffset), half = std::to_string(slot.halfHour);
        const std::string key = "warm-" + std::to_string(slot.serial);
        connections.back()->value(kBookSql, { org.c_str(), providerIds.at(size_t(slot.provider)).c_str(), day.c_str(),
                                              half.c_str(), patientName(slot.serial + 50000000).c_str(),
                                              phoneNumber(slot.serial + 3000000).c_str(), "ai_voice", key.c_str() });
    }
    std::vector<double> latencies;
    for (int round = 0; round < rounds; ++round) {
        const long serialBase = (oneSlot ? 90000000L : 95000000L) + long(round) * requests;
        std::vector<std::string> names, phones, keys, days, halves, providers;
        const size_t others = providerIds.size() - 1;
        for (int i = 0; i < requests; ++i) {
            names.push_back(patientName(serialBase + i));
            phones.push_back(phoneNumber(serialBase + i));
            keys.push_back((oneSlot ? "storm-" : "spread-") + std::to_string(round) + "-" + std::to_string(i));
            days.push_back(std::to_string(oneSlot ? stormDay : firstBaselineDay + round));
            halves.push_back(std::to_string(oneSlot ? round % 28 : int((size_t(i) / others) % 28)));
            providers.push_back(oneSlot ? providerIds.front() : providerIds.at(1 + size_t(i) % others));
        }
        std::vector<Clock::time_point> sent(static_cast<size_t>(requests));
        std::vector<bool> done(size_t(requests), false);
        for (int i = 0; i < requests; ++i) {
            const size_t r = size_t(i);
            const std::vector<const char *> params { org.c_str(), providers[r].c_str(), days[r].c_str(),
                halves[r].c_str(), names[r].c_str(), phones[r].c_str(), "ai_voice", keys[r].c_str() };
            sent[size_t(i)] = Clock::now();
            if (!PQsendQueryParams(connections[size_t(i)]->native(), kBookSql, int(params.size()), nullptr,
                                   params.data(), nullptr, nullptr, 0))
                throw std::runtime_error(PQerrorMessage(connections[size_t(i)]->native()));
        }
        int booked = 0, remaining = requests;
        while (remaining > 0) {
            std::vector<pollfd> fds;
            std::vector<int> who;
            for (int i = 0; i < requests; ++i) {
                if (!done[size_t(i)]) {
                    fds.push_back({ PQsocket(connections[size_t(i)]->native()), POLLIN, 0 });
                    who.push_back(i);
                }
            }
            if (poll(fds.data(), fds.size(), 30000) <= 0)
                throw std::runtime_error("the one-slot storm stalled");
            for (size_t f = 0; f < fds.size(); ++f) {
                if (!(fds[f].revents & POLLIN))
                    continue;
                PGconn *conn = connections[size_t(who[f])]->native();
                PQconsumeInput(conn);
                if (PQisBusy(conn))
                    continue;
                latencies.push_back(msSince(sent[size_t(who[f])]));
                while (PGresult *r = PQgetResult(conn)) {
                    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
                        booked += isOk(PQgetvalue(r, 0, 0));
                    else if (PQresultStatus(r) != PGRES_TUPLES_OK)
                        throw std::runtime_error(std::string("storm call failed: ") + PQresultErrorMessage(r));
                    PQclear(r);
                }
                done[size_t(who[f])] = true;
                --remaining;
            }
        }
        if (bookedPerRound)
            bookedPerRound->push_back(booked);
    }
    return latencies;
}

} // namespace frontdesk::bench
