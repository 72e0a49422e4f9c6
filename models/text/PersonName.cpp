#include "PersonName.h"

#include <QRegularExpression>
#include <QStringList>

namespace frontdesk {

namespace {

// PostgreSQL's initcap(): a letter or digit after a non-alphanumeric starts a word.
QString initcap(const QString &word)
{
    QString out;
    out.reserve(word.size());
    bool startOfWord = true;
    for (const QChar c : word) {
        out.append(startOfWord ? c.toUpper() : c.toLower());
        startOfWord = !c.isLetterOrNumber();
    }
    return out;
}

} // namespace

QString normalizePersonName(const QString &name)
{
    const QStringList words = name.simplified().split(u' ', Qt::SkipEmptyParts);
    QStringList out;
    out.reserve(words.size());
    for (const QString &word : words) {
        if (word == word.toLower() || word == word.toUpper())
            out.append(initcap(word));
        else
            out.append(word);
    }
    return out.join(u' ');
}

bool isValidPersonName(const QString &normalizedName)
{
    static const QRegularExpression forbidden(QStringLiteral(R"([\d\x00-\x1f\x7f@#$%^&*()_+=\[\]{}|\\/<>:;"!?~`])"));
    static const QRegularExpression separators(QStringLiteral(R"([\s.'-])"));
    if (normalizedName.size() > 100 || normalizedName.contains(forbidden))
        return false;
    QString letters = normalizedName;
    letters.remove(separators);
    return letters.size() >= 2;
}

} // namespace frontdesk
