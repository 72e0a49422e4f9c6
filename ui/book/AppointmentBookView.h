#pragma once

#include "book/BookGeometry.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace frontdesk {

class BookMargin;
class DayModel;

// The desk's appointment book: the shown day's providers side by side, time down the page in
// the clinic's time zone, one block per appointment whose status reads by label and shape.
// An item view over a DayModel, so selection, the current index, keyboard handling, tooltips
// and accessibility are Qt's own. Live changes lay the book out again lazily, at most once per
// event-loop turn, and never move what the receptionist is looking at.
class AppointmentBookView : public QAbstractItemView
{
    Q_OBJECT

public:
    explicit AppointmentBookView(QWidget *parent = nullptr);
    ~AppointmentBookView() override;

    // A DayModel only: the book needs the clinic and the appointments themselves. Any other
    // model is refused (an assertion in debug builds) and the book stays empty.
    void setModel(QAbstractItemModel *model) override;

    qint64 currentAppointmentId() const;
    // Selects the appointment and scrolls it into view; 0, or an id not on the shown day, clears.
    void setCurrentAppointmentId(qint64 id);

    // Data shown while offline: drawn greyed out. What to say about it is the window's business.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    // Drawn in the middle of the book when the day has no appointments.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholderText; }

    // Where "now" comes from, for the line across today; tests set a fixed clock.
    void setClock(std::function<QDateTime()> clock);

    // Where things are, in viewport coordinates.
    QRect providerColumnRect(qint64 providerId) const;   // null when the provider has no column
    int timeY(const QDateTime &instant) const;
    std::optional<int> nowLineY() const;   // none unless the clinic's today is shown, within the grid
    qreal pixelsPerMinute() const { return m_pixelsPerMinute; }

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

public Q_SLOTS:
    void reset() override;

Q_SIGNALS:
    void currentAppointmentChanged(qint64 id);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;

    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

protected Q_SLOTS:
    void updateGeometries() override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles = {}) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void invalidateLayout();
    void repaintRows(int first, int last);
    void ensureLayout() const;
    void onDayChanged();
    void positionNewDay();
    void updateMetrics();
    void tick();
    QDateTime now() const { return m_clock(); }
    void paintHeader(QPainter &painter, const QRect &rect) const;
    void paintGutter(QPainter &painter, const QRect &rect) const;
    QString headerToolTip(const QPoint &pos) const;

    QPointer<DayModel> m_model;
    // Laid out lazily from the model: a burst of bookings costs one layout, not one per row.
    mutable BookGeometry m_geometry;
    mutable bool m_layoutDirty = true;
    mutable Clinic m_laidOutClinic;
    // Pixels the grid grew by above what was in view, not yet given to the scroll bar.
    mutable int m_pendingShiftY = 0;
    mutable bool m_syncQueued = false;
    int m_partialRepaints = 0;   // in this event-loop turn
    bool m_newDayPending = true;
    bool m_stale = false;
    QString m_placeholderText;
    std::function<QDateTime()> m_clock;
    QTimer m_minuteTimer;
    qint64 m_reportedId = 0;
    qreal m_pixelsPerMinute = 2.5;
    int m_headerHeight = 0;
    int m_gutterWidth = 0;
    int m_minimumColumnWidth = 0;
    BookMargin *m_header = nullptr;
    BookMargin *m_gutter = nullptr;
};

} // namespace frontdesk
