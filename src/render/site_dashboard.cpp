#include <fmt/format.h>

#include "render/site.hpp"
#include "render/site_parts.hpp"

namespace pmi::site {

namespace {

using parts::h;

struct StatusLook {
    const char* css;
    const char* symbol;
    const char* words;
};

// Colour, symbol and words: the grid reads in greyscale and to a screen reader.
StatusLook look(QuotaStatus status) {
    switch (status) {
    case QuotaStatus::met: return {"q-met", "✓", "met"};
    case QuotaStatus::missed: return {"q-missed", "✗", "missed"};
    case QuotaStatus::due: return {"q-due", "…", "due"};
    case QuotaStatus::excused: return {"q-away", "⌂", "away"};
    case QuotaStatus::not_started: return {"q-not-started", "–", "not started"};
    // Neither due nor missed, as not_started: shown the same, named for what it is.
    case QuotaStatus::left: return {"q-not-started", "–", "left"};
    case QuotaStatus::no_quota: return {"q-not-started", "–", "no quota"};
    }
    return {"q-missed", "?", "unknown"};
}

constexpr const char* draft_symbol = "✎";

// "W47" of "2026-W47": the year is in the column's accessible name.
std::string short_week(const std::string& label) {
    const auto dash = label.rfind('-');
    return dash == std::string::npos ? label : label.substr(dash + 1);
}

std::string plural(int count, const char* one, const char* many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string quota_cell(const WeekCount& week) {
    const StatusLook status = look(week.status);
    std::string words = fmt::format("{}: {}, {}", week_label(week.week), status.words,
                                    plural(week.count, "interview", "interviews"));
    std::string shown = fmt::format("{} {}", status.symbol, week.count);
    if (week.drafts > 0) {
        words += ", " + plural(week.drafts, "draft", "drafts");
        shown += std::string(" ") + draft_symbol;
    }
    return fmt::format("<td class=\"q {}\"><span aria-hidden=\"true\">{}</span>{}</td>", status.css,
                       shown, parts::screen_reader(words));
}

std::string site_pm_label(const PmQuota& row) {
    std::string label = h(row.name.empty() ? row.pm : row.name);
    if (!row.name.empty())
        label += " <span class=\"muted\">(" + h(row.pm) + ")</span>";
    if (!row.in_roster)
        label += " <span class=\"muted\">not in the roster</span>";
    return label;
}

std::string site_team_line(const QuotaReport& quota) {
    const TeamCounts team = team_counts(quota);
    std::vector<std::string> parts;
    const auto add = [&](int count, const char* words) {
        if (count > 0)
            parts.push_back(fmt::format("{} {}", count, words));
    };
    add(team.met, "met");
    add(team.missed, "missed");
    add(team.due, "due");
    add(team.excused, "away");
    add(team.not_started, "not started");
    add(team.not_in_roster, "not in the roster");
    std::string line =
        fmt::format("Week {} · quota {} a week · team: ", week_label(quota.week), quota.quota);
    for (std::size_t i = 0; i < parts.size(); ++i)
        line += (i ? ", " : "") + parts[i];
    if (parts.empty())
        line += "nobody on the roster";
    return "<p class=\"team\">" + h(line) + "</p>\n";
}

std::string legend() {
    std::string out = "<p class=\"legend\">";
    for (const auto status : {QuotaStatus::met, QuotaStatus::missed, QuotaStatus::due,
                              QuotaStatus::excused, QuotaStatus::not_started}) {
        const StatusLook item = look(status);
        out += fmt::format("<span class=\"{}\">{} {}</span>", item.css, item.symbol, item.words);
    }
    return out + fmt::format("<span>{} draft (never counted)</span></p>\n", draft_symbol);
}

std::string site_quota_grid(const QuotaReport& quota) {
    std::string out = "<table class=\"quota\"><caption>Interviews per PM and week against the "
                      "quota</caption>\n<thead><tr><th scope=\"col\">PM</th>";
    for (const auto& week : quota.weeks)
        out += fmt::format("<th scope=\"col\"><abbr title=\"{}\">{}</abbr></th>", week_label(week),
                           short_week(week_label(week)));
    out += "<th scope=\"col\">Streak</th><th scope=\"col\">Last interview</th></tr></thead>\n"
           "<tbody>\n";
    for (const auto& row : quota.rows) {
        out += "<tr><th scope=\"row\">" + site_pm_label(row) + "</th>";
        for (const auto& week : row.weeks)
            out += quota_cell(week);
        const WeekCount& selected = row.selected();
        out += fmt::format("<td>{}</td><td>", plural(selected.streak, "week", "weeks"));
        if (selected.last_date)
            out += h(format_date(*selected.last_date)) + " " + h(selected.last_customer);
        else
            out += "none";
        out += "</td></tr>\n";
    }
    if (quota.rows.empty())
        out += "<tr><td>No PM on the roster or in the notes.</td></tr>\n";
    return out + "</tbody></table>\n";
}

std::string gap_text(const std::optional<Gap>& gap) {
    if (!gap)
        return "none";
    return fmt::format("{} days ({} to {}{})", gap->days, format_date(gap->from),
                       format_date(gap->to), gap->open ? ", still open" : "");
}

std::string site_cadence_table(const CadenceReport& cadence) {
    std::size_t max = 0;
    for (const auto& row : cadence.rows)
        for (const auto& week : row.quota.weeks)
            max = std::max(max, static_cast<std::size_t>(week.count));
    std::string out = fmt::format(
        "<table class=\"cadence\"><caption>Cadence since {}: interviews a week</caption>\n"
        "<thead><tr><th scope=\"col\">PM</th><th scope=\"col\">Week by week</th><th "
        "scope=\"col\">Interviews</th><th scope=\"col\">Median gap</th><th scope=\"col\">Longest "
        "gap</th></tr></thead>\n<tbody>\n",
        format_date(cadence.first));
    for (const auto& row : cadence.rows) {
        std::vector<std::size_t> counts;
        std::string label = "Interviews a week from " + format_date(cadence.first) + ":";
        for (const auto& week : row.quota.weeks) {
            counts.push_back(static_cast<std::size_t>(week.count));
            label += " " + std::to_string(week.count);
        }
        out += "<tr><th scope=\"row\">" + site_pm_label(row.quota) + "</th><td>" +
               parts::bars_svg(counts, max, label) + "</td><td>" + std::to_string(row.interviews) +
               "</td><td>" +
               (row.median_gap_days ? fmt::format("{:.1f} days", *row.median_gap_days)
                                    : std::string("none")) +
               "</td><td>" + gap_text(row.longest_gap) + "</td></tr>\n";
    }
    return out + "</tbody></table>\n";
}

} // namespace

std::string dashboard_page(const QuotaReport& quota, const CadenceReport& cadence) {
    std::string content = "<h1>Customer interviews</h1>\n" + site_team_line(quota);
    content += site_quota_grid(quota) + legend();
    content += "<h2>Cadence</h2>\n" + site_cadence_table(cadence);
    content += "<p class=\"muted\">Made by pmi site on " + h(format_date(quota.today)) + ".</p>\n";
    return page("Dashboard", "", content);
}

} // namespace pmi::site
