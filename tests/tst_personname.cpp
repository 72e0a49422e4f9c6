// The client's name and email rules (models/text/PersonName, EmailAddress): what the booking
// dialog shows before it sends, and what it refuses. tst_normalizationparity holds the same
// rules against their database twins.

#include "text/EmailAddress.h"
#include "text/PersonName.h"

#include <QtTest>

using namespace frontdesk;

namespace {

QString repeated(const QString &unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

// An address of exactly `length` characters (length >= 70) whose shape is otherwise valid:
// a 64-character local part and domain labels of at most 63 characters.
QString emailOfLength(int length)
{
    QString address = QString(64, u'a') + u'@';
    const QString tld = QStringLiteral(".com");
    int label = 0;
    while (address.size() + tld.size() < length) {
        const int room = length - int(address.size() + tld.size());
        if (room > 64) {
            address += QString(63, QChar(u'b' + label++)) + u'.';
        } else {
            // The last label before the top-level domain takes what is left (no trailing dot).
            address += QString(room, QChar(u'b' + label++));
        }
    }
    return address + tld;
}

} // namespace

class TestPersonName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizeName_data();
    void normalizeName();
    void validName_data();
    void validName();
    void nameLengthLimitIsAHundredCharacters();
    void normalizeEmail_data();
    void normalizeEmail();
    void validEmail_data();
    void validEmail();
};

void TestPersonName::normalizeName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("already title case") << QStringLiteral("Mary Smith") << QStringLiteral("Mary Smith");
    QTest::newRow("leading, trailing, double spaces")
        << QStringLiteral("   mary    smith  ") << QStringLiteral("Mary Smith");
    QTest::newRow("tabs and newline") << QStringLiteral("mary\tann\n smith") << QStringLiteral("Mary Ann Smith");
    QTest::newRow("all caps") << QStringLiteral("JOHN SMITH") << QStringLiteral("John Smith");
    QTest::newRow("all lower") << QStringLiteral("john smith") << QStringLiteral("John Smith");
    QTest::newRow("mixed case word kept") << QStringLiteral("ronald McDonald") << QStringLiteral("Ronald McDonald");
    QTest::newRow("odd mixed case kept as typed") << QStringLiteral("jOHN sMITH") << QStringLiteral("jOHN sMITH");
    QTest::newRow("lower particle, mixed surname") << QStringLiteral("van der Berg")
                                                  << QStringLiteral("Van Der Berg");
    QTest::newRow("hyphen and apostrophe") << QStringLiteral("mary o'brien-smith")
                                           << QStringLiteral("Mary O'Brien-Smith");
    QTest::newRow("hyphenated first name, caps")
        << QStringLiteral("ANNE-MARIE O'NEILL") << QStringLiteral("Anne-Marie O'Neill");
    QTest::newRow("all caps Mc is not special") << QStringLiteral("MCDONALD") << QStringLiteral("Mcdonald");
    QTest::newRow("initials") << QStringLiteral("j. r. r. tolkien") << QStringLiteral("J. R. R. Tolkien");
    QTest::newRow("accented lower") << QStringLiteral("josé álvarez") << QStringLiteral("José Álvarez");
    QTest::newRow("diaeresis caps") << QStringLiteral("ZOË") << QStringLiteral("Zoë");
    QTest::newRow("accented caps") << QStringLiteral("ÉLODIE D'ARC") << QStringLiteral("Élodie D'Arc");
    QTest::newRow("nordic caps") << QStringLiteral("ÅSA ÖBERG") << QStringLiteral("Åsa Öberg");
    QTest::newRow("greek caps") << QStringLiteral("ΕΛΈΝΗ") << QStringLiteral("Ελένη");
    QTest::newRow("cjk has no case") << QStringLiteral("李 小龍") << QStringLiteral("李 小龍");
    // Case changes per code point: letters outside the Basic Multilingual Plane too.
    QTest::newRow("adlam lower case") << QStringLiteral("\U0001E922\U0001E935")
                                      << QStringLiteral("\U0001E900\U0001E935");
    QTest::newRow("adlam upper case") << QStringLiteral("\U0001E900\U0001E913")
                                      << QStringLiteral("\U0001E900\U0001E935");
    QTest::newRow("deseret lower case") << QStringLiteral("\U00010428\U0001042F \U00010428")
                                        << QStringLiteral("\U00010400\U0001042F \U00010400");
    QTest::newRow("astral cjk has no case") << QStringLiteral("\U00020BB7\U00020BB7")
                                            << QStringLiteral("\U00020BB7\U00020BB7");
    QTest::newRow("typographic apostrophe starts a word") << QStringLiteral("mary o\u2019brien")
                                                          << QStringLiteral("Mary O\u2019Brien");
    QTest::newRow("next line is white space") << QStringLiteral("ann\u0085smith") << QStringLiteral("Ann Smith");
    QTest::newRow("no-break space collapses") << QStringLiteral("zoë\u00a0smith") << QStringLiteral("Zoë Smith");
    QTest::newRow("ideographic space collapses") << QStringLiteral("ab\u3000cd") << QStringLiteral("Ab Cd");
    QTest::newRow("digits start no word (initcap)") << QStringLiteral("r2d2") << QStringLiteral("R2d2");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << QStringLiteral(" \t ") << QString();
}

