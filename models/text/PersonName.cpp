#include "PersonName.h"

#include <QStringList>

namespace frontdesk {

namespace {

// The database's title_case_word, per code point: cased letters and ASCII digits continue a word,
// and the character after anything else (a space, an apostrophe, an uncased letter such as the
// Hawaiian ʻokina) starts one. Combining marks belong to the letter before them: kept as they
// are, and they change nothing.
// Case is mapped with the full (string) mappings, as the database's ICU does: "ß" upper-cases to
// "SS", so it is a cased letter and "meißner" stays one word.
QString initcap(const QString &word)
{
    QString out;
    out.reserve(word.size());
    bool startOfWord = true;
    for (const char32_t c : word.toUcs4()) {
        const QString single = QString::fromUcs4(&c, 1);
        if (nameCharacterKind(c) == NameCharacterKind::Mark) {
            out.append(single);
            continue;
        }
        const QString upper = single.toUpper();
        const QString lower = single.toLower();
        out.append(startOfWord ? upper : lower);
        startOfWord = !((c >= u'0' && c <= u'9') || upper != lower);
    }
    return out;
}

bool isNamePunctuation(char32_t c)
{
    // . , ' - ’ ‐ · ・ : the database's name_character_kind lists the same.
    switch (c) {
    case u'.': case u',': case u'\'': case u'-': case 0x2019: case 0x2010: case 0x00b7: case 0x30fb:
        return true;
    default:
        return false;
    }
}

// Letters and marks that show nothing: the default-ignorable ones (the combining grapheme joiner,
// Hangul fillers, Khmer inherent vowels, Mongolian and other variation selectors). The database's
// name_characters table leaves out the same code points.
bool isInvisible(char32_t c)
{
    static const std::pair<char32_t, char32_t> ranges[] = {
        { 0x034f, 0x034f }, { 0x115f, 0x1160 }, { 0x17b4, 0x17b5 }, { 0x180b, 0x180d },
        { 0x180f, 0x180f }, { 0xfe00, 0xfe0f }, { 0xe0100, 0xe01ef },
    };
    for (const auto &[first, last] : ranges) {
        if (c >= first && c <= last)
            return true;
    }
    return false;
}

} // namespace

NameCharacterKind nameCharacterKind(char32_t c)
{
    if (c == u' ')
        return NameCharacterKind::Space;
    if (isNamePunctuation(c))
        return NameCharacterKind::Punctuation;
    // The database's table is Unicode 14.0: a newer Qt must not accept what it refuses.
    if (isInvisible(c) || QChar::unicodeVersion(c) > QChar::Unicode_14_0)
        return NameCharacterKind::Refused;
    NameCharacterKind kind;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase: case QChar::Letter_Lowercase: case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier: case QChar::Letter_Other:
        kind = NameCharacterKind::Letter;
        break;
    case QChar::Mark_NonSpacing: case QChar::Mark_SpacingCombining: case QChar::Mark_Enclosing:
        kind = NameCharacterKind::Mark;
        break;
    default:
        return NameCharacterKind::Refused;
    }
    // Compatibility characters look like letters but are symbols or other forms of a letter.
    const QString single = QString::fromUcs4(&c, 1);
    return single.normalized(QString::NormalizationForm_KC) == single ? kind : NameCharacterKind::Refused;
}

QString normalizePersonName(const QString &name)
{
    const QStringList words = name.normalized(QString::NormalizationForm_C).simplified().split(u' ', Qt::SkipEmptyParts);
    QStringList out;
    out.reserve(words.size());
    for (const QString &word : words) {
        if (word == word.toLower() || word == word.toUpper())
            out.append(initcap(word));
        else
            out.append(word);
    }
    // Case mapping can decompose (upper-casing "ΐ" gives three code points): compose again.
    return out.join(u' ').normalized(QString::NormalizationForm_C);
}

bool isValidPersonName(const QString &normalizedName)
{
    const QList<uint> codePoints = normalizedName.toUcs4();
    if (codePoints.size() > 100 || normalizedName.normalized(QString::NormalizationForm_C) != normalizedName)
        return false;
    int letters = 0;
    int marksInARow = 0;
    NameCharacterKind previous = NameCharacterKind::Space;
    for (const char32_t c : codePoints) {
        const NameCharacterKind kind = nameCharacterKind(c);
        switch (kind) {
        case NameCharacterKind::Refused:
            return false;
        case NameCharacterKind::Mark:
            if ((previous != NameCharacterKind::Letter && previous != NameCharacterKind::Mark) || ++marksInARow > 4)
                return false;
            break;
        case NameCharacterKind::Letter:
            ++letters;
            marksInARow = 0;
            break;
        default:
            marksInARow = 0;
            break;
        }
        previous = kind;
    }
    return letters >= 2;
}

} // namespace frontdesk
