// One table of inputs for the client's normalisation (models/text: PersonName, EmailAddress,
// PhoneNumbers with libphonenumber) and its database twins (frontdesk.normalize_name,
// is_valid_name, normalize_email, is_valid_email, normalize_phone in 0001_clinic_core.sql).
// Both sides must give the expected column for every row: the booking dialog shows what the
// database will store.

#include "TestDatabase.h"
#include "text/EmailAddress.h"
#include "text/PersonName.h"
#include "text/PhoneNumbers.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <memory>

using namespace frontdesk;

namespace {

enum class Kind { Name, Email, Phone };

struct Row
{
    Kind kind;
    QByteArray tag;
    QString input;
    QString region;     // phones only
    QString expected;   // normalised value; for phones the E.164 text, empty when invalid
    bool valid;         // for phones: !expected.isEmpty()
};

Row name(const char *tag, const QString &input, const QString &expected, bool valid)
{
    return Row{ Kind::Name, QByteArray("name: ") + tag, input, QString(), expected, valid };
}

Row email(const char *tag, const QString &input, const QString &expected, bool valid)
{
    return Row{ Kind::Email, QByteArray("email: ") + tag, input, QString(), expected, valid };
}

Row phone(const char *region, const QString &input, const QString &e164)
{
    const QString r = QString::fromLatin1(region);
    QByteArray shown = input.toUtf8();
    shown.replace('\t', "\\t").replace('\n', "\\n").replace("\u00a0", "\\u00a0").replace("\u3000", "\\u3000");
    return Row{ Kind::Phone, QByteArray("phone ") + region + ": " + shown, input, r, e164, !e164.isEmpty() };
}

QString repeated(const QString &unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

const QList<Row> &table()
{
    static const QList<Row> rows = [] {
        const QString none;
        QList<Row> t;

        // ---- names -------------------------------------------------------------------------
        t << name("title case kept", QStringLiteral("Mary Smith"), QStringLiteral("Mary Smith"), true)
          << name("spaces collapse", QStringLiteral("   mary    smith  "), QStringLiteral("Mary Smith"), true)
          << name("tabs and newlines", QStringLiteral("mary\tann\r\n smith"), QStringLiteral("Mary Ann Smith"), true)
          << name("all caps", QStringLiteral("JOHN SMITH"), QStringLiteral("John Smith"), true)
          << name("mixed case kept", QStringLiteral("ronald McDonald"), QStringLiteral("Ronald McDonald"), true)
          << name("odd mixed case kept", QStringLiteral("jOHN sMITH"), QStringLiteral("jOHN sMITH"), true)
          << name("caps Mc", QStringLiteral("MCDONALD"), QStringLiteral("Mcdonald"), true)
          << name("particles", QStringLiteral("van der Berg"), QStringLiteral("Van Der Berg"), true)
          << name("hyphen, apostrophe", QStringLiteral("mary o'brien-smith"), QStringLiteral("Mary O'Brien-Smith"), true)
          << name("caps hyphen, apostrophe", QStringLiteral("ANNE-MARIE O'NEILL"),
                  QStringLiteral("Anne-Marie O'Neill"), true)
          << name("initials", QStringLiteral("j. r. smith"), QStringLiteral("J. R. Smith"), true)
          << name("accents", QStringLiteral("josé álvarez"), QStringLiteral("José Álvarez"), true)
          << name("diaeresis caps", QStringLiteral("ZOË"), QStringLiteral("Zoë"), true)
          << name("nordic caps", QStringLiteral("ÅSA ÖBERG"), QStringLiteral("Åsa Öberg"), true)
          << name("greek caps", QStringLiteral("ΕΛΈΝΗ"), QStringLiteral("Ελένη"), true)
          << name("cjk", QStringLiteral("李 小龍"), QStringLiteral("李 小龍"), true)
          << name("em space", QStringLiteral("ab\u2003cd"), QStringLiteral("Ab Cd"), true)
          << name("ideographic space", QStringLiteral("\u3000ab\u3000\u3000cd"), QStringLiteral("Ab Cd"), true)
          << name("two letters", QStringLiteral("li"), QStringLiteral("Li"), true)
          << name("100 letters", QString(100, u'a'), u'A' + QString(99, u'a'), true)
          << name("101 letters", QString(101, u'a'), u'A' + QString(100, u'a'), false)
          << name("empty", none, none, false)
          << name("blank", QStringLiteral(" \t "), none, false)
          << name("one letter", QStringLiteral("x"), QStringLiteral("X"), false)
          << name("separators", QStringLiteral("x. - '"), QStringLiteral("X. - '"), false)
          << name("digits", QStringLiteral("R2D2"), QStringLiteral("R2d2"), false)
          << name("at sign", QStringLiteral("a@b"), QStringLiteral("A@B"), false)
          << name("sql injection", QStringLiteral("Robert'); drop"), QStringLiteral("Robert'); Drop"), false)
          << name("control character", QStringLiteral("ann\u0001e"), QStringLiteral("Ann\u0001E"), false)
          << name("delete character", QStringLiteral("Ann\u007fe"), QStringLiteral("Ann\u007fe"), false)
          << name("bangs", QStringLiteral("!!"), QStringLiteral("!!"), false)
          // White space is what QChar::isSpace() calls space, on both sides.
          << name("no-break space", QStringLiteral("\u00a0zoë\u00a0smith "), QStringLiteral("Zoë Smith"), true)
          << name("narrow no-break space", QStringLiteral("zoë\u202fsmith"), QStringLiteral("Zoë Smith"), true)
          << name("next line", QStringLiteral("zoë\u0085smith"), QStringLiteral("Zoë Smith"), true)
          << name("line separator", QStringLiteral("zoë\u2028smith"), QStringLiteral("Zoë Smith"), true)
          << name("ogham space", QStringLiteral("zoë\u1680smith"), QStringLiteral("Zoë Smith"), true)
          << name("white space only", QStringLiteral("\u00a0\u2003\u3000"), none, false)
          // Code points, not UTF-16 units: counted and title-cased one by one.
          << name("one astral letter", QStringLiteral("\U00020BB7"), QStringLiteral("\U00020BB7"), false)
          << name("60 astral letters", repeated(QStringLiteral("\U00020BB7"), 60),
                  repeated(QStringLiteral("\U00020BB7"), 60), true)
          << name("100 astral letters", repeated(QStringLiteral("\U00020BB7"), 100),
                  repeated(QStringLiteral("\U00020BB7"), 100), true)
          << name("101 astral letters", repeated(QStringLiteral("\U00020BB7"), 101),
                  repeated(QStringLiteral("\U00020BB7"), 101), false)
          << name("adlam lower case", QStringLiteral("\U0001E922\U0001E935"), QStringLiteral("\U0001E900\U0001E935"),
                  true)
          << name("deseret caps", QStringLiteral("\U00010400\U00010407"), QStringLiteral("\U00010400\U0001042F"), true)
          // Separators: white space . ' - and the typographic apostrophe.
          << name("typographic apostrophe", QStringLiteral("mary o\u2019brien"), QStringLiteral("Mary O\u2019Brien"),
                  true)
          << name("one letter, typographic apostrophe", QStringLiteral("x\u2019"), QStringLiteral("X\u2019"), false)
          // The explicit forbidden list, shared by both sides.
          << name("single emoji", QStringLiteral("\U0001F600"), QStringLiteral("\U0001F600"), false)
          << name("two emoji", QStringLiteral("\U0001F600\U0001F600"), QStringLiteral("\U0001F600\U0001F600"), false)
          << name("emoji after a name", QStringLiteral("mary \U0001F600"), QStringLiteral("Mary \U0001F600"), false)
          << name("last pictograph", QStringLiteral("Mary\U0001FAFF"), QStringLiteral("Mary\U0001FAFF"), false)
          << name("first pictograph", QStringLiteral("Mary\U0001F000"), QStringLiteral("Mary\U0001F000"), false)
          << name("zero-width joiner", QStringLiteral("Ma\u200dry"), QStringLiteral("Ma\u200dry"), false)
          << name("emoji presentation selector", QStringLiteral("Mary\ufe0f"), QStringLiteral("Mary\ufe0f"), false)
          << name("copyright", QStringLiteral("Mary\u00a9"), QStringLiteral("Mary\u00a9"), false)
          << name("registered", QStringLiteral("Mary\u00ae"), QStringLiteral("Mary\u00ae"), false)
          << name("trade mark", QStringLiteral("Mary\u2122"), QStringLiteral("Mary\u2122"), false)
          << name("arrow", QStringLiteral("Mary\u2190"), QStringLiteral("Mary\u2190"), false)
          << name("technical symbol", QStringLiteral("Mary\u23ff"), QStringLiteral("Mary\u23ff"), false)
          << name("black square", QStringLiteral("Mary\u25a0"), QStringLiteral("Mary\u25a0"), false)
          << name("dingbat", QStringLiteral("Mary\u27bf"), QStringLiteral("Mary\u27bf"), false)
          << name("star", QStringLiteral("Mary\u2b50"), QStringLiteral("Mary\u2b50"), false)
          << name("C1 control", QStringLiteral("Ann\u009ae"), QStringLiteral("Ann\u009ae"), false)
          << name("arabic-indic digit", QStringLiteral("Ahmad \u0663"), QStringLiteral("Ahmad \u0663"), false)
          << name("extended arabic-indic digit", QStringLiteral("Reza \u06f3"), QStringLiteral("Reza \u06f3"), false)
          << name("devanagari digit", QStringLiteral("Ravi \u0967"), QStringLiteral("Ravi \u0967"), false)
          << name("bengali digit", QStringLiteral("Rahim \u09e7"), QStringLiteral("Rahim \u09e7"), false)
          << name("thai digit", QStringLiteral("Somchai \u0e51"), QStringLiteral("Somchai \u0e51"), false)
          << name("full-width digit", QStringLiteral("Yuki \uff12"), QStringLiteral("Yuki \uff12"), false)
          << name("middle dot", QStringLiteral("Gal\u00b7la"), QStringLiteral("Gal\u00b7la"), true)
          // Issue 6: only letters, combining marks, spaces and the punctuation names use.
          // Bidirectional overrides and isolates would make a name display as something else.
          << name("right-to-left override", QStringLiteral("Mary \u202ehtims"), QStringLiteral("Mary \u202eHtims"), false)
          << name("left-to-right override", QStringLiteral("Mary \u202dSmith\u202c"), QStringLiteral("Mary \u202dSmith\u202c"), false)
          << name("isolates", QStringLiteral("\u2066Mary\u2069 \u2067Smith\u2068"),
                  QStringLiteral("\u2066Mary\u2069 \u2067Smith\u2068"), false)
          << name("right-to-left mark", QStringLiteral("Mary\u200f"), QStringLiteral("Mary\u200f"), false)
          << name("zero-width space", QStringLiteral("Ma\u200bry"), QStringLiteral("Ma\u200bry"), false)
          << name("zero-width non-joiner", QStringLiteral("Ma\u200cry"), QStringLiteral("Ma\u200cry"), false)
          << name("byte-order mark", QStringLiteral("Ma\ufeffry"), QStringLiteral("Ma\ufeffry"), false)
          << name("soft hyphen", QStringLiteral("Ma\u00adry"), QStringLiteral("Ma\u00adry"), false)
          << name("combining grapheme joiner", QStringLiteral("Ma\u034fry"), QStringLiteral("Ma\u034fry"), false)
          << name("hangul filler", QStringLiteral("Mary\u3164"), QStringLiteral("Mary\u3164"), false)
          << name("variation selector 17", QStringLiteral("Mary\U000E0100"), QStringLiteral("Mary\U000E0100"), false)
          << name("double exclamation", QStringLiteral("Mary\u203c"), QStringLiteral("Mary\u203c"), false)
          << name("circled letter", QStringLiteral("\u24c2ary"), QStringLiteral("\u24c2ary"), false)
          << name("circled ideograph secret", QStringLiteral("Mary \u3299"), QStringLiteral("Mary \u3299"), false)
          << name("information source (a letter, compatibility form)", QStringLiteral("Mary \u2139"),
                  QStringLiteral("Mary \u2139"), false)
          << name("mathematical digit one", QStringLiteral("Mary \U0001d7d9"), QStringLiteral("Mary \U0001d7d9"), false)
          << name("superscript two", QStringLiteral("Mary\u00b2"), QStringLiteral("Mary\u00b2"), false)
          << name("vulgar fraction", QStringLiteral("Mary \u00bd"), QStringLiteral("Mary \u00bd"), false)
          << name("circled digit", QStringLiteral("Mary \u2460"), QStringLiteral("Mary \u2460"), false)
          << name("roman numeral (a letter number)", QStringLiteral("Henry \u2167"), QStringLiteral("Henry \u2167"), false)
          << name("dollar", QStringLiteral("Mary $"), QStringLiteral("Mary $"), false)
          << name("euro", QStringLiteral("Mary \u20ac"), QStringLiteral("Mary \u20ac"), false)
          << name("pound", QStringLiteral("Mary \u00a3"), QStringLiteral("Mary \u00a3"), false)
          << name("private use", QStringLiteral("Mary\ue000"), QStringLiteral("Mary\ue000"), false)
          << name("unassigned", QStringLiteral("Mary\U0002fffd"), QStringLiteral("Mary\U0002fffd"), false)
          << name("full-width letters", QStringLiteral("\uff2d\uff41\uff52\uff59"),
                  QStringLiteral("\uff2d\uff41\uff52\uff59"), false)
          << name("ligature", QStringLiteral("Mary O\ufb01"), QStringLiteral("Mary O\ufb01"), false)
          << name("mark at the start", QStringLiteral("\u0301Mary"), QStringLiteral("\u0301Mary"), false)
          << name("mark after a space", QStringLiteral("Mary \u0301Ann"), QStringLiteral("Mary \u0301Ann"), false)
          << name("five marks in a row", QStringLiteral("M\u00e0\u0301\u0302\u0303\u0304\u0305ry"),
                  QStringLiteral("M\u00e0\u0301\u0302\u0303\u0304\u0305ry"), false)
          // What names are made of: composed to NFC, combining marks after letters.
          << name("decomposed accent composes", QStringLiteral("jose\u0301"), QStringLiteral("Jos\u00e9"), true)
          << name("mark without a composed form", QStringLiteral("ra\u0331ul"),
                  QStringLiteral("Ra\u0331ul"), true)
          << name("four marks in a row", QStringLiteral("Ma\u0300\u0301\u0302\u0303\u0304ry"),
                  QStringLiteral("M\u00e0\u0301\u0302\u0303\u0304ry"), true)
          << name("devanagari with vowel signs", QStringLiteral("\u092a\u094d\u0930\u093f\u092f\u093e"),
                  QStringLiteral("\u092a\u094d\u0930\u093f\u092f\u093e"), true)
          << name("hebrew with points, reordered by NFC", QStringLiteral("\u05e9\u05c1\u05b8\u05e8\u05b8\u05d4"),
                  QStringLiteral("\u05e9\u05b8\u05c1\u05e8\u05b8\u05d4"), true)
          << name("arabic", QStringLiteral("\u0645\u062d\u0645\u062f"), QStringLiteral("\u0645\u062d\u0645\u062f"), true)
          << name("thai", QStringLiteral("\u0e2a\u0e21\u0e0a\u0e32\u0e22"), QStringLiteral("\u0e2a\u0e21\u0e0a\u0e32\u0e22"), true)
          << name("katakana middle dot", QStringLiteral("\u30b8\u30e7\u30f3\u30fb\u30b9\u30df\u30b9"),
                  QStringLiteral("\u30b8\u30e7\u30f3\u30fb\u30b9\u30df\u30b9"), true)
          << name("comma and hyphen", QStringLiteral("King, Martin\u2010Luther"), QStringLiteral("King, Martin\u2010Luther"), true)
          << name("modifier letter apostrophe", QStringLiteral("Hawai\u02bbi"), QStringLiteral("Hawai\u02bbi"), true)
          // Only cased letters and digits continue a word: the letter after an uncased one starts one.
          << name("okina starts a word", QStringLiteral("\u02bbolelo"), QStringLiteral("\u02bbOlelo"), true)
          // Full case mappings on both sides: sharp s is cased (its capital is SS) and continues the
          // word; dotted capital I lower-cases to i and a combining dot; a mapping that decomposes
          // is composed again.
          << name("sharp s inside a word", QStringLiteral("meißner"), QStringLiteral("Meißner"), true)
          // (ß has no single capital: typed among capitals, the word counts as mixed case and is kept)
          << name("sharp s among capitals", QStringLiteral("MEIßNER"), QStringLiteral("MEIßNER"), true)
          << name("dotted capital I", QStringLiteral("EL\u0130F"), QStringLiteral("Eli\u0307f"), true)
          << name("upper case that decomposes", QStringLiteral("\u0390ota"), QStringLiteral("\u03aa\u0301ota"), true);

        // ---- emails ------------------------------------------------------------------------
        t << email("simple", QStringLiteral("jane@example.com"), QStringLiteral("jane@example.com"), true)
          << email("case and spaces", QStringLiteral("  Jane.Doe@Example.COM "), QStringLiteral("jane.doe@example.com"), true)
          << email("plus, apostrophe", QStringLiteral("O'Neil+Tag@Mail.Example.co.uk"),
                   QStringLiteral("o'neil+tag@mail.example.co.uk"), true)
          << email("hyphen domain", QStringLiteral("j@my-clinic.example"), QStringLiteral("j@my-clinic.example"), true)
          << email("254 characters", QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.'
                                         + QString(57, u'd') + QStringLiteral(".com"),
                   QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.' + QString(57, u'd')
                       + QStringLiteral(".com"),
                   true)
          << email("255 characters", QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.'
                                         + QString(58, u'd') + QStringLiteral(".com"),
                   QString(64, u'a') + u'@' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.' + QString(58, u'd')
                       + QStringLiteral(".com"),
                   false)
          << email("empty means none", none, none, false)
          << email("blank means none", QStringLiteral("   "), none, false)
          << email("no domain", QStringLiteral("jane@"), QStringLiteral("jane@"), false)
          << email("no at", QStringLiteral("jane.example.com"), QStringLiteral("jane.example.com"), false)
          << email("no dot in domain", QStringLiteral("a@b"), QStringLiteral("a@b"), false)
          << email("double at", QStringLiteral("jane@@x.com"), QStringLiteral("jane@@x.com"), false)
          << email("double dot", QStringLiteral("jane..doe@x.com"), QStringLiteral("jane..doe@x.com"), false)
          << email("inner space", QStringLiteral("Jane Doe@x.com"), QStringLiteral("jane doe@x.com"), false)
          << email("hyphen label", QStringLiteral("jane@-x.com"), QStringLiteral("jane@-x.com"), false)
          << email("non-ascii", QStringLiteral("ÉLISE@X.COM"), QStringLiteral("élise@x.com"), false)
          << email("tab and newline", QStringLiteral("\tJane@X.com\n"), QStringLiteral("jane@x.com"), true)
          << email("no-break and ideographic spaces", QStringLiteral("\u00a0Jane@X.com\u3000"),
                   QStringLiteral("jane@x.com"), true)
          << email("tab only means none", QStringLiteral("\t"), none, false)
          << email("no-break space only means none", QStringLiteral("\u00a0\u2003"), none, false)
          << email("local part ends with dot", QStringLiteral("jane.@x.com"), QStringLiteral("jane.@x.com"), false)
          << email("local part starts with dot", QStringLiteral(".jane@x.com"), QStringLiteral(".jane@x.com"), false)
          << email("inner dots", QStringLiteral("J.A.Ne@x.com"), QStringLiteral("j.a.ne@x.com"), true);

        // ---- phones ------------------------------------------------------------------------
        // Rows where libphonenumber and the SQL rules legitimately differ are in
        // knownPhoneDisagreements() below, not here.
        t << phone("US", QStringLiteral("(415) 555-2671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("415.555.2671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("(415)555-2671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("+1 415 555 2671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("1-415-555-2671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("\t(415) 555-2671\n"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("415\t555\t2671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("415\u00a0555\u00a02671"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("\u3000(415)\u2003555-2671\u00a0"), QStringLiteral("+14155552671"))
          << phone("US", QStringLiteral("\u00a0\t"), none)
          << phone("US", QStringLiteral("(212) 555-0123"), QStringLiteral("+12125550123"))
          << phone("US", QStringLiteral("800-555-0199"), QStringLiteral("+18005550199"))
          << phone("US", QStringLiteral("011 44 20 7946 0958"), QStringLiteral("+442079460958"))
          << phone("US", QStringLiteral("+44 (0)20 7946 0958"), QStringLiteral("+442079460958"))
          << phone("US", QStringLiteral("+49 (0)30 1234567"), QStringLiteral("+49301234567"))
          << phone("US", QStringLiteral("+81 3 1234 5678"), QStringLiteral("+81312345678"))
          << phone("US", QStringLiteral("+358 40 1234567"), QStringLiteral("+358401234567"))
          << phone("US", QStringLiteral("12"), none)
          << phone("US", none, none)
          << phone("US", QStringLiteral("415-555-267a"), none)
          << phone("US", QStringLiteral("+1 415 555 2671 ext 5"), none)
          << phone("US", QStringLiteral("415-555-2671 x5"), none)
          << phone("US", QStringLiteral("415-555-2671#5"), none)
          // Characters libphonenumber would read but the database refuses; the desk refuses them
          // too, so it never calls a number valid that the database then turns down.
          << phone("US", QStringLiteral("1-800-FLOWERS"), none)
          << phone("US", QStringLiteral("\uff14\uff11\uff15 \uff15\uff15\uff15 \uff12\uff16\uff17\uff11"), none)
          << phone("US", QStringLiteral("415\u200b555\u200b2671"), none)
          << phone("US", QStringLiteral("++1 415 555 2671"), none)
          << phone("US", QStringLiteral("555-1234"), none)
          << phone("US", QStringLiteral("(212) 155-1234"), none)
          << phone("US", QStringLiteral("(415) 555-26711"), none)
          << phone("US", QStringLiteral("+999 123"), none)
          << phone("CA", QStringLiteral("(604) 555-0123"), QStringLiteral("+16045550123"))
          << phone("CA", QStringLiteral("(604) 555-012"), none)
          << phone("GB", QStringLiteral("07911 123456"), QStringLiteral("+447911123456"))
          << phone("GB", QStringLiteral("7911 123456"), QStringLiteral("+447911123456"))
          << phone("GB", QStringLiteral("+44 (0)20 7946 0958"), QStringLiteral("+442079460958"))
          << phone("GB", QStringLiteral("020 7946 0958"), QStringLiteral("+442079460958"))
          << phone("GB", QStringLiteral("0161 496 0000"), QStringLiteral("+441614960000"))
          << phone("GB", QStringLiteral("0800 123 4567"), QStringLiteral("+448001234567"))
          << phone("GB", QStringLiteral("00 1 415 555 2671"), QStringLiteral("+14155552671"))
          << phone("GB", QStringLiteral("00 353 87 123 4567"), QStringLiteral("+353871234567"))
          << phone("GB", QStringLiteral("07911 12345"), none)
          << phone("GB", QStringLiteral("+44 7911 12345"), none)
          << phone("AU", QStringLiteral("0412 345 678"), QStringLiteral("+61412345678"))
          << phone("AU", QStringLiteral("(02) 9374 4000"), QStringLiteral("+61293744000"))
          << phone("AU", QStringLiteral("+61 412 345 678"), QStringLiteral("+61412345678"))
          << phone("AU", QStringLiteral("0011 1 415 555 2671"), QStringLiteral("+14155552671"))
          << phone("AU", QStringLiteral("0011 61 412 345 678"), QStringLiteral("+61412345678"))
          << phone("AU", QStringLiteral("0412 345 67"), none)
          << phone("DE", QStringLiteral("030 1234567"), QStringLiteral("+49301234567"))
          << phone("DE", QStringLiteral("0151 23456789"), QStringLiteral("+4915123456789"))
          << phone("DE", QStringLiteral("089 12345678"), QStringLiteral("+498912345678"))
          << phone("DE", QStringLiteral("+49 30 1234567"), QStringLiteral("+49301234567"))
          << phone("DE", QStringLiteral("030"), none)
          << phone("FR", QStringLiteral("06 12 34 56 78"), QStringLiteral("+33612345678"))
          << phone("FR", QStringLiteral("01 23 45 67 89"), QStringLiteral("+33123456789"))
          << phone("FR", QStringLiteral("+33 (0)6 12 34 56 78"), QStringLiteral("+33612345678"))
          << phone("FR", QStringLiteral("08 00 12 34 56"), QStringLiteral("+33800123456"))
          << phone("FR", QStringLiteral("06 12 34 56"), none)
          << phone("FR", QStringLiteral("06 12 34 56 78 9"), none)
          << phone("IE", QStringLiteral("087 123 4567"), QStringLiteral("+353871234567"))
          << phone("IE", QStringLiteral("01 234 5678"), QStringLiteral("+35312345678"))
          << phone("IE", QStringLiteral("021 123 4567"), QStringLiteral("+353211234567"))
          << phone("IE", QStringLiteral("+353 87 123 4567"), QStringLiteral("+353871234567"))
          << phone("IE", QStringLiteral("087 123"), none)
          << phone("NZ", QStringLiteral("021 123 4567"), QStringLiteral("+64211234567"))
          << phone("NZ", QStringLiteral("027 123 4567"), QStringLiteral("+64271234567"))
          << phone("NZ", QStringLiteral("09 379 4567"), QStringLiteral("+6493794567"))
          << phone("NZ", QStringLiteral("+64 21 123 4567"), QStringLiteral("+64211234567"))
          << phone("NZ", QStringLiteral("03 123 456"), none)
          << phone("NZ", QStringLiteral("021 12"), none);
        return t;
    }();
    return rows;
}

QString text(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestNormalizationParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void tableCoversEveryRegionOfTheDatabase();
    void cppMatchesExpected_data();
    void cppMatchesExpected();
    void sqlMatchesExpected_data();
    void sqlMatchesExpected();
    void knownPhoneDisagreements_data();
    void knownPhoneDisagreements();
    void nameCharactersAgreeOnEveryCodePoint();

private:
    void addTableColumns();
    QList<QVariant> sqlRow(const QString &sql, const QList<QVariant> &values);

    std::unique_ptr<test::TestDatabase> m_db;
};

void TestNormalizationParity::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->isValid())
        QFAIL(qPrintable(m_db->error()));
    QVERIFY2(m_db->connection().isOpen(), qPrintable(m_db->connection().lastError().text()));
}

void TestNormalizationParity::cleanupTestCase()
{
    m_db.reset();
}

// The database's table of name letters and marks against Qt's Unicode tables, over every code
// point both know (Qt 6.4 and the table are Unicode 14.0; a newer Qt knows more, and the
// database refuses what it does not list, so only points assigned by 14.0 are compared).
void TestNormalizationParity::nameCharactersAgreeOnEveryCodePoint()
{
    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(QStringLiteral("select lower(code_points), upper(code_points), kind from frontdesk.name_characters")),
             qPrintable(q.lastError().text()));
    QHash<char32_t, NameCharacterKind> database;
    while (q.next()) {
        const auto kind = q.value(2).toString() == u"L" ? NameCharacterKind::Letter : NameCharacterKind::Mark;
        for (uint c = q.value(0).toUInt(); c < q.value(1).toUInt(); ++c)
            database.insert(c, kind);
    }
    QVERIFY(database.size() > 100000);

    QStringList disagreements;
    int compared = 0;
    for (char32_t c = 0; c <= 0x10ffff; ++c) {
        const QChar::UnicodeVersion version = QChar::unicodeVersion(c);
        if (version == QChar::Unicode_Unassigned || version > QChar::Unicode_14_0)
            continue;
        ++compared;
        const NameCharacterKind cpp = nameCharacterKind(c);
        if (cpp == NameCharacterKind::Space || cpp == NameCharacterKind::Punctuation)
            continue;   // listed by name_character_kind itself, not the table
        const NameCharacterKind sql = database.value(c, NameCharacterKind::Refused);
        if (cpp != sql && disagreements.size() < 20)
            disagreements << QStringLiteral("U+%1").arg(uint(c), 4, 16, QChar(u'0'));
    }
    QVERIFY(compared > 140000);
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u", ")));

