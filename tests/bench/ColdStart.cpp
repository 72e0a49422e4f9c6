#include "ColdStart.h"

#include "MainWindow.h"
#include "day/DayModel.h"
#include "db/ConnectionSettings.h"
#include "services/ClinicSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <cstdio>
#include <stdexcept>

namespace frontdesk::bench {

namespace {

long residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return 0;
}

void reportReady()
{
    std::printf("ready %ld\n", residentKb());
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace

int runColdStartChild(qint64 orgId, bool baseline)
{
    const QString conninfo = qEnvironmentVariable("FRONTDESK_BENCH_CONNINFO");
    int argc = 1;
    char name[] = "frontdesk-bench";
    char *argv[] = { name, nullptr };
    QApplication app(argc, argv);
    if (baseline) {
        QWidget widget;
        widget.resize(1100, 680);
        widget.show();
        QTimer::singleShot(0, &widget, reportReady);
        return app.exec();
    }
    ClinicSession session(ConnectionSettings::parse(conninfo).value(), orgId);
    MainWindow window(&session);
    window.show();
    QObject::connect(session.dayModel(), &DayModel::dayChanged, &window, [&] {
        // Painted: the rows are on screen, not only in the model.
        QTimer::singleShot(0, &window, [&] { window.repaint(); reportReady(); });
    });
    session.start();
    return app.exec();
}

ColdStart measureColdStart(const QString &program, const BenchCluster &cluster, const BenchDatabase &db, bool baseline)
{
    QProcess child;
    // The password travels in the environment, never on a command line.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FRONTDESK_BENCH_CONNINFO"), QString::fromStdString(cluster.login(db.deskLogin, db.name)));
    child.setProcessEnvironment(environment);
    QStringList arguments { QStringLiteral("--cold-start"), QString::number(db.orgId) };
    if (baseline)
        arguments << QStringLiteral("--baseline");
    QElapsedTimer clock;
    clock.start();
    child.start(program, arguments);
    while (child.waitForReadyRead(30000)) {
        const QByteArray line = child.readLine().trimmed();
        if (line.startsWith("ready ")) {
            ColdStart result { double(clock.nsecsElapsed()) / 1e6, line.mid(6).toDouble() / 1024.0 };
            child.waitForFinished(10000);
            return result;
        }
    }
    child.kill();
    child.waitForFinished();
    throw std::runtime_error("the desk did not show its day: " + child.readAllStandardError().toStdString());
}

} // namespace frontdesk::bench
