#include "MessageBanner.h"

#include "text/ErrorTexts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace frontdesk {

namespace {

// A tint of the palette's window colour towards a hue that says what kind of message it is;
// the text keeps the palette's text colour, so contrast holds in light and dark themes.
QColor tint(const QPalette &palette, MessageBanner::Kind kind)
{
    QColor hue;
    switch (kind) {
    case MessageBanner::Kind::Error: hue = QColor::fromHsv(0, 200, 220); break;
    case MessageBanner::Kind::Warning: hue = QColor::fromHsv(40, 220, 230); break;
    case MessageBanner::Kind::Information: hue = palette.color(QPalette::Highlight); break;
    case MessageBanner::Kind::Success: hue = QColor::fromHsv(130, 180, 180); break;
    }
    const QColor base = palette.color(QPalette::Window);
    const double share = 0.28;
    return QColor::fromRgbF(base.redF() * (1 - share) + hue.redF() * share,
                            base.greenF() * (1 - share) + hue.greenF() * share,
                            base.blueF() * (1 - share) + hue.blueF() * share);
}

QStyle::StandardPixmap iconFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error: return QStyle::SP_MessageBoxCritical;
    case MessageBanner::Kind::Warning: return QStyle::SP_MessageBoxWarning;
    case MessageBanner::Kind::Information: return QStyle::SP_MessageBoxInformation;
    case MessageBanner::Kind::Success: return QStyle::SP_DialogApplyButton;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    // Texts may hold what a caller said (a name as heard): never read as markup.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close this message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::clear);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, const QString &details)
{
    m_kind = kind;
    m_text->setText(text);
    setToolTip(details);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(iconFor(kind)).pixmap(size, size));
    setAccessibleName(text);
    applyColours();
    show();
}

void MessageBanner::showError(const QString &code, const QString &serverMessage)
{
    m_code = code;
    QString details = tr("Code: %1").arg(code);
    if (!serverMessage.isEmpty())
        details += u'\n' + serverMessage;
    showMessage(Kind::Error, errorText(code), details);
    m_code = code;
}

void MessageBanner::clear()
{
    m_code.clear();
    m_text->clear();
    setToolTip({});
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
}

void MessageBanner::applyColours()
{
    QPalette p = palette();
    // The window's own palette, not ours: ours carries the tint already.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    p.setColor(QPalette::Window, tint(base, m_kind));
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(p);
}

} // namespace frontdesk
