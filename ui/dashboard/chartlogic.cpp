// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "chartlogic.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace wfs::studio::chart {

double niceStep(double span, int maxTicks)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1;
    const double raw = span / double(std::max(maxTicks, 1));
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        // A small tolerance: 0.3 / 3 must give 0.1, not 0.2.
        if (m * magnitude >= raw * (1 - 1e-9))
            return m * magnitude;
    }
    return 10 * magnitude;
}

static int decimalsFor(double step)
{
    return step >= 1 ? 0 : std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 9);
}

NiceScale niceScale(double lo, double hi, int maxTicks)
{
    NiceScale s;
    if (!std::isfinite(lo) || !std::isfinite(hi) || hi <= lo) {
        s.step = niceStep(1, maxTicks);
        s.decimals = decimalsFor(s.step);
        return s;
    }
    s.step = niceStep(hi - lo, maxTicks);
    s.min = std::floor(lo / s.step + 1e-9) * s.step;
    s.max = std::ceil(hi / s.step - 1e-9) * s.step;
    if (s.max <= s.min)
        s.max = s.min + s.step;
    s.decimals = decimalsFor(s.step);
    return s;
}

NiceScale percentScale(double top, int maxTicks)
{
    if (!std::isfinite(top) || top > 50)
        return niceScale(0, 100, std::min(maxTicks, 5));
    NiceScale s = niceScale(0, std::max(top, 1.0), maxTicks);
    s.max = std::min(s.max, 100.0);
    return s;
}

std::vector<Tick> ticks(const NiceScale &scale, const QString &suffix)
{
    std::vector<Tick> out;
    const QLocale c = QLocale::c();
    const int n = int(std::llround((scale.max - scale.min) / scale.step));
    for (int i = 0; i <= n && i <= 1000; ++i) {
        const double v = scale.min + double(i) * scale.step;
        // Zero is "0" whatever the decimals: the axis' origin reads at a glance.
        const QString text = std::abs(v) < scale.step / 1e6 ? QStringLiteral("0")
                                                            : c.toString(v, 'f', scale.decimals);
        out.push_back({v, text + suffix});
    }
    return out;
}

std::int64_t niceTimeStepMs(std::int64_t spanMs, int maxTicks)
{
    static constexpr std::int64_t kSteps[] = {
        1'000,     2'000,     5'000,      10'000,     15'000,     30'000,
        60'000,    120'000,   300'000,    600'000,    900'000,    1'800'000,
        3'600'000, 7'200'000, 10'800'000, 21'600'000, 43'200'000, 86'400'000};
    maxTicks = std::max(maxTicks, 1);
    for (const std::int64_t step : kSteps) {
        if (spanMs / step < maxTicks)
            return step;
    }
    return kSteps[std::size(kSteps) - 1];
}

std::vector<Tick> timeTicks(std::int64_t fromMs, std::int64_t toMs, int maxTicks)
{
    std::vector<Tick> out;
    if (toMs <= fromMs)
        return out;
    const std::int64_t step = niceTimeStepMs(toMs - fromMs, maxTicks);
    // Round in local time, so that minutes and hours fall on :00 where the user lives.
    const std::int64_t offset =
        std::int64_t(QDateTime::fromMSecsSinceEpoch(fromMs).offsetFromUtc()) * 1000;
    std::int64_t t = ((fromMs + offset + step - 1) / step) * step - offset;
    const QString format = step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    for (; t <= toMs; t += step)
        out.push_back({double(t), QDateTime::fromMSecsSinceEpoch(t).toString(format)});
    return out;
}

double gapThreshold(const std::vector<double> &xs)
{
    std::vector<double> steps;
    for (std::size_t i = 1; i < xs.size(); ++i) {
        if (xs[i] > xs[i - 1])
            steps.push_back(xs[i] - xs[i - 1]);
    }
    double median = 1000;
    if (!steps.empty()) {
        std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2),
                         steps.end());
        median = steps[steps.size() / 2];
    }
    return std::max(2.5 * median, 2500.0);
}

std::vector<std::vector<QPointF>> splitAtGaps(const std::vector<QPointF> &points, double maxGap)
{
    std::vector<std::vector<QPointF>> runs;
    bool open = false;
    for (const QPointF &p : points) {
        if (std::isnan(p.y())) {
            open = false;
            continue;
        }
        if (open && p.x() - runs.back().back().x() > maxGap)
            open = false;
        if (!open) {
            runs.emplace_back();
            open = true;
        }
        runs.back().push_back(p);
    }
    return runs;
}

TimeRange visibleRange(int rangeSeconds, std::int64_t nowMs, const std::optional<TimeRange> &zoom)
{
    if (zoom && zoom->toMs > zoom->fromMs)
        return *zoom;
    return {nowMs - std::int64_t(std::max(rangeSeconds, 1)) * 1000, nowMs};
}

std::optional<TimeRange> zoomFromDrag(double x0, double x1)
{
    if (!std::isfinite(x0) || !std::isfinite(x1))
        return std::nullopt;
    const auto lo = std::int64_t(std::min(x0, x1));
    const auto hi = std::int64_t(std::max(x0, x1));
    if (hi - lo < 1000)
        return std::nullopt;
    return TimeRange{lo, hi};
}

int nearestIndex(const std::vector<double> &xs, double x, double tolerance)
{
    if (xs.empty() || std::isnan(x))
        return -1;
    const auto it = std::lower_bound(xs.begin(), xs.end(), x);
    int best = -1;
    double bestDistance = tolerance;
    for (auto c : {it, it == xs.begin() ? it : it - 1}) {
        if (c == xs.end())
            continue;
        const double d = std::abs(*c - x);
        if (d <= bestDistance) {
            bestDistance = d;
            best = int(c - xs.begin());
        }
    }
    return best;
}

} // namespace wfs::studio::chart
