#include "cli/app.hpp"

#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/version.hpp"
#include "render/escape.hpp"
#include "util/pager.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

struct CommandSpec {
    const char* name;
    const char* summary;
    void (*setup)(CLI::App&, Globals&);
    bool paged = false; // long output goes through the pager on a terminal
};

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        {"init", "Set up a repository: .pmi.yaml, the notes folder and the note template",
         setup_init},
        {"new", "Create a note for an interview and open it in the editor", setup_new},
        {"import",
         "Import past interviews: one note per CSV row, or markdown notes from another tool",
         setup_import},
        {"open", "Open an existing note in the editor: by path, customer, date or any search",
         setup_open},
        {"list", "List notes, newest first, filtered by PM, product, tag, week or any key",
         setup_list, true},
        {"search", "Search what customers said: words, phrases, prefixes, with the note of each",
         setup_search, true},
        {"mv", "Move a note to another product, date, customer or PM: the lines and the file",
         setup_mv},
        {"report", "Weekly quota report: interviews per PM against the quota, streaks",
         setup_report, true},
        {"check", "CI gate: fail when a PM missed last week's quota or a note is invalid",
         setup_check},
        {"lint", "Validate notes: front matter, file names, folders, duplicates, tags", setup_lint},
        {"summary", "Two-line tl;dr of notes to paste, or the staff-meeting digest of a week",
         setup_summary, true},
        {"tags", "Tags with counts, products, first and last seen; likely duplicates", setup_tags,
         true},
        {"index", "Write INDEX.md and TAGS.md in the notes folder; --check for CI", setup_index},
        {"merge-index",
         "Git merge driver for INDEX.md and TAGS.md: regenerates them from the merged notes",
         setup_merge_index},
        {"themes", "Themes across portfolios: tags by product, who we hear from, trends",
         setup_themes, true},
        {"share", "A copy of notes fit to send: private sections and fields left out", setup_share},
        {"site", "A static HTML site: the quota dashboard, themes, the digest, notes for sales",
         setup_site},
        {"signals", "What to listen for: workarounds, their words and emotions across notes",
         setup_signals, true},
        {"followups", "Open follow-ups across notes, oldest first: what was promised to whom",
         setup_followups, true},
        {"guide", "Check an interview guide: closed, leading and hypothetical questions",
         setup_guide},
        {"help", "Show the help of pmi or of one command", setup_help},
        {"completion", "Print a shell completion script: bash, zsh or fish", setup_completion},
    };
    return table;
}

static bool is_command(const std::string& word) {
    for (const auto& spec : command_table())
        if (word == spec.name)
            return true;
    return false;
}

// The first word that is not an option or a global option's value.
static std::string first_command_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--")
            return {};
        if (arg == "--root" || arg == "--today" || arg == "--color") {
            ++i;
            continue;
        }
        if (!arg.empty() && arg[0] == '-')
            continue;
        return arg;
    }
    return {};
}

// The nearest command within two edits (a swap of two letters is one), preferring
// one that shares the first letter; else one the word begins.
std::string closest_command(const std::string& word) {
    std::string best;
    std::size_t best_score = 3 * 2;
    for (const auto& spec : command_table()) {
        const std::string name = spec.name;
        const std::size_t distance = util::damerau_distance(word, name);
        if (distance > 2)
            continue;
        const bool same_start = !word.empty() && word[0] == name[0];
        const std::size_t score = distance * 2 + (same_start ? 0 : 1);
        if (score < best_score) {
            best_score = score;
            best = name;
        }
    }
    if (best.empty() && word.size() >= 3)
        for (const auto& spec : command_table())
            if (std::string(spec.name).rfind(word, 0) == 0)
                return spec.name;
    return best;
}

static int usage_error(const std::string& message) {
    std::cerr << "pmi: error: " << escape::terminal(message) << '\n'
              << "Run 'pmi --help' for the commands, 'pmi COMMAND --help' for their options.\n";
    return exit_usage;
}

int run(int argc, char** argv) {
    try {
        CLI::App app{"pmi keeps customer-interview notes in git and turns them into summaries, "
                     "quota reports, indexes and a CI gate.",
                     "pmi"};
        app.set_version_flag("--version", version_line());
        app.require_subcommand(1);
        app.fallthrough();
        Globals globals;
        app.add_option("--root", globals.root,
                       "Repository root (default: nearest folder with .pmi.yaml; env PMI_ROOT)");
        app.add_option("--today", globals.today,
                       "Take this date (YYYY-MM-DD) as today (env PMI_TODAY)");
        app.add_option("--color", globals.color, "Colour: auto, always or never")
            ->check(CLI::IsMember({"auto", "always", "never"}))
            ->capture_default_str();
        // Read through count(): option values are stored only after the whole parse.
        bool no_pager_given = false;
        const CLI::Option* no_pager =
            app.add_flag("--no-pager", no_pager_given, "Do not send long output through $PAGER");
        util::Pager pager;
        for (const auto& spec : command_table()) {
            CLI::App* command = app.add_subcommand(spec.name, spec.summary);
            spec.setup(*command, globals);
            if (spec.paged)
                command->parse_complete_callback([&pager, no_pager] {
                    if (no_pager->count() == 0)
                        pager.start();
                });
        }

        const std::string word = first_command_word(argc, argv);
        if (!word.empty() && !is_command(word)) {
            const std::string suggestion = closest_command(word);
            return usage_error(
                suggestion.empty()
                    ? fmt::format("unknown command '{}'", word)
                    : fmt::format("unknown command '{}'; did you mean '{}'?", word, suggestion));
        }
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& error) {
            if (error.get_exit_code() == 0)
                return app.exit(error);
            if (argc == 1) { // `pmi` alone asks what there is
                std::cout << app.help();
                return exit_ok;
            }
            std::string message = error.what();
            if (word == "search" && dynamic_cast<const CLI::ExtrasError*>(&error))
                message += " (to leave a word out, quote the whole query: pmi search 'excel "
                           "-csv', or put it after --: pmi search -- excel -csv)";
            return usage_error(message);
        }
        check_output();
        return globals.exit_code;
    } catch (const std::exception& error) {
        // Messages quote values from notes and arguments: shown, never obeyed.
        std::cerr << "pmi: error: " << escape::terminal(error.what()) << '\n';
        return exit_usage;
    }
}

} // namespace pmi::cli
