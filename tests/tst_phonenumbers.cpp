// The client's phone number check (models/text/PhoneNumbers, libphonenumber): what the booking
// dialog accepts as typed in the clinic's region, and how stored E.164 numbers are shown.

#include "text/PhoneNumbers.h"

#include <QtTest>

using namespace frontdesk;

class TestPhoneNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void checkIsIdempotentOnItsOwnOutput_data();
    void checkIsIdempotentOnItsOwnOutput();
    void format_data();
    void format();
};

void TestPhoneNumbers::check_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("e164");            // empty: invalid
    QTest::addColumn<QString>("international");

    // Valid, as receptionists and callers type them.
    QTest::newRow("US parentheses") << QStringLiteral("(415) 555-2671") << QStringLiteral("US")
                                    << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US dots") << QStringLiteral("415.555.2671") << QStringLiteral("US")
                             << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US trunk 1") << QStringLiteral("1-415-555-2671") << QStringLiteral("US")
                                << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US padded") << QStringLiteral("   +1 (415) 555-2671  ") << QStringLiteral("US")
                               << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    // As sent, the database reads at most 100 characters (INVALID_PHONE beyond), however padded.
    QTest::newRow("US padded to 100") << QString(43, u' ') + QStringLiteral("(415) 555-2671") + QString(43, u' ')
                                      << QStringLiteral("US") << QStringLiteral("+14155552671")
                                      << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US padded to 101") << QString(44, u' ') + QStringLiteral("(415) 555-2671") + QString(43, u' ')
                                      << QStringLiteral("US") << QString() << QString();
    QTest::newRow("US tabs between groups") << QStringLiteral("415\t555\t2671") << QStringLiteral("US")
                                            << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US no-break spaces") << QStringLiteral("415\u00a0555\u00a02671") << QStringLiteral("US")
                                        << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US newline between groups") << QStringLiteral("(415)\n555-2671") << QStringLiteral("US")
                                               << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("GB ideographic and em spaces") << QStringLiteral("\u300007911\u2003123456") << QStringLiteral("GB")
                                                  << QStringLiteral("+447911123456") << QStringLiteral("+44 7911 123456");
    QTest::newRow("US number typed in GB") << QStringLiteral("+1 415 555 2671") << QStringLiteral("GB")
                                           << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("US number via GB IDD") << QStringLiteral("00 1 415 555 2671") << QStringLiteral("GB")
                                          << QStringLiteral("+14155552671") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("GB mobile") << QStringLiteral("07911 123456") << QStringLiteral("GB")
                               << QStringLiteral("+447911123456") << QStringLiteral("+44 7911 123456");
    QTest::newRow("GB London, trunk in brackets") << QStringLiteral("+44 (0)20 7946 0958") << QStringLiteral("GB")
                                                  << QStringLiteral("+442079460958")
                                                  << QStringLiteral("+44 20 7946 0958");
    QTest::newRow("GB London typed in US") << QStringLiteral("+44 (0)20 7946 0958") << QStringLiteral("US")
                                           << QStringLiteral("+442079460958") << QStringLiteral("+44 20 7946 0958");
    QTest::newRow("GB via US IDD") << QStringLiteral("011 44 20 7946 0958") << QStringLiteral("US")
                                   << QStringLiteral("+442079460958") << QStringLiteral("+44 20 7946 0958");
    QTest::newRow("AU mobile") << QStringLiteral("0412 345 678") << QStringLiteral("AU")
                               << QStringLiteral("+61412345678") << QStringLiteral("+61 412 345 678");
    QTest::newRow("AU Sydney") << QStringLiteral("(02) 9374 4000") << QStringLiteral("AU")
                               << QStringLiteral("+61293744000") << QStringLiteral("+61 2 9374 4000");
    QTest::newRow("DE Berlin") << QStringLiteral("030 1234567") << QStringLiteral("DE")
                               << QStringLiteral("+49301234567") << QStringLiteral("+49 30 1234567");
    QTest::newRow("DE mobile") << QStringLiteral("0151 23456789") << QStringLiteral("DE")
                               << QStringLiteral("+4915123456789") << QStringLiteral("+49 1512 3456789");
    QTest::newRow("FR mobile") << QStringLiteral("06 12 34 56 78") << QStringLiteral("FR")
                               << QStringLiteral("+33612345678") << QStringLiteral("+33 6 12 34 56 78");
    QTest::newRow("IE mobile") << QStringLiteral("087 123 4567") << QStringLiteral("IE")
                               << QStringLiteral("+353871234567") << QStringLiteral("+353 87 123 4567");
    QTest::newRow("NZ mobile") << QStringLiteral("021 123 4567") << QStringLiteral("NZ")
                               << QStringLiteral("+64211234567") << QStringLiteral("+64 21 123 4567");
    QTest::newRow("CA Vancouver") << QStringLiteral("(604) 555-0123") << QStringLiteral("CA")
                                  << QStringLiteral("+16045550123") << QStringLiteral("+1 604-555-0123");

    // Invalid.
    QTest::newRow("too short") << QStringLiteral("12") << QStringLiteral("US") << QString() << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("US") << QString() << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("US") << QString() << QString();
    QTest::newRow("letter in digits") << QStringLiteral("415-555-267a") << QStringLiteral("US") << QString()
                                      << QString();
    QTest::newRow("extension") << QStringLiteral("+1 415 555 2671 ext 5") << QStringLiteral("US") << QString()
                               << QString();
    QTest::newRow("extension x") << QStringLiteral("415-555-2671 x5") << QStringLiteral("US") << QString()
                                 << QString();
    QTest::newRow("US without area code") << QStringLiteral("555-1234") << QStringLiteral("US") << QString()
                                          << QString();
    QTest::newRow("US exchange starting with 1") << QStringLiteral("(212) 155-1234") << QStringLiteral("US")
                                                 << QString() << QString();
    QTest::newRow("US unassigned area code") << QStringLiteral("(999) 555-1234") << QStringLiteral("US")
                                             << QString() << QString();
    QTest::newRow("GB mobile one digit short") << QStringLiteral("07911 12345") << QStringLiteral("GB")
                                               << QString() << QString();
    QTest::newRow("AU mobile one digit short") << QStringLiteral("0412 345 67") << QStringLiteral("AU")
                                               << QString() << QString();
    QTest::newRow("DE area code only") << QStringLiteral("030") << QStringLiteral("DE") << QString() << QString();
    QTest::newRow("FR too short") << QStringLiteral("06 12 34 56") << QStringLiteral("FR") << QString()
                                  << QString();
    QTest::newRow("national number without region") << QStringLiteral("(415) 555-2671") << QString()
                                                    << QString() << QString();
    QTest::newRow("national number, unknown region") << QStringLiteral("(415) 555-2671") << QStringLiteral("XX")
                                                     << QString() << QString();
}

