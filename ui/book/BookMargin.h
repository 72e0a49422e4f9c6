#pragma once

#include <QWidget>

#include <functional>

namespace frontdesk {

// A strip beside the book's viewport (the providers' names above it, the hours left of it)
// that stays put while the book scrolls under it. The book paints it and answers its tooltips.
class BookMargin : public QWidget
{
    Q_OBJECT

public:
    using Paint = std::function<void(QPainter &, const QRect &)>;
    using ToolTip = std::function<QString(const QPoint &)>;

    BookMargin(QWidget *book, Paint paint, ToolTip toolTip = {});

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QWidget *m_book;
    Paint m_paint;
    ToolTip m_toolTip;
};

} // namespace frontdesk
