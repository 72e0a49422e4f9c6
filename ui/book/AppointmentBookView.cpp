#include "AppointmentBookView.h"

#include "book/BookMargin.h"
#include "book/BookPainter.h"
#include "book/StatusStyle.h"
#include "day/DayModel.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace frontdesk {

namespace {

bool clinicLaysOutAlike(const Clinic &a, const Clinic &b)
{
    if (a.id != b.id || a.timeZone != b.timeZone || a.opensAt != b.opensAt || a.closesAt != b.closesAt
        || a.providers.size() != b.providers.size())
        return false;
    for (int i = 0; i < a.providers.size(); ++i) {
        if (a.providers.at(i).id != b.providers.at(i).id
            || a.providers.at(i).displayName != b.providers.at(i).displayName)
            return false;
    }
    return true;
}

} // namespace

AppointmentBookView::AppointmentBookView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_header(new BookMargin(
          this, [this](QPainter &painter, const QRect &rect) { paintHeader(painter, rect); },
          [this](const QPoint &pos) { return headerToolTip(pos); }))
    , m_gutter(new BookMargin(this, [this](QPainter &painter, const QRect &rect) { paintGutter(painter, rect); }))
{
    setObjectName(QStringLiteral("appointmentBook"));
    setSelectionMode(SingleSelection);
    setSelectionBehavior(SelectRows);
    setEditTriggers(NoEditTriggers);
    // The window builds the menu from its own actions; a right click selects the block first.
    setContextMenuPolicy(Qt::CustomContextMenu);
    updateMetrics();

    m_minuteTimer.setSingleShot(true);
    connect(&m_minuteTimer, &QTimer::timeout, this, &AppointmentBookView::tick);
    tick();
}

AppointmentBookView::~AppointmentBookView() = default;

void AppointmentBookView::setModel(QAbstractItemModel *model)
{
    auto *dayModel = qobject_cast<DayModel *>(model);
    Q_ASSERT_X(!model || dayModel, "AppointmentBookView::setModel", "the book shows a DayModel only");
    if (dayModel == m_model && dayModel == QAbstractItemView::model())
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = dayModel;
    QAbstractItemView::setModel(dayModel);
    if (dayModel) {
        connect(dayModel, &DayModel::dayChanged, this, &AppointmentBookView::onDayChanged);
        connect(dayModel, &QAbstractItemModel::rowsRemoved, this, &AppointmentBookView::invalidateLayout);
        connect(dayModel, &QAbstractItemModel::rowsMoved, this, &AppointmentBookView::invalidateLayout);
        connect(dayModel, &QAbstractItemModel::layoutChanged, this, &AppointmentBookView::invalidateLayout);
    }
    if (m_reportedId != 0) {
        m_reportedId = 0;
        Q_EMIT currentAppointmentChanged(0);
    }
    onDayChanged();
}

qint64 AppointmentBookView::currentAppointmentId() const
{
    const QModelIndex current = currentIndex();
    return m_model && current.isValid() ? m_model->appointmentAt(current.row()).id : 0;
}

void AppointmentBookView::setCurrentAppointmentId(qint64 id)
{
    if (!m_model || !selectionModel())
        return;
    const int row = id != 0 ? m_model->rowOf(id) : -1;
    if (row < 0) {
        selectionModel()->clear();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    setCurrentIndex(index);
    scrollTo(index);
}

void AppointmentBookView::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    viewport()->update();
    m_header->update();
    m_gutter->update();
}

void AppointmentBookView::setPlaceholderText(const QString &text)
{
    if (m_placeholderText == text)
        return;
    m_placeholderText = text;
    viewport()->update();
}

void AppointmentBookView::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
    tick();
}

QRect AppointmentBookView::providerColumnRect(qint64 providerId) const
{
    ensureLayout();
    return m_geometry.columnRect(m_geometry.columnOf(providerId)).translated(-horizontalOffset(), -verticalOffset());
}

int AppointmentBookView::timeY(const QDateTime &instant) const
{
    ensureLayout();
    return m_geometry.y(instant) - verticalOffset();
}

