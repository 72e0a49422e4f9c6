#include "BookMargin.h"

#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace frontdesk {

BookMargin::BookMargin(QWidget *book, Paint paint, ToolTip toolTip)
    : QWidget(book), m_book(book), m_paint(std::move(paint)), m_toolTip(std::move(toolTip))
{
}

bool BookMargin::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_toolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_toolTip(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void BookMargin::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_paint(painter, rect());
}

// The wheel over the hours or the names scrolls the book too.
void BookMargin::wheelEvent(QWheelEvent *event)
{
    if (auto *area = qobject_cast<QAbstractScrollArea *>(m_book))
        QCoreApplication::sendEvent(area->viewport(), event);
}

} // namespace frontdesk
