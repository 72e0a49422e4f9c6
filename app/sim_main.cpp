// frontdesk-sim: the AI voice agent, simulated. Books through book_appointment_atomic exactly
// as the voice backend does and prints what each call did, line by line (flushed), so being
// stopped by a signal loses nothing. Like the voice backend, it waits for a database that is not
// up yet and reconnects with backoff when the server goes away (models/sim/AgentConnection).
#include "DatabaseArgument.h"
#include "db/ClinicQueries.h"
#include "sim/AgentConnection.h"
#include "sim/CallSimulator.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <optional>

using namespace frontdesk;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString stamp()
{
    return QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
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
        "(source ai_voice) with realistic callers, some invalid on purpose, some for taken slots or "
        "for times the clinic is closed; refused callers are queued for the desk to call back."));
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
    // The connection is kept as the voice backend keeps it: a server that is not up yet, or that
    // restarts, is waited for with backoff; only a refusal that waiting cannot cure ends the run.
    AgentConnection connection(settings.value(), orgId);
    std::unique_ptr<CallSimulator> simulator;
    std::optional<CallSimulator::Call> unanswered;   // sent when the connection went: sent again
    // A refused caller taking an alternative offered, still on the line: the next call, and the
    // callback its booking completes.
    std::optional<CallSimulator::Call> accepting;
    qint64 acceptingCallback = 0;
    int made = 0;
    int booked = 0;
    int callbacks = 0;
    int lost = 0;
    int failures = 0;
    int skipped = 0;
    QTimer timer;
    timer.setInterval(int(1000.0 / rate));

    QObject::connect(&connection, &AgentConnection::waiting, &app, [&](const QString &why) {
        if (simulator)
            return;   // after a loss the LOST line has said it
        out() << "frontdesk-sim: waiting for the database at " << settings->describe() << " (" << why
              << "); trying again with backoff\n";
        out().flush();
    });
    QObject::connect(&connection, &AgentConnection::failed, &app, [&](const Error &error) {
        if (error.code == u"CANNOT_CONNECT")
            qCritical("frontdesk-sim: cannot connect: %s", qPrintable(error.message));
        else
            qCritical("frontdesk-sim: %s", qPrintable(error.message));
        app.exit(1);
    });
    QObject::connect(&connection, &AgentConnection::lost, &app, [&](const QString &why) {
        out() << stamp() << "  LOST     the database (" << why << "); no calls until it is back\n";
        out().flush();
    });
    QObject::connect(&connection, &AgentConnection::connected, &app, [&](int attempts) {
        if (simulator) {
            out() << stamp() << "  RECONNECTED after " << attempts << (attempts == 1 ? " attempt\n" : " attempts\n");
            out().flush();
            return;
        }
        const Clinic &clinic = connection.clinic();
        simulator = std::make_unique<CallSimulator>(clinic, seed);
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(clinic.timeZone).date();
        for (int offset = 0; offset < 7; ++offset) {
            const auto day = ClinicQueries::loadDay(connection.database(), clinic, today.addDays(offset));
            for (const Appointment &a : day.ok() ? day.value() : AppointmentList())
                simulator->addTakenSlot(a.providerId, a.startsAt, a.endsAt);
        }
        if (attempts > 1)
            out() << "frontdesk-sim: connected after " << attempts << " attempts\n";
        out() << "frontdesk-sim: calling for \"" << clinic.name << "\" at " << rate << " per second, seed " << seed << '\n';
        out().flush();
        timer.start();
    });

    QObject::connect(&timer, &QTimer::timeout, &app, [&] {
        if (!connection.isConnected()) {
            ++skipped;   // no caller gets through while the agent has no database
            return;
        }
        const Clinic &clinic = connection.clinic();
        CallSimulator::Call call;
        qint64 completing = 0;
        if (unanswered) {
            call = *unanswered;
            unanswered.reset();
        } else if (accepting) {
            call = *accepting;
            completing = acceptingCallback;
            accepting.reset();
        } else {
            call = simulator->nextCall(QDateTime::currentDateTimeUtc());
        }
        const auto answer = connection.bookAnswer(call.request);
        if (!answer && !connection.isConnected()) {
            // Booked or not, nobody knows: the same request, with its same key, once back.
            static const QString again = QStringLiteral("; sent again after reconnecting");
            unanswered = call;
            if (!unanswered->what.endsWith(again))
                unanswered->what += again;
            return;
        }
        ++made;
        if (!answer) {
            ++failures;
            out() << stamp() << "  ERROR    " << answer.error().message << '\n';
        } else if (const BookingResult result = BookingResult::fromAnswer(answer.value()); result.ok) {
            ++booked;
            simulator->recordBooked(call);
            out() << stamp() << "  BOOKED   #" << result.appointmentId << "  " << result.patientName << ", "
                  << providerName(clinic, call.request.providerId) << ", " << when(clinic, call.request)
                  << "  (" << call.what << ")";
            // The database completes the caller's open callback with the booking.
            if (completing > 0)
                out() << " -> callback #" << completing << " done: booked";
            out() << '\n';
        } else {
            // The refusals a person can fix come with a callback queued for the desk, when the
            // caller left a number or an address to reach them.
            const qint64 callbackId = answer->answer.value(u"callback_id").toInteger();
            out() << stamp() << "  REFUSED  " << result.code << " for " << call.request.patientName << ", "
                  << when(clinic, call.request) << "  (" << call.what << ")";
            if (callbackId > 0) {
                ++callbacks;
                out() << " -> callback #" << callbackId << " queued for the desk";
            } else if (call.intent == CallSimulator::Intent::NoContact) {
                ++lost;
                out() << " -> no contact left: lost";
            }
            out() << '\n';
            if (auto next = simulator->acceptAlternative(call, result.alternatives)) {
                accepting = *next;
                acceptingCallback = callbackId;
            }
        }
        out().flush();
        if (count > 0 && made >= count)
            app.quit();
    });
    connection.start();
    const int rc = app.exec();
    if (!simulator)
        return rc;   // never connected: failed() has said why
    out() << "frontdesk-sim: " << made << " calls, " << booked << " booked, " << callbacks
          << " refused with a callback queued, " << lost << " lost (no contact left), " << failures << " errors";
    if (skipped > 0)
        out() << ", " << skipped << " skipped while waiting for the database";
    out() << '\n';
    out().flush();
    return rc != 0 ? rc : failures > 0 && booked == 0 ? 1 : 0;
}
