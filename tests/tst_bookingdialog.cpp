#include "BookingDialog.h"
#include "text/ErrorTexts.h"
#include "TestDatabase.h"
#include "services/ClinicSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeEdit>
#include <QtTest>

using namespace frontdesk;
using frontdesk::test::TestDatabase;

class TestBookingDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hintsAsYouType_data();
    void hintsAsYouType();
    void badInputIsNotSent_data();
    void badInputIsNotSent();
    void booksThroughTheAtomicFunctionWithTheKeyboard();
    void takenSlotOffersTheNearestFreeOnes();
    void patientBusyElsewhereIsSaidInPlainWords();

private:
    BookingDialog *openDialog(QTime time);
    void fill(BookingDialog *dialog, const QString &name, const QString &phone, const QString &email = {});
    template <typename T>
    static T *child(QWidget *dialog, const char *name)
    {
        T *w = dialog->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    int appointments() const { return m_db->scalar(QStringLiteral("select count(*) from frontdesk.appointments")).toInt(); }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ClinicSession> m_session;
    QDate m_tomorrow;
};

void TestBookingDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestBookingDialog::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    const Clinic clinic = m_db->createClinic(QStringLiteral("UTC"), 2, QStringLiteral("US"));
    m_session = std::make_unique<ClinicSession>(m_db->settings(), clinic.id);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->clinic().isValid(), 10000);
    m_tomorrow = m_session->today().addDays(1);
}

void TestBookingDialog::cleanup()
{
    m_session.reset();
    m_db.reset();
}

BookingDialog *TestBookingDialog::openDialog(QTime time)
{
    auto *dialog = new BookingDialog(m_session.get(), QDateTime(m_tomorrow, time, QTimeZone::utc()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog))
        qWarning("dialog not exposed");
    return dialog;
}

void TestBookingDialog::fill(BookingDialog *dialog, const QString &name, const QString &phone, const QString &email)
{
    // Typed key by key; what no key types (a bidirectional override, say) arrives pasted.
    const auto enter = [](QLineEdit *edit, const QString &text) {
        const bool typeable = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
        if (typeable)
            QTest::keyClicks(edit, text);
        else
            edit->insert(text);
    };
    enter(child<QLineEdit>(dialog, "patientNameEdit"), name);
    enter(child<QLineEdit>(dialog, "phoneEdit"), phone);
    enter(child<QLineEdit>(dialog, "emailEdit"), email);
}

void TestBookingDialog::hintsAsYouType_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("hint");
    QTest::newRow("phone national") << QByteArray("phone") << QStringLiteral("(415) 555-2671") << true << QStringLiteral("+1 415-555-2671");
    QTest::newRow("phone international") << QByteArray("phone") << QStringLiteral("+44 7911 123456") << true << QStringLiteral("+44 7911 123456");
    QTest::newRow("phone too short") << QByteArray("phone") << QStringLiteral("12") << false << QStringLiteral("Not a valid phone number for region US");
    QTest::newRow("phone with letters") << QByteArray("phone") << QStringLiteral("415-555-267a") << false << QStringLiteral("Not a valid phone number for region US");
    QTest::newRow("name normalised") << QByteArray("patientName") << QStringLiteral("mary  o'brien") << true << QStringLiteral("Will be saved as “Mary O'Brien”");
    QTest::newRow("name with digits") << QByteArray("patientName") << QStringLiteral("R2D2") << false << QStringLiteral("Letters, spaces, hyphens and apostrophes only");
    QTest::newRow("email lower-cased") << QByteArray("email") << QStringLiteral("Jane@Example.COM") << true << QStringLiteral("jane@example.com");
    QTest::newRow("email without domain") << QByteArray("email") << QStringLiteral("jane@") << false << QStringLiteral("Not a valid email address");
}

void TestBookingDialog::hintsAsYouType()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QString, hint);
    BookingDialog *dialog = openDialog(QTime(10, 0));
    QTest::keyClicks(child<QLineEdit>(dialog, QByteArray(field + "Edit").constData()), typed);
    QLabel *label = child<QLabel>(dialog, QByteArray(field + "Hint").constData());
    QCOMPARE(label->text(), hint);
    QCOMPARE(label->property("valid").toBool(), valid);
    dialog->close();
}

