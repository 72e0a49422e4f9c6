#pragma once

#include <QStyledItemDelegate>

namespace frontdesk {

// Draws appointments that arrived live and are still unseen in bold on a highlight, so a
// new AI booking stands out until someone at the desk has looked at it; and those with an action
// kept in the outbox (or a booking not in the database yet) in italics, their status saying what
// waits.
class NewBookingDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace frontdesk
