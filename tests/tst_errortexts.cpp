#include "text/ErrorTexts.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace frontdesk;
using namespace Qt::StringLiterals;

// One catalogue of plain words for every code the clinic database documents.
class TestErrorTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDocumentedCodeHasPlainWords();
    void theDesksOwnCodesHavePlainWords();
    void anUnknownCodeStillGetsASentence();
};

void TestErrorTexts::everyDocumentedCodeHasPlainWords()
{
    QFile reference(QStringLiteral(FRONTDESK_MIGRATIONS_README));
    QVERIFY2(reference.open(QIODevice::ReadOnly), FRONTDESK_MIGRATIONS_README);
    const QString text = QString::fromUtf8(reference.readAll());
    // Codes are written `LIKE_THIS` in the reference.
    static const QRegularExpression code(u"`([A-Z][A-Z_]{3,})`"_s);
    // SQL words the reference quotes the same way.
    const QStringList sqlWords{ u"LIKE"_s, u"ILIKE"_s, u"NOTIFY"_s, u"LISTEN"_s, u"SERIALIZABLE"_s, u"REQUEST"_s,
                                u"CANCEL"_s };
    QStringList missing;
    int seen = 0;
    for (auto match = code.globalMatch(text); match.hasNext();) {
        const QString c = match.next().captured(1);
        ++seen;
        if (!hasErrorText(c) && !missing.contains(c) && !sqlWords.contains(c))
            missing.append(c);
    }
    QVERIFY2(seen > 40, "the reference's codes were not found: has its format changed?");
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
}

void TestErrorTexts::theDesksOwnCodesHavePlainWords()
{
    for (const char *c : { "OFFLINE", "CONNECTION_LOST", "DATABASE_ERROR", "BAD_RESPONSE" }) {
        QVERIFY2(hasErrorText(QLatin1String(c)), c);
        const QString words = errorText(QLatin1String(c));
        // Plain words: never the code itself in the sentence.
        QVERIFY2(!words.contains(QLatin1String(c)), qPrintable(words));
    }
}

void TestErrorTexts::anUnknownCodeStillGetsASentence()
{
    QVERIFY(!hasErrorText(u"SOMETHING_NEW"_s));
    const QString words = errorText(u"SOMETHING_NEW"_s);
    QVERIFY(!words.isEmpty());
    QVERIFY(!words.contains(u"SOMETHING_NEW"_s));
}

QTEST_GUILESS_MAIN(TestErrorTexts)
#include "tst_errortexts.moc"