void TestBookingDialog::badInputIsNotSent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("error");
    QTest::newRow("no name") << QString() << QStringLiteral("(415) 555-2671") << QString() << QStringLiteral("Required");
    QTest::newRow("bad name") << QStringLiteral("R2D2") << QStringLiteral("(415) 555-2671") << QString() << QStringLiteral("Letters");
    QTest::newRow("bad phone") << QStringLiteral("Ada Lovelace") << QStringLiteral("555-12") << QString() << QStringLiteral("Not a valid phone number");
    QTest::newRow("bad email") << QStringLiteral("Ada Lovelace") << QString() << QStringLiteral("ada@") << QStringLiteral("Not a valid email");
    QTest::newRow("no contact") << QStringLiteral("Ada Lovelace") << QString() << QString() << QStringLiteral("phone number or an email");
    // What the database would refuse as sent, however it would collapse.
    QTest::newRow("name padded past 1000 characters") << QString(500, u' ') + QStringLiteral("Ada Lovelace") + QString(500, u' ')
                                                      << QStringLiteral("(415) 555-2671") << QString() << QStringLiteral("Too long");
    QTest::newRow("phone padded past 100 characters") << QStringLiteral("Ada Lovelace")
                                                      << QString(50, u' ') + QStringLiteral("(415) 555-2671") + QString(50, u' ')
                                                      << QString() << QStringLiteral("Not a valid phone number");
    QTest::newRow("name reversed by a bidirectional override") << QStringLiteral("Mary \u202ehtims")
                                                               << QStringLiteral("(415) 555-2671") << QString()
                                                               << QStringLiteral("Letters");
}

void TestBookingDialog::badInputIsNotSent()
{
    QFETCH(QString, name);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(QString, error);
    BookingDialog *dialog = openDialog(QTime(10, 0));
    fill(dialog, name, phone, email);
    QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
    QLabel *banner = child<QLabel>(dialog, "bookingError");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(error), qPrintable(banner->text()));
    // What was typed stays for correcting; nothing went to the database.
    QCOMPARE(child<QLineEdit>(dialog, "patientNameEdit")->text(), name);
    QCOMPARE(child<QLineEdit>(dialog, "phoneEdit")->text(), phone);
    QTest::qWait(200);
    QCOMPARE(appointments(), 0);
    QVERIFY(child<QPushButton>(dialog, "bookButton")->isEnabled());   // nothing is out
    QVERIFY(dialog->isVisible());
    dialog->close();
}

