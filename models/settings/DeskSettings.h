#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace frontdesk {

// The desk's settings on this PC, typed: each key once, with its default, in DeskSettings.cpp.
// Stored with QSettings under the application's name; tests point it at a file of their own.
// No secret ever goes here (the password is in the system keychain).
namespace DeskSettings {

enum class Key {
    MainWindowGeometry,   // QByteArray
    MainWindowState,      // QByteArray: docks and toolbars
    SoundOnNewBooking,    // bool, default off: a front desk is often a quiet place
    TrayOnNewBooking,     // bool, default on
    ShownTab,             // int: 0 the book, 1 the list
    CacheDaysBack,        // int, default 7: past days kept on this PC for reading offline
    CacheDaysAhead,       // int, default 30: days ahead kept on this PC
};

QVariant value(Key key);
void setValue(Key key, const QVariant &value);

inline bool soundOnNewBooking() { return value(Key::SoundOnNewBooking).toBool(); }
inline bool trayOnNewBooking() { return value(Key::TrayOnNewBooking).toBool(); }
// The days around today the desk cache keeps, each clamped to 0..366 (a hand-edited file).
int cacheDaysBack();
int cacheDaysAhead();

// Settings from this INI file from now on, instead of the user's (tests). Empty: the user's.
void useFile(const QString &path);

} // namespace DeskSettings

} // namespace frontdesk
