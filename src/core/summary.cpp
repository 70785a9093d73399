#include "core/summary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "util/strings.hpp"

namespace pmi {

static std::string join_names(const std::vector<std::string>& names) {
    if (names.size() <= 2)
        return util::join(names, " and ");
    std::vector<std::string> head(names.begin(), names.end() - 1);
    return util::join(head, ", ") + " and " + names.back();
}

std::string talked_with(const Note& note) {
    std::vector<std::string> people;
    for (const auto& person : note.interviewees) {
        std::string text = format_interviewee(person);
        if (!text.empty())
            people.push_back(std::move(text));
    }
    if (people.empty())
        return note.customer;
    return join_names(people) + " at " + note.customer;
}

std::string tldr_or_first_nugget(const Note& note, TldrSource& source) {
    source = TldrSource::tldr;
    std::string tldr = util::one_line(note.tldr);
    if (!tldr.empty())
        return tldr;
    source = TldrSource::none;
    for (std::size_t i = 0; i < note.nuggets.size(); ++i) {
        if (is_private_nugget(note, i))
            continue; // the tl;dr carries no "(private)": never a private nugget
        tldr = util::one_line(note.nuggets[i]);
        if (!tldr.empty())
            source = TldrSource::first_nugget;
        break;
    }
    return tldr;
}

NoteSummary summarize_note(const Note& note) {
    NoteSummary summary;
    std::string tldr = tldr_or_first_nugget(note, summary.source);
    summary.talked_with = talked_with(note);
    summary.date = note.date;
    summary.tldr = std::move(tldr);
    summary.path = note.path;
    return summary;
}

// A note's place in its numbered series: acme-2026-11-20.md is call 1,
// acme-2026-11-20-2.md call 2 (plain path order would put -2 first).
static std::pair<std::string_view, long> series_key(std::string_view path) {
    if (path.ends_with(".md"))
        path.remove_suffix(3);
    const auto dash = path.rfind('-');
    if (dash != std::string_view::npos && path.size() - dash <= 4 && dash + 1 < path.size() &&
        path.substr(dash + 1).find_first_not_of("0123456789") == std::string_view::npos &&
        dash >= 10 && path[dash - 3] == '-') // "...-YYYY-MM-DD-N": the dash after the day
        if (const auto number = util::parse_long(path.substr(dash + 1)))
            return {path.substr(0, dash), *number};
    return {path, 1};
}

bool earlier_in_digest(const Note& a, const Note& b) {
    if (a.date != b.date)
        return a.date < b.date;
    return series_key(a.path) < series_key(b.path);
}

Digest build_digest(const std::vector<Note>& notes, const Config& config,
                    const std::optional<Week>& week, RosterEntries roster,
                    const std::vector<std::string>& only_pms) {
    std::map<std::string, DigestPm> by_pm;
    if (roster == RosterEntries::include && week) {
        for (const auto& member : config.team) {
            if (member.since && *member.since > week_end(*week))
                continue;
            if (member.until && *member.until < week->start)
                continue; // left the team before the week
            if (!only_pms.empty() &&
                std::find(only_pms.begin(), only_pms.end(), member.id) == only_pms.end())
                continue;
            by_pm[member.id].id = member.id;
        }
    }
    for (const auto& note : notes) {
        auto& entry = by_pm[note.pm];
        entry.id = note.pm;
        entry.notes.push_back(note);
    }
    Digest digest;
    digest.week = week;
    digest.links_base = config.links_base;
    for (auto& [id, entry] : by_pm) {
        if (const TeamMember* member = config.member(id)) {
            entry.name = member->name;
            entry.away = week && std::find(member->away.begin(), member->away.end(), *week) !=
                                     member->away.end();
        }
        std::sort(entry.notes.begin(), entry.notes.end(), earlier_in_digest);
        digest.pms.push_back(std::move(entry));
    }
    return digest;
}

} // namespace pmi
