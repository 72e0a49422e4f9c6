#include "BookPainter.h"

#include "text/ClockTime.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace frontdesk {

namespace {

constexpr qreal Radius = 3.0;   // of the new badge and the placeholder's box

QColor blend(const QColor &from, const QColor &to, qreal amount)
{
    const auto channel = [amount](qreal a, qreal b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(float(channel(from.redF(), to.redF())), float(channel(from.greenF(), to.greenF())),
                            float(channel(from.blueF(), to.blueF())), float(channel(from.alphaF(), to.alphaF())));
}

QColor grey(const QColor &color)
{
    const int value = qGray(color.rgb());
    return QColor(value, value, value, color.alpha());
}

QFont boldened(QFont font)
{
    font.setBold(true);
    return font;
}

// The thickest border a status draws and one pixel of air, on each side of a block's text.
constexpr int TextInset = 4;

} // namespace

BookPainter::BookPainter(QPainter &painter, const QPalette &palette, const QFont &font, bool stale)
    : m_painter(painter), m_palette(palette), m_font(font), m_stale(stale)
{
    if (!stale)
        return;
    // Data shown while offline: every role without its colour and with less contrast, so
    // that the whole book, selection included, reads as "not live" at a glance.
    const QColor toward = grey(palette.color(QPalette::Window));
    for (const QPalette::ColorRole r : { QPalette::Base, QPalette::Text, QPalette::Window, QPalette::WindowText,
                                         QPalette::Highlight, QPalette::HighlightedText }) {
        m_palette.setColor(r, blend(grey(palette.color(r)), toward, 0.3));
    }
}

qreal BookPainter::pixelsPerMinute(const QFont &font)
{
    const int lineSpacing = std::max(QFontMetrics(font).lineSpacing(), QFontMetrics(boldened(font)).lineSpacing());
    // A quarter hour holds two lines, the insets and the gap to the next block, with a pixel
    // to spare for rounding.
    return (2.0 * lineSpacing + 2 * TextInset + BookGeometry::BlockGap + 1) / 15.0;
}

int BookPainter::headerHeight(const QFont &font)
{
    return QFontMetrics(boldened(font)).height() + 12;
}

int BookPainter::gutterWidth(const QFont &font)
{
    const QFontMetrics metrics(font);
    int widest = 0;
    for (int hour = 0; hour < 24; ++hour)
        widest = std::max(widest, metrics.horizontalAdvance(clockTime(QTime(hour, 0))));
    return widest + 16;
}

int BookPainter::minimumColumnWidth(const QFont &font)
{
    return QFontMetrics(font).averageCharWidth() * 24;
}

QColor BookPainter::role(QPalette::ColorRole role) const
{
    return m_palette.color(QPalette::Active, role);
}

QColor BookPainter::mix(QPalette::ColorRole from, QPalette::ColorRole to, qreal amount) const
{
    return blend(role(from), role(to), amount);
}

void BookPainter::drawGrid(const BookGeometry &geometry, const QRect &exposed, int width)
{
    const QSize content = geometry.contentSize();
    const QRect day(0, 0, std::max(content.width(), width), content.height());
    m_painter.fillRect(exposed, role(QPalette::Window));
    m_painter.fillRect(exposed & day, role(QPalette::Base));

    // Outside the opening hours (when the grid grew to show an appointment there) and in the
    // columns of providers no longer active: shaded, so the eye knows it is off the usual map.
    const QColor shaded = mix(QPalette::Base, QPalette::Text, 0.05);
    const int opens = geometry.y(geometry.opensSeconds());
    const int closes = geometry.y(geometry.closesSeconds());
    m_painter.fillRect(exposed & QRect(0, 0, day.width(), opens), shaded);
    m_painter.fillRect(exposed & QRect(0, closes, day.width(), day.height() - closes), shaded);
    for (int column = 0; column < geometry.columns().size(); ++column) {
        if (!geometry.columns().at(column).active)
            m_painter.fillRect(exposed & geometry.columnRect(column), shaded);
    }

    const QColor quarter = mix(QPalette::Base, QPalette::Text, 0.08);
    const QColor hour = mix(QPalette::Base, QPalette::Text, 0.24);
    for (const BookGeometry::GridLine &line : geometry.gridLines()) {
        const int y = geometry.y(line.seconds);
        if (y < exposed.top() || y > exposed.bottom())
            continue;
        m_painter.setPen(line.hour ? hour : quarter);
        m_painter.drawLine(0, y, day.width() - 1, y);
    }
    m_painter.setPen(hour);
    for (int column = 1; column <= geometry.columns().size(); ++column) {
        const int x = column * geometry.columnWidth() - 1;
        m_painter.drawLine(x, 0, x, content.height() - 1);
    }
}

void BookPainter::drawBlock(const QRect &rect, const BookBlock &block)
{
    const StatusStyle &style = block.style;
    QColor fill;
    QColor pattern;
    QColor border;
    QColor text;
    if (block.selected) {
        fill = role(QPalette::Highlight);
        pattern = mix(QPalette::Highlight, QPalette::HighlightedText, 0.35);
        border = role(QPalette::HighlightedText);
        text = role(QPalette::HighlightedText);
    } else {
        switch (style.fill) {
        case StatusStyle::Fill::Tinted: fill = mix(QPalette::Base, QPalette::Highlight, 0.16); break;
        case StatusStyle::Fill::Strong: fill = mix(QPalette::Base, QPalette::Highlight, 0.34); break;
        case StatusStyle::Fill::Muted: fill = mix(QPalette::Base, QPalette::Text, 0.12); break;
        case StatusStyle::Fill::Hatched:
        case StatusStyle::Fill::CrossHatched: fill = mix(QPalette::Base, QPalette::Text, 0.03); break;
        }
        pattern = mix(QPalette::Base, QPalette::Text, 0.22);
        border
            = style.muted ? mix(QPalette::Base, QPalette::Text, 0.45) : mix(QPalette::Highlight, QPalette::Text, 0.45);
        text = style.muted ? mix(QPalette::Text, QPalette::Base, 0.3) : role(QPalette::Text);
    }

    // Square and without antialiasing: crisp at any scale, and cheap enough to paint a crowded
    // day on every live booking (antialiased dashed outlines cost half of such a paint).
    m_painter.fillRect(rect, fill);
    if (style.fill == StatusStyle::Fill::Hatched || style.fill == StatusStyle::Fill::CrossHatched)
        m_painter.fillRect(
            rect, QBrush(pattern, style.fill == StatusStyle::Fill::Hatched ? Qt::BDiagPattern : Qt::DiagCrossPattern));
    if (style.border != Qt::NoPen)
        drawFrame(rect, border, style.border, style.borderWidth);
    if (block.focused) {
        const int inset = std::max(style.borderWidth, 1) + 1;
        drawFrame(rect.adjusted(inset, inset, -inset, -inset), text, Qt::DotLine, 1);
    }

    const QFontMetrics metrics(m_font);
    const QRect area = rect.adjusted(TextInset + 1, TextInset - 1, -TextInset, -TextInset + 1);
    // A lane too narrow for a word shows its shape only; the tooltip has the rest.
    if (area.width() < 3 * metrics.averageCharWidth())
        return;

    // The texts: the patient on the first line, then as much as the height allows.
    m_painter.save();
    m_painter.setClipRect(rect, Qt::IntersectClip);
    QFont nameFont = boldened(m_font);
    nameFont.setStrikeOut(style.struckThrough);
    const QFontMetrics nameMetrics(nameFont);
    const int lineHeight = std::max(nameMetrics.lineSpacing(), metrics.lineSpacing());
    const int lines = std::max(1, area.height() / lineHeight);
    QRect line(area.left(), area.top(), area.width(), lineHeight);

    if (block.isNew)
        drawBadge(line, tr("New"), block.selected);
    if (!block.pending.isEmpty())
        drawBadge(line, block.needsPerson ? tr("Needs you") : tr("Waiting"), block.selected);
    QString status = style.mark.isEmpty() ? style.label : style.mark + u' ' + style.label;
    if (!block.pending.isEmpty())
        status += QStringLiteral(" – ") + block.pending;
    const QString separator = QStringLiteral(" · ");
    m_painter.setPen(text);
    m_painter.setFont(nameFont);
    if (lines == 1) {
        // Too short for two lines: the status follows the name on the one line there is.
        const QString name = nameMetrics.elidedText(block.patient, Qt::ElideRight, line.width());
        m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, name);
        line.setLeft(line.left() + nameMetrics.horizontalAdvance(name));
        m_painter.setFont(m_font);
        m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(separator + status, Qt::ElideRight, line.width()));
    } else {
        m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                           nameMetrics.elidedText(block.patient, Qt::ElideRight, line.width()));
        QStringList details { status + separator + block.source };
        if (lines == 2) {
            if (!block.service.isEmpty())
                details.first() += separator + block.service;
        } else {
            if (!block.service.isEmpty())
                details.append(block.service);
            if (lines > details.size())
                details.append(clockTime(block.startsAt.toTimeZone(block.zone).time()) + QStringLiteral(" – ")
                               + clockTime(block.endsAt.toTimeZone(block.zone).time()));
        }
        m_painter.setFont(m_font);
        line = QRect(area.left(), area.top(), area.width(), lineHeight);
        for (int i = 0; i < details.size() && i + 1 < lines; ++i) {
            line.translate(0, lineHeight);
            m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                               metrics.elidedText(details.at(i), Qt::ElideRight, line.width()));
        }
    }
    m_painter.restore();
}

