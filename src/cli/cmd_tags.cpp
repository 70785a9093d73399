#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <set>
#include <sys/stat.h>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "core/tag_rename.hpp"
#include "core/tags.hpp"
#include "render/escape.hpp"
#include "render/tags.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct TagsOptions {
    std::vector<std::string> action; // empty, or rename OLD NEW
    bool dry_run = false;
    bool variants = false;
    std::string since;
    std::string until;
    std::vector<std::string> products;
    Format format = Format::text;
};

// Why the renamed note does not read back with `expected` as its tags; empty
// when it does.
std::string rename_readback_problem(const NoteParse& check,
                                    const std::vector<std::string>& expected) {
    if (!check.note)
        return check.problems.empty()
                   ? "the edited note would not read back"
                   : "the edited note would not read back: " + check.problems.front().message;
    const auto tags = distinct_tags(*check.note);
    if (tags == expected)
        return {};
    return fmt::format("the edited note would read back with the tags [{}], not [{}]",
                       util::join(tags, ", "), util::join(expected, ", "));
}

// Renames a tag in every note that has it; prints each file changed (its
// diff with --dry-run). A note that cannot be edited safely is reported and
// left alone.
int run_rename(const TagsOptions& options, const Globals& globals) {
    if (options.action.size() != 3)
        throw Error("usage: pmi tags rename OLD NEW [--dry-run] [--variants]");
    const std::string old_tag(util::trim(options.action[1]));
    const std::string new_tag(util::trim(options.action[2]));
    if (old_tag.empty() || new_tag.empty())
        throw Error("tags rename: OLD and NEW must not be empty");
    const Context context = make_context(globals);
    const NoteSet set = load_notes(context.config);
    print_problems(set.problems);
    const std::set<std::string> from = tag_spellings(set.notes, old_tag, options.variants);
    int code = exit_ok;
    std::size_t changed = 0;
    bool any_has_tag = false;
    for (const auto& note : set.notes) {
        const auto tags = distinct_tags(note);
        if (std::none_of(tags.begin(), tags.end(),
                         [&](const std::string& tag) { return from.count(tag) > 0; }))
            continue;
        any_has_tag = true;
        const auto file = context.config.root / note.path;
        try {
            const auto text = util::read_file(file);
            if (!text)
                throw Error(note.path + ": " + text.error());
            const auto renamed = rename_tag_in_note(*text, from, new_tag, note.path);
            if (!renamed)
                throw Error(fmt::format("{}:{}: cannot rename the tag safely here (pmi edits a "
                                        "flow list, '- item' lines or a single value); edit it "
                                        "by hand",
                                        note.path, tags_key_line(*text)));
            if (*renamed == *text)
                continue;
            // The edit must read back as the same note with the tag renamed.
            const NoteParse check = parse_note(*renamed, note.path, BodyScan::none);
            std::vector<std::string> expected;
            for (const auto& tag : tags) {
                const std::string now = from.count(tag) ? new_tag : tag;
                if (!util::contains(expected, now))
                    expected.push_back(now);
            }
            if (const std::string why = rename_readback_problem(check, expected); !why.empty())
                throw Error(fmt::format("{}:{}: cannot rename the tag safely here ({}); edit it "
                                        "by hand",
                                        note.path, first_changed_line(*text, *renamed), why));
            ++changed;
            if (options.dry_run) {
                for (const auto& line : util::split(unified_diff(*text, *renamed, note.path), '\n'))
                    if (!line.empty())
                        std::cout << escape::terminal(line) << '\n';
                continue;
            }
            struct stat info {};
            if (::lstat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
                throw Error(note.path + ": not a regular file");
            if (const auto written = util::write_atomic_keeping_mode(file, *renamed, info.st_mode);
                !written)
                throw Error(note.path + ": cannot write: " + written.error());
            std::cout << escape::terminal(note.path) << '\n';
        } catch (const Error& error) {
            std::cerr << "pmi: error: " << escape::terminal(error.what()) << '\n';
            code = exit_usage;
        }
    }
    if (!any_has_tag) {
        std::cerr << fmt::format("no note has the tag '{}'\n", escape::terminal(old_tag));
        return code;
    }
    std::cerr << fmt::format("{} {} {}\n", changed, changed == 1 ? "note" : "notes",
                             options.dry_run ? "would change" : "changed");
    return code;
}

// The one word `pmi tags` takes is "rename"; another is a usage error naming it
// when it is a near miss, as `pmi frobnicate` names the closest command.
void check_tags_action(const std::vector<std::string>& action) {
    if (action.empty() || action.front() == "rename")
        return;
    const std::string& word = action.front();
    if (!util::closest_match(word, {"rename"}).empty() ||
        (word.size() >= 3 && std::string_view("rename").starts_with(word)))
        throw Error(fmt::format("tags: unknown subcommand '{}'; did you mean 'rename'?", word));
    throw Error(fmt::format("tags: unknown subcommand '{}' ('pmi tags' lists the tags, 'pmi tags "
                            "rename OLD NEW' renames one)",
                            word));
}

int run_tags(const TagsOptions& options, const Globals& globals) {
    check_tags_action(options.action);
    if (!options.action.empty())
        return run_rename(options, globals);
    if (options.dry_run || options.variants)
        throw Error("--dry-run and --variants go with 'pmi tags rename OLD NEW'");
    const Context context = make_context(globals);
    NoteFilter filter;
    filter.products = options.products;
    if (!options.since.empty())
        filter.since = parse_date_option(options.since, "--since");
    if (!options.until.empty())
        filter.until = parse_date_option(options.until, "--until");
    const NoteSet set = load_notes_for_reports(context.config);
    print_problems(set.problems);
    const TagReport report = build_tag_report(select_notes(set.notes, filter));
    write_output(render(tags_formats, options.format, report, text_view(context)));
    return exit_ok;
}

} // namespace

void setup_tags(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<TagsOptions>();
    // The first word's choices, shown as CLI11 shows an IsMember check ("TEXT:{rename}"),
    // feed help and completion (`pmi tags <Tab>` offers rename); check_tags_action
    // checks the word itself, so an unknown one gets pmi's own message.
    command
        .add_option("action", options->action,
                    "rename OLD NEW: rename a tag in every note that has it")
        ->check(CLI::Validator([](const std::string&) { return std::string(); }, "{rename}"));
    command.add_flag("--dry-run", options->dry_run, "With rename: print the diff, change nothing");
    command.add_flag("--variants", options->variants,
                     "With rename: also every spelling with the same key (case, dashes, spaces)");
    command.add_option("--since", options->since, "Only notes on or after this date (YYYY-MM-DD)");
    command.add_option("--until", options->until, "Only notes on or before this date (YYYY-MM-DD)");
    command.add_option("--product", options->products, "Only this product (repeatable)");
    add_format_option(command, options->format, tags_formats);
    command.callback([options, &globals] { globals.exit_code = run_tags(*options, globals); });
}

} // namespace pmi::cli
