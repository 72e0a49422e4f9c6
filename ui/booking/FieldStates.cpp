#include "FieldStates.h"

#include <QLabel>
#include <QPalette>
#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace frontdesk {

namespace {

constexpr float kErrorHue = 0.0f;
constexpr float kGoodHue = 130.0f / 360.0f;
constexpr float kFieldTint = 0.25f;   // how much of the red goes into a field's Base

QColor blend(const QColor &a, const QColor &b, float share)
{
    return QColor::fromRgbF(a.redF() * (1 - share) + b.redF() * share, a.greenF() * (1 - share) + b.greenF() * share,
                            a.blueF() * (1 - share) + b.blueF() * share);
}

// A colour of `hue` about as light as `like` (pulled a little towards the middle, so the hue
// shows): on a dark theme's light text a light red, on a light theme's dark text a dark one.
QColor hueAtLightnessOf(const QColor &like, float hue)
{
    return QColor::fromHslF(hue, 0.75f, 0.5f + (like.lightnessF() - 0.5f) * 0.6f);
}

QPalette paletteAround(const QWidget *widget)
{
    return widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

QColor invalidFieldBase(const QPalette &palette)
{
    // The palette's own highlight, turned red: as strong as the theme's accent, never a fixed colour.
    const QColor accent = palette.color(QPalette::Highlight);
    const QColor red = QColor::fromHslF(kErrorHue, std::max(accent.hslSaturationF(), 0.7f),
                                        std::clamp(accent.lightnessF(), 0.4f, 0.6f));
    return blend(palette.color(QPalette::Base), red, kFieldTint);
}

QColor hintColour(const QPalette &palette, bool good)
{
    return hueAtLightnessOf(palette.color(QPalette::WindowText), good ? kGoodHue : kErrorHue);
}

void setFieldInvalid(QWidget *field, bool invalid)
{
    if (field->property("invalid").toBool() != invalid) {
        field->setProperty("invalid", invalid);
        repolish(field);
    }
    if (!invalid) {
        field->setPalette(QPalette());   // no role of its own: all from the parent again
        return;
    }
    // Only Base is set; every other role still comes from the parent.
    QPalette tinted;
    tinted.setColor(QPalette::Base, invalidFieldBase(paletteAround(field)));
    field->setPalette(tinted);
}

bool isFieldInvalid(const QWidget *field)
{
    return field->property("invalid").toBool();
}

void setHint(QLabel *hint, bool good, const QString &text)
{
    hint->setText(text);
    hint->setProperty("valid", good);
    QPalette coloured;
    coloured.setColor(QPalette::WindowText, hintColour(paletteAround(hint), good));
    hint->setPalette(coloured);
}

} // namespace frontdesk
