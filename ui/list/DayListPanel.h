#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace frontdesk {

class DayFilterModel;
class DayModel;
struct Clinic;

// The day as a list: sortable, filtered by provider, status, source and text. Its selection is
// the desk's one current appointment (MainWindow keeps the book and the list in step), and rows
// landing above the one looked at never push it down the screen.
class DayListPanel : public QWidget
{
    Q_OBJECT

public:
    DayListPanel(DayModel *day, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    DayFilterModel *filter() const { return m_filter; }
    QLineEdit *textFilter() const { return m_text; }

    qint64 currentAppointmentId() const;
    void setCurrentAppointmentId(qint64 id);
    void setClinic(const Clinic &clinic);
    void setStale(bool stale);

Q_SIGNALS:
    void currentAppointmentChanged(qint64 id);
    void activated(qint64 id);

private:
    void rememberAnchor();
    void restoreAnchor();
    void fitColumnsSoon();
    void widenColumnsFor(int firstRow, int lastRow);
    void applyFilters();

    DayModel *m_day;
    DayFilterModel *m_filter;
    QTableView *m_table;
    QComboBox *m_provider;
    QComboBox *m_status;
    QComboBox *m_source;
    QLineEdit *m_text;
    qint64 m_anchorId = 0;
    int m_anchorY = 0;
    bool m_columnFitPending = false;
};

} // namespace frontdesk
