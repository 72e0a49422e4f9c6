#pragma once

#include <libpq-fe.h>

#include <functional>
#include <string>
#include <vector>

namespace frontdesk::bench {

// A libpq connection for the benchmark: one round trip per call, nothing in between, so what is
// timed is the server's work and the wire. Throws std::runtime_error when a call fails.
class PgClient
{
public:
    explicit PgClient(const std::string &conninfo);
    ~PgClient();
    PgClient(const PgClient &) = delete;
    PgClient &operator=(const PgClient &) = delete;

    // Runs a statement with text parameters (a null pointer for SQL NULL) and returns the first
    // column of the first row ("" when there is none).
    std::string value(const std::string &sql, const std::vector<const char *> &params = {});
    // All rows' first columns.
    std::vector<std::string> column(const std::string &sql, const std::vector<const char *> &params = {});
    void exec(const std::string &sql) { value(sql); }
    // Notices (and auto_explain's plans, sent as notices) go here instead of stderr.
    void onNotice(std::function<void(const std::string &)> receiver);

    PGconn *native() const { return m_conn; }

private:
    static void forwardNotice(void *self, const PGresult *result);

    PGconn *m_conn;
    std::function<void(const std::string &)> m_noticeReceiver;
};

// A conninfo string with one keyword replaced or added: "user", "dbname", ...
std::string withConninfo(const std::string &conninfo, const std::string &keyword, const std::string &value);

} // namespace frontdesk::bench
