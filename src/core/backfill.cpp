#include "core/backfill.hpp"

#include <fmt/format.h>

#include "core/import.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi {

FirstRecorded parse_first_recorded(std::string_view log) {
    FirstRecorded recorded;
    std::map<std::string, std::string> later_name; // an older path -> the path it has now
    const auto current = [&](std::string_view path) {
        const auto found = later_name.find(std::string(path));
        return found == later_name.end() ? std::string(path) : found->second;
    };
    std::optional<Date> date;
    const auto fields = util::split(log, '\0');
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string_view field = fields[i];
        while (!field.empty() && field.front() == '\n')
            field.remove_prefix(1);
        if (!field.empty() && field.front() == '\x01') {
            date = parse_date(util::trim(field.substr(1)));
            continue;
        }
        if (field == "A" && i + 1 < fields.size()) {
            if (date)
                recorded[current(fields[i + 1])] = *date; // older commits come later
            ++i;
        } else if (!field.empty() && field.front() == 'R' && i + 2 < fields.size()) {
            later_name[std::string(fields[i + 1])] = current(fields[i + 2]);
            i += 2;
        }
    }
    return recorded;
}

FirstRecorded read_first_recorded(const Config& config) {
    const std::string root = config.root.string();
    if (!util::capture_output({"git", "-C", root, "rev-parse", "--git-dir"}))
        throw Error(fmt::format("'{}' is not in a git repository, or git is not installed", root));
    // A shallow clone's oldest commit "adds" every note: each would look late.
    const auto shallow =
        util::capture_output({"git", "-C", root, "rev-parse", "--is-shallow-repository"});
    if (shallow && util::trim(*shallow) == "true")
        throw Error(fmt::format("'{}' is a shallow clone: git does not know when each note was "
                                "first recorded; fetch the history (git fetch --unshallow; in "
                                "GitHub Actions, actions/checkout with fetch-depth: 0)",
                                root));
    const auto log =
        util::capture_output({"git", "-C", root, "-c", "log.showSignature=false", "log", "-z",
                              "--format=%x01%ad", "--date=short", "--name-status",
                              "--diff-filter=AR", "-M", "--relative", "--", config.notes_dir});
    return log ? parse_first_recorded(*log) : FirstRecorded{}; // no commits yet
}

std::vector<Problem> backfill_problems(const std::vector<Note>& notes,
                                       const FirstRecorded& recorded, const Date& today,
                                       int late_after_days) {
    std::vector<Problem> problems;
    for (const auto& note : notes) {
        if (is_imported(note))
            continue; // history brought in by `pmi import`: late by nature
        const auto found = recorded.find(note.path);
        const Date written = found == recorded.end() ? today : found->second;
        const long days = days_since_epoch(written) - days_since_epoch(note.date);
        if (days <= late_after_days)
            continue;
        const std::string when =
            found == recorded.end()
                ? fmt::format("not in git yet; today is {}", format_date(today))
                : fmt::format("git first recorded it on {}", format_date(written));
        problems.push_back({note.path, key_line(note, "date"), Severity::warning,
                            fmt::format("written {} days after the interview ({}): notes from "
                                        "memory are weaker evidence; write them within {} days",
                                        days, when, late_after_days)});
    }
    return problems;
}

} // namespace pmi
