// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "nodeitems.h"

#include "ui/document/conditiontext.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace wfs::studio {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::NodeItem)
};

// Errors are red and warnings amber in both themes (the error red is mixed with the base
// colour for the fill); the warning amber is yellower than the run mode's current step.
const QColor kErrorColor(0xd3, 0x2f, 0x2f);
const QColor kWarningColor(0xe0, 0xa8, 0x00);
// Run mode: the current step (amber) and completed steps (green), readable in both themes.
const QColor kCurrentColor(0xf5, 0x7c, 0x00);
const QColor kCompletedColor(0x2e, 0x9d, 0x4f);

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QString str(const Json &step, const char *key)
{
    if (!step.is_object() || !step.contains(key))
        return {};
    const Json &v = step[key];
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : compactJson(v);
}

bool truthy(const Json &step, const char *key)
{
    if (!step.is_object() || !step.contains(key))
        return false;
    const Json &v = step[key];
    return !(v.is_boolean() && !v.get<bool>()) && !v.is_null();
}

} // namespace

QPalette canvasPalette()
{
    return QGuiApplication::palette();
}

NodeItem::NodeItem(Kind kind, std::string pointer, const Json &step, QSizeF size,
                   QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_kind(kind)
    , m_pointer(std::move(pointer))
    , m_size(size)
{
    setFlags(ItemIsSelectable | ItemIsMovable);
    if (m_kind == Kind::Loop)
        setZValue(-1);
    setStep(step);
}

void NodeItem::setStep(const Json &step)
{
    m_id = str(step, "id");
    m_title = str(step, "title");
    m_subtitle.clear();
    m_badges.clear();
    if (m_kind == Kind::Loop) {
        m_subtitle = step.is_object() && step.contains("loop") ? loopSummary(step["loop"])
                                                                : Tr::tr("no loop configuration");
        if (step.is_object() && step.contains("body") && step["body"].is_string())
            m_badges << Tr::tr("Repeats step “%1”").arg(str(step, "body"));
        m_baseToolTip = Tr::tr("Loop %1: %2").arg(m_id.toHtmlEscaped(), m_subtitle.toHtmlEscaped());
    } else {
        m_subtitle = str(step, "agentRole");
        if (truthy(step, "requireConfirmation"))
            m_badges << (step["requireConfirmation"].is_boolean() ? Tr::tr("confirm")
                                                                  : Tr::tr("confirm if"));
        if (truthy(step, "askForFiles"))
            m_badges << Tr::tr("files");
        if (step.is_object() && (step.contains("validationCriteria") || truthy(step, "hasValidation")))
            m_badges << Tr::tr("validation");
        if (!m_subtitle.isEmpty())
            m_badges << Tr::tr("role");
        if (step.is_object() && step.contains("functionReferences"))
            m_badges << Tr::tr("functions");
        QString prompt = str(step, "prompt");
        if (prompt.size() > 400)
            prompt = prompt.left(400) + QStringLiteral("…");
        m_baseToolTip =
            QStringLiteral("<b>%1</b> (%2)<br>%3")
                .arg(m_title.toHtmlEscaped(), m_id.toHtmlEscaped(),
                     prompt.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    updateToolTip();
    update();
}

void NodeItem::setProblems(const QString &text, ProblemLevel level)
{
    if (text.isEmpty())
        level = ProblemLevel::None;
    if (text == m_problems && level == m_problemLevel)
        return;
    m_problems = level == ProblemLevel::None ? QString() : text;
    m_problemLevel = level;
    updateToolTip();
    update();
}

// Problems first (what needs fixing), then the run state, then what the step says.
void NodeItem::updateToolTip()
{
    QStringList parts;
    if (!m_problems.isEmpty()) {
        const QColor color = m_problemLevel == ProblemLevel::Error ? kErrorColor : kWarningColor;
        parts << QStringLiteral("<span style=\"color:%1\">%2</span>")
                     .arg(color.name(), m_problems.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                           QStringLiteral("<br>")));
    }
    if (!m_whatIf.isEmpty())
        parts << QStringLiteral("<i>%1</i>")
                     .arg(Tr::tr("With the edited context: %1").arg(m_whatIf).toHtmlEscaped());
    if (!m_runExplanation.isEmpty()) {
        // The explanation engine's reason says it all (status, condition, values, unblock).
        parts << QStringLiteral("<b>%1</b>")
                     .arg(m_runExplanation.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                   QStringLiteral("<br>")));
    } else {
        switch (m_runState) {
        case RunState::Current:
            parts << Tr::tr("Current step");
            break;
        case RunState::Completed:
            parts << Tr::tr("Completed");
            break;
        case RunState::Skipped:
            parts << Tr::tr("Skipped: %1").arg(m_runNote.toHtmlEscaped());
            break;
        case RunState::None:
            break;
        }
    }
    if (m_kind == Kind::Loop && !m_runNote.isEmpty() && m_runState != RunState::Skipped)
        parts << m_runNote.toHtmlEscaped();
    parts << m_baseToolTip;
    // Always rich text (the parts are escaped HTML), even when a part has no tag of its own.
    setToolTip(QStringLiteral("<qt>%1</qt>").arg(parts.join(QStringLiteral("<br>"))));
}

// Draws a node's run state above its contents (and above a loop's body nodes), so the
// node's own painting stays as the editor made it. Transparent to the mouse.
class RunOverlayItem : public QGraphicsItem
{
public:
    explicit RunOverlayItem(NodeItem *node)
        : QGraphicsItem(node)
        , m_node(node)
    {
        setAcceptedMouseButtons(Qt::NoButton);
        setAcceptHoverEvents(false);
        setZValue(50);
    }
    // Room above the node for the what-if label.
    QRectF boundingRect() const override { return m_node->boundingRect().adjusted(-4, -14, 4, 4); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        m_node->paintRunState(painter, QRectF(QPointF(0, 0), m_node->m_size));
    }

private:
    NodeItem *m_node;
};

void NodeItem::setRunState(RunState state, const QString &note)
{
    if (state == m_runState && note == m_runNote)
        return;
    if (!m_runOverlay)
        m_runOverlay = new RunOverlayItem(this);
    m_runState = state;
    m_runNote = note;
    updateToolTip();
    m_runOverlay->update();
}

void NodeItem::setRunExplanation(const QString &explanation, const QString &caption,
                                 const QString &whatIf)
{
    if (explanation == m_runExplanation && caption == m_runCaption && whatIf == m_whatIf)
        return;
    if (!m_runOverlay)
        m_runOverlay = new RunOverlayItem(this);
    m_runExplanation = explanation;
    m_runCaption = caption;
    m_whatIf = whatIf;
    updateToolTip();
    m_runOverlay->update();
}

void NodeItem::paintRunState(QPainter *painter, const QRectF &r) const
{
    if (m_runState == RunState::None && m_runNote.isEmpty() && m_whatIf.isEmpty())
        return;
    const QPalette pal = canvasPalette();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal radius = m_kind == Kind::Loop ? 12 : 8;
    if (m_runState == RunState::Current) {
        painter->setPen(QPen(kCurrentColor, 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(-1, -1, 1, 1), radius, radius);
    } else if (m_runState == RunState::Completed && m_kind == Kind::Step) {
        painter->setPen(Qt::NoPen);
        QColor tint = kCompletedColor;
        tint.setAlphaF(0.16);
        painter->setBrush(tint);
        painter->drawRoundedRect(r, radius, radius);
        painter->setPen(QPen(kCompletedColor, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r, radius, radius);
    } else if (m_runState == RunState::Skipped) {
        QColor veil = pal.color(QPalette::Window);
        veil.setAlphaF(0.6);
        painter->setPen(QPen(pal.color(QPalette::PlaceholderText), 1.5, Qt::DotLine));
        painter->setBrush(veil);
        painter->drawRoundedRect(r, radius, radius);
    }
    // A marker in the top-right corner: ▶ current, ✓ completed, ⤼ skipped; loops show the
    // iteration counter there.
    QString marker;
    QColor color = pal.color(QPalette::Text);
    if (m_kind == Kind::Loop) {
        marker = m_runState == RunState::Skipped ? Tr::tr("skipped") : m_runNote;
        color = m_runState == RunState::Current ? kCurrentColor : pal.color(QPalette::Text);
    } else if (m_runState == RunState::Current) {
        marker = QStringLiteral("▶");
        color = kCurrentColor;
    } else if (m_runState == RunState::Completed) {
        marker = QStringLiteral("✓");
        color = kCompletedColor;
    } else if (m_runState == RunState::Skipped) {
        marker = Tr::tr("skipped");
        color = pal.color(QPalette::PlaceholderText);
    }
    if (!marker.isEmpty()) {
        QFont f = painter->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.85);
        painter->setFont(f);
        const QFontMetricsF fm(f);
        const qreal w = fm.horizontalAdvance(marker) + 12;
        const QRectF pill(r.right() - w - 8, r.top() + 6, w, fm.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(color);
        painter->drawText(pill, Qt::AlignCenter, marker);
    }
    // A skipped step shows the condition that decided it, with the values it read.
    if (m_runState == RunState::Skipped && !m_runCaption.isEmpty()) {
        QFont f = painter->font();
        f.setBold(false);
        f.setItalic(true);
        f.setPointSizeF(QFont().pointSizeF() * 0.8);
        painter->setFont(f);
        const QFontMetricsF fm(f);
        const qreal top = m_kind == Kind::Loop ? r.top() + 30 : r.bottom() - fm.height() - 6;
        const QRectF line(r.left() + 10, top, r.width() - 20, fm.height() + 2);
        QColor back = pal.color(QPalette::Base);
        back.setAlphaF(0.85);
        const QString text = fm.elidedText(m_runCaption, Qt::ElideRight, line.width() - 8);
        const QRectF box(line.left(), line.top(), fm.horizontalAdvance(text) + 8, line.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(back);
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(box, Qt::AlignCenter, text);
    }
    // What-if: the step would change under the context being edited.
    if (!m_whatIf.isEmpty()) {
        const QColor violet(0x8e, 0x24, 0xaa);
        const qreal radius = m_kind == Kind::Loop ? 12 : 8;
        painter->setPen(QPen(violet, 2.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(-3, -3, 3, 3), radius + 2, radius + 2);
        QFont f = painter->font();
        f.setBold(true);
        f.setItalic(false);
        f.setPointSizeF(QFont().pointSizeF() * 0.8);
        painter->setFont(f);
        const QFontMetricsF fm(f);
        const QRectF pill(r.left() + 10, r.top() - fm.height() / 2 - 3,
                          fm.horizontalAdvance(m_whatIf) + 12, fm.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(violet);
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, m_whatIf);
    }
    painter->restore();
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette pal = canvasPalette();
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF r(QPointF(0, 0), m_size);
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());

    QPen border(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                selected ? 2.5 : 1.2);
    if (m_problemLevel == ProblemLevel::Error)
        border = QPen(kErrorColor, selected ? 3 : 2);
    else if (m_problemLevel == ProblemLevel::Warning)
        border = QPen(kWarningColor, selected ? 3 : 2);
    if (m_kind == Kind::Loop) {
        border.setStyle(Qt::DashLine);
        painter->setPen(border);
        painter->setBrush(mix(pal.color(QPalette::Window), pal.color(QPalette::Highlight), 0.08));
        painter->drawRoundedRect(r, 12, 12);
    } else {
        painter->setPen(border);
        QColor fill = pal.color(QPalette::Base);
        if (m_problemLevel == ProblemLevel::Error)
            fill = mix(fill, kErrorColor, 0.10);
        painter->setBrush(fill);
        painter->drawRoundedRect(r, 8, 8);
        // A coloured strip on the left marks standard steps.
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawRoundedRect(QRectF(r.left() + 1, r.top() + 6, 4, r.height() - 12), 2, 2);
    }
    if (lod < 0.35)
        return; // too small to read: shapes only (minimap, far zoom)

    QFont titleFont = painter->font();
    titleFont.setBold(true);
    QFont smallFont = painter->font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
    const qreal pad = 12;
    const qreal width = r.width() - 2 * pad;
    qreal y = 8;

    painter->setPen(pal.color(QPalette::Text));
    painter->setFont(titleFont);
    QFontMetricsF tfm(titleFont);
    const QString title = m_kind == Kind::Loop ? Tr::tr("⟳ %1").arg(m_title) : m_title;
    painter->drawText(QRectF(pad, y, width, tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      tfm.elidedText(title, Qt::ElideRight, width));
    y += tfm.height() + 2;

    painter->setFont(smallFont);
    QFontMetricsF sfm(smallFont);
    // The problem badge sits at the right end of the id line: ✖ error, ⚠ warning.
    qreal idWidth = width;
    if (m_problemLevel != ProblemLevel::None) {
        const bool error = m_problemLevel == ProblemLevel::Error;
        const qreal d = sfm.height() + 2;
        const QRectF badge(r.width() - pad - d, y, d, d);
        painter->setPen(Qt::NoPen);
        painter->setBrush(error ? kErrorColor : kWarningColor);
        if (error) {
            painter->drawEllipse(badge);
        } else {
            QPainterPath triangle;
            triangle.moveTo(badge.center().x(), badge.top());
            triangle.lineTo(badge.right(), badge.bottom());
            triangle.lineTo(badge.left(), badge.bottom());
            triangle.closeSubpath();
            painter->drawPath(triangle);
        }
        QFont badgeFont = smallFont;
        badgeFont.setBold(true);
        painter->setFont(badgeFont);
        painter->setPen(error ? QColor(Qt::white) : QColor(Qt::black));
        painter->drawText(error ? badge : badge.adjusted(0, d * 0.2, 0, 0), Qt::AlignCenter,
                          error ? QStringLiteral("✖") : QStringLiteral("!"));
        painter->setFont(smallFont);
        idWidth -= d + 4;
    }
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(pad, y, idWidth, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(m_id, Qt::ElideRight, idWidth));
    y += sfm.height() + 2;
    if (m_kind == Kind::Loop) {
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(QRectF(pad, y, width, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          sfm.elidedText(m_subtitle, Qt::ElideRight, width));
        y += sfm.height() + 6;
        if (!m_badges.isEmpty()) {
            painter->setPen(pal.color(QPalette::PlaceholderText));
            painter->drawText(QRectF(pad, 66, width, sfm.height() + 4),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              sfm.elidedText(m_badges.first(), Qt::ElideRight, width));
        }
        return;
    }

    // Badges: small pills along the bottom.
    qreal x = pad;
    const qreal by = r.height() - sfm.height() - 10;
    for (const QString &b : m_badges) {
        const qreal w = sfm.horizontalAdvance(b) + 12;
        if (x + w > r.width() - pad)
            break;
        const QRectF pill(x, by, w, sfm.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.22));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(pill, Qt::AlignCenter, b);
        x += w + 6;
    }
}

EdgeItem::EdgeItem(QPointF from, QPointF to, const QString &label, QGraphicsItem *parent,
                   qreal labelMaxWidth)
    : QGraphicsItem(parent)
    , m_from(from)
    , m_to(to)
    , m_labelMaxWidth(labelMaxWidth)
{
    // Above loop frames (-1), whose fill would hide the arrows and guards between body steps;
    // edges run between nodes, so they never cover one.
    setZValue(-0.5);
    setLabel(label);
}

void EdgeItem::setLabel(const QString &label)
{
    if (label == m_fullLabel)
        return;
    prepareGeometryChange();
    m_fullLabel = label;
    m_label.clear();
    m_labelRect = QRectF();
    setToolTip(QString());
    if (!label.isEmpty()) {
        QFont f;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        const QFontMetricsF fm(f);
        const QString marker = QStringLiteral("◆ ");
        const qreal padding = 14; // 7 each side of the text
        const qreal room = m_labelMaxWidth - padding - fm.horizontalAdvance(marker);
        const QString shown = marker + fm.elidedText(label, Qt::ElideRight, std::max(room, 20.0));
        const qreal w = std::min(fm.horizontalAdvance(shown) + padding, m_labelMaxWidth);
        const QPointF mid = (m_from + m_to) / 2;
        m_labelRect = QRectF(mid.x() + 10, mid.y() - fm.height() / 2 - 3, w, fm.height() + 6);
        m_label = shown;
        setToolTip(Tr::tr("Runs only when: %1").arg(label));
    }
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return QRectF(m_from, m_to).normalized().adjusted(-8, -2, 8, 2) | m_labelRect;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = canvasPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(pal.color(QPalette::PlaceholderText), 1.5);
    if (!m_label.isEmpty())
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->drawLine(m_from, m_to - QPointF(0, 6));
    QPainterPath arrow;
    arrow.moveTo(m_to);
    arrow.lineTo(m_to + QPointF(-5, -8));
    arrow.lineTo(m_to + QPointF(5, -8));
    arrow.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(pal.color(QPalette::PlaceholderText));
    painter->drawPath(arrow);
    if (m_label.isEmpty())
        return;
    QFont f = painter->font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    painter->setFont(f);
    painter->setBrush(pal.color(QPalette::ToolTipBase));
    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->drawRoundedRect(m_labelRect, 5, 5);
    painter->setPen(pal.color(QPalette::ToolTipText));
    painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
}

} // namespace wfs::studio
