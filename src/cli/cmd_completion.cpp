#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "core/store.hpp"

namespace pmi::cli {

namespace {

// What a command line offers, read from the same CLI11 definitions the parser uses.
struct OptionSpec {
    std::vector<std::string> names; // "--format", "-h"
    bool takes_value = false;
    std::vector<std::string> choices; // from IsMember checks
    std::string values;               // a dynamic source: products, pms, tags, weeks
    std::string description;
};

struct CommandShape {
    std::string name;
    std::string description;
    std::vector<OptionSpec> options;
    bool takes_paths = false;
    std::vector<std::string> first_words; // choices for the first positional (guide: lint)
};

// Options whose values come from the notes tree.
std::string dynamic_source(const std::string& name) {
    if (name == "--product")
        return "products";
    if (name == "--pm")
        return "pms";
    if (name == "--tag")
        return "tags";
    if (name == "--week")
        return "weeks";
    if (name == "--customer")
        return "customers";
    return "";
}

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

std::vector<OptionSpec> options_of(const CLI::App& app, bool& takes_paths,
                                   std::vector<std::string>* first_words = nullptr) {
    std::vector<OptionSpec> specs;
    bool first_positional = true;
    for (const CLI::Option* option : app.get_options()) {
        if (!option->nonpositional()) {
            if (first_positional && first_words)
                *first_words = choices_of(option);
            first_positional = false;
            takes_paths = true;
            continue;
        }
        OptionSpec spec;
        for (const auto& name : option->get_lnames())
            spec.names.push_back("--" + name);
        for (const auto& name : option->get_snames())
            spec.names.push_back("-" + name);
        if (spec.names.empty())
            continue;
        spec.takes_value = option->get_items_expected_max() > 0;
        spec.choices = choices_of(option);
        spec.values = dynamic_source(spec.names.front());
        spec.description = option->get_description();
        specs.push_back(std::move(spec));
    }
    return specs;
}

std::vector<CommandShape> shapes_of(const CLI::App& root, CommandShape& global) {
    bool unused = false;
    global.options = options_of(root, unused);
    std::vector<CommandShape> shapes;
    for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
        CommandShape shape;
        shape.name = sub->get_name();
        shape.description = sub->get_description();
        shape.options = options_of(*sub, shape.takes_paths, &shape.first_words);
        shapes.push_back(std::move(shape));
    }
    return shapes;
}

std::string words(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : " ") + item;
    return out;
}

std::string bash_value_case(const std::vector<OptionSpec>& options, const char* indent) {
    std::string out;
    for (const auto& option : options) {
        if (!option.takes_value)
            continue;
        std::string action;
        if (!option.values.empty())
            action = fmt::format("_pmi_values {}", option.values);
        else if (!option.choices.empty())
            action =
                fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", words(option.choices));
        else if (option.names.front() == "--root" || option.names.front() == "--junit" ||
                 option.names.front() == "--out")
            action = "COMPREPLY=($(compgen -f -- \"$cur\"))";
        else
            action = "COMPREPLY=()";
        std::vector<std::string> names = option.names;
        out += fmt::format("{}{}) {}; return ;;\n", indent,
                           fmt::format("{}", fmt::join(names, "|")), action);
    }
    return out;
}

