#include "NewBookingDelegate.h"

#include "day/DayModel.h"

namespace frontdesk {

void NewBookingDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(DayModel::IsNewRole).toBool()) {
        option->font.setBold(true);
        option->backgroundBrush = QColor(0xff, 0xf4, 0xc2);
    }
    if (!index.data(DayModel::PendingRole).toString().isEmpty())
        option->font.setItalic(true);
}

} // namespace frontdesk
