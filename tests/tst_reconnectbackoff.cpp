// The waits between attempts to reach the database again: bounded, growing, and spread.
#include "db/ReconnectBackoff.h"

#include <QtTest>

#include <algorithm>

using namespace frontdesk;

class TestReconnectBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitsGrowToAQuarterMinute();
    void manyDesksSpreadTheirFirstAttemptOverASecond();
    void aConnectionStartsAgainFromTheFirstSecond();
};

void TestReconnectBackoff::waitsGrowToAQuarterMinute()
{
    QRandomGenerator random(7);
    ReconnectBackoff backoff(&random);
    const int ceilings[] = { 1000, 2000, 4000, 8000, 15000, 15000, 15000 };
    int previousCeiling = 0;
    for (const int ceiling : ceilings) {
        const int wait = backoff.next();
        const int floor = previousCeiling == 0 ? 0 : ceiling / 2;
        QVERIFY2(wait >= floor && wait < ceiling, qPrintable(QStringLiteral("%1 not in [%2, %3)").arg(wait).arg(floor).arg(ceiling)));
        previousCeiling = ceiling;
    }
}

void TestReconnectBackoff::manyDesksSpreadTheirFirstAttemptOverASecond()
{
    // 200 desks lose the server at once: their first attempts fill the first second, not a
    // moment of it; no tenth of the second holds more than a fifth of them.
    QList<int> firsts;
    for (int desk = 0; desk < 200; ++desk) {
        QRandomGenerator random(quint32(1000 + desk));
        firsts.append(ReconnectBackoff(&random).next());
    }
    QList<int> perTenth(10, 0);
    for (const int first : firsts) {
        QVERIFY(first >= 0 && first < 1000);
        ++perTenth[first / 100];
    }
    QVERIFY2(*std::max_element(perTenth.cbegin(), perTenth.cend()) <= 40, "the first attempts come in a burst");
    QVERIFY(*std::min_element(perTenth.cbegin(), perTenth.cend()) > 0);
}

void TestReconnectBackoff::aConnectionStartsAgainFromTheFirstSecond()
{
    QRandomGenerator random(3);
    ReconnectBackoff backoff(&random);
    for (int i = 0; i < 6; ++i)
        backoff.next();
    QVERIFY(backoff.next() >= 7500);
    backoff.reset();
    QVERIFY(backoff.next() < 1000);
}

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"
