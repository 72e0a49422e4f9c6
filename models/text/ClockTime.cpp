#include "ClockTime.h"

#include <QLocale>
#include <QRegularExpression>

namespace frontdesk {

QString clockTime(QTime time)
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss"));
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(seconds);
    return QLocale().toString(time, format);
}

} // namespace frontdesk
