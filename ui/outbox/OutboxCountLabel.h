#pragma once

#include <QLabel>

namespace frontdesk {

class Outbox;

// The status bar's count of what the outbox holds ("Outbox: 2 waiting, 1 need you"), hidden when
// it holds nothing.
class OutboxCountLabel : public QLabel
{
    Q_OBJECT

public:
    explicit OutboxCountLabel(const Outbox *outbox, QWidget *parent = nullptr);

private:
    void update();

    const Outbox *m_outbox;
};

} // namespace frontdesk