std::optional<int> AppointmentBookView::nowLineY() const
{
    if (!m_model || !m_model->day().isValid())
        return {};
    ensureLayout();
    const QDateTime current = now();
    const QTimeZone zone = m_model->clinic().timeZone.isValid() ? m_model->clinic().timeZone : QTimeZone::utc();
    if (current.toTimeZone(zone).date() != m_model->day() || current < m_geometry.start() || current > m_geometry.end())
        return {};
    return m_geometry.y(current) - verticalOffset();
}

// Lays the book out again on the next look at it, and gives the scroll bars their new
// ranges once this event-loop turn is done, however many rows changed in it.
void AppointmentBookView::invalidateLayout()
{
    m_layoutDirty = true;
    if (!m_syncQueued) {
        m_syncQueued = true;
        QMetaObject::invokeMethod(this, &AppointmentBookView::updateGeometries, Qt::QueuedConnection);
    }
    viewport()->update();
    m_header->update();
    m_gutter->update();
}

// A live change repaints the columns of its rows only, as long as the grid itself (hours and
// columns) stays as it was: a burst of bookings must not repaint every block in view for each
// (the bench's book under a burst). Many changes in one event-loop turn (a day reloaded)
// fall back to one lazy layout for all of them.
void AppointmentBookView::repaintRows(int first, int last)
{
    constexpr int kPartialPerTurn = 8;
    if (m_layoutDirty || !m_model || ++m_partialRepaints > kPartialPerTurn) {
        invalidateLayout();
        return;
    }
    const QDateTime start = m_geometry.start();
    const QDateTime end = m_geometry.end();
    const qsizetype columns = m_geometry.columns().size();
    m_layoutDirty = true;
    ensureLayout();
    if (start != m_geometry.start() || end != m_geometry.end() || columns != m_geometry.columns().size()
        || m_pendingShiftY != 0) {
        invalidateLayout();
        return;
    }
    if (!m_syncQueued) {
        m_syncQueued = true;
        QMetaObject::invokeMethod(this, &AppointmentBookView::updateGeometries, Qt::QueuedConnection);
    }
    for (int row = first; row <= last && row < m_model->rowCount(); ++row)
        viewport()->update(providerColumnRect(m_model->appointmentAt(row).providerId));
}

void AppointmentBookView::ensureLayout() const
{
    // DayModel says nothing when only the clinic's providers or hours change.
    if (m_model && !m_layoutDirty && !clinicLaysOutAlike(m_laidOutClinic, m_model->clinic()))
        const_cast<AppointmentBookView *>(this)->invalidateLayout();
    if (m_layoutDirty) {
        m_layoutDirty = false;
        const QDate previousDay = m_geometry.day();
        const QDateTime previousStart = m_geometry.start();
        QList<const Appointment *> appointments;
        m_laidOutClinic = m_model ? m_model->clinic() : Clinic();
        if (m_model) {
            appointments.reserve(m_model->rowCount());
            for (int row = 0; row < m_model->rowCount(); ++row)
                appointments.append(&m_model->appointmentAt(row));
        }
        m_geometry.layOut(m_laidOutClinic, m_model ? m_model->day() : QDate(), appointments);
        // The grid grew above what is in view (or shrank there): keep what is in view in place.
        if (previousDay.isValid() && previousDay == m_geometry.day() && !m_newDayPending) {
            m_geometry.setScale(m_pixelsPerMinute, m_geometry.columnWidth());
            m_pendingShiftY += m_geometry.y(previousStart);
        }
    }
    const int columns = std::max(1, int(m_geometry.columns().size()));
    m_geometry.setScale(m_pixelsPerMinute, std::max(m_minimumColumnWidth, viewport()->width() / columns));
}

void AppointmentBookView::onDayChanged()
{
    m_newDayPending = true;
    invalidateLayout();
    if (isVisible())
        updateGeometries();
}

// A newly shown day starts at its top, or on today with the now line a third of the way down.
void AppointmentBookView::positionNewDay()
{
    m_newDayPending = false;
    m_pendingShiftY = 0;
    int y = 0;
    if (const std::optional<int> nowY = nowLineY())
        y = *nowY + verticalScrollBar()->value() - viewport()->height() / 3;
    verticalScrollBar()->setValue(y);
    horizontalScrollBar()->setValue(0);
}