    // And name_character_kind, which adds the space and punctuation, for a sample of each kind.
    for (const char32_t c : { char32_t(u' '), char32_t(u'.'), char32_t(0x2019), char32_t(0x30fb), char32_t(u'a'),
                              char32_t(0x0301), char32_t(0x202e), char32_t(u'$'), char32_t(0x1f600) }) {
        const QList<QVariant> row = sqlRow(QStringLiteral("select coalesce(frontdesk.name_character_kind(chr(?)), '?')"),
                                           { uint(c) });
        QVERIFY(!row.isEmpty());
        const char *symbol = "?";
        switch (nameCharacterKind(c)) {
        case NameCharacterKind::Letter: symbol = "L"; break;
        case NameCharacterKind::Mark: symbol = "M"; break;
        case NameCharacterKind::Space: symbol = " "; break;
        case NameCharacterKind::Punctuation: symbol = "P"; break;
        case NameCharacterKind::Refused: break;
        }
        QCOMPARE(row.at(0).toString(), QString::fromLatin1(symbol));
    }
}

QList<QVariant> TestNormalizationParity::sqlRow(const QString &sql, const QList<QVariant> &values)
{
    QSqlQuery q(m_db->connection());
    if (!q.prepare(sql)) {
        qWarning("prepare failed: %s", qPrintable(q.lastError().text()));
        return {};
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning("%s failed: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    QList<QVariant> out;
    for (int i = 0; i < q.record().count(); ++i)
        out.append(q.value(i));
    return out;
}

void TestNormalizationParity::tableCoversEveryRegionOfTheDatabase()
{
    int phones = 0;
    QMap<QString, int> valid;
    QMap<QString, int> invalid;
    for (const Row &row : table()) {
        if (row.kind != Kind::Phone)
            continue;
        ++phones;
        (row.valid ? valid : invalid)[row.region] += 1;
    }
    QVERIFY2(phones >= 25, qPrintable(QString::number(phones)));

    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(QStringLiteral("select region from frontdesk.phone_regions order by region")),
             qPrintable(q.lastError().text()));
    QStringList regions;
    while (q.next())
        regions.append(q.value(0).toString());
    QCOMPARE(regions.size(), 8);
    for (const QString &region : std::as_const(regions)) {
        QVERIFY2(valid.value(region) >= 1, qPrintable(QStringLiteral("no valid number for ") + region));
        QVERIFY2(invalid.value(region) >= 1, qPrintable(QStringLiteral("no invalid number for ") + region));
    }
}

void TestNormalizationParity::addTableColumns()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("valid");
    for (const Row &row : table())
        QTest::newRow(row.tag.constData()) << row.kind << row.input << row.region << row.expected << row.valid;
}

