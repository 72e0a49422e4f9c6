#include "FunctionCall.h"

#include "SqlStatement.h"

#include <QSqlQuery>
#include <QStringList>
#include <QThread>

namespace frontdesk {

Result<CommandResult> callFunction(QSqlDatabase &db, const Command &command)
{
    const QVariantList arguments = command.callArguments();
    QStringList placeholders;
    for (qsizetype i = 0; i < arguments.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    // The function's name comes from Command's closed list, never from the caller's text.
    const QString sql = QStringLiteral("select ") + command.functionName() + u'(' + placeholders.join(u", ")
        + QStringLiteral(")::text");
    QSqlQuery q(db);
    if (!execPrepared(q, sql, arguments) || !q.next())
        return sqlError(q);
    return CommandResult::fromJson(q.value(0).toString().toUtf8());
}

Result<CommandResult> callFunctionRetrying(QSqlDatabase &db, const Command &command)
{
    constexpr int kPausesMs[] = { 100, 200, 400 };
    Result<CommandResult> answer = callFunction(db, command);
    for (const int pause : kPausesMs) {
        if (!answer || (answer->code != u"RETRY" && answer->code != u"IDEMPOTENCY_RETRY"))
            break;
        QThread::msleep(pause);
        answer = callFunction(db, command);
    }
    return answer;
}

} // namespace frontdesk