std::string bash_script(const CommandShape& global, const std::vector<CommandShape>& commands) {
    std::vector<std::string> names;
    for (const auto& command : commands)
        names.push_back(command.name);
    std::vector<std::string> global_names;
    std::vector<std::string> global_value_names;
    for (const auto& option : global.options) {
        global_names.insert(global_names.end(), option.names.begin(), option.names.end());
        if (option.takes_value)
            global_value_names.insert(global_value_names.end(), option.names.begin(),
                                      option.names.end());
    }
    std::string out = "# bash completion for pmi; generated by `pmi completion bash`.\n";
    out += "_pmi_values() {\n"
           "    local IFS=$'\\n'\n"
           "    COMPREPLY=($(compgen -W \"$(pmi \"${_pmi_root[@]}\" completion values \"$1\" "
           "2>/dev/null)\" -- \"$cur\"))\n"
           "}\n\n";
    out += "_pmi() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           "    local command= command_index=0 i\n"
           "    local _pmi_root=()\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           "        case ${COMP_WORDS[i]} in\n";
    out += fmt::format("            {}) [[ ${{COMP_WORDS[i]}} == --root ]] && "
                       "_pmi_root=(--root \"${{COMP_WORDS[i+1]}}\"); ((i++)) ;;\n",
                       fmt::join(global_value_names, "|"));
    out += "            -*) ;;\n"
           "            *) command=${COMP_WORDS[i]}; command_index=$i; break ;;\n"
           "        esac\n"
           "    done\n"
           "    case $command in\n";
    out += "    '')\n        case $prev in\n" + bash_value_case(global.options, "            ") +
           "        esac\n";
    out += fmt::format("        COMPREPLY=($(compgen -W \"{} {}\" -- \"$cur\")) ;;\n", words(names),
                       words(global_names));
    for (const auto& command : commands) {
        std::vector<std::string> option_names;
        for (const auto& option : command.options)
            option_names.insert(option_names.end(), option.names.begin(), option.names.end());
        out += fmt::format("    {})\n        case $prev in\n", command.name);
        out += bash_value_case(command.options, "            ");
        out += "        esac\n";
        if (command.name == "help" || command.name == "completion") {
            out +=
                fmt::format("        COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")) ;;\n",
                            command.name == "help" ? words(names) : std::string("bash zsh fish"));
            continue;
        }
        std::string fallback =
            command.takes_paths ? "COMPREPLY=($(compgen -f -- \"$cur\"))" : "COMPREPLY=()";
        if (!command.first_words.empty())
            fallback =
                fmt::format("if ((COMP_CWORD == command_index + 1)); then COMPREPLY=($(compgen "
                            "-W \"{}\" -- \"$cur\")); else {}; fi",
                            words(command.first_words), fallback);
        out += fmt::format("        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"{}\" -- "
                           "\"$cur\")); else {}; fi ;;\n",
                           words(option_names), fallback);
    }
    out += "    esac\n}\ncomplete -o filenames -F _pmi pmi\n";
    return out;
}

std::string zsh_script(const CommandShape& global, const std::vector<CommandShape>& commands) {
    return "#compdef pmi\n# zsh completion for pmi; generated by `pmi completion zsh`.\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_script(global, commands);
}

std::string fish_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_option(const OptionSpec& option, const std::string& condition) {
    std::string line = "complete -c pmi -n " + fish_quote(condition);
    for (const auto& name : option.names)
        line += name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1);
    if (!option.values.empty())
        line += " -x -a " + fish_quote("(pmi completion values " + option.values + " 2>/dev/null)");
    else if (!option.choices.empty())
        line += " -x -a " + fish_quote(words(option.choices));
    else if (option.takes_value)
        line += " -r";
    return line + " -d " + fish_quote(option.description) + "\n";
}

std::string fish_script(const CommandShape& global, const std::vector<CommandShape>& commands) {
    std::string out = "# fish completion for pmi; generated by `pmi completion fish`.\n"
                      "complete -c pmi -f\n";
    for (const auto& option : global.options)
        out += fish_option(option, "__fish_use_subcommand");
    for (const auto& command : commands) {
        out += fmt::format("complete -c pmi -n '__fish_use_subcommand' -a {} -d {}\n", command.name,
                           fish_quote(command.description));
        const std::string condition = "__fish_seen_subcommand_from " + command.name;
        for (const auto& option : command.options)
            out += fish_option(option, condition);
        if (!command.first_words.empty() && command.name != "completion")
            out += fmt::format("complete -c pmi -n {} -a {}\n", fish_quote(condition),
                               fish_quote(words(command.first_words)));
        if (command.takes_paths && command.name != "help" && command.name != "completion")
            out += fmt::format("complete -c pmi -n {} -F\n", fish_quote(condition));
    }
    return out;
}

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

} // namespace

void setup_completion(CLI::App& command, Globals& globals) {
    struct Options {
        std::string shell;
        std::string kind;
    };
    auto options = std::make_shared<Options>();
    command.add_option("shell", options->shell, "bash, zsh or fish (or: values KIND)")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish", "values"}));
    command.add_option("kind", options->kind, "With values: products, pms, tags, customers, weeks")
        ->check(CLI::IsMember({"products", "pms", "tags", "customers", "weeks"}));
    const CLI::App* root = command.get_parent();
    command.callback([options, root, &globals] {
        if (options->shell == "values") {
            if (options->kind.empty())
                throw Error(
                    "completion values: name a kind: products, pms, tags, customers, weeks");
            for (const auto& value : tree_values(options->kind, make_context(globals)))
                std::cout << value << '\n';
            return;
        }
        CommandShape global;
        const auto commands = shapes_of(*root, global);
        if (options->shell == "bash")
            std::cout << bash_script(global, commands);
        else if (options->shell == "zsh")
            std::cout << zsh_script(global, commands);
        else
            std::cout << fish_script(global, commands);
    });
}

} // namespace pmi::cli
