#include "OutboxCountLabel.h"

#include "outbox/Outbox.h"

namespace frontdesk {

OutboxCountLabel::OutboxCountLabel(const Outbox *outbox, QWidget *parent)
    : QLabel(parent)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("outboxCount"));
    setToolTip(tr("Actions kept on this PC until the clinic database has taken them (Ctrl+4)"));
    connect(outbox, &Outbox::entriesChanged, this, &OutboxCountLabel::update);
    update();
}

void OutboxCountLabel::update()
{
    const int pending = m_outbox->pendingCount();
    const int conflicts = m_outbox->conflictCount();
    setVisible(pending + conflicts > 0);
    setText(conflicts > 0 ? tr("Outbox: %1 waiting, %2 need you").arg(pending).arg(conflicts)
                          : tr("Outbox: %1 waiting").arg(pending));
}

} // namespace frontdesk
