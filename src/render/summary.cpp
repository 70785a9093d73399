#include "render/summary.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/list.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

static std::string pm_heading(const DigestPm& pm) {
    return pm.name.empty() ? pm.id : fmt::format("{} ({})", pm.name, pm.id);
}

static const char* tldr_source_name(TldrSource source) {
    switch (source) {
    case TldrSource::tldr: return "tldr";
    case TldrSource::first_nugget: return "nugget";
    case TldrSource::none: return "none";
    }
    return "none";
}

std::string note_url(const std::string& base, const std::string& path) {
    return base.empty() ? std::string() : base + escape::url_path(path);
}

// The digest is the team's: a private nugget is shown, marked as `pmi followups` does.
static const char* private_label(const Note& note, std::size_t index) {
    return is_private_nugget(note, index) ? " (private)" : "";
}

static NoteSummary linked_summary(const Note& note, const std::string& links_base) {
    NoteSummary summary = summarize_note(note);
    summary.url = note_url(links_base, note.path);
    return summary;
}

// `where` shows the note's address: the URL when there is one, else its path.
template <typename Escape, typename Where>
static std::string summary_lines(const NoteSummary& summary, Escape escape_value, Where where) {
    return fmt::format("tl;dr – talked with {} on {}: {}\nFull interview notes at {}\n",
                       escape_value(summary.talked_with), format_date(summary.date),
                       summary.tldr.empty() ? "(no tldr)" : escape_value(summary.tldr),
                       where(summary));
}

std::string summary_text(const NoteSummary& summary) {
    const auto term = [](std::string_view text) { return escape::terminal(text); };
    return summary_lines(
        summary, term, [&](const NoteSummary& s) { return term(s.url.empty() ? s.path : s.url); });
}

// An address as a CommonMark autolink (<https://…>), which Slack reads as a link too.
std::string summary_markdown(const NoteSummary& summary) {
    return summary_lines(
        summary, [](std::string_view text) { return escape::markdown_inline(text); },
        [](const NoteSummary& s) {
            return s.url.empty() ? escape::markdown_inline(s.path) : "<" + s.url + ">";
        });
}

static std::string week_title(const std::optional<Week>& week) {
    if (!week)
        return "chosen notes";
    return fmt::format("{} ({} to {})", week_label(*week), format_date(week->start),
                       format_date(week_end(*week)));
}

static std::string note_heading(const Note& note) {
    std::string heading =
        fmt::format("{} — {}, {}", format_date(note.date), note.customer, note.product);
    const std::string kind = effective_kind(note);
    if (kind != "learning")
        heading += " (" + kind + ")";
    return heading;
}

std::string digest_markdown(const Digest& digest, const View&) {
    if (!digest.week) {
        std::string out;
        for (const auto& pm : digest.pms)
            for (const auto& note : pm.notes)
                out += (out.empty() ? "" : "\n") +
                       summary_markdown(linked_summary(note, digest.links_base));
        return out;
    }
    std::string out = fmt::format("# Staff meeting digest, {}\n", week_title(digest.week));
    if (digest.pms.empty())
        out += "\nNo interviews this week.\n";
    for (const auto& pm : digest.pms) {
        out += fmt::format("\n## {}\n", escape::markdown_inline(pm_heading(pm)));
        if (pm.notes.empty())
            out += pm.away ? "\nAway this week.\n" : "\nNo interviews this week.\n";
        for (const auto& note : pm.notes) {
            out += fmt::format("\n### {}\n\n", escape::markdown_inline(note_heading(note)));
            const std::string tldr = util::one_line(note.tldr);
            out += fmt::format("**tl;dr:** {}\n",
                               tldr.empty() ? "(no tldr)" : escape::markdown_inline(tldr));
            if (!note.nuggets.empty()) {
                out += "\n";
                for (std::size_t i = 0; i < note.nuggets.size(); ++i)
                    out += "- " + escape::markdown_inline(util::one_line(note.nuggets[i])) +
                           private_label(note, i) + "\n";
            }
            const std::string url = note_url(digest.links_base, note.path);
            out += fmt::format("\nNotes: {}\n",
                               url.empty() ? escape::markdown_code(note.path) : "<" + url + ">");
        }
    }
    return out;
}

std::string digest_text(const Digest& digest, const View&) {
    if (!digest.week) {
        std::string out;
        for (const auto& pm : digest.pms)
            for (const auto& note : pm.notes)
                out += (out.empty() ? "" : "\n") +
                       summary_text(linked_summary(note, digest.links_base));
        return out;
    }
    const auto term = [](std::string_view text) { return escape::terminal(text); };
    std::string out = fmt::format("Staff meeting digest, {}\n", week_title(digest.week));
    if (digest.pms.empty())
        out += "\nNo interviews this week.\n";
    for (const auto& pm : digest.pms) {
        out += fmt::format("\n{}\n", term(pm_heading(pm)));
        if (pm.notes.empty())
            out += pm.away ? "  away this week\n" : "  no interviews this week\n";
        for (const auto& note : pm.notes) {
            out += fmt::format("  {}\n", term(note_heading(note)));
            const std::string tldr = util::one_line(note.tldr);
            out += fmt::format("    tl;dr: {}\n", tldr.empty() ? "(no tldr)" : term(tldr));
            for (std::size_t i = 0; i < note.nuggets.size(); ++i)
                out += "    - " + term(util::one_line(note.nuggets[i])) + private_label(note, i) +
                       "\n";
            const std::string url = note_url(digest.links_base, note.path);
            out += fmt::format("    {}\n", term(url.empty() ? note.path : url));
        }
    }
    return out;
}

std::string digest_json(const Digest& digest, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    if (digest.week) {
        json.key("week").value(week_label(*digest.week));
        json.key("since").value(format_date(digest.week->start));
        json.key("until").value(format_date(week_end(*digest.week)));
    } else {
        json.key("week").null();
        json.key("since").null();
        json.key("until").null();
    }
    json.key("pms").begin_array();
    for (const auto& pm : digest.pms) {
        json.begin_object();
        json.key("pm").value(pm.id);
        json.key("name").value(pm.name);
        json.key("away").value(pm.away);
        json.key("interviews").begin_array();
        for (const auto& note : pm.notes) {
            json.begin_object();
            json.key("path").value(note.path);
            json.key("url");
            if (const std::string url = note_url(digest.links_base, note.path); url.empty())
                json.null();
            else
                json.value(url);
            json.key("date").value(format_date(note.date));
            json.key("customer").value(note.customer);
            json.key("product").value(note.product);
            json.key("kind").value(effective_kind(note));
            json.key("interviewees");
            write_interviewees_json(json, note.interviewees);
            const NoteSummary summary = linked_summary(note, digest.links_base);
            json.key("tldr").value(util::one_line(note.tldr));
            json.key("tldr_source").value(tldr_source_name(summary.source));
            json.key("summary").value(summary_lines(
                summary, [](std::string_view text) { return std::string(text); },
                [](const NoteSummary& s) { return s.url.empty() ? s.path : s.url; }));
            json.key("nuggets").strings(note.nuggets);
            json.key("private_nuggets").begin_array();
            for (std::size_t i = 0; i < note.nuggets.size(); ++i)
                json.value(is_private_nugget(note, i));
            json.end_array();
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
