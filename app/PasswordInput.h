#pragma once

#include <QString>

namespace frontdesk {

// A new login's password, never from the command line: typed twice without echo when standard
// input is a terminal, otherwise the first line of standard input (for scripts:
// `printf '%s\n' "$pw" | frontdesk-admin create-staff ...`). Empty when nothing was given or
// the two typed entries differ; `problem` says which.
QString readNewPassword(const QString &login, QString *problem);

} // namespace frontdesk