void TestPhoneNumbers::check()
{
    QFETCH(QString, typed);
    QFETCH(QString, region);
    QFETCH(QString, e164);
    QFETCH(QString, international);

    const PhoneCheck result = checkPhoneNumber(typed, region);
    QCOMPARE(result.valid, !e164.isEmpty());
    QCOMPARE(result.e164, e164);
    QCOMPARE(result.international, international);
}

void TestPhoneNumbers::checkIsIdempotentOnItsOwnOutput_data()
{
    check_data();
}

void TestPhoneNumbers::checkIsIdempotentOnItsOwnOutput()
{
    // What the dialog stores (E.164) and what it shows (international) check again as the same
    // number, in the same region and in any other.
    QFETCH(QString, region);
    QFETCH(QString, e164);
    QFETCH(QString, international);
    if (e164.isEmpty())
        return;
    for (const QString &again : { e164, international }) {
        for (const QString &inRegion : { region, QStringLiteral("US"), QStringLiteral("DE") }) {
            const PhoneCheck result = checkPhoneNumber(again, inRegion);
            QVERIFY2(result.valid, qPrintable(again + QStringLiteral(" in ") + inRegion));
            QCOMPARE(result.e164, e164);
        }
    }
}

void TestPhoneNumbers::format_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");

    // The clinic's own region: national format.
    QTest::newRow("US in US") << QStringLiteral("+14155552671") << QStringLiteral("US") << QStringLiteral("(415) 555-2671");
    QTest::newRow("GB mobile in GB") << QStringLiteral("+447400123456") << QStringLiteral("GB") << QStringLiteral("07400 123456");
    QTest::newRow("GB 07911 mobile in GB") << QStringLiteral("+447911123456") << QStringLiteral("GB")
                                           << QStringLiteral("07911 123456");
    QTest::newRow("GB London in GB") << QStringLiteral("+442079460958") << QStringLiteral("GB") << QStringLiteral("020 7946 0958");
    QTest::newRow("AU in AU") << QStringLiteral("+61412345678") << QStringLiteral("AU") << QStringLiteral("0412 345 678");
    QTest::newRow("DE in DE") << QStringLiteral("+49301234567") << QStringLiteral("DE") << QStringLiteral("030 1234567");
    QTest::newRow("FR in FR") << QStringLiteral("+33612345678") << QStringLiteral("FR") << QStringLiteral("06 12 34 56 78");
    QTest::newRow("IE in IE") << QStringLiteral("+353871234567") << QStringLiteral("IE") << QStringLiteral("087 123 4567");
    QTest::newRow("NZ in NZ") << QStringLiteral("+64211234567") << QStringLiteral("NZ") << QStringLiteral("021 123 4567");
    // The clinic's own country calling code: national format, whichever region the number is of.
    QTest::newRow("CA in US") << QStringLiteral("+16045550123") << QStringLiteral("US") << QStringLiteral("(604) 555-0123");
    QTest::newRow("US in CA") << QStringLiteral("+14155552671") << QStringLiteral("CA") << QStringLiteral("(415) 555-2671");
    QTest::newRow("Bahamas (+1) in US") << QStringLiteral("+12423571234") << QStringLiteral("US")
                                        << QStringLiteral("(242) 357-1234");
    QTest::newRow("Guernsey mobile (+44) in GB") << QStringLiteral("+447781123456") << QStringLiteral("GB")
                                                 << QStringLiteral("07781 123456");
    // Another region: international format.
    QTest::newRow("US in GB") << QStringLiteral("+14155552671") << QStringLiteral("GB") << QStringLiteral("+1 415-555-2671");
    QTest::newRow("GB in US") << QStringLiteral("+447911123456") << QStringLiteral("US") << QStringLiteral("+44 7911 123456");
    QTest::newRow("AU in US") << QStringLiteral("+61412345678") << QStringLiteral("US") << QStringLiteral("+61 412 345 678");
    QTest::newRow("DE in FR") << QStringLiteral("+49301234567") << QStringLiteral("FR") << QStringLiteral("+49 30 1234567");
    QTest::newRow("CA in GB") << QStringLiteral("+16045550123") << QStringLiteral("GB") << QStringLiteral("+1 604-555-0123");
    // Nothing stored, or not a number: shown as it is.
    QTest::newRow("empty") << QString() << QStringLiteral("US") << QString();
    QTest::newRow("unparsable kept") << QStringLiteral("call reception") << QStringLiteral("US")
                                     << QStringLiteral("call reception");
}

void TestPhoneNumbers::format()
{
    QFETCH(QString, e164);
    QFETCH(QString, region);
    QFETCH(QString, expected);
    QCOMPARE(formatPhoneNumber(e164, region), expected);
    // What is shown in the clinic's own region checks back to the stored number.
    if (!expected.isEmpty() && expected != e164) {
        const PhoneCheck back = checkPhoneNumber(expected, region);
        QVERIFY(back.valid);
        QCOMPARE(back.e164, e164);
    }
}

QTEST_GUILESS_MAIN(TestPhoneNumbers)
#include "tst_phonenumbers.moc"