void TestPersonName::normalizeName()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString normalized = normalizePersonName(input);
    QCOMPARE(normalized, expected);
    QCOMPARE(normalizePersonName(normalized), normalized);   // idempotent
}

void TestPersonName::validName_data()
{
    QTest::addColumn<QString>("input");   // raw, validated after normalisation as the dialog does
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral("   ") << false;
    QTest::newRow("one letter") << QStringLiteral("x") << false;
    QTest::newRow("one letter with dots") << QStringLiteral("x.-'") << false;
    QTest::newRow("separators only") << QStringLiteral(". - '") << false;
    QTest::newRow("digits") << QStringLiteral("R2D2") << false;
    QTest::newRow("at sign") << QStringLiteral("a@b") << false;
    QTest::newRow("sql injection") << QStringLiteral("Robert'); drop") << false;
    QTest::newRow("control character") << QStringLiteral("Ann\u0001e") << false;
    QTest::newRow("escape character") << QStringLiteral("Ann\u001b[31m") << false;
    QTest::newRow("delete character") << QStringLiteral("Ann\u007fe") << false;
    QTest::newRow("bangs") << QStringLiteral("!!") << false;
    QTest::newRow("question mark") << QStringLiteral("Mary?") << false;
    QTest::newRow("slash") << QStringLiteral("Mary/Ann") << false;
    QTest::newRow("angle brackets") << QStringLiteral("<b>Mary</b>") << false;
    QTest::newRow("101 letters") << QString(101, u'a') << false;
    // Counted by code point, not UTF-16 unit; pictographs and other scripts' digits are out.
    QTest::newRow("single emoji") << QStringLiteral("\U0001F600") << false;
    QTest::newRow("two emoji") << QStringLiteral("\U0001F600\U0001F600") << false;
    QTest::newRow("emoji after a name") << QStringLiteral("Mary \U0001F600") << false;
    QTest::newRow("emoji zwj sequence") << QStringLiteral("Mary \U0001F469\u200D\U0001F4BB") << false;
    QTest::newRow("zero-width joiner alone") << QStringLiteral("Ma\u200Dry") << false;
    QTest::newRow("emoji presentation selector") << QStringLiteral("Mary\uFE0F") << false;
    QTest::newRow("heart dingbat") << QStringLiteral("Mary \u2764") << false;
    QTest::newRow("star symbol") << QStringLiteral("Mary \u2B50") << false;
    QTest::newRow("arrow") << QStringLiteral("Mary \u2192 Ann") << false;
    QTest::newRow("copyright") << QStringLiteral("Mary\u00A9") << false;
    QTest::newRow("registered") << QStringLiteral("Mary\u00AE") << false;
    QTest::newRow("trade mark") << QStringLiteral("Mary\u2122") << false;
    QTest::newRow("one astral letter") << QStringLiteral("\U00020BB7") << false;
    QTest::newRow("101 astral letters") << repeated(QStringLiteral("\U00020BB7"), 101) << false;
    QTest::newRow("arabic-indic digit") << QStringLiteral("Ahmad \u0663") << false;
    QTest::newRow("extended arabic-indic digit") << QStringLiteral("Reza \u06F3") << false;
    QTest::newRow("devanagari digit") << QStringLiteral("Ravi \u0967") << false;
    QTest::newRow("bengali digit") << QStringLiteral("Rahim \u09E7") << false;
    QTest::newRow("thai digit") << QStringLiteral("Somchai \u0E51") << false;
    QTest::newRow("full-width digit") << QStringLiteral("Yuki \uFF12") << false;
    QTest::newRow("C1 control character") << QStringLiteral("Ann\u009Ae") << false;
    QTest::newRow("typographic apostrophe is a separator") << QStringLiteral("x\u2019") << false;
    QTest::newRow("right-to-left override") << QStringLiteral("Mary \u202Ehtims") << false;
    QTest::newRow("zero-width space") << QStringLiteral("Ma\u200Bry") << false;
    QTest::newRow("byte-order mark") << QStringLiteral("\uFEFFMary") << false;
    QTest::newRow("double exclamation") << QStringLiteral("Mary\u203C") << false;
    QTest::newRow("information source") << QStringLiteral("\u2139an") << false;
    QTest::newRow("superscript two") << QStringLiteral("Mary\u00B2") << false;
    QTest::newRow("euro sign") << QStringLiteral("Mary \u20AC") << false;

    QTest::newRow("two letters") << QStringLiteral("Li") << true;
    QTest::newRow("hyphen and apostrophe") << QStringLiteral("Anne-Marie O'Neill") << true;
    QTest::newRow("initials") << QStringLiteral("J. R. Smith") << true;
    QTest::newRow("lower case typed") << QStringLiteral("mary o'brien-smith") << true;
    QTest::newRow("accents") << QStringLiteral("josé álvarez") << true;
    QTest::newRow("cjk") << QStringLiteral("李小龍") << true;
    QTest::newRow("astral letters") << QStringLiteral("\U00020BB7田") << true;
    QTest::newRow("100 astral letters") << repeated(QStringLiteral("\U00020BB7"), 100) << true;
    QTest::newRow("adlam") << QStringLiteral("\U0001E922\U0001E935") << true;
    QTest::newRow("typographic apostrophe") << QStringLiteral("Mary O\u2019Brien") << true;
    QTest::newRow("next line is white space, not a control") << QStringLiteral("Ann\u0085e") << true;
    QTest::newRow("100 letters") << QString(100, u'a') << true;
}

