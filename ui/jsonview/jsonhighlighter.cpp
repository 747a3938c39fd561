// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "jsonhighlighter.h"

#include <QGuiApplication>

namespace wfs::studio {

namespace {

// A hue shifted towards the text colour's lightness, so it keeps contrast on the base colour.
QColor tint(const QPalette &palette, int hue)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    return QColor::fromHsl(hue, dark ? 150 : 190, dark ? 170 : 85);
}

} // namespace

QColor jsonSyntaxColor(const QPalette &palette, JsonSyntax kind)
{
    switch (kind) {
    case JsonSyntax::Key:
        return tint(palette, 210);
    case JsonSyntax::String:
        return tint(palette, 120);
    case JsonSyntax::Number:
        return tint(palette, 30);
    case JsonSyntax::Literal:
        return tint(palette, 290);
    }
    return palette.color(QPalette::Text);
}

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    m_key.setForeground(jsonSyntaxColor(palette, JsonSyntax::Key));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(jsonSyntaxColor(palette, JsonSyntax::String));
    m_number.setForeground(jsonSyntaxColor(palette, JsonSyntax::Number));
    m_literal.setForeground(jsonSyntaxColor(palette, JsonSyntax::Literal));
    m_literal.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(palette.color(QPalette::PlaceholderText));
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    // A string may not span lines in JSON, so each block is scanned on its own.
    const int n = static_cast<int>(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && text[j] != QLatin1Char('"'))
                j += text[j] == QLatin1Char('\\') ? 2 : 1;
            j = std::min(j + 1, n);
            int k = j;
            while (k < n && text[k].isSpace())
                ++k;
            const bool isKey = k < n && text[k] == QLatin1Char(':');
            setFormat(i, j - i, isKey ? m_key : m_string);
            i = j;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            int j = i + 1;
            while (j < n && (text[j].isDigit() || QStringLiteral(".eE+-").contains(text[j])))
                ++j;
            setFormat(i, j - i, m_number);
            i = j;
        } else if (c.isLetter()) {
            int j = i + 1;
            while (j < n && text[j].isLetter())
                ++j;
            setFormat(i, j - i, m_literal);
            i = j;
        } else {
            if (QStringLiteral("{}[]:,").contains(c))
                setFormat(i, 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace wfs::studio