// An outline of filled runs along the edges, clockwise from the top left, so that a dash
// pattern flows round the corners.
void BookPainter::drawFrame(const QRect &rect, const QColor &color, Qt::PenStyle style, int width)
{
    QList<int> pattern;   // on, off, on, off... in pixels
    switch (style) {
    case Qt::DashLine: pattern = { 3 * width, 2 * width }; break;
    case Qt::DotLine: pattern = { width, 2 * width }; break;
    case Qt::DashDotLine: pattern = { 5 * width, 2 * width, width, 2 * width }; break;
    default: break;
    }
    const int w = std::min({ width, rect.width() / 2, rect.height() / 2 });
    if (w <= 0)
        return;
    if (pattern.isEmpty()) {
        m_painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), w), color);
        m_painter.fillRect(QRect(rect.left(), rect.bottom() - w + 1, rect.width(), w), color);
        m_painter.fillRect(QRect(rect.left(), rect.top() + w, w, rect.height() - 2 * w), color);
        m_painter.fillRect(QRect(rect.right() - w + 1, rect.top() + w, w, rect.height() - 2 * w), color);
        return;
    }
    // Each edge as a start point, a direction and a length; the pattern's phase carries on.
    const int across = rect.width() - w;
    const int down = rect.height() - w;
    const struct { QPoint from; QPoint step; int length; } edges[] = {
        { rect.topLeft(), { 1, 0 }, across },
        { QPoint(rect.right() - w + 1, rect.top()), { 0, 1 }, down },
        { QPoint(rect.right() - w + 1, rect.bottom() - w + 1), { -1, 0 }, across },
        { QPoint(rect.left(), rect.bottom() - w + 1), { 0, -1 }, down },
    };
    int part = 0;
    int left = pattern.first();
    for (const auto &edge : edges) {
        int done = 0;
        while (done < edge.length) {
            const int run = std::min(left, edge.length - done);
            if (part % 2 == 0) {
                const QPoint a = edge.from + edge.step * done;
                const QPoint b = edge.from + edge.step * (done + run - 1);
                m_painter.fillRect(QRect(std::min(a.x(), b.x()), std::min(a.y(), b.y()), std::abs(b.x() - a.x()) + w,
                                         std::abs(b.y() - a.y()) + w),
                                   color);
            }
            done += run;
            left -= run;
            if (left == 0) {
                part = (part + 1) % int(pattern.size());
                left = pattern.at(part);
            }
        }
    }
}

