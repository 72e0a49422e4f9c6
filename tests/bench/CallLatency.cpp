#include "CallLatency.h"

#include "PgClient.h"
#include "Workload.h"
#include "db/AppointmentQueries.h"
#include "db/FollowUpQueries.h"
#include "db/ClinicQueries.h"
#include "db/ConnectionSettings.h"
#include "db/PatientQueries.h"
#include "db/SqlStatement.h"

#include <QSqlQuery>

#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <regex>
#include <stdexcept>

namespace frontdesk::bench {

namespace {

using Clock = std::chrono::steady_clock;

// One round trip on the connection under QPSQL: the function calls are timed as the server
// answers them, not with QPSQL's PREPARE and DEALLOCATE around each.
std::string answer(QSqlDatabase &db, const std::string &sql, const std::vector<std::string> &values)
{
    std::vector<const char *> params;
    for (const std::string &v : values)
        params.push_back(v.c_str());
    PGresult *r = PQexecParams(nativeConnection(db), sql.c_str(), int(params.size()), nullptr, params.data(), nullptr,
                               nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        const std::string why = PQresultErrorMessage(r);
        PQclear(r);
        throw std::runtime_error(why + " in: " + sql);
    }
    std::string first = PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    if (PQntuples(r) == 0)
        first = "(no rows)";
    PQclear(r);
    return first;
}

void expectOk(const std::string &name, const std::string &json)
{
    if (json.rfind("{\"ok\": true", 0) != 0)
        throw std::runtime_error(name + " answered " + json.substr(0, 300));
}

std::vector<std::string> ids(PgClient &server, const std::string &sql)
{
    std::vector<std::string> out = server.column(sql);
    if (out.empty())
        throw std::runtime_error("the seeded database has nothing for: " + sql);
    return out;
}

template <typename T>
const T &at(const std::vector<T> &list, int i)
{
    return list[size_t(i) % list.size()];
}

// What a receptionist types to find a patient, from the patients' own names and numbers.
struct SearchTerms
{
    std::vector<std::string> nameParts, digits, typos;
};

SearchTerms searchTerms(PgClient &server, qint64 orgId)
{
    SearchTerms terms;
    const std::string org = std::to_string(orgId);
    const std::vector<std::string> names = ids(server,
        "select full_name from frontdesk.patients where org_id = " + org + " order by md5(id::text) limit 400");
    const std::vector<std::string> phones = ids(server,
        "select phone from frontdesk.patients where org_id = " + org + " and phone is not null order by md5(id::text) limit 400");
    for (size_t i = 0; i < names.size(); ++i) {
        const std::string &name = names[i];
        const size_t space = name.find(' ');
        // "Olivia Gar", "garcia-mo", "Liam": the start of a first name and of a surname
        if (i % 3 == 0)
            terms.nameParts.push_back(name.substr(0, std::min(name.size(), space + 4)));
        else if (i % 3 == 1)
            terms.nameParts.push_back(name.substr(space + 1, 7));
        else
            terms.nameParts.push_back(name.substr(0, std::min<size_t>(space, 5)));
        // Two neighbouring letters of the surname swapped: "Olivia Smtih".
        std::string typo = name;
        if (typo.size() > space + 3)
            std::swap(typo[space + 2], typo[space + 3]);
        terms.typos.push_back(typo);
    }
    for (size_t i = 0; i < phones.size(); ++i)
        terms.digits.push_back(phones[i].substr(phones[i].size() - 4 - i % 3, 4 + i % 3));
    return terms;
}

} // namespace

QSqlDatabase openAs(const BenchCluster &cluster, const BenchDatabase &db, const std::string &login,
                    const QString &connectionName)
{
    const auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.login(login, db.name)));
    QSqlDatabase connection = settings.value().addDatabase(connectionName);
    if (!connection.open())
        throw std::runtime_error("cannot connect as " + login);
    return connection;
}

