#include "core/check.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

#include "core/create.hpp"
#include "util/fs.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

// A front-matter value read without YAML: trailing comment and quotes removed.
std::string plain_value(std::string_view value) {
    value = util::trim(value);
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        const auto close = value.find(value.front(), 1);
        return std::string(
            value.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    if (const auto comment = value.find(" #"); comment != std::string_view::npos)
        value = util::trim(value.substr(0, comment));
    return std::string(value);
}

std::optional<Date> file_name_date(std::string_view file_name) {
    if (!file_name.ends_with(".md"))
        return std::nullopt;
    std::string stem(file_name.substr(0, file_name.size() - 3));
    std::string customer;
    Date date;
    if (split_customer_date(stem, customer, date))
        return date;
    const auto dash = stem.rfind('-'); // a second call's "-2"
    if (dash != std::string::npos && split_customer_date(stem.substr(0, dash), customer, date))
        return date;
    return std::nullopt;
}

// Links each short PM to their invalid notes dated in the week.
void link_invalid_notes(const Config& config, CheckResult& result) {
    std::set<std::string> short_pms;
    for (const auto& row : result.short_pms)
        short_pms.insert(row.pm);
    std::set<std::string> read;
    for (const auto& problem : result.errors) {
        if (short_pms.empty() || !problem.path.ends_with(".md") ||
            !read.insert(problem.path).second)
            continue;
        // The front matter is at the start: a huge file is not read whole.
        const auto text = util::read_prefix(config.root / problem.path, 64 * 1024);
        if (!text)
            continue;
        const std::string_view path = problem.path;
        const NoteOwner owner = guess_note_owner(*text, path.substr(path.find_last_of('/') + 1));
        const Week& week = result.quota.week;
        if (short_pms.contains(owner.pm) && owner.date && week.start <= *owner.date &&
            *owner.date <= week_end(week))
            result.invalid_notes_of[owner.pm].push_back(problem);
    }
}

} // namespace

NoteOwner guess_note_owner(std::string_view text, std::string_view file_name) {
    NoteOwner owner;
    std::size_t at = 0;
    bool in_front_matter = false;
    bool date_line = false;
    for (int number = 1; at <= text.size(); ++number) {
        const auto end = std::min(text.find('\n', at), text.size());
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (number == 1) {
            if (util::trim(line) != "---")
                break;
            in_front_matter = true;
            continue;
        }
        if (line == "---" || line == "...")
            break;
        if (line.starts_with("pm:") && owner.pm.empty())
            owner.pm = plain_value(line.substr(3));
        if (line.starts_with("date:") && !date_line) {
            date_line = true;
            owner.date = parse_date(plain_value(line.substr(5)));
        }
    }
    if (!in_front_matter)
        owner.pm.clear();
    if (!owner.date)
        owner.date = file_name_date(file_name);
    return owner;
}

CheckResult run_check(const Config& config, const NoteSet& notes, const Date& today,
                      const Week& week, const std::vector<Problem>& extra_problems) {
    CheckResult result;
    result.quota = build_quota_report(config, notes.notes, today, week);
    for (const auto& row : result.quota.rows)
        if (row.in_roster && !status_ok(row.selected().status))
            result.short_pms.push_back(row);
    // Extra checks (lint) may find what loading found: each problem once.
    std::set<std::tuple<std::string, int, Severity, std::string>> seen;
    for (const auto* problems : {&notes.problems, &extra_problems})
        for (const auto& problem : *problems)
            if (seen.emplace(problem.path, problem.line, problem.severity, problem.message).second)
                (problem.severity == Severity::error ? result.errors : result.warnings)
                    .push_back(problem);
    // A note read fine but with a lint error (folder, roster) is invalid, not valid too.
    std::set<std::string_view> error_paths;
    for (const auto& problem : result.errors)
        error_paths.insert(problem.path);
    result.valid_notes = static_cast<std::size_t>(
        std::count_if(notes.notes.begin(), notes.notes.end(),
                      [&](const Note& note) { return !error_paths.contains(note.path); }));
    link_invalid_notes(config, result);
    return result;
}

} // namespace pmi
