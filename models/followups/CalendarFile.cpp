#include "CalendarFile.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace frontdesk::CalendarFile {

namespace {

QByteArray utc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray textLine(const char *name, const QString &value)
{
    return QByteArray(name) + ':' + escapeText(value).toUtf8();
}

} // namespace

QString escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case '\\': out += QLatin1String("\\\\"); break;
        case ';': out += QLatin1String("\\;"); break;
        case ',': out += QLatin1String("\\,"); break;
        case '\r':
            // CRLF and a lone CR are one line break each.
            out += QLatin1String("\\n");
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            break;
        case '\n': out += QLatin1String("\\n"); break;
        default:
            // Other controls are not allowed in TEXT (RFC 5545 3.3.11): dropped.
            if (c.unicode() >= 0x20 && c.unicode() != 0x7f)
                out += c;
        }
    }
    return out;
}

QByteArray foldLine(const QByteArray &line)
{
    QByteArray out;
    qsizetype start = 0;
    int limit = 75;   // the first line; continuation lines spend one octet on their leading space
    while (line.size() - start > limit) {
        qsizetype cut = start + limit;
        // Never between the bytes of one UTF-8 character: back up over continuation bytes.
        while (cut > start && (uchar(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        out += line.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74;
    }
    out += line.mid(start);
    out += "\r\n";
    return out;
}

QByteArray write(const CalendarEvent &event, const QDateTime &stamp)
{
    const bool cancel = event.isCancellation();
    QList<QByteArray> lines = {
        "BEGIN:VCALENDAR",
        "PRODID:-//Frontdesk//Frontdesk clinic desk//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        QByteArray("METHOD:") + (cancel ? "CANCEL" : "REQUEST"),
        "BEGIN:VEVENT",
        textLine("UID", event.uid),
        "SEQUENCE:" + QByteArray::number(event.sequence),
        "DTSTAMP:" + utc(stamp.isValid() ? stamp : QDateTime::currentDateTimeUtc()),
        "DTSTART:" + utc(event.startsAt),
        "DTEND:" + utc(event.endsAt),
        textLine("SUMMARY", event.summary),
    };
    if (!event.location.isEmpty())
        lines.append(textLine("LOCATION", event.location));
    if (!event.provider.isEmpty())
        lines.append(textLine("DESCRIPTION", QCoreApplication::translate("CalendarFile", "With %1").arg(event.provider)));
    lines.append(QByteArray("STATUS:") + (cancel ? "CANCELLED" : "CONFIRMED"));
    lines.append("TRANSP:OPAQUE");
    lines.append("END:VEVENT");
    lines.append("END:VCALENDAR");

    QByteArray file;
    for (const QByteArray &line : lines)
        file += foldLine(line);
    return file;
}

QString fileName(const CalendarEvent &event)
{
    QString base = event.uid.section(u'@', 0, 0);
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    if (base.isEmpty())
        base = QStringLiteral("appointment");
    return QStringLiteral("%1-seq-%2.ics").arg(base).arg(event.sequence);
}

} // namespace frontdesk::CalendarFile
