// frontdesk: the desktop application for the clinic's front desk.
#include "DatabaseArgument.h"
#include "MainWindow.h"
#include "ScreenshotTaker.h"
#include "services/ClinicSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

using namespace frontdesk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("frontdesk"));
    QApplication::setOrganizationName(QStringLiteral("Frontdesk"));
    QApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("frontdesk"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("frontdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Front desk for clinics with an AI voice receptionist."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(databaseOption());
    const QCommandLineOption orgOption(QStringLiteral("org"),
        QApplication::translate("main", "Id of the clinic (organisation) to show (default: $FRONTDESK_ORG or 1)."),
        QStringLiteral("id"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate("main", "Wait for the first new booking from the AI agent, save a PNG of the window to FILE and quit."),
        QStringLiteral("file"));
    const QCommandLineOption timeoutOption(QStringLiteral("screenshot-timeout"),
        QApplication::translate("main", "Seconds to wait for --screenshot (default 90)."), QStringLiteral("seconds"),
        QStringLiteral("90"));
    parser.addOptions({ orgOption, screenshotOption, timeoutOption });
    parser.process(app);

    auto settings = databaseFrom(parser);
    if (!settings) {
        const QString text = QApplication::translate("main", "Cannot start: %1").arg(settings.error().message);
        if (parser.isSet(screenshotOption))
            qCritical("%s", qPrintable(text));
        else
            QMessageBox::critical(nullptr, QApplication::translate("main", "Frontdesk"), text);
        return 2;
    }
    QString org = parser.value(orgOption);
    if (org.isEmpty())
        org = qEnvironmentVariable("FRONTDESK_ORG", QStringLiteral("1"));
    bool orgOk = false;
    const qint64 orgId = org.toLongLong(&orgOk);
    if (!orgOk || orgId <= 0) {
        qCritical("frontdesk: --org must be a positive number, not \"%s\"", qPrintable(org));
        return 2;
    }

    ClinicSession session(settings.value(), orgId);
    MainWindow window(&session);
    if (parser.isSet(screenshotOption))
        new ScreenshotTaker(&session, &window, parser.value(screenshotOption), parser.value(timeoutOption).toInt());
    window.show();
    session.start();
    return app.exec();
}
