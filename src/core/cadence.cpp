#include "core/cadence.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

int days_between(const Date& a, const Date& b) {
    return static_cast<int>(days_since_epoch(b) - days_since_epoch(a));
}

std::vector<NameCount> ranked(const std::map<std::string, NameCount>& by_key) {
    std::vector<NameCount> out;
    for (const auto& [key, entry] : by_key)
        out.push_back(entry);
    std::stable_sort(out.begin(), out.end(),
                     [](const NameCount& a, const NameCount& b) { return a.second > b.second; });
    return out;
}

void count_name(std::map<std::string, NameCount>& by_key, const std::string& name) {
    auto [entry, added] = by_key.try_emplace(util::slugify(name), name, 0);
    ++entry->second.second;
}

double median(std::vector<int> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values[middle];
    return (values[middle - 1] + values[middle]) / 2.0;
}

// Fills the gaps, customers and segments of one PM from their counted notes
// (sorted by date) up to today.
void describe(PmCadence& row, std::vector<const Note*> notes, const Date& first,
              const Date& today) {
    std::optional<Date> before; // the last interview before the window
    std::vector<Date> days;     // distinct interview days in the window
    std::map<std::string, NameCount> customers, segments;
    for (const Note* note : notes) {
        if (note->date > today)
            continue;
        if (note->date < first) {
            before = note->date;
            continue;
        }
        ++row.interviews;
        count_name(customers, note->customer);
        if (!note->segment.empty())
            count_name(segments, note->segment);
        if (days.empty() || days.back() != note->date)
            days.push_back(note->date);
    }
    row.customers = ranked(customers);
    row.segments = ranked(segments);
    if (before)
        days.insert(days.begin(), *before);
    std::vector<int> gaps;
    for (std::size_t i = 1; i < days.size(); ++i) {
        const Gap gap{days_between(days[i - 1], days[i]), days[i - 1], days[i], false};
        gaps.push_back(gap.days);
        if (!row.longest_gap || gap.days > row.longest_gap->days)
            row.longest_gap = gap;
    }
    if (!gaps.empty())
        row.median_gap_days = median(gaps);
    if (!days.empty()) {
        const Gap open{days_between(days.back(), today), days.back(), today, true};
        if (!row.longest_gap || open.days > row.longest_gap->days)
            row.longest_gap = open;
    }
}

} // namespace

CadenceReport build_cadence_report(const Config& config, const std::vector<Note>& notes,
                                   const Date& today, int months, QuotaOptions filters) {
    CadenceReport report;
    report.months = months;
    report.today = today;
    const Week this_week = week_containing(today, config.week_start);
    const Week first_week = week_containing(months_before(today, months), config.week_start);
    report.first = first_week.start;
    filters.weeks = 1;
    for (Week week = first_week; week < this_week; week = next_week(week))
        ++filters.weeks;
    report.quota = build_quota_report(config, notes, today, this_week, filters);

    // The notes the quota credits, so both reports count the same calls.
    std::map<std::string, std::vector<const Note*>> counted;
    for (const auto& note : notes)
        if (filters.products.empty() || util::contains(filters.products, note.product))
            for (const auto& pm : credited_pms(config, note))
                counted[pm].push_back(&note);
    for (auto& [pm, list] : counted)
        std::stable_sort(list.begin(), list.end(),
                         [](const Note* a, const Note* b) { return a->date < b->date; });
    for (const auto& quota_row : report.quota.rows) {
        PmCadence row;
        row.quota = quota_row;
        describe(row, counted[quota_row.pm], report.first, today);
        report.rows.push_back(std::move(row));
    }
    return report;
}

} // namespace pmi