void AppointmentBookView::updateMetrics()
{
    m_pixelsPerMinute = BookPainter::pixelsPerMinute(font());
    m_headerHeight = BookPainter::headerHeight(font());
    m_gutterWidth = BookPainter::gutterWidth(font());
    m_minimumColumnWidth = BookPainter::minimumColumnWidth(font());
    setViewportMargins(m_gutterWidth, m_headerHeight, 0, 0);
    invalidateLayout();
}

void AppointmentBookView::tick()
{
    viewport()->update();
    m_gutter->update();
    // On the minute, so the line moves when the clock on the wall does.
    const qint64 msecs = now().toMSecsSinceEpoch();
    m_minuteTimer.start(int(60000 - ((msecs % 60000) + 60000) % 60000) + 20);
}

void AppointmentBookView::updateGeometries()
{
    m_syncQueued = false;
    m_partialRepaints = 0;
    ensureLayout();
    const QSize content = m_geometry.contentSize();
    const QSize area = viewport()->size();
    const int quarterHour = std::max(1, qRound(15 * m_pixelsPerMinute));

    QScrollBar *vertical = verticalScrollBar();
    const int y = vertical->value() + m_pendingShiftY;
    m_pendingShiftY = 0;
    vertical->setPageStep(area.height());
    vertical->setSingleStep(quarterHour);
    vertical->setRange(0, std::max(0, content.height() - area.height()));
    vertical->setValue(y);

    QScrollBar *horizontal = horizontalScrollBar();
    horizontal->setPageStep(area.width());
    horizontal->setSingleStep(std::max(1, m_geometry.columnWidth() / 4));
    horizontal->setRange(0, std::max(0, content.width() - area.width()));

    if (m_newDayPending && isVisible() && m_model && m_model->day().isValid())
        positionNewDay();

    const QRect port = viewport()->geometry();
    m_header->setGeometry(port.left() - m_gutterWidth, port.top() - m_headerHeight, m_gutterWidth + port.width(),
                          m_headerHeight);
    m_gutter->setGeometry(port.left() - m_gutterWidth, port.top(), m_gutterWidth, port.height());
    m_header->update();
    m_gutter->update();
    QAbstractItemView::updateGeometries();
}

QRect AppointmentBookView::visualRect(const QModelIndex &index) const
{
    if (!m_model || !index.isValid() || index.model() != m_model)
        return {};
    ensureLayout();
    if (index.row() >= m_geometry.count())
        return {};
    return m_geometry.blockRect(index.row()).translated(-horizontalOffset(), -verticalOffset());
}

void AppointmentBookView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!m_model || !index.isValid() || index.model() != m_model)
        return;
    // Asked for explicitly: that wins over where a new day would start.
    m_newDayPending = false;
    if (m_layoutDirty || m_syncQueued || m_pendingShiftY != 0)
        updateGeometries();
    if (index.row() >= m_geometry.count())
        return;
    const QRect block = m_geometry.blockRect(index.row());
    const QRect area(horizontalOffset(), verticalOffset(), viewport()->width(), viewport()->height());
    // A quarter hour of what comes before and after, when it fits, so the block is seen in context.
    const int context = std::clamp((area.height() - block.height()) / 2, 0, qRound(15 * m_pixelsPerMinute));

    int y = area.top();
    switch (hint) {
    case EnsureVisible:
        if (block.top() - context < area.top())
            y = block.top() - context;
        else if (block.bottom() + context > area.bottom())
            y = std::min(block.bottom() + context - area.height() + 1, block.top() - context);
        break;
    case PositionAtTop: y = block.top() - context; break;
    case PositionAtBottom: y = block.bottom() + context - area.height() + 1; break;
    case PositionAtCenter: y = block.center().y() - area.height() / 2; break;
    }
    verticalScrollBar()->setValue(y);

    const QRect column = m_geometry.columnRect(m_geometry.placement(index.row()).column);
    if (column.left() < area.left())
        horizontalScrollBar()->setValue(column.left());
    else if (column.right() > area.right())
        horizontalScrollBar()->setValue(std::min(column.right() - area.width() + 1, column.left()));
}

