#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace frontdesk {

class NewBookingsModel;

// The AI agent's bookings not looked at yet on this desk, today and later: Enter or a double
// click goes to one (the desk shows its day and selects it, which marks it seen).
class NewBookingsPanel : public QWidget
{
    Q_OBJECT

public:
    NewBookingsPanel(NewBookingsModel *model, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }

Q_SIGNALS:
    void openRequested(qint64 appointmentId);

private:
    void updateSummary();

    NewBookingsModel *m_model;
    QLabel *m_summary;
    QListView *m_list;
    QPushButton *m_markAll;
};

} // namespace frontdesk
