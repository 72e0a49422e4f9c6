#pragma once

#include "book/BookGeometry.h"
#include "book/StatusStyle.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QPalette>
#include <QTimeZone>

#include <optional>

class QPainter;

namespace frontdesk {

// What one block shows, gathered by the view from the model.
struct BookBlock
{
    QString patient;
    QString service;
    QString source;
    QDateTime startsAt;   // formatted only when the block has room for it
    QDateTime endsAt;
    QTimeZone zone;
    StatusStyle style;
    bool isNew = false;
    QString pending;            // what the outbox keeps for it; empty if nothing
    bool needsPerson = false;   // one of those was refused and waits for a person
    bool selected = false;
    bool focused = false;   // the current appointment of a focused view
};

// Draws the appointment book. Every colour is a palette role or a blend of two, so the book
// reads in a dark theme too; a stale book (shown while offline) is drawn without saturation
// and with less contrast.
class BookPainter
{
    Q_DECLARE_TR_FUNCTIONS(BookPainter)

public:
    BookPainter(QPainter &painter, const QPalette &palette, const QFont &font, bool stale);

    // The scale that fits two lines of text into a quarter-hour block.
    static qreal pixelsPerMinute(const QFont &font);
    static int headerHeight(const QFont &font);
    static int gutterWidth(const QFont &font);
    static int minimumColumnWidth(const QFont &font);

    // In content coordinates: exposed is the part to paint, width the viewport's.
    void drawGrid(const BookGeometry &geometry, const QRect &exposed, int width);
    void drawBlock(const QRect &rect, const BookBlock &block);
    void drawNowLine(int y, int width);
    // In viewport coordinates.
    void drawPlaceholder(const QRect &area, const QString &text);
    // In the margins' own coordinates, scrolled by the given offset.
    void drawHeader(const BookGeometry &geometry, const QRect &rect, int gutterWidth, int xOffset);
    void drawGutter(const BookGeometry &geometry, const QRect &rect, int yOffset, std::optional<int> nowY);

private:
    QColor role(QPalette::ColorRole role) const;
    QColor mix(QPalette::ColorRole from, QPalette::ColorRole to, qreal amount) const;
    void drawBadge(QRect &line, const QString &label, bool selected);
    void drawFrame(const QRect &rect, const QColor &color, Qt::PenStyle style, int width);

    QPainter &m_painter;
    QPalette m_palette;
    QFont m_font;
    bool m_stale;
};

} // namespace frontdesk
