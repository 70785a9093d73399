#include "cli/completion.hpp"

#include <algorithm>

namespace pmi::cli {

namespace {

// Options whose values come from the notes tree.
std::string tree_source(const std::string& name) {
    if (name == "--product")
        return "products";
    if (name == "--pm" || name == "--with")
        return "pms";
    if (name == "--tag")
        return "tags";
    if (name == "--week")
        return "weeks";
    if (name == "--customer")
        return "customers";
    return "";
}

bool is_path_option(const std::string& name) {
    return name == "--root" || name == "--junit" || name == "--out" || name == "--from-md";
}

// The choices of an IsMember check, read from the type name CLI11 shows: "TEXT:{a,b}".
std::vector<std::string> choices_of(const CLI::Option* option) {
    const std::string type = option->get_type_name();
    const auto open = type.find('{');
    const auto close = type.find('}', open);
    if (open == std::string::npos || close == std::string::npos)
        return {};
    std::vector<std::string> choices;
    std::string current;
    for (char c : type.substr(open + 1, close - open - 1)) {
        if (c == ',') {
            choices.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    choices.push_back(current);
    return choices;
}

OptionSpec option_spec(const CLI::Option& option) {
    OptionSpec spec;
    for (const auto& name : option.get_lnames())
        spec.names.push_back("--" + name);
    for (const auto& name : option.get_snames())
        spec.names.push_back("-" + name);
    if (spec.names.empty())
        return spec;
    spec.takes_value = option.get_items_expected_max() > 0;
    if (spec.takes_value) {
        spec.choices = choices_of(&option);
        spec.values = tree_source(spec.names.front());
        spec.takes_path = is_path_option(spec.names.front());
    }
    spec.description = option.get_description();
    return spec;
}

CommandShape command_shape(const CLI::App& app) {
    CommandShape shape;
    shape.name = app.get_name();
    shape.description = app.get_description();
    bool first_positional = true;
    for (const CLI::Option* option : app.get_options()) {
        if (option->nonpositional()) {
            OptionSpec spec = option_spec(*option);
            if (!spec.names.empty())
                shape.options.push_back(std::move(spec));
            continue;
        }
        if (first_positional)
            shape.first_words = choices_of(option);
        first_positional = false;
        shape.takes_paths = true;
    }
    return shape;
}

const OptionSpec* find_option(const std::vector<OptionSpec>& options, const std::string& name) {
    for (const auto& option : options)
        if (std::find(option.names.begin(), option.names.end(), name) != option.names.end())
            return &option;
    return nullptr;
}

// Options given after the command may still be pmi's own (CLI11 falls through).
const OptionSpec* find_option(const CommandLineShape& shape, const CommandShape* command,
                              const std::string& name) {
    if (command)
        if (const OptionSpec* option = find_option(command->options, name))
            return option;
    return find_option(shape.global.options, name);
}

const CommandShape* find_command(const CommandLineShape& shape, const std::string& name) {
    for (const auto& command : shape.commands)
        if (command.name == name)
            return &command;
    return nullptr;
}

std::vector<Candidate> words_of(const std::vector<std::string>& items) {
    std::vector<Candidate> candidates;
    for (const auto& item : items)
        candidates.push_back({item, ""});
    return candidates;
}

std::vector<Candidate> command_names(const CommandLineShape& shape) {
    std::vector<Candidate> candidates;
    for (const auto& command : shape.commands)
        candidates.push_back({command.name, command.description});
    return candidates;
}

std::vector<Candidate> option_names(const std::vector<OptionSpec>& options) {
    std::vector<Candidate> candidates;
    for (const auto& option : options)
        for (const auto& name : option.names)
            candidates.push_back({name, option.description});
    return candidates;
}

void complete_value(const OptionSpec& option, Completion& completion) {
    if (!option.choices.empty())
        completion.candidates = words_of(option.choices);
    else if (!option.values.empty())
        completion.values = option.values;
    else if (option.takes_path)
        completion.kind = CompletionKind::files;
}

// Where the words before the cursor leave us.
struct LineState {
    const CommandShape* command = nullptr;
    const OptionSpec* pending = nullptr; // the option whose value is the current word
    int positionals = 0;                 // after the command
    bool options_done = false;           // after `--`
    bool unknown_command = false;
};

void remember_global(const std::string& name, const std::string& value, Completion& completion) {
    if (name == "--root")
        completion.root = value;
    else if (name == "--today")
        completion.today = value;
}

LineState read_line(const CommandLineShape& shape, const std::vector<std::string>& words,
                    Completion& completion) {
    LineState state;
    const std::size_t current = words.size() - 1;
    for (std::size_t i = 0; i < current; ++i) {
        const std::string& word = words[i];
        if (!state.options_done && word == "--") {
            state.options_done = true;
            continue;
        }
        if (!state.options_done && word.size() > 1 && word[0] == '-') {
            const auto equals = word.rfind("--", 0) == 0 ? word.find('=') : std::string::npos;
            const std::string name = word.substr(0, equals);
            const OptionSpec* option = find_option(shape, state.command, name);
            if (equals != std::string::npos) {
                remember_global(name, word.substr(equals + 1), completion);
            } else if (option && option->takes_value) {
                if (i + 1 == current) {
                    state.pending = option;
                    break;
                }
                remember_global(name, words[++i], completion);
            }
            continue;
        }
        if (!state.command) {
            state.command = find_command(shape, word);
            state.unknown_command = !state.command;
            if (state.unknown_command)
                break;
            continue;
        }
        ++state.positionals;
    }
    return state;
}

void complete_positional(const CommandLineShape& shape, const LineState& state,
                         Completion& completion) {
    if (!state.command) {
        completion.candidates = command_names(shape);
        return;
    }
    if (state.positionals == 0 && state.command->name == "help") {
        completion.candidates = command_names(shape);
        return;
    }
    if (state.positionals == 0 && !state.command->first_words.empty()) {
        completion.candidates = words_of(state.command->first_words);
        return;
    }
    if (state.positionals == 1 && state.command->name == "tags") {
        completion.values = "tags"; // pmi tags rename OLD: a tag of the notes
        return;
    }
    if (state.command->takes_paths && state.command->name != "help")
        completion.kind = CompletionKind::files;
}

} // namespace

CommandLineShape shape_of(const CLI::App& root) {
    CommandLineShape shape;
    shape.global = command_shape(root);
    shape.global.name.clear();
    for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; }))
        shape.commands.push_back(command_shape(*sub));
    return shape;
}

Completion complete_words(const CommandLineShape& shape, const std::vector<std::string>& words) {
    Completion completion;
    if (words.empty())
        return complete_words(shape, {""});
    const LineState state = read_line(shape, words, completion);
    if (state.unknown_command)
        return completion;
    const std::string& word = words.back();
    if (state.pending) {
        complete_value(*state.pending, completion);
        return completion;
    }
    if (!state.options_done && word.rfind("--", 0) == 0 && word.find('=') != std::string::npos) {
        const std::string name = word.substr(0, word.find('='));
        if (const OptionSpec* option = find_option(shape, state.command, name);
            option && option->takes_value) {
            completion.prefix = name + "=";
            complete_value(*option, completion);
        }
        return completion;
    }
    if (!state.options_done && !word.empty() && word[0] == '-') {
        completion.candidates =
            option_names(state.command ? state.command->options : shape.global.options);
        return completion;
    }
    complete_positional(shape, state, completion);
    return completion;
}

} // namespace pmi::cli
