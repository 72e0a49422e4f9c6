#pragma once

#include <QColor>

class QLabel;
class QPalette;
class QWidget;

namespace frontdesk {

// How a form shows a field's state, in colours taken from the palette so that they read in light
// and dark themes alike: no colour is fixed, each hue is placed at the palette's own lightness.

// The Base of a field at fault: the palette's Base, tinted towards red.
QColor invalidFieldBase(const QPalette &palette);
// The text of a hint under a field: the palette's WindowText turned red (bad) or green (good).
QColor hintColour(const QPalette &palette, bool good);

// Marks a field as at fault (dynamic property "invalid", for style sheets, and a tinted Base from
// its parent's palette), or clears both. Call it again after the parent's palette changed.
void setFieldInvalid(QWidget *field, bool invalid);
bool isFieldInvalid(const QWidget *field);

// Shows `text` in a hint, with its "valid" property and its colour. Call it again after the
// parent's palette changed.
void setHint(QLabel *hint, bool good, const QString &text);

} // namespace frontdesk
