#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace frontdesk {

// The one way panels and dialogs show a problem or a result: an inline band above the work,
// never a modal box. Errors are shown from their code in plain words (text/ErrorTexts.h), with
// the code and the server's message in the details (tooltip), never a raw SQL error in the text.
// Colours from the palette, so it reads in a dark theme too.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information, Success };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QString &details = {});
    // The catalogue's words for `code`; the code and `serverMessage` go in the details.
    void showError(const QString &code, const QString &serverMessage = {});
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;
    QString code() const { return m_code; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Kind m_kind = Kind::Information;
    QString m_code;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace frontdesk
