#pragma once

#include <QRandomGenerator>

namespace frontdesk {

// How long a desk waits before each attempt to reach the database again. Every desk of a clinic
// loses the server at the same moment (a restart, a failover): the first attempt falls anywhere in
// the first second, then each wait is drawn from the upper half of a ceiling that doubles up to a
// quarter of a minute, so the desks never come back in step and a server that stays away is
// asked a few times a minute, not hammered.
class ReconnectBackoff
{
public:
    static constexpr int kFirstCeilingMs = 1000;
    static constexpr int kLongestCeilingMs = 15000;

    explicit ReconnectBackoff(QRandomGenerator *random = QRandomGenerator::global()) : m_random(random) { }

    // The wait before the next attempt, in milliseconds.
    int next()
    {
        const int ceiling = m_ceilingMs;
        const int floor = m_attempts == 0 ? 0 : ceiling / 2;
        m_ceilingMs = qMin(m_ceilingMs * 2, kLongestCeilingMs);
        ++m_attempts;
        return floor + int(m_random->bounded(quint32(ceiling - floor)));
    }

    // Connected: the next loss starts from the first second again.
    void reset()
    {
        m_ceilingMs = kFirstCeilingMs;
        m_attempts = 0;
    }

private:
    QRandomGenerator *m_random;
    int m_ceilingMs = kFirstCeilingMs;
    int m_attempts = 0;
};

} // namespace frontdesk
