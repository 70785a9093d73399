#include <fmt/format.h>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"

namespace pmi::cli {

void setup_help(CLI::App& command, Globals&) {
    auto name = std::make_shared<std::string>();
    command.add_option("command", *name, "The command to explain");
    CLI::App* root = command.get_parent();
    command.callback([name, root] {
        // App::help() would describe `help` itself: it delegates to the parsed subcommand.
        if (name->empty()) {
            std::cout << root->get_formatter()->make_help(root, root->get_name(),
                                                          CLI::AppFormatMode::Normal);
            return;
        }
        for (CLI::App* sub : root->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == *name) {
                std::cout << sub->help(root->get_name());
                return;
            }
        const std::string suggestion = closest_command(*name);
        throw Error(fmt::format(
            "help: no command '{}'{}; 'pmi help' lists the commands", *name,
            suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion)));
    });
}

} // namespace pmi::cli
