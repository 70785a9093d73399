#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "core/create.hpp"
#include "core/query.hpp"
#include "core/search.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_choices = 20;

struct OpenOptions {
    std::vector<std::string> query;
};

// The notes an argument names, newest first: a path, a file name, customer-date,
// a customer, else a search query. No argument: the newest notes.
std::vector<Note> candidates(const std::string& arg, const Context& context,
                             std::vector<Note> notes) {
    sort_newest_first(notes);
    if (arg.empty())
        return notes;
    std::error_code ec;
    for (const fs::path& file : {fs::path(arg), context.config.root / arg}) {
        if (!fs::is_regular_file(fs::symlink_status(file, ec)))
            continue;
        const std::string path =
            display_path(context.config, fs::absolute(file, ec).lexically_normal());
        for (auto& note : notes)
            if (note.path == path)
                return {std::move(note)};
    }
    std::vector<Note> found;
    const std::string name = arg.ends_with(".md") ? arg : arg + ".md";
    for (const auto& note : notes)
        if (note.path.ends_with("/" + name))
            found.push_back(note);
    if (!found.empty())
        return found;
    std::string slug;
    Date date;
    const bool dated = split_customer_date(arg, slug, date);
    // An alias names its customer's notes, whatever spelling each note has.
    const std::string wanted =
        util::slugify(canonical_customer(context.config, dated ? slug : arg));
    for (const auto& note : notes) {
        const std::string customer = util::slugify(note.customer);
        if (customer == wanted && (!dated || note.date == date))
            found.push_back(note);
    }
    if (!found.empty())
        return found;
    std::vector<std::string> warnings;
    const std::vector<Note> all = notes;
    auto matching = keep_matching(context.config, all, std::move(notes), arg, warnings);
    for (const auto& warning : warnings)
        warn(warning);
    return matching;
}

std::string describe(const Note& note) {
    return escape::terminal(fmt::format("{}  {}  {}  {}  {}", format_date(note.date), note.customer,
                                        note.pm, note.product, note.tldr));
}

// At a terminal: a numbered list on stderr and the user's choice; nullopt
// when the answer is not one of the numbers.
std::optional<std::size_t> choose(const std::vector<Note>& notes) {
    const std::size_t shown = std::min(notes.size(), max_choices);
    for (std::size_t i = 0; i < shown; ++i)
        std::cerr << fmt::format("{:>3}  ", i + 1) << describe(notes[i]) << '\n';
    if (notes.size() > shown)
        std::cerr << fmt::format("     … and {} more; narrow the query\n", notes.size() - shown);
    std::cerr << fmt::format("open which note? [1-{}] ", shown) << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer))
        return std::nullopt;
    const auto number = util::parse_long(util::trim(answer));
    if (!number || *number < 1 || static_cast<std::size_t>(*number) > shown)
        return std::nullopt;
    return static_cast<std::size_t>(*number - 1);
}

int run_open(const OpenOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    NoteSet set = load_notes_for_reports(context.config); // customers by canonical name
    print_problems(set.problems);
    const std::string arg = util::join(options.query, " ");
    const std::vector<Note> found = candidates(arg, context, std::move(set.notes));
    if (found.empty())
        throw Error(fmt::format("no note matches '{}'", arg));
    std::size_t chosen = 0;
    if (found.size() > 1) {
        const bool interactive =
            util::is_terminal(STDIN_FILENO) && util::is_terminal(STDERR_FILENO);
        if (!interactive) {
            std::cerr << fmt::format("pmi: error: {} notes match '{}'; name one:\n", found.size(),
                                     escape::terminal(arg));
            for (const auto& note : found)
                std::cerr << "  " << escape::terminal(note.path) << "  " << describe(note) << '\n';
            return exit_usage;
        }
        const auto choice = choose(found);
        if (!choice)
            throw Error("no note chosen");
        chosen = *choice;
    }
    const fs::path file = context.config.root / found[chosen].path;
    std::error_code ec;
    std::cout << escape::terminal(util::relative_to(file, fs::current_path(ec))) << '\n'
              << std::flush;
    open_editor(file, context.config);
    return exit_ok;
}

} // namespace

void setup_open(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<OpenOptions>();
    command.add_option("note", options->query,
                       "A path, a file name, customer-YYYY-MM-DD, a customer, or a search query");
    command.callback([options, &globals] { globals.exit_code = run_open(*options, globals); });
}

} // namespace pmi::cli
