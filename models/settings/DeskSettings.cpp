#include "DeskSettings.h"

#include <QSettings>

#include <algorithm>
#include <memory>

namespace frontdesk::DeskSettings {

namespace {

struct Definition
{
    Key key;
    const char *name;
    QVariant defaultValue;
};

const Definition &definitionOf(Key key)
{
    static const Definition definitions[] = {
        { Key::MainWindowGeometry, "window/geometry", QByteArray() },
        { Key::MainWindowState, "window/state", QByteArray() },
        { Key::SoundOnNewBooking, "alerts/sound", false },
        { Key::TrayOnNewBooking, "alerts/tray", true },
        { Key::ShownTab, "window/tab", 0 },
        { Key::CacheDaysBack, "cache/days_back", 7 },
        { Key::CacheDaysAhead, "cache/days_ahead", 30 },
    };
    for (const Definition &d : definitions) {
        if (d.key == key)
            return d;
    }
    Q_UNREACHABLE();
}

QString &filePath()
{
    static QString path;
    return path;
}

std::unique_ptr<QSettings> open()
{
    if (filePath().isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(filePath(), QSettings::IniFormat);
}

} // namespace

QVariant value(Key key)
{
    const Definition &d = definitionOf(key);
    const QVariant stored = open()->value(QLatin1String(d.name), d.defaultValue);
    // A hand-edited file must not turn a setting into another type.
    QVariant typed = stored;
    if (!typed.convert(d.defaultValue.metaType()))
        return d.defaultValue;
    return typed;
}

void setValue(Key key, const QVariant &value)
{
    open()->setValue(QLatin1String(definitionOf(key).name), value);
}

void useFile(const QString &path)
{
    filePath() = path;
}

int cacheDaysBack()
{
    return std::clamp(value(Key::CacheDaysBack).toInt(), 0, 366);
}

int cacheDaysAhead()
{
    return std::clamp(value(Key::CacheDaysAhead).toInt(), 0, 366);
}

} // namespace frontdesk::DeskSettings
