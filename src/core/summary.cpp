#include "core/summary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "util/json.hpp"
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

static std::string one_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : util::trim(text)) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

NoteSummary summarize_note(const Note& note) {
    NoteSummary summary;
    std::string tldr = one_line(note.tldr);
    if (tldr.empty()) {
        if (!note.nuggets.empty() && !one_line(note.nuggets.front()).empty()) {
            tldr = one_line(note.nuggets.front());
            summary.source = TldrSource::first_nugget;
        } else {
            tldr = "(no tldr)";
            summary.source = TldrSource::none;
        }
    }
    summary.text = fmt::format("tl;dr – talked with {} on {}: {}\nFull interview notes at {}\n",
                               talked_with(note), format_date(note.date), tldr, note.path);
    return summary;
}

Digest build_digest(const std::vector<Note>& notes, const Config& config, const Week& week,
                    RosterEntries roster, const std::vector<std::string>& only_pms) {
    std::map<std::string, DigestPm> by_pm;
    if (roster == RosterEntries::include) {
        for (const auto& member : config.team) {
            if (member.since && *member.since > week_end(week))
                continue;
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
    for (auto& [id, entry] : by_pm) {
        if (const TeamMember* member = config.member(id))
            entry.name = member->name;
        std::sort(entry.notes.begin(), entry.notes.end(), [](const Note& a, const Note& b) {
            return a.date != b.date ? a.date < b.date : a.path < b.path;
        });
        digest.pms.push_back(std::move(entry));
    }
    return digest;
}

static std::string pm_heading(const DigestPm& pm) {
    return pm.name.empty() ? pm.id : fmt::format("{} ({})", pm.name, pm.id);
}

static std::string week_title(const Week& week) {
    return fmt::format("{} ({} to {})", week_label(week), format_date(week.start),
                       format_date(week_end(week)));
}

static std::string note_heading(const Note& note) {
    std::string heading =
        fmt::format("{} — {}, {}", format_date(note.date), note.customer, note.product);
    const std::string kind = effective_kind(note);
    if (kind != "learning")
        heading += " (" + kind + ")";
    return heading;
}

std::string digest_markdown(const Digest& digest) {
    std::string out = fmt::format("# Staff meeting digest, {}\n", week_title(digest.week));
    if (digest.pms.empty())
        out += "\nNo interviews this week.\n";
    for (const auto& pm : digest.pms) {
        out += fmt::format("\n## {}\n", pm_heading(pm));
        if (pm.notes.empty())
            out += "\nNo interviews this week.\n";
        for (const auto& note : pm.notes) {
            out += fmt::format("\n### {}\n\n", note_heading(note));
            const std::string tldr = one_line(note.tldr);
            out += fmt::format("**tl;dr:** {}\n", tldr.empty() ? "(no tldr)" : tldr);
            if (!note.nuggets.empty()) {
                out += "\n";
                for (const auto& nugget : note.nuggets)
                    out += "- " + one_line(nugget) + "\n";
            }
            out += fmt::format("\nNotes: `{}`\n", note.path);
        }
    }
    return out;
}

std::string digest_text(const Digest& digest) {
    std::string out = fmt::format("Staff meeting digest, {}\n", week_title(digest.week));
    if (digest.pms.empty())
        out += "\nNo interviews this week.\n";
    for (const auto& pm : digest.pms) {
        out += fmt::format("\n{}\n", pm_heading(pm));
        if (pm.notes.empty())
            out += "  no interviews this week\n";
        for (const auto& note : pm.notes) {
            out += fmt::format("  {}\n", note_heading(note));
            const std::string tldr = one_line(note.tldr);
            out += fmt::format("    tl;dr: {}\n", tldr.empty() ? "(no tldr)" : tldr);
            for (const auto& nugget : note.nuggets)
                out += "    - " + one_line(nugget) + "\n";
            out += fmt::format("    {}\n", note.path);
        }
    }
    return out;
}

std::string digest_json(const Digest& digest) {
    util::JsonWriter json;
    json.begin_object();
    json.key("week").value(week_label(digest.week));
    json.key("since").value(format_date(digest.week.start));
    json.key("until").value(format_date(week_end(digest.week)));
    json.key("pms").begin_array();
    for (const auto& pm : digest.pms) {
        json.begin_object();
        json.key("pm").value(pm.id);
        json.key("name").value(pm.name);
        json.key("interviews").begin_array();
        for (const auto& note : pm.notes) {
            json.begin_object();
            json.key("path").value(note.path);
            json.key("date").value(format_date(note.date));
            json.key("customer").value(note.customer);
            json.key("product").value(note.product);
            json.key("kind").value(effective_kind(note));
            json.key("interviewees");
            write_interviewees_json(json, note.interviewees);
            json.key("tldr").value(one_line(note.tldr));
            json.key("nuggets").strings(note.nuggets);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