void TestBookingDialog::booksThroughTheAtomicFunctionWithTheKeyboard()
{
    BookingDialog *dialog = openDialog(QTime(10, 0));
    QSignalSpy accepted(dialog, &QDialog::accepted);
    // Keyboard only: the name field has focus, Tab moves on, Enter books.
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "patientNameEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("mary o'brien"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "phoneEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("(415) 555-2671"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral(" Mary@Example.com"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    // The answer comes back queued, so the request is still out here: neither Cancel nor Esc
    // may close the dialog on an unknown outcome.
    QCOMPARE(accepted.count(), 0);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QVERIFY(!buttons->button(QDialogButtonBox::Cancel)->isEnabled());
    QCOMPARE(buttons->button(QDialogButtonBox::Ok)->text(), QStringLiteral("Booking…"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(dialog->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 5000);
    const qint64 id = dialog->bookedAppointmentId();
    QVERIFY(id > 0);
    QCOMPARE(appointments(), 1);
    const QString stored = m_db->scalar(QStringLiteral(
        "select a.source || '|' || p.full_name || '|' || p.phone || '|' || p.email || '|' || "
        "extract(epoch from a.ends_at - a.starts_at)::int "
        "from frontdesk.appointments a join frontdesk.patients p on p.id = a.patient_id where a.id = %1").arg(id)).toString();
    QCOMPARE(stored, QStringLiteral("staff|Mary O'Brien|+14155552671|mary@example.com|1800"));
}

void TestBookingDialog::takenSlotOffersTheNearestFreeOnes()
{
    BookingDialog *first = openDialog(QTime(10, 0));
    QSignalSpy firstAccepted(first, &QDialog::accepted);
    fill(first, QStringLiteral("Ada Lovelace"), QStringLiteral("(212) 555-0143"));
    QTest::mouseClick(child<QPushButton>(first, "bookButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(firstAccepted.count(), 1, 5000);

    // The same provider at 10:15 overlaps 10:00-10:30.
    BookingDialog *dialog = openDialog(QTime(10, 15));
    QSignalSpy accepted(dialog, &QDialog::accepted);
    fill(dialog, QStringLiteral("Alan Turing"), QStringLiteral("(617) 555-0112"));
    QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
    QLabel *banner = child<QLabel>(dialog, "bookingError");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
    QCOMPARE(banner->property("code").toString(), QStringLiteral("SLOT_UNAVAILABLE"));
    QCOMPARE(banner->text(), errorText(QStringLiteral("SLOT_UNAVAILABLE")));
    QCOMPARE(accepted.count(), 0);

    const QList<QPushButton *> alternatives = dialog->findChildren<QPushButton *>(QStringLiteral("alternativeButton"));
    QVERIFY(!alternatives.isEmpty());
    QVERIFY(child<QWidget>(dialog, "alternatives")->isVisible());
    // What was typed survives the refusal.
    QCOMPARE(child<QLineEdit>(dialog, "patientNameEdit")->text(), QStringLiteral("Alan Turing"));

    QTest::mouseClick(alternatives.first(), Qt::LeftButton);
    const QTime chosen = child<QTimeEdit>(dialog, "timeEdit")->time();
    QCOMPARE(alternatives.first()->text(), chosen.toString(QStringLiteral("HH:mm")));
    QVERIFY(chosen != QTime(10, 15));
    QTest::mouseClick(child<QPushButton>(dialog, "bookButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 5000);
    QCOMPARE(appointments(), 2);
}

// The same patient at 07:15 with two doctors (tried at the desk before schema v7, and booked):
// the database refuses it, and the receptionist reads who, when and with whom, then books one of
// the offered times with the keyboard.
void TestBookingDialog::patientBusyElsewhereIsSaidInPlainWords()
{
    const Clinic clinic = m_session->clinic();
    BookingRequest elsewhere;
    elsewhere.orgId = clinic.id;
    elsewhere.providerId = clinic.providers.at(0).id;
    elsewhere.startsAt = QDateTime(m_tomorrow, QTime(7, 15), QTimeZone::utc());
    elsewhere.endsAt = elsewhere.startsAt.addSecs(1800);
    elsewhere.patientName = QStringLiteral("Ada Lovelace");
    elsewhere.phone = QStringLiteral("(212) 555-0143");
    elsewhere.source = BookingSource::AiVoice;
    elsewhere.idempotencyKey = QStringLiteral("busy-elsewhere");
    QVERIFY(m_db->bookOnOwnThread(elsewhere).ok);

    BookingDialog *dialog = openDialog(QTime(7, 15));
    QSignalSpy accepted(dialog, &QDialog::accepted);
    fill(dialog, QStringLiteral("ada lovelace"), QStringLiteral("212 555 0143"));
    auto *provider = child<QComboBox>(dialog, "providerCombo");
    provider->setFocus();
    QTest::keyClick(provider, Qt::Key_Down);   // the other doctor
    QCOMPARE(provider->currentData().toLongLong(), clinic.providers.at(1).id);
    QTest::keyClick(dialog, Qt::Key_Return);
    QLabel *banner = child<QLabel>(dialog, "bookingError");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
    QCOMPARE(banner->property("code").toString(), QStringLiteral("PATIENT_BUSY"));
    QCOMPARE(banner->text(), QStringLiteral("Ada Lovelace already has an appointment from 07:15 to 07:45 with %1. "
                                            "A patient cannot be in two places at once: pick another time.")
                                 .arg(clinic.providers.at(0).displayName));
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(appointments(), 1);

    const QList<QPushButton *> alternatives = dialog->findChildren<QPushButton *>(QStringLiteral("alternativeButton"));
    QVERIFY(!alternatives.isEmpty());
    alternatives.first()->setFocus();
    QTest::keyClick(alternatives.first(), Qt::Key_Space);
    const QTime chosen = child<QTimeEdit>(dialog, "timeEdit")->time();
    QVERIFY(chosen >= QTime(7, 45) || chosen.addSecs(1800) <= QTime(7, 15));
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 5000);
    QCOMPARE(appointments(), 2);
}

QTEST_MAIN(TestBookingDialog)
#include "tst_bookingdialog.moc"