void TestNormalizationParity::cppMatchesExpected_data()
{
    addTableColumns();
}

void TestNormalizationParity::cppMatchesExpected()
{
    QFETCH(Kind, kind);
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, expected);
    QFETCH(bool, valid);

    QString normalized;
    bool isValid = false;
    switch (kind) {
    case Kind::Name:
        normalized = normalizePersonName(input);
        isValid = isValidPersonName(normalized);
        break;
    case Kind::Email:
        normalized = normalizeEmail(input);
        isValid = isValidEmail(normalized);
        break;
    case Kind::Phone: {
        const PhoneCheck check = checkPhoneNumber(input, region);
        normalized = check.e164;
        isValid = check.valid;
        break;
    }
    }
    QCOMPARE(normalized, expected);
    QCOMPARE(isValid, valid);
}

void TestNormalizationParity::sqlMatchesExpected_data()
{
    addTableColumns();
}

void TestNormalizationParity::sqlMatchesExpected()
{
    QFETCH(Kind, kind);
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, expected);
    QFETCH(bool, valid);

    QList<QVariant> result;
    switch (kind) {
    case Kind::Name:
        result = sqlRow(QStringLiteral("select n, coalesce(frontdesk.is_valid_name(n), false) "
                                       "from (select frontdesk.normalize_name(?::text) as n) s"),
                        { input });
        break;
    case Kind::Email:
        result = sqlRow(QStringLiteral("select e, coalesce(frontdesk.is_valid_email(e), false) "
                                       "from (select frontdesk.normalize_email(?::text) as e) s"),
                        { input });
        break;
    case Kind::Phone:
        result = sqlRow(QStringLiteral("select p, p is not null from (select frontdesk.normalize_phone(?::text, ?::text) as p) s"),
                        { input, region });
        break;
    }
    QCOMPARE(result.size(), 2);
    if (kind != Kind::Name && expected.isEmpty()) {
        // "No email" and "not a phone number" are NULL in the database, never ''.
        QVERIFY2(result.at(0).isNull(), qPrintable(text(result.at(0))));
    } else {
        QCOMPARE(text(result.at(0)), expected);
    }
    QCOMPARE(result.at(1).toBool(), valid);
}