QSqlDatabase openExplaining(const BenchCluster &cluster, const BenchDatabase &db, const std::string &login,
                            const QString &connectionName, std::vector<std::string> *plans, bool forbidSeqScan)
{
    const auto settings = ConnectionSettings::parse(QString::fromStdString(cluster.superuser(db.name)));
    QSqlDatabase connection = settings.value().addDatabase(connectionName);
    if (!connection.open())
        throw std::runtime_error("cannot connect as the superuser");
    PQsetNoticeReceiver(nativeConnection(connection), [](void *sink, const PGresult *notice) {
        const char *text = PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY);
        if (text && std::string(text).find("Query Text:") != std::string::npos)
            static_cast<std::vector<std::string> *>(sink)->push_back(text);
    }, plans);
    QSqlQuery q(connection);
    for (const char *statement : { "load 'auto_explain'", "set auto_explain.log_min_duration = 0",
                                   "set auto_explain.log_nested_statements = on", "set auto_explain.log_level = notice",
                                   "set auto_explain.log_triggers = on" }) {
        if (!q.exec(QString::fromLatin1(statement)))
            throw std::runtime_error("cannot set up auto_explain: " + sqlError(q).message.toStdString());
    }
    // With sequential scans priced out, a plan still holds one only where no index can serve the
    // query: that is what a small test database can show about a large one.
    if (forbidSeqScan && (!q.exec(QStringLiteral("set enable_seqscan = off"))
                          || !q.exec(QStringLiteral("set auto_explain.log_analyze = on"))))
        throw std::runtime_error("cannot forbid sequential scans");
    if (!q.exec(QStringLiteral("set session authorization ") + QString::fromStdString(login)))
        throw std::runtime_error("cannot become " + login);
    return connection;
}

const std::vector<std::string> &largeTables()
{
    static const std::vector<std::string> tables { "appointments", "patients", "events", "follow_ups",
                                                   "booking_requests", "interactions", "booking_locks",
                                                   "patient_search" };
    return tables;
}

std::vector<std::string> sequentialScansOfLargeTables(const std::string &plan)
{
    std::vector<std::string> found;
    // Named by the statement it belongs to, on one line.
    const size_t text = plan.find("Query Text: ");
    std::string statement = text == std::string::npos ? std::string() : plan.substr(text + 12, 160);
    statement = std::regex_replace(statement.substr(0, statement.find("\n  ")), std::regex(R"(\s+)"), " ");
    // Read and thrown away: an index on a leading org_id makes no Seq Scan, yet reads the clinic.
    static const std::regex discarded(R"(Rows Removed by Filter: (\d+))");
    for (auto it = std::sregex_iterator(plan.begin(), plan.end(), discarded); it != std::sregex_iterator(); ++it) {
        if (std::stol((*it)[1]) >= 1000)
            found.push_back(it->str() + " in: " + statement);
    }
    static const std::regex seqScan(R"(Seq Scan on (?:frontdesk\.)?(\w+))");
    for (auto it = std::sregex_iterator(plan.begin(), plan.end(), seqScan); it != std::sregex_iterator(); ++it) {
        const std::string table = (*it)[1];
        for (const std::string &large : largeTables()) {
            if (table == large)
                found.push_back(it->str() + " in: " + statement);
        }
    }
    return found;
}

