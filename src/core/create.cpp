#include "core/create.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/frontmatter.hpp"
#include "core/repo_files.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace fs = std::filesystem;

std::string default_template() {
    return R"(## Goal
<!-- What did we want to learn from this call? -->

## Snapshot
- Memorable quote:
- Opportunities:
- Insights:

## What they do today
<!-- Their workflow, not ours. -->

## Workarounds
<!-- "We've figured out a way to..." -->

## Their words
<!-- Their vocabulary for our concepts: - "batch processing" = bulk operations -->

## Emotions
<!-- Frustration, delight, confusion, resignation, and about what. -->

## Quotes

## Nuggets
<!-- One line each. "- ! ..." marks the one to share at the staff meeting; "- !! ..." also for the executive team. -->

## Follow-ups
<!-- What we promised them: "- [ ] Send the beta invite"; "- [x]" once done. -->
)";
}

namespace {

// The name and email lines of the first team entry.
std::string team_contact_lines(const std::string& pm_id, const std::string& name,
                               const std::string& email) {
    if (pm_id.empty())
        return "    name: Caroline Diaz\n    email: caroline@example.com\n";
    std::string lines;
    lines += name.empty() ? "    # name: Your Name\n" : "    name: " + yaml_quote(name) + "\n";
    lines +=
        email.empty() ? "    # email: you@example.com\n" : "    email: " + yaml_quote(email) + "\n";
    return lines;
}

} // namespace

std::string default_config(const std::string& pm_id, const std::string& name,
                           const std::string& email, const Date& since) {
    // Quoted, backslashes and quotes escaped: whatever the id, it stays one string.
    std::string id;
    for (char c : pm_id.empty() ? std::string("caroline") : pm_id) {
        if (c == '"' || c == '\\')
            id += '\\';
        id += c;
    }
    return fmt::format(R"(# pmi configuration (see `man pmi`).
# Where the interview notes live, relative to this file.
notes: prod/interviews

# Each product manager talks to at least this many customers a week.
# `kinds` lists which kinds of call count; by default every kind but sales.
quota:
  per_week: 1
  # kinds: [learning, support, usability]

# ISO 8601 weeks (Monday to Sunday) by default; or sunday.
week_starts: monday

# The products notes are filed under (folders of the notes tree).
# `pmi new` asks for --product when more than one is listed.
products: []

# The team. `since`: no quota before this date; `away`: excused weeks, or
# date ranges such as 2026-12-21..2027-01-01; `until`: the last day on the
# team; `quota`: this PM's own quota per week (0: never missed).
team:
  - id: "{}"
{}    since: {}
    away: []
)",
                       id, team_contact_lines(pm_id, name, email), format_date(since));
}

std::string note_template(const Config& config) {
    // Read without following links: a committed link must not pull an outside
    // file into a note the user will commit.
    if (const auto text = read_repo_file(config.root, fs::path(".pmi") / "template.md"))
        return *text;
    return default_template();
}

std::string new_note_text(const Note& note, const std::string& body) {
    std::string text = write_note(note, body);
    if (note.tldr.empty())
        if (const std::size_t end = text.find("\n---\n"); end != std::string::npos)
            text.insert(end + 1, "tldr:\n");
    return text;
}

std::string checked_note_slug(const Note& note) {
    const std::string slug = util::slugify(note.customer);
    if (slug.empty())
        throw Error(fmt::format("customer '{}' has no letters or digits to name a file with",
                                note.customer));
    const std::string product = util::slugify(note.product);
    if (product != note.product)
        throw Error(
            fmt::format("product '{}' is not a folder name; use '{}'", note.product, product));
    return slug;
}

void check_known_product(const Config& config, const std::string& product) {
    if (config.products.empty() || util::contains(config.products, product) ||
        util::slugify(product) != product)
        return;
    const std::string best = util::closest_match(product, config.products);
    throw Error(fmt::format("product '{}' is not in the products of {}{} (known: {}; add a "
                            "new product there first)",
                            product, config_file_name,
                            best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                            util::join(config.products, ", ")));
}

fs::path create_note(const Config& config, const Note& note, const std::string& body) {
    const std::string slug = checked_note_slug(note);
    const std::string& product = note.product;
    const fs::path relative_folder = fs::path(config.notes_dir) / product;
    const fs::path folder = config.root / relative_folder;
    const util::FolderHandle handle =
        open_repo_folder(config.root, relative_folder, util::MissingFolders::create, Access::write);
    const util::FolderHandle temporaries = open_temporaries(config.root);
    util::remove_stale_temporaries(handle.fd()); // left beside notes when .pmi/tmp was not usable

    const std::string content = new_note_text(note, body);
    const std::string stem = slug + "-" + format_date(note.date);
    for (int n = 1; n <= 10000; ++n) {
        const std::string name = n == 1 ? stem + ".md" : fmt::format("{}-{}.md", stem, n);
        const auto result = util::write_new_atomic_at(handle.fd(), name, content, temporaries.fd());
        if (!result)
            throw Error(
                fmt::format("{}: cannot create: {}", (folder / name).string(), result.error()));
        if (*result == util::CreateResult::created)
            return folder / name;
    }
    throw Error(fmt::format("{}: too many notes named {}-N.md", folder.string(), stem));
}

bool split_customer_date(const std::string& text, std::string& customer, Date& date) {
    if (text.size() < 12 || text[text.size() - 11] != '-')
        return false;
    const auto parsed = parse_date(std::string_view(text).substr(text.size() - 10));
    if (!parsed)
        return false;
    customer = text.substr(0, text.size() - 11);
    date = *parsed;
    return true;
}

std::size_t date_like_suffix(std::string_view text) {
    std::size_t end = text.size();
    for (int group = 0; group < 3; ++group) {
        std::size_t start = end;
        while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9')
            --start;
        if (start == end || start == 0 || text[start - 1] != '-')
            return std::string_view::npos;
        end = start - 1;
    }
    return end == 0 ? std::string_view::npos : end;
}

} // namespace pmi