void TestNormalizationParity::knownPhoneDisagreements_data()
{
    // Where libphonenumber and the database's regex rules cannot agree. Pinned as they are so a
    // change on either side shows up here; a row that starts to agree moves to the shared table.
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("cpp");
    QTest::addColumn<QString>("sql");

    // Unassigned area code: libphonenumber knows no (999) area; the SQL rules check NANP shape only.
    QTest::newRow("US unassigned area code 999") << QStringLiteral("(999) 555-1234") << QStringLiteral("US")
                                                 << QString() << QStringLiteral("+19995551234");
    // Ofcom's drama range: libphonenumber marks 07700 900xxx as not a real number; SQL sees a 07 mobile.
    QTest::newRow("GB drama range 07700 900xxx") << QStringLiteral("07700 900123") << QStringLiteral("GB")
                                                 << QString() << QStringLiteral("+447700900123");
    // NZ local numbers cannot start with 1 in libphonenumber's metadata; SQL checks length only.
    QTest::newRow("NZ Auckland local number starting 1") << QStringLiteral("09 123 4567") << QStringLiteral("NZ")
                                                         << QString() << QStringLiteral("+6491234567");
    // AU 13/1300 local-rate numbers: libphonenumber knows them, the SQL rules have no pattern for them.
    QTest::newRow("AU 1300 local-rate number") << QStringLiteral("1300 123 456") << QStringLiteral("AU")
                                               << QStringLiteral("+611300123456") << QString();
}

void TestNormalizationParity::knownPhoneDisagreements()
{
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(QString, cpp);
    QFETCH(QString, sql);
    QCOMPARE(checkPhoneNumber(input, region).e164, cpp);
    const QList<QVariant> result = sqlRow(QStringLiteral("select frontdesk.normalize_phone(?::text, ?::text)"),
                                          { input, region });
    QCOMPARE(result.size(), 1);
    QCOMPARE(text(result.at(0)), sql);
}

QTEST_GUILESS_MAIN(TestNormalizationParity)
#include "tst_normalizationparity.moc"
