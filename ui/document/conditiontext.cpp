// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "conditiontext.h"

#include <QCoreApplication>
#include <QStringList>

namespace wfs::studio {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::ConditionText)
};

QString node(const Json &c, bool nested)
{
    if (!c.is_object())
        return compactJson(c);
    if (c.empty())
        return Tr::tr("always");
    if (c.contains("var")) {
        const QString var = c["var"].is_string()
                                ? QString::fromStdString(c["var"].get<std::string>())
                                : compactJson(c["var"]);
        static const std::pair<const char *, const char *> ops[] = {
            {"equals", "=="}, {"not_equals", "!="}, {"gt", ">"},
            {"gte", ">="},    {"lt", "<"},          {"lte", "<="}};
        for (const auto &[key, symbol] : ops) {
            if (c.contains(key))
                return QStringLiteral("%1 %2 %3")
                    .arg(var, QLatin1String(symbol), compactJson(c[key]));
        }
        return var;
    }
    const auto group = [&](const char *key, const QString &word) {
        QStringList parts;
        if (c[key].is_array()) {
            for (const Json &sub : c[key])
                parts << node(sub, true);
        }
        const QString joined = parts.join(QLatin1Char(' ') + word + QLatin1Char(' '));
        return nested && parts.size() > 1 ? QLatin1Char('(') + joined + QLatin1Char(')') : joined;
    };
    if (c.contains("and"))
        return c["and"].empty() ? Tr::tr("always") : group("and", Tr::tr("and"));
    if (c.contains("or"))
        return c["or"].empty() ? Tr::tr("never") : group("or", Tr::tr("or"));
    if (c.contains("not"))
        return Tr::tr("not %1").arg(node(c["not"], true));
    return compactJson(c);
}

} // namespace

QString compactJson(const Json &value)
{
    return QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

QString conditionSummary(const Json &condition)
{
    return node(condition, false);
}

QString loopSummary(const Json &loop)
{
    if (!loop.is_object())
        return Tr::tr("invalid loop configuration");
    const std::string type = loop.contains("type") && loop["type"].is_string()
                                 ? loop["type"].get<std::string>()
                                 : std::string("?");
    QString text;
    const auto str = [&](const char *key) {
        if (!loop.contains(key))
            return QString();
        return loop[key].is_string() ? QString::fromStdString(loop[key].get<std::string>())
                                     : compactJson(loop[key]);
    };
    if (type == "while" || type == "until")
        text = QStringLiteral("%1 %2").arg(QString::fromStdString(type),
                                           loop.contains("condition")
                                               ? conditionSummary(loop["condition"])
                                               : Tr::tr("(no condition)"));
    else if (type == "for")
        text = Tr::tr("for %1 times").arg(loop.contains("count") ? str("count") : QStringLiteral("?"));
    else if (type == "forEach")
        text = Tr::tr("for each %1 in %2")
                   .arg(loop.contains("itemVar") ? str("itemVar") : QStringLiteral("currentItem"),
                        loop.contains("items") ? str("items") : QStringLiteral("?"));
    else
        text = QString::fromStdString(type);
    if (loop.contains("maxIterations"))
        text += QStringLiteral(" · ") + Tr::tr("max %1").arg(str("maxIterations"));
    return text;
}

} // namespace wfs::studio