void BookPainter::drawBadge(QRect &line, const QString &label, bool selected)
{
    QFont font = boldened(m_font);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics metrics(font);
    const int height = std::min(line.height(), metrics.height() + 2);
    const QRect badge(line.left(), line.center().y() - height / 2 + 1, metrics.horizontalAdvance(label) + 8, height);
    // Inverted on a selected block, so that it stays a badge on the selection's colour.
    const QColor background = role(selected ? QPalette::HighlightedText : QPalette::Highlight);
    const QColor foreground = role(selected ? QPalette::Highlight : QPalette::HighlightedText);
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(background);
    m_painter.drawRoundedRect(badge, Radius, Radius);
    m_painter.setPen(foreground);
    m_painter.setFont(font);
    m_painter.drawText(badge, Qt::AlignCenter, label);
    m_painter.restore();
    line.setLeft(badge.right() + 6);
}

void BookPainter::drawNowLine(int y, int width)
{
    // Thin and without a halo: it crosses blocks, and must not hide a line of their text.
    m_painter.fillRect(QRect(0, y - 1, width, 2), role(QPalette::Highlight));
}

void BookPainter::drawPlaceholder(const QRect &area, const QString &text)
{
    if (text.isEmpty())
        return;
    QFont font = m_font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.2);
    const QFontMetrics metrics(font);
    const QRect bounds = area.adjusted(40, 0, -40, 0);
    const QRect textRect = metrics.boundingRect(bounds, Qt::AlignCenter | Qt::TextWordWrap, text);
    const QRect box = textRect.adjusted(-16, -10, 16, 10);
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(mix(QPalette::Base, QPalette::Text, 0.2));
    m_painter.setBrush(role(QPalette::Base));
    m_painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), Radius * 2, Radius * 2);
    m_painter.setFont(font);
    m_painter.setPen(mix(QPalette::Base, QPalette::Text, 0.7));
    m_painter.drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, text);
    m_painter.restore();
}

