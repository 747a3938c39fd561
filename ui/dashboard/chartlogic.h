// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The dashboard's chart arithmetic, free of widgets so that it is tested on its own: nice axis
// ticks (1-2-5 steps, percent axes ending at a sensible bound), time ticks on round seconds,
// minutes or hours with full labels, series split where there is no data (gaps stay gaps), the
// visible time range (live range or a zoom) and the sample nearest to a time (hover read-out).
#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wfs::studio::chart {

struct Tick
{
    double value = 0;
    QString label;
};

// An axis from `min` to `max` with ticks every `step` (1, 2 or 5 times a power of ten).
struct NiceScale
{
    double min = 0;
    double max = 1;
    double step = 1;
    int decimals = 0; ///< enough to tell every tick apart
};

// The 1-2-5 step nearest above span / maxTicks (maxTicks >= 1; span <= 0 gives 1).
double niceStep(double span, int maxTicks);
// From 0 (or `lo` when negative) to the first tick at or above `hi`, at most `maxTicks` steps.
// An empty range (hi <= lo, NaN) gives 0..1.
NiceScale niceScale(double lo, double hi, int maxTicks);
// A percent axis: 0..100 when the data reaches above 50 %, else 0..nice max of the data
// (never below 1 %, never above 100 %).
NiceScale percentScale(double top, int maxTicks);
// The ticks of a scale, labelled "<value><suffix>" with the scale's decimals.
std::vector<Tick> ticks(const NiceScale &scale, const QString &suffix = {});

// A round time step (1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h) giving
// at most `maxTicks` ticks over [fromMs, toMs].
std::int64_t niceTimeStepMs(std::int64_t spanMs, int maxTicks);
// Ticks at the multiples of that step (local time) inside [fromMs, toMs], labelled in full:
// "HH:mm:ss" below a minute's step, else "HH:mm".
std::vector<Tick> timeTicks(std::int64_t fromMs, std::int64_t toMs, int maxTicks);

// The largest step between two consecutive samples that still counts as continuous: 2.5 times
// the median step (at least 2.5 s), so idle time or a stopped dashboard shows as a gap.
double gapThreshold(const std::vector<double> &xs);
// `points` (sorted by x) split into runs: a NaN y, or a step in x above `maxGap`, ends a run.
std::vector<std::vector<QPointF>> splitAtGaps(const std::vector<QPointF> &points, double maxGap);

// The live ranges of the range selector, in seconds: 1 min, 5 min, 15 min, 1 h, 24 h.
inline constexpr int kRangeSeconds[] = {60, 300, 900, 3600, 86400};
struct TimeRange
{
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;
};
// The visible range: the zoom when there is one, else the last `rangeSeconds` up to `nowMs`.
TimeRange visibleRange(int rangeSeconds, std::int64_t nowMs,
                       const std::optional<TimeRange> &zoom = std::nullopt);
// A zoom from a drag between two x positions (any order); nullopt when narrower than 1 s.
std::optional<TimeRange> zoomFromDrag(double x0, double x1);

// Index of the time in `xs` (sorted) nearest to `x`, within `tolerance`; -1 when none.
int nearestIndex(const std::vector<double> &xs, double x, double tolerance);

} // namespace wfs::studio::chart
