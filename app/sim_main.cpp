// frontdesk-sim: the AI voice agent, simulated. Books through book_appointment_atomic exactly
// as the voice backend does and prints what each call did, line by line (flushed), so being
// stopped by a signal loses nothing.
#include "DatabaseArgument.h"
#include "db/ClinicQueries.h"
#include "sim/CallSimulator.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTextStream>
#include <QTimer>


using namespace frontdesk;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString when(const Clinic &clinic, const BookingRequest &r)
{
    const QDateTime start = r.startsAt.toTimeZone(clinic.timeZone);
    return start.toString(QStringLiteral("ddd d MMM HH:mm")) + u'-' + r.endsAt.toTimeZone(clinic.timeZone).toString(QStringLiteral("HH:mm"));
}

QString providerName(const Clinic &clinic, qint64 id)
{
    for (const Provider &p : clinic.providers) {
        if (p.id == id)
            return p.displayName;
    }
    return QStringLiteral("provider %1").arg(id);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontdesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates the AI voice receptionist: books appointments through book_appointment_atomic "
        "(source ai_voice) with realistic callers, some invalid on purpose, some for taken slots."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(databaseOption());
    const QCommandLineOption orgOption(QStringLiteral("org"), QStringLiteral("Clinic (organisation) id."),
                                       QStringLiteral("id"), QStringLiteral("1"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Calls per second (default 0.5)."),
                                        QStringLiteral("per-second"), QStringLiteral("0.5"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("Number of calls, then stop (default: until stopped)."),
                                         QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed, for a repeatable run."),
                                        QStringLiteral("n"));
    parser.addOptions({ orgOption, rateOption, countOption, seedOption });
    parser.process(app);

    bool ok = false;
    const double rate = parser.value(rateOption).toDouble(&ok);
    if (!ok || rate <= 0 || rate > 1000) {
        qCritical("frontdesk-sim: --rate must be a number above 0 and at most 1000");
        return 2;
    }
    const int count = parser.value(countOption).toInt(&ok);
    if (!ok || count < 0) {
        qCritical("frontdesk-sim: --count must be 0 (until stopped) or more");
        return 2;
    }
    const qint64 orgId = parser.value(orgOption).toLongLong(&ok);
    if (!ok || orgId <= 0) {
        qCritical("frontdesk-sim: --org must be a positive number");
        return 2;
    }
    const quint32 seed = parser.isSet(seedOption) ? parser.value(seedOption).toUInt()
                                                  : quint32(QDateTime::currentMSecsSinceEpoch());
    const auto settings = databaseFrom(parser);
    if (!settings) {
        qCritical("frontdesk-sim: %s", qPrintable(settings.error().message));
        return 2;
    }
    QSqlDatabase db = settings->addDatabase(QStringLiteral("sim"));
    if (!db.open()) {
        qCritical("frontdesk-sim: cannot connect: %s", qPrintable(db.lastError().text()));
        return 1;
    }
    const auto clinic = ClinicQueries::loadClinic(db, orgId);
    if (!clinic) {
        qCritical("frontdesk-sim: %s", qPrintable(clinic.error().message));
        return 1;
    }

    CallSimulator simulator(clinic.value(), seed);
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(clinic->timeZone).date();
    for (int offset = 0; offset < 7; ++offset) {
        const auto day = ClinicQueries::loadDay(db, clinic.value(), today.addDays(offset));
        for (const Appointment &a : day.ok() ? day.value() : AppointmentList())
            simulator.addTakenSlot(a.providerId, a.startsAt, a.endsAt);
    }
    out() << "frontdesk-sim: calling for \"" << clinic->name << "\" at " << rate << " per second, seed " << seed << '\n';
    out().flush();

    int made = 0;
    int booked = 0;
    int failures = 0;
    QTimer timer;
    timer.setInterval(int(1000.0 / rate));
    QObject::connect(&timer, &QTimer::timeout, &app, [&] {
        const CallSimulator::Call call = simulator.nextCall(QDateTime::currentDateTimeUtc());
        const auto result = ClinicQueries::bookRetrying(db, call.request);
        const QString stamp = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
        ++made;
        if (!result) {
            ++failures;
            out() << stamp << "  ERROR    " << result.error().message << '\n';
        } else if (result->ok) {
            ++booked;
            simulator.recordBooked(call);
            out() << stamp << "  BOOKED   #" << result->appointmentId << "  " << result->patientName << ", "
                  << providerName(clinic.value(), call.request.providerId) << ", " << when(clinic.value(), call.request)
                  << "  (" << call.what << ")\n";
        } else {
            out() << stamp << "  REFUSED  " << result->code << "  " << call.request.patientName << ", "
                  << when(clinic.value(), call.request) << "  (" << call.what << ")\n";
        }
        out().flush();
        if (count > 0 && made >= count)
            app.quit();
    });
    timer.start();
    const int rc = app.exec();
    out() << "frontdesk-sim: " << made << " calls, " << booked << " booked, " << failures << " errors\n";
    return failures > 0 && booked == 0 ? 1 : rc;
}
