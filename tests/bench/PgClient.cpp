#include "PgClient.h"

#include <stdexcept>

namespace frontdesk::bench {

PgClient::PgClient(const std::string &conninfo)
    : m_conn(PQconnectdb(conninfo.c_str()))
{
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string why = PQerrorMessage(m_conn);
        PQfinish(m_conn);
        throw std::runtime_error("cannot connect: " + why);
    }
    PQsetNoticeReceiver(m_conn, &PgClient::forwardNotice, this);
}

PgClient::~PgClient()
{
    PQfinish(m_conn);
}

void PgClient::onNotice(std::function<void(const std::string &)> receiver)
{
    m_noticeReceiver = std::move(receiver);
}

void PgClient::forwardNotice(void *self, const PGresult *result)
{
    auto *client = static_cast<PgClient *>(self);
    const char *text = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    if (client->m_noticeReceiver && text)
        client->m_noticeReceiver(text);
}

std::vector<std::string> PgClient::column(const std::string &sql, const std::vector<const char *> &params)
{
    // Without parameters, the simple protocol: a script of several statements runs too.
    PGresult *r = params.empty() ? PQexec(m_conn, sql.c_str())
                                 : PQexecParams(m_conn, sql.c_str(), int(params.size()), nullptr, params.data(),
                                                nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const std::string why = PQresultErrorMessage(r);
        PQclear(r);
        throw std::runtime_error(why + " in: " + sql.substr(0, 200));
    }
    std::vector<std::string> out;
    for (int row = 0; row < PQntuples(r); ++row)
        out.emplace_back(PQgetvalue(r, row, 0));
    PQclear(r);
    return out;
}

std::string PgClient::value(const std::string &sql, const std::vector<const char *> &params)
{
    const std::vector<std::string> rows = column(sql, params);
    return rows.empty() ? std::string() : rows.front();
}

std::string withConninfo(const std::string &conninfo, const std::string &keyword, const std::string &value)
{
    // Later keywords win in a libpq keyword/value string.
    return conninfo + " " + keyword + "='" + value + "'";
}

} // namespace frontdesk::bench
