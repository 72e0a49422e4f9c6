#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace frontdesk::test {

// Measures how long the thread it lives on (the GUI thread) went without running its event
// loop: a timer ticks every 5 ms, and the longest gap between ticks, less the interval, is the
// longest stall.
class StallProbe : public QObject
{
public:
    explicit StallProbe(QObject *parent = nullptr) : QObject(parent)
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            if (gap - m_timer.interval() > m_longestMs)
                m_longestMs = gap - m_timer.interval();
        });
        m_clock.start();
        m_timer.start();
    }

    qint64 longestStallMs() const { return m_longestMs; }
    void reset()
    {
        m_clock.restart();
        m_longestMs = 0;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longestMs = 0;
};

} // namespace frontdesk::test
