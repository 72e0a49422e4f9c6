#include "PasswordInput.h"

#include <QTextStream>

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace frontdesk {

namespace {

QString readLine(bool hideTyping)
{
    termios saved{};
    const bool hide = hideTyping && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    int c;
    while ((c = std::getchar()) != EOF && c != '\n')
        line.push_back(char(c));
    if (hide) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    QString text = QString::fromStdString(line);
    if (text.endsWith(u'\r'))
        text.chop(1);
    return text;
}

} // namespace

QString readNewPassword(const QString &login, QString *problem)
{
    if (!isatty(STDIN_FILENO)) {
        const QString password = readLine(false);
        if (password.isEmpty())
            *problem = QStringLiteral("no password on standard input");
        return password;
    }
    QTextStream err(stderr);
    err << "New password for " << login << ": ";
    err.flush();
    const QString first = readLine(true);
    err << "Again: ";
    err.flush();
    const QString second = readLine(true);
    if (first != second) {
        *problem = QStringLiteral("the two passwords differ");
        return {};
    }
    if (first.isEmpty())
        *problem = QStringLiteral("no password given");
    return first;
}

} // namespace frontdesk