void TestPersonName::validName()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(isValidPersonName(normalizePersonName(input)), valid);
}

void TestPersonName::nameLengthLimitIsAHundredCharacters()
{
    // 100 characters with separators: the limit counts the whole normalised name.
    const QString hundred = repeated(QStringLiteral("Abcd "), 19) + QStringLiteral("Abcde");
    QCOMPARE(hundred.size(), 100);
    QVERIFY(isValidPersonName(hundred));
    QVERIFY(!isValidPersonName(hundred + u'f'));
    // Collapsing spaces happens before the limit applies.
    QString spaced = hundred;
    spaced.replace(u' ', QStringLiteral("  \t "));
    QCOMPARE(normalizePersonName(QStringLiteral("  ") + spaced), hundred);
    QVERIFY(isValidPersonName(normalizePersonName(spaced)));
}

void TestPersonName::normalizeEmail_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lower already") << QStringLiteral("jane@example.com") << QStringLiteral("jane@example.com");
    QTest::newRow("mixed case, spaces") << QStringLiteral("  Jane.Doe@Example.COM \t")
                                        << QStringLiteral("jane.doe@example.com");
    QTest::newRow("plus tag kept") << QStringLiteral("Jane+Clinic@Mail.Example.co.UK")
                                   << QStringLiteral("jane+clinic@mail.example.co.uk");
    QTest::newRow("inner space kept") << QStringLiteral("Jane Doe@x.com") << QStringLiteral("jane doe@x.com");
    QTest::newRow("empty means none") << QString() << QString();
    QTest::newRow("blank means none") << QStringLiteral("   ") << QString();
    QTest::newRow("tab and newline trimmed") << QStringLiteral("\tJane@X.com\n") << QStringLiteral("jane@x.com");
    QTest::newRow("no-break and ideographic spaces trimmed") << QStringLiteral("\u00a0Jane@X.com\u3000")
                                                            << QStringLiteral("jane@x.com");
    QTest::newRow("tab only means none") << QStringLiteral("\t") << QString();
    QTest::newRow("no-break space only means none") << QStringLiteral("\u00a0\u2003") << QString();
}

