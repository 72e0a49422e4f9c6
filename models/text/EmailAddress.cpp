#include "EmailAddress.h"

#include <QRegularExpression>

namespace frontdesk {

QString normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

bool isValidEmail(const QString &normalizedEmail)
{
    static const QRegularExpression shape(QStringLiteral(
        R"(^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$)"));
    // The local part may not start or end with a dot, nor hold two in a row.
    return normalizedEmail.size() <= 254 && shape.match(normalizedEmail).hasMatch()
        && !normalizedEmail.contains(QStringLiteral("..")) && !normalizedEmail.startsWith(u'.')
        && !normalizedEmail.contains(QStringLiteral(".@"));
}

} // namespace frontdesk
