#include <fmt/format.h>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/completion_scripts.hpp"
#include "core/store.hpp"

namespace pmi::cli {

namespace {

// Values from the tree for completing --product, --pm, --tag, --week, --customer.
std::vector<std::string> tree_values(const std::string& kind, const Context& context) {
    std::set<std::string> values;
    if (kind == "weeks") {
        values = {"this", "last"};
        Week week = week_containing(context.today, context.config.week_start);
        for (int i = 0; i < 8; ++i, week = previous_week(week))
            values.insert(week_label(week));
        return {values.begin(), values.end()};
    }
    if (kind == "products")
        values.insert(context.config.products.begin(), context.config.products.end());
    if (kind == "pms")
        for (const auto& person : context.config.team)
            values.insert(person.id);
    for (const auto& note : load_notes(context.config).notes) {
        if (kind == "products")
            values.insert(note.product);
        else if (kind == "pms")
            values.insert(note.pm);
        else if (kind == "customers")
            values.insert(note.customer);
        else if (kind == "tags")
            values.insert(note.tags.begin(), note.tags.end());
    }
    return {values.begin(), values.end()};
}

// The answer to `completion candidates`: NUL-terminated records, read by the
// scripts as data. See completion_scripts.cpp.
void print_candidates(const CLI::App& root, const std::vector<std::string>& words,
                      const Globals& globals) {
    Completion completion = complete_words(shape_of(root), words);
    if (!completion.values.empty()) {
        Globals lookup = globals;
        if (!completion.root.empty())
            lookup.root = completion.root;
        if (!completion.today.empty())
            lookup.today = completion.today;
        try {
            for (auto& value : tree_values(completion.values, make_context(lookup)))
                completion.candidates.push_back({std::move(value), ""});
        } catch (const std::exception&) {
            // Not in a repository, a bad date: nothing to offer.
        }
    }
    std::string out = completion.kind == CompletionKind::files ? "files" : "words";
    out += '\0' + completion.prefix + '\0';
    for (const auto& candidate : completion.candidates)
        out += candidate.value + '\0' + candidate.description + '\0';
    std::cout << out;
}

} // namespace

void setup_completion(CLI::App& command, Globals& globals) {
    struct Options {
        std::string shell;
        std::vector<std::string> args;
    };
    auto options = std::make_shared<Options>();
    // `values KIND` and `candidates -- WORDS...` serve the scripts; help names the shells.
    command.add_option("shell", options->shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish", "values", "candidates"})
                    .description("{bash,zsh,fish}"));
    command.add_option("words", options->args,
                       "With values: products, pms, tags, customers or weeks; with candidates: "
                       "the command line after pmi, the word to complete last");
    const CLI::App* root = command.get_parent();
    command.callback([options, root, &globals] {
        if (options->shell == "candidates") {
            print_candidates(*root, options->args, globals);
            return;
        }
        if (options->shell == "values") {
            static const std::set<std::string> kinds = {"products", "pms", "tags", "customers",
                                                        "weeks"};
            if (options->args.size() != 1 || !kinds.count(options->args.front()))
                throw Error(
                    "completion values: name a kind: products, pms, tags, customers, weeks");
            for (const auto& value : tree_values(options->args.front(), make_context(globals)))
                std::cout << value << '\n';
            return;
        }
        if (!options->args.empty())
            throw Error(fmt::format("completion {}: takes no more arguments", options->shell));
        if (options->shell == "bash")
            std::cout << bash_completion_script;
        else if (options->shell == "zsh")
            std::cout << zsh_completion_script;
        else
            std::cout << fish_completion_script;
    });
}

} // namespace pmi::cli