void TestPersonName::normalizeEmail()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(frontdesk::normalizeEmail(input), expected);
}

void TestPersonName::validEmail_data()
{
    QTest::addColumn<QString>("input");   // raw, validated after normalisation
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no domain") << QStringLiteral("jane@") << false;
    QTest::newRow("no at") << QStringLiteral("jane.example.com") << false;
    QTest::newRow("no dot in domain") << QStringLiteral("a@b") << false;
    QTest::newRow("double at") << QStringLiteral("jane@@x.com") << false;
    QTest::newRow("two ats") << QStringLiteral("jane@doe@x.com") << false;
    QTest::newRow("double dot local") << QStringLiteral("jane..doe@x.com") << false;
    QTest::newRow("double dot domain") << QStringLiteral("jane@x..com") << false;
    QTest::newRow("no local part") << QStringLiteral("@x.com") << false;
    QTest::newRow("inner space") << QStringLiteral("jane doe@x.com") << false;
    QTest::newRow("label starts with hyphen") << QStringLiteral("jane@-x.com") << false;
    QTest::newRow("label ends with hyphen") << QStringLiteral("jane@x-.com") << false;
    QTest::newRow("non-ascii local part") << QStringLiteral("élise@x.com") << false;
    QTest::newRow("255 characters") << emailOfLength(255) << false;
    // RFC 5322 dot-atoms neither start nor end with a dot.
    QTest::newRow("local part ends with dot") << QStringLiteral("jane.@x.com") << false;
    QTest::newRow("local part starts with dot") << QStringLiteral(".jane@x.com") << false;
    QTest::newRow("local part is a dot") << QStringLiteral(".@x.com") << false;
    QTest::newRow("domain starts with dot") << QStringLiteral("jane@.x.com") << false;

    QTest::newRow("simple") << QStringLiteral("jane@example.com") << true;
    QTest::newRow("upper case typed") << QStringLiteral(" Jane.Doe@Example.COM ") << true;
    QTest::newRow("plus and apostrophe") << QStringLiteral("o'neil+tag@mail.example.co.uk") << true;
    QTest::newRow("hyphen in domain") << QStringLiteral("j@my-clinic.example") << true;
    QTest::newRow("digits") << QStringLiteral("jane1980@x1.io") << true;
    QTest::newRow("inner dots") << QStringLiteral("j.a.n.e@x.com") << true;
    QTest::newRow("tab and newline around") << QStringLiteral("\tJane@X.com\n") << true;
    QTest::newRow("254 characters") << emailOfLength(254) << true;
}

void TestPersonName::validEmail()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(emailOfLength(254).size(), 254);
    QCOMPARE(emailOfLength(255).size(), 255);
    QCOMPARE(isValidEmail(frontdesk::normalizeEmail(input)), valid);
}

QTEST_GUILESS_MAIN(TestPersonName)
#include "tst_personname.moc"
