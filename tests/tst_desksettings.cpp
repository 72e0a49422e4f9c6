#include "settings/DeskSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace frontdesk;

// Typed settings: each key's default, its type kept, and a file of the test's own.
class TestDeskSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void defaultsApplyUntilSet();
    void valuesAreKept();
    void aHandEditedWrongTypeFallsBackToTheDefault();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

void TestDeskSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(QStringLiteral("frontdesk.ini"));
    DeskSettings::useFile(m_file);
}

void TestDeskSettings::cleanup()
{
    DeskSettings::useFile({});
    m_dir.reset();
}

void TestDeskSettings::defaultsApplyUntilSet()
{
    QCOMPARE(DeskSettings::soundOnNewBooking(), false);
    QCOMPARE(DeskSettings::trayOnNewBooking(), true);
    QVERIFY(DeskSettings::value(DeskSettings::Key::MainWindowState).toByteArray().isEmpty());
}

void TestDeskSettings::valuesAreKept()
{
    DeskSettings::setValue(DeskSettings::Key::SoundOnNewBooking, true);
    DeskSettings::setValue(DeskSettings::Key::MainWindowState, QByteArray("\x01\x02", 2));
    QCOMPARE(DeskSettings::soundOnNewBooking(), true);
    QCOMPARE(DeskSettings::value(DeskSettings::Key::MainWindowState).toByteArray(), QByteArray("\x01\x02", 2));
    // In the test's file, not the user's.
    QVERIFY(QFile::exists(m_file));
    QCOMPARE(QSettings(m_file, QSettings::IniFormat).value(QStringLiteral("alerts/sound")).toBool(), true);
}

void TestDeskSettings::aHandEditedWrongTypeFallsBackToTheDefault()
{
    {
        QSettings file(m_file, QSettings::IniFormat);
        file.setValue(QStringLiteral("window/tab"), QStringLiteral("the list please"));
    }
    QCOMPARE(DeskSettings::value(DeskSettings::Key::ShownTab).toInt(), 0);
    QCOMPARE(DeskSettings::value(DeskSettings::Key::ShownTab).metaType(), QMetaType::fromType<int>());
}

QTEST_GUILESS_MAIN(TestDeskSettings)
#include "tst_desksettings.moc"