QModelIndex AppointmentBookView::indexAt(const QPoint &point) const
{
    if (!m_model)
        return {};
    ensureLayout();
    const int row = m_geometry.blockAt(point + QPoint(horizontalOffset(), verticalOffset()));
    return row >= 0 ? m_model->index(row, 0) : QModelIndex();
}

QModelIndex AppointmentBookView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    if (!m_model)
        return {};
    ensureLayout();
    if (m_geometry.count() == 0)
        return {};
    const QModelIndex current = currentIndex();
    const auto at = [this, &current](int row) { return row >= 0 ? m_model->index(row, 0) : current; };
    if (!current.isValid() || current.row() >= m_geometry.count()) {
        // Nothing chosen yet: start from what the receptionist is looking at.
        switch (cursorAction) {
        case MoveEnd: return at(m_geometry.last());
        case MoveHome: return at(m_geometry.first());
        case MovePageUp:
        case MovePageDown: return {};
        default:
            return at(m_geometry.firstIn(
                QRect(horizontalOffset(), verticalOffset(), viewport()->width(), viewport()->height())));
        }
    }
    const int row = current.row();
    switch (cursorAction) {
    case MoveDown: return at(m_geometry.nextInColumn(row, 1));
    case MoveUp: return at(m_geometry.nextInColumn(row, -1));
    case MoveRight: return at(m_geometry.nearestInNextColumn(row, 1));
    case MoveLeft: return at(m_geometry.nearestInNextColumn(row, -1));
    case MoveHome: return at(m_geometry.first());
    case MoveEnd: return at(m_geometry.last());
    case MoveNext: return at(row + 1 < m_geometry.count() ? row + 1 : -1);
    case MovePrevious: return at(row - 1);
    case MovePageUp:
    case MovePageDown: return current;
    }
    return current;
}

void AppointmentBookView::keyPressEvent(QKeyEvent *event)
{
    // Page keys scroll the day and leave the selection where it is.
    if (event->modifiers() == Qt::NoModifier && (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        verticalScrollBar()->triggerAction(event->key() == Qt::Key_PageUp ? QAbstractSlider::SliderPageStepSub
                                                                           : QAbstractSlider::SliderPageStepAdd);
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

int AppointmentBookView::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

int AppointmentBookView::verticalOffset() const
{
    ensureLayout();
    return verticalScrollBar()->value() + m_pendingShiftY;
}

// A block stands for its whole row: only the first column is shown, selected and current.
bool AppointmentBookView::isIndexHidden(const QModelIndex &index) const
{
    return index.column() != 0;
}

void AppointmentBookView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!m_model || !selectionModel())
        return;
    ensureLayout();
    const QRect area = rect.normalized().translated(horizontalOffset(), verticalOffset());
    QList<int> rows = m_geometry.blocksIn(area);
    if (selectionMode() == SingleSelection && rows.size() > 1)
        rows.resize(1);
    QItemSelection selection;
    for (int row : std::as_const(rows))
        selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    selectionModel()->select(selection, command);
}

QRegion AppointmentBookView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            region += visualRect(m_model->index(row, 0));
    }
    return region;
}

void AppointmentBookView::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    QPainter painter(viewport());
    BookPainter book(painter, palette(), font(), m_stale);
    const QPoint offset(horizontalOffset(), verticalOffset());
    const QRect exposed = event->rect().translated(offset);
    painter.translate(-offset);
    book.drawGrid(m_geometry, exposed, viewport()->width() + offset.x());

    if (m_model) {
        const QModelIndex current = currentIndex();
        const QTimeZone zone = m_model->clinic().timeZone.isValid() ? m_model->clinic().timeZone : QTimeZone::utc();
        for (int row = 0; row < m_geometry.count(); ++row) {
            const QRect rect = m_geometry.blockRect(row);
            if (!rect.intersects(exposed))
                continue;
            const Appointment &a = m_model->appointmentAt(row);
            const QModelIndex index = m_model->index(row, 0);
            BookBlock block;
            block.patient = a.patientName;
            block.service = a.service;
            block.source = displayText(a.source);
            block.startsAt = a.startsAt;
            block.endsAt = a.endsAt;
            block.zone = zone;
            const bool provisional = m_model->data(index, DayModel::IsProvisionalRole).toBool();
            block.style = provisional ? provisionalStyle() : statusStyle(a.status, a.statusText);
            block.isNew = m_model->data(index, DayModel::IsNewRole).toBool();
            block.pending = m_model->data(index, DayModel::PendingRole).toString();
            block.needsPerson = m_model->data(index, DayModel::PendingNeedsPersonRole).toBool();
            block.selected = selectionModel() && selectionModel()->isSelected(index);
            block.focused = hasFocus() && current.row() == row;
            book.drawBlock(rect, block);
        }
        if (const std::optional<int> y = nowLineY())
            book.drawNowLine(*y + offset.y(), m_geometry.contentSize().width());
    }
    painter.resetTransform();
    if (!m_model || m_model->rowCount() == 0)
        book.drawPlaceholder(viewport()->rect(), m_placeholderText);
}

