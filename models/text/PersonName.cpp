#include "PersonName.h"

#include <QStringList>

namespace frontdesk {

namespace {

// Characters a name may not hold; the database's is_valid_name lists the same ones. Kept as
// explicit ranges rather than Unicode categories so that both sides agree whatever the
// database's locale: ASCII digits and symbols, control characters, other scripts' common
// digits, and pictographs and technical symbols (emoji among them).
bool isForbiddenInName(char32_t c)
{
    static const QString asciiSymbols = QStringLiteral("@#$%^&*()_+=[]{}|\\/<>:;\"!?~`");
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        return true;
    if (c < 0x80)
        return (c >= u'0' && c <= u'9') || asciiSymbols.contains(QChar(c));
    static const std::pair<char32_t, char32_t> ranges[] = {
        { 0x00a9, 0x00a9 }, { 0x00ae, 0x00ae },     // © ®
        { 0x0660, 0x0669 }, { 0x06f0, 0x06f9 },     // Arabic-Indic digits
        { 0x0966, 0x096f }, { 0x09e6, 0x09ef },     // Devanagari, Bengali digits
        { 0x0e50, 0x0e59 },                         // Thai digits
        { 0x200d, 0x200d }, { 0x2122, 0x2122 },     // zero-width joiner (emoji), ™
        { 0x2190, 0x23ff }, { 0x25a0, 0x27bf },     // arrows, maths, technical, shapes, dingbats
        { 0x2b00, 0x2bff }, { 0xfe0f, 0xfe0f },     // more symbols, emoji presentation selector
        { 0xff10, 0xff19 },                         // full-width digits
        { 0x1f000, 0x1faff },                       // pictographs, emoji
    };
    for (const auto &[first, last] : ranges) {
        if (c >= first && c <= last)
            return true;
    }
    return false;
}

bool isNameSeparator(char32_t c)
{
    return QChar::isSpace(c) || c == u'.' || c == u'\'' || c == u'-' || c == 0x2019;
}

// PostgreSQL's initcap(), per code point: a letter or digit after anything else starts a word.
QString initcap(const QString &word)
{
    QString out;
    out.reserve(word.size());
    bool startOfWord = true;
    for (const char32_t c : word.toUcs4()) {
        const char32_t mapped = startOfWord ? QChar::toUpper(c) : QChar::toLower(c);
        out.append(QString::fromUcs4(&mapped, 1));
        startOfWord = !QChar::isLetterOrNumber(c);
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
    const QList<uint> codePoints = normalizedName.toUcs4();
    if (codePoints.size() > 100)
        return false;
    int letters = 0;
    for (const char32_t c : codePoints) {
        if (isForbiddenInName(c))
            return false;
        if (!isNameSeparator(c))
            ++letters;
    }
    return letters >= 2;
}

} // namespace frontdesk
