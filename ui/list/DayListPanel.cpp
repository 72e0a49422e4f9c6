#include "DayListPanel.h"

#include "NewBookingDelegate.h"
#include "day/DayFilterModel.h"
#include "day/DayModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdesk {

DayListPanel::DayListPanel(DayModel *day, QWidget *parent)
    : QWidget(parent)
    , m_day(day)
    , m_filter(new DayFilterModel(this))
    , m_table(new QTableView(this))
    , m_provider(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_text(new QLineEdit(this))
{
    setObjectName(QStringLiteral("dayList"));
    m_filter->setSourceModel(day);

    m_provider->setObjectName(QStringLiteral("providerFilter"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Any status"), -1);
    for (const AppointmentStatus status : kKnownStatuses)
        m_status->addItem(displayText(status), int(status));
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_source->addItem(tr("Anyone"), -1);
    m_source->addItem(displayText(BookingSource::AiVoice), int(BookingSource::AiVoice));
    m_source->addItem(displayText(BookingSource::Staff), int(BookingSource::Staff));
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_text->setPlaceholderText(tr("Name, phone, email, service or notes"));
    m_text->setClearButtonEnabled(true);
    for (QComboBox *box : { m_provider, m_status, m_source })
        connect(box, &QComboBox::currentIndexChanged, this, &DayListPanel::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, &DayListPanel::applyFilters);

    auto *filters = new QHBoxLayout;
    const auto addLabelled = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        filters->addWidget(label);
        filters->addWidget(field);
    };
    addLabelled(tr("F&ind:"), m_text);
    addLabelled(tr("Pro&vider:"), m_provider);
    addLabelled(tr("Stat&us:"), m_status);
    addLabelled(tr("Booked b&y:"), m_source);

    m_table->setObjectName(QStringLiteral("appointmentTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new NewBookingDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DayModel::TimeColumn, Qt::AscendingOrder);
    // By pixel, so that a row landing above can be paid back exactly (see restoreAnchor).
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Not ResizeToContents: that measures every row of the day again on each live booking.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    connect(m_day, &QAbstractItemModel::modelReset, this, &DayListPanel::fitColumnsSoon);
    connect(m_day, &QAbstractItemModel::rowsAboutToBeInserted, this, &DayListPanel::rememberAnchor);
    connect(m_day, &QAbstractItemModel::rowsAboutToBeRemoved, this, &DayListPanel::rememberAnchor);
    connect(m_day, &QAbstractItemModel::rowsAboutToBeMoved, this, &DayListPanel::rememberAnchor);
    connect(m_day, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        // A day shown empty gets its widths from its first bookings; later ones widen only
        // the columns their own texts do not fit, measuring that row alone.
        if (m_day->rowCount() == last - first + 1)
            fitColumnsSoon();
        else
            widenColumnsFor(first, last);
        restoreAnchor();
    });
    connect(m_day, &QAbstractItemModel::rowsRemoved, this, &DayListPanel::restoreAnchor);
    connect(m_day, &QAbstractItemModel::rowsMoved, this, &DayListPanel::restoreAnchor);
    connect(m_day, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        if (bottomRight.row() - topLeft.row() < 5)
            widenColumnsFor(topLeft.row(), bottomRight.row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        Q_EMIT currentAppointmentChanged(currentAppointmentId());
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT activated(index.data(DayModel::AppointmentIdRole).toLongLong());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table);
}

void DayListPanel::setClinic(const Clinic &clinic)
{
    const qint64 chosen = m_provider->currentData().toLongLong();
    const QSignalBlocker blocker(m_provider);
    m_provider->clear();
    m_provider->addItem(tr("Every provider"), qint64(0));
    for (const Provider &p : clinic.providers)
        m_provider->addItem(p.displayName, p.id);
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(chosen)));
}

void DayListPanel::applyFilters()
{
    m_filter->setProviderFilter(m_provider->currentData().toLongLong());
    const int status = m_status->currentData().toInt();
    m_filter->setStatusFilter(status < 0 ? std::nullopt : std::optional(AppointmentStatus(status)));
    const int source = m_source->currentData().toInt();
    m_filter->setSourceFilter(source < 0 ? std::nullopt : std::optional(BookingSource(source)));
    m_filter->setTextFilter(m_text->text());
}

qint64 DayListPanel::currentAppointmentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(DayModel::AppointmentIdRole).toLongLong() : 0;
}

void DayListPanel::setCurrentAppointmentId(qint64 id)
{
    if (id == currentAppointmentId())
        return;
    const int row = m_day->rowOf(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_day->index(row, 0));
    if (!index.isValid()) {
        m_table->selectionModel()->clear();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void DayListPanel::setStale(bool stale)
{
    // Data from before the connection dropped: greyed, still readable and navigable.
    QPalette p = palette();
    if (stale)
        p.setColor(QPalette::Text, p.color(QPalette::Disabled, QPalette::Text));
    m_table->setPalette(p);
}

// The row at the top of the view (or the current one when visible) and its distance from the
// top, before rows arrive or leave; restoreAnchor() puts it back at that distance.
void DayListPanel::rememberAnchor()
{
    m_anchorId = 0;
    QModelIndex anchor = m_table->currentIndex();
    const QRect viewport = m_table->viewport()->rect();
    if (!anchor.isValid() || !viewport.intersects(m_table->visualRect(anchor)))
        anchor = m_table->indexAt(QPoint(0, 0));
    if (!anchor.isValid())
        return;
    m_anchorId = anchor.data(DayModel::AppointmentIdRole).toLongLong();
    m_anchorY = m_table->visualRect(anchor).top();
}

void DayListPanel::restoreAnchor()
{
    if (!m_anchorId)
        return;
    const int row = m_day->rowOf(m_anchorId);
    m_anchorId = 0;
    const QModelIndex index = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_day->index(row, 0));
    if (!index.isValid())
        return;
    // The sort and filter proxy settles its rows first; then pay back the shift in pixels.
    const int anchorY = m_anchorY;
    const QPersistentModelIndex persistent(index);
    QScrollBar *bar = m_table->verticalScrollBar();
    m_table->doItemsLayout();
    if (persistent.isValid())
        bar->setValue(bar->value() + m_table->visualRect(persistent).top() - anchorY);
}

// Deferred so that the view has laid out the new rows, and so that one fit serves a burst.
void DayListPanel::fitColumnsSoon()
{
    if (m_columnFitPending)
        return;
    m_columnFitPending = true;
    QTimer::singleShot(0, this, [this] {
        m_columnFitPending = false;
        m_table->resizeColumnsToContents();
    });
}

void DayListPanel::widenColumnsFor(int firstRow, int lastRow)
{
    QHeaderView *header = m_table->horizontalHeader();
    // The last column stretches to the window's edge already.
    for (int column = 0; column < header->count() - 1; ++column) {
        int needed = 0;
        for (int row = firstRow; row <= lastRow; ++row) {
            const QModelIndex index = m_filter->mapFromSource(m_day->index(row, column));
            if (index.isValid())
                needed = qMax(needed, m_table->sizeHintForIndex(index).width());
        }
        if (needed > header->sectionSize(column))
            header->resizeSection(column, needed);
    }
}

} // namespace frontdesk
