// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Syntax colouring for JSON text: keys, strings, numbers, literals and punctuation, with
// colours derived from the widget palette so that light and dark themes both read well.
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace wfs::studio {

// The colours of JSON syntax for a palette (light or dark); the value editors use them too.
enum class JsonSyntax { Key, String, Number, Literal };
QColor jsonSyntaxColor(const QPalette &palette, JsonSyntax kind);

class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);
    // Recomputes the formats from a palette (call on palette change).
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};

} // namespace wfs::studio
