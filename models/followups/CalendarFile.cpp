#include "CalendarFile.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

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

// A parameter value: quoted, without the characters a quoted value cannot hold (RFC 5545 3.1).
QByteArray paramValue(const QString &value)
{
    QString clean = value;
    clean.remove(u'"');
    for (QChar &c : clean) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return '"' + clean.toUtf8() + '"';
}

// A calendar user address for a name that has no e-mail address here: a URN, stable per name and
// entry, which iTIP's REQUEST and CANCEL need for ORGANIZER and ATTENDEE (RFC 5546 3.2).
QByteArray address(const QString &uid, const QString &who)
{
    return "urn:uuid:"
        + QUuid::createUuidV5(QUuid(), uid + u'/' + who).toString(QUuid::WithoutBraces).toLatin1();
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
        case '\t': out += u' '; break;   // allowed, but calendars show it badly: a space keeps words apart
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
        // Never between the bytes of one UTF-8 character: back up over continuation bytes (at most
        // three in valid UTF-8; anything longer is cut where it is).
        while (cut > start + limit - 4 && (uchar(line.at(cut)) & 0xC0) == 0x80)
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
    // The clinic organises; the doctor attends (the entry is for their calendar).
    const QString clinic = event.location.isEmpty() ? QStringLiteral("Clinic") : event.location;
    lines.append("ORGANIZER;CN=" + paramValue(clinic) + ':' + address(event.uid, clinic));
    const QString doctor = event.provider.isEmpty() ? QStringLiteral("Provider") : event.provider;
    lines.append("ATTENDEE;CN=" + paramValue(doctor) + ";ROLE=REQ-PARTICIPANT:" + address(event.uid, doctor));
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
