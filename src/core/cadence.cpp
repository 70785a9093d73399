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

std::string days_text(double days) {
    return fmt::format("{:g} day{}", days, days == 1 ? "" : "s");
}

std::string gap_text(const std::optional<Gap>& gap) {
    if (!gap)
        return "-";
    if (gap->open)
        return fmt::format("{} (open, since {})", days_text(gap->days), format_date(gap->from));
    return fmt::format("{} (to {})", days_text(gap->days), format_date(gap->to));
}

std::string names_text(const std::vector<NameCount>& names, std::size_t shown) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i)
        parts.push_back(fmt::format("{} {}", names[i].first, names[i].second));
    if (names.size() > shown)
        parts.push_back(fmt::format("+{}", names.size() - shown));
    return util::join(parts, ", ");
}

void names_json(util::JsonWriter& json, const std::vector<NameCount>& names) {
    json.begin_array();
    for (const auto& [name, count] : names) {
        json.begin_object();
        json.key("name").value(name);
        json.key("interviews").value(count);
        json.end_object();
    }
    json.end_array();
}

void gap_json(util::JsonWriter& json, const std::optional<Gap>& gap) {
    if (!gap) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("days").value(gap->days);
    json.key("from").value(format_date(gap->from));
    json.key("to").value(format_date(gap->to));
    json.key("open").value(gap->open);
    json.end_object();
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

    std::map<std::string, std::vector<const Note*>> counted;
    for (const auto& note : notes)
        if (config.kind_counts(effective_kind(note)) &&
            (filters.products.empty() || util::contains(filters.products, note.product)))
            counted[note.pm].push_back(&note);
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

std::string cadence_strip(const PmQuota& row) {
    std::string strip;
    for (const auto& week : row.weeks) {
        if (week.count >= 10)
            strip += '+';
        else if (week.count > 0)
            strip += static_cast<char>('0' + week.count);
        else if (week.status == QuotaStatus::excused)
            strip += 'a';
        else if (week.status == QuotaStatus::not_started)
            strip += '-';
        else
            strip += '.';
    }
    return strip;
}

std::string cadence_title(const CadenceReport& report) {
    return fmt::format("Interview cadence, {} to {}: {} weeks ({} month{}), oldest first",
                       format_date(report.first), format_date(report.today),
                       report.quota.weeks.size(), report.months, report.months == 1 ? "" : "s");
}

Table cadence_table(const CadenceReport& report, bool strip_as_code) {
    Table table;
    table.headers = {"PM",          "WEEKS",     "INTERVIEWS", "MEDIAN GAP",
                     "LONGEST GAP", "CUSTOMERS", "SEGMENTS"};
    table.align = {Align::left, Align::left, Align::right, Align::right,
                   Align::left, Align::left, Align::left};
    for (const auto& row : report.rows) {
        const std::string strip = cadence_strip(row.quota);
        const bool long_gap =
            row.longest_gap && row.longest_gap->open && row.longest_gap->days > 14;
        table.rows.push_back(
            {Cell(pm_label(row.quota), row.quota.in_roster ? Style::bold : Style::dim),
             Cell(strip_as_code ? "`" + strip + "`" : strip), Cell(std::to_string(row.interviews)),
             Cell(row.median_gap_days ? days_text(*row.median_gap_days) : "-"),
             Cell(gap_text(row.longest_gap), long_gap ? Style::yellow : Style::plain),
             Cell(row.customers.empty()
                      ? "-"
                      : fmt::format("{}: {}", row.customers.size(), names_text(row.customers, 3))),
             Cell(row.segments.empty() ? "-" : names_text(row.segments, 4))});
    }
    return table;
}

std::string cadence_json(const CadenceReport& report) {
    util::JsonWriter json;
    json.begin_object();
    json.key("from").value(format_date(report.first));
    json.key("to").value(format_date(report.today));
    json.key("months").value(report.months);
    json.key("weeks").begin_array();
    for (const auto& week : report.quota.weeks)
        json.value(week_label(week));
    json.end_array();
    json.key("pms").begin_array();
    for (const auto& row : report.rows) {
        json.begin_object();
        json.key("pm").value(row.quota.pm);
        json.key("name").value(row.quota.name);
        json.key("in_roster").value(row.quota.in_roster);
        json.key("interviews").value(row.interviews);
        json.key("per_week").begin_array();
        for (const auto& week : row.quota.weeks)
            json.value(week.count);
        json.end_array();
        json.key("strip").value(cadence_strip(row.quota));
        json.key("median_gap_days");
        if (row.median_gap_days)
            json.value(*row.median_gap_days);
        else
            json.null();
        json.key("longest_gap");
        gap_json(json, row.longest_gap);
        json.key("customers");
        names_json(json, row.customers);
        json.key("segments");
        names_json(json, row.segments);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