void BookPainter::drawHeader(const BookGeometry &geometry, const QRect &rect, int gutterWidth, int xOffset)
{
    m_painter.fillRect(rect, role(QPalette::Window));
    const QColor rule = mix(QPalette::Window, QPalette::WindowText, 0.3);
    m_painter.save();
    m_painter.setClipRect(QRect(gutterWidth, 0, rect.width() - gutterWidth, rect.height()));
    QFont font = boldened(m_font);
    for (int column = 0; column < geometry.columns().size(); ++column) {
        const BookGeometry::Column &c = geometry.columns().at(column);
        const QRect cell(
            gutterWidth + column * geometry.columnWidth() - xOffset, 0, geometry.columnWidth(), rect.height());
        if (!cell.intersects(rect))
            continue;
        QString name = c.name.isEmpty() ? tr("Unknown provider") : c.name;
        if (!c.active)
            name = tr("%1 (inactive)").arg(name);
        font.setItalic(!c.active);
        m_painter.setFont(font);
        m_painter.setPen(role(QPalette::WindowText));
        const QRect label = cell.adjusted(6, 0, -6, 0);
        m_painter.drawText(label, Qt::AlignCenter, QFontMetrics(font).elidedText(name, Qt::ElideRight, label.width()));
        m_painter.setPen(rule);
        m_painter.drawLine(cell.right(), 4, cell.right(), rect.bottom() - 4);
    }
    m_painter.restore();
    m_painter.setPen(rule);
    m_painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom());
}

void BookPainter::drawGutter(const BookGeometry &geometry, const QRect &rect, int yOffset, std::optional<int> nowY)
{
    m_painter.fillRect(rect, role(QPalette::Window));
    const QColor rule = mix(QPalette::Window, QPalette::WindowText, 0.3);
    const QFontMetrics metrics(m_font);
    const qint64 span = geometry.end().toSecsSinceEpoch() - geometry.start().toSecsSinceEpoch();
    m_painter.setFont(m_font);
    for (const BookGeometry::GridLine &line : geometry.gridLines()) {
        const int y = geometry.y(line.seconds) - yOffset;
        if (!line.hour || y < rect.top() - metrics.height() || y > rect.bottom())
            continue;
        m_painter.setPen(rule);
        m_painter.drawLine(rect.right() - 5, y, rect.right(), y);
        // Labelled below its line, as the hour it starts; the grid's closing line starts nothing.
        if (line.seconds >= span)
            continue;
        m_painter.setPen(role(QPalette::WindowText));
        m_painter.drawText(QRect(0, y + 2, rect.width() - 8, metrics.height()), Qt::AlignRight | Qt::AlignTop,
                           clockTime(line.time));
    }
    m_painter.setPen(rule);
    m_painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom());
    if (nowY) {
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(role(QPalette::Highlight));
        const qreal x = rect.right() + 1;
        const qreal y = *nowY;
        m_painter.drawPolygon(QPolygonF({ QPointF(x, y), QPointF(x - 7, y - 5), QPointF(x - 7, y + 5) }));
        m_painter.restore();
    }
}

} // namespace frontdesk
