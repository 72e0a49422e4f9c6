#include "NewBookingsPanel.h"

#include "live/NewBookingsModel.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

NewBookingsPanel::NewBookingsPanel(NewBookingsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_list(new QListView(this))
    , m_markAll(new QPushButton(tr("Mark all &seen"), this))
{
    setObjectName(QStringLiteral("newBookings"));
    m_summary->setObjectName(QStringLiteral("newBookingsSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("newBookingsList"));
    m_list->setModel(model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One line each, elided (the whole text in the tooltip): items of one height are laid out
    // without measuring every text again on each arrival (the bench's book under a burst).
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_markAll->setObjectName(QStringLiteral("markAllSeenButton"));
    connect(m_markAll, &QPushButton::clicked, model, &NewBookingsModel::markAllSeen);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(NewBookingsModel::AppointmentIdRole).toLongLong());
    });
    connect(model, &NewBookingsModel::countChanged, this, &NewBookingsPanel::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    layout->addWidget(m_markAll);
    updateSummary();
}

void NewBookingsPanel::updateSummary()
{
    const int count = m_model->count();
    if (count == 0)
        m_summary->setText(tr("No new bookings from the AI agent."));
    else if (count == 1)
        m_summary->setText(tr("One new booking from the AI agent, today or later."));
    else
        m_summary->setText(tr("%1 new bookings from the AI agent, today and later.").arg(count));
    m_markAll->setEnabled(count > 0);
}

} // namespace frontdesk