std::vector<double> timeCall(const Call &call, QSqlDatabase &db, int repeats, int firstIndex)
{
    std::vector<double> latencies;
    for (int i = firstIndex; i < firstIndex + repeats; ++i) {
        const auto start = Clock::now();
        call.run(db, i);
        latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return latencies;
}

std::vector<Call> clinicCalls(const BenchCluster &cluster, const BenchDatabase &db, int repeats)
{
    PgClient server(cluster.superuser(db.name));
    const std::string org = std::to_string(db.orgId);
    const std::string ofOrg = " from frontdesk.appointments where org_id = " + org;
    // Each writing call gets appointments of its own: warm-up, timing and the plans' pass.
    const std::string perCall = std::to_string(3 * repeats + 20);
    auto anyAppointment = std::make_shared<std::vector<std::string>>(
        ids(server, "select id" + ofOrg + " order by md5(id::text) limit 1000"));
    auto future = ids(server, "select id" + ofOrg + " and status = 'booked' and starts_at > now() + interval '1 day'"
                              " order by md5(id::text) limit " + std::to_string(4 * (3 * repeats + 20)));
    if (future.size() < size_t(4 * (3 * repeats + 20)))
        throw std::runtime_error("the seeded database has too few future bookings");
    auto toConfirm = std::make_shared<std::vector<std::string>>(future.begin(), future.begin() + (3 * repeats + 20));
    auto toCancel = std::make_shared<std::vector<std::string>>(future.begin() + (3 * repeats + 20),
                                                               future.begin() + 2 * (3 * repeats + 20));
    auto toMove = std::make_shared<std::vector<std::string>>(future.begin() + 2 * (3 * repeats + 20),
                                                             future.begin() + 3 * (3 * repeats + 20));
    auto changes = std::make_shared<std::vector<std::string>>(future.begin() + 3 * (3 * repeats + 20), future.end());
    auto patients = std::make_shared<std::vector<std::string>>(
        ids(server, "select id from frontdesk.patients where org_id = " + org + " order by md5(id::text) limit 1000"));
    auto followUps = std::make_shared<std::vector<std::string>>(ids(server,
        "select id from frontdesk.follow_ups where org_id = " + org + " and status = 'pending' order by md5(id::text) limit " + perCall));
    auto terms = std::make_shared<SearchTerms>(searchTerms(server, db.orgId));
    auto providers = std::make_shared<std::vector<std::string>>(
        ids(server, "select id from frontdesk.providers where org_id = " + org + " order by id"));

    // The change feed is read after 1,000 changes, as by a desk that was busy elsewhere.
    auto cursor = std::make_shared<QString>();
    {
        PgClient desk(cluster.login(db.deskLogin, db.name));
        *cursor = QString::fromStdString(desk.value("select frontdesk.changes_since($1, null)->>'cursor'", { org.c_str() }));
        PgClient agent(cluster.login(db.agentLogin, db.name));
        for (int i = 0; i < 1000; ++i) {
            const std::string day = std::to_string(690 + i / 560), half = std::to_string((i / 20) % 28);
            const std::string key = "feed-" + std::to_string(i), name = patientName(70000000L + i);
            const std::string phone = phoneNumber(6000000L + i);
            expectOk("booking", agent.value(kBookSql, { org.c_str(), at(*providers, i).c_str(), day.c_str(), half.c_str(),
                                                       name.c_str(), phone.c_str(), "ai_voice", key.c_str() }));
        }
    }

    auto clinic = std::make_shared<Clinic>();
    const qint64 orgId = db.orgId;
    std::vector<Call> calls;
    calls.push_back({ "Open the clinic (clinic, providers)", false, [orgId, clinic](QSqlDatabase &c, int) {
        auto loaded = ClinicQueries::loadClinic(c, orgId);
        if (!loaded)
            throw std::runtime_error("loadClinic: " + loaded.error().message.toStdString());
        *clinic = loaded.value();
    } });
    calls.push_back({ "Load a past day (about 200 rows)", false, [clinic](QSqlDatabase &c, int i) {
        const auto day = ClinicQueries::loadDay(c, *clinic, QDate::currentDate().addDays(-1 - i % 20));
        if (!day || day->size() < 10)
            throw std::runtime_error("loadDay found too little");
    } });
    calls.push_back({ "One appointment", false, [orgId, anyAppointment](QSqlDatabase &c, int i) {
        const auto one = ClinicQueries::loadAppointment(c, orgId, std::stoll(at(*anyAppointment, i)));
        if (!one || !one.value())
            throw std::runtime_error("loadAppointment found nothing");
    } });
    calls.push_back({ "One appointment's history", false, [orgId, anyAppointment](QSqlDatabase &c, int i) {
        const auto history = AppointmentQueries::loadHistory(c, orgId, std::stoll(at(*anyAppointment, i)));
        if (!history || history->isEmpty())
            throw std::runtime_error("loadHistory found nothing");
    } });
    calls.push_back({ "Change feed after 1,000 changes", false, [orgId, cursor](QSqlDatabase &c, int) {
        const auto batch = ClinicQueries::changesSince(c, orgId, *cursor);
        if (!batch || batch->events < 1000)
            throw std::runtime_error("changesSince missed changes");
    } });
    const auto search = [org](const std::shared_ptr<std::vector<std::string>> &list, bool mustFind) {
        return [org, list, mustFind](QSqlDatabase &c, int i) {
            const std::string found = answer(c, "select count(*) from frontdesk.search_patients($1, $2)",
                                             { org, at(*list, i) });
            if (mustFind && found == "0")
                throw std::runtime_error("search found nothing for " + at(*list, i));
        };
    };
    calls.push_back({ "Search: part of a name", false,
                      search(std::make_shared<std::vector<std::string>>(terms->nameParts), true) });
    calls.push_back({ "Search: phone digits", false,
                      search(std::make_shared<std::vector<std::string>>(terms->digits), true) });
    calls.push_back({ "Search: name with a typo", false,
                      search(std::make_shared<std::vector<std::string>>(terms->typos), true) });
    // The booking dialog's "this number belongs to" hint: a patient's whole number, or an email.
    auto contacts = std::make_shared<std::vector<std::string>>(ids(server,
        "select coalesce(phone, email) from frontdesk.patients where org_id = " + org
        + " and coalesce(phone, email) is not null order by md5(id::text) limit 1000"));
    calls.push_back({ "Owners of a phone number or email (booking hint)", false, [orgId, contacts](QSqlDatabase &c, int i) {
        const QString contact = QString::fromStdString(at(*contacts, i));
        const bool email = contact.contains(u'@');
        const auto owners = PatientQueries::loadByContact(c, orgId, email ? QString() : contact, email ? contact : QString());
        if (!owners || owners->isEmpty())
            throw std::runtime_error("loadByContact found nobody for " + contact.toStdString());
    } });
    calls.push_back({ "Patient history", false, [patients](QSqlDatabase &c, int i) {
        expectOk("patient_history", answer(c, "select frontdesk.patient_history($1)::text", { at(*patients, i) }));
    } });
    calls.push_back({ "Confirm an appointment", false, [toConfirm](QSqlDatabase &c, int i) {
        expectOk("confirm", answer(c, "select frontdesk.confirm_appointment($1)::text", { at(*toConfirm, i) }));
    } });
    calls.push_back({ "Cancel an appointment", false, [toCancel](QSqlDatabase &c, int i) {
        expectOk("cancel", answer(c, "select frontdesk.cancel_appointment($1, 'patient called')::text", { at(*toCancel, i) }));
    } });
    calls.push_back({ "Reschedule an appointment", false, [toMove](QSqlDatabase &c, int i) {
        // To a day of its own: the moved appointments never meet each other.
        const std::string day = std::to_string(700 + i / 28), half = std::to_string(i % 28);
        expectOk("reschedule", answer(c,
            "select frontdesk.reschedule_appointment($1, "
            "((current_date + $2::integer) + time '07:00' + $3::integer * interval '30 minutes') at time zone 'UTC', "
            "((current_date + $2::integer) + time '07:30' + $3::integer * interval '30 minutes') at time zone 'UTC')::text",
            { at(*toMove, i), day, half }));
    } });
    calls.push_back({ "Note on a patient", false, [patients](QSqlDatabase &c, int i) {
        expectOk("add_patient_note", answer(c, "select frontdesk.add_patient_note($1, 'Prefers mornings')::text",
                                            { at(*patients, i) }));
    } });
    calls.push_back({ "Open the follow-up queue (oldest 200 and the count)", false, [orgId](QSqlDatabase &c, int) {
        const auto queue = FollowUpQueries::loadOpen(c, orgId, 200);
        if (!queue || queue->items.isEmpty())
            throw std::runtime_error("the follow-up queue is empty");
    } });
    calls.push_back({ "Claim a follow-up", false, [followUps](QSqlDatabase &c, int i) {
        expectOk("claim_follow_up", answer(c, "select frontdesk.claim_follow_up($1)::text", { at(*followUps, i) }));
    } });
    calls.push_back({ "Book (one client)", false, [org, providers](QSqlDatabase &c, int i) {
        const std::string day = std::to_string(680 + i / 560), half = std::to_string((i / 20) % 28);
        expectOk("booking", answer(c, kBookSql, { org, at(*providers, i), day, half, patientName(80000000L + i),
                                                 phoneNumber(7000000L + i), "staff", "one-" + std::to_string(i) }));
    } });
    calls.push_back({ "Agent: record a call", true, [patients](QSqlDatabase &c, int i) {
        expectOk("record_ai_call", answer(c, "select frontdesk.record_ai_call($1, 'Asked about opening hours')::text",
                                          { at(*patients, i) }));
    } });
    return calls;
}

} // namespace frontdesk::bench