void AppointmentBookView::paintHeader(QPainter &painter, const QRect &rect) const
{
    ensureLayout();
    BookPainter book(painter, palette(), font(), m_stale);
    book.drawHeader(m_geometry, rect, m_gutterWidth, horizontalOffset());
}

// The whole name, for a column too narrow to show it.
QString AppointmentBookView::headerToolTip(const QPoint &pos) const
{
    ensureLayout();
    const int x = pos.x() - m_gutterWidth + horizontalOffset();
    const int column = x >= 0 && m_geometry.columnWidth() > 0 ? x / m_geometry.columnWidth() : -1;
    if (column < 0 || column >= m_geometry.columns().size())
        return {};
    return m_geometry.columns().at(column).name;
}

void AppointmentBookView::paintGutter(QPainter &painter, const QRect &rect) const
{
    ensureLayout();
    BookPainter book(painter, palette(), font(), m_stale);
    book.drawGutter(m_geometry, rect, verticalOffset(), nowLineY());
}

void AppointmentBookView::scrollContentsBy(int dx, int dy)
{
    QAbstractItemView::scrollContentsBy(dx, dy);
    if (dx != 0)
        m_header->update();
    if (dy != 0)
        m_gutter->update();
}

void AppointmentBookView::changeEvent(QEvent *event)
{
    QAbstractItemView::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::LocaleChange:
        updateMetrics();
        break;
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        invalidateLayout();
        break;
    default:
        break;
    }
}

void AppointmentBookView::reset()
{
    invalidateLayout();
    QAbstractItemView::reset();
    // The selection model forgets the current index without a word on a reset.
    if (m_reportedId != 0) {
        m_reportedId = 0;
        Q_EMIT currentAppointmentChanged(0);
    }
}

void AppointmentBookView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    Q_UNUSED(roles)
    // Not the base class: for a change within one row (every change DayModel makes) it asks for
    // the row's rectangle at once, which would lay the whole book out again per change. The
    // book has no editors to refresh; it tells accessibility itself.
    repaintRows(topLeft.row(), bottomRight.row());
#if QT_CONFIG(accessibility)
    if (QAccessible::isActive()) {
        QAccessibleTableModelChangeEvent event(this, QAccessibleTableModelChangeEvent::DataChanged);
        event.setFirstRow(topLeft.row());
        event.setFirstColumn(topLeft.column());
        event.setLastRow(bottomRight.row());
        event.setLastColumn(bottomRight.column());
        QAccessible::updateAccessibility(&event);
    }
#else
    Q_UNUSED(topLeft)
    Q_UNUSED(bottomRight)
#endif
}

void AppointmentBookView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    repaintRows(start, end);
    QAbstractItemView::rowsInserted(parent, start, end);
}

void AppointmentBookView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    // Qt would make the next row current (and scroll to it): another provider's patient, maybe
    // far away. The appointment looked at is gone; nothing else gets chosen in its place.
    const QModelIndex current = currentIndex();
    if (current.isValid() && current.row() >= start && current.row() <= end && selectionModel())
        selectionModel()->clear();
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
}

void AppointmentBookView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous);
    const qint64 id = currentAppointmentId();
    if (id != m_reportedId) {
        m_reportedId = id;
        Q_EMIT currentAppointmentChanged(id);
    }
}

} // namespace frontdesk
