#include <iostream>

#include "cli/commands.hpp"
#include "core/move.hpp"
#include "render/escape.hpp"

namespace pmi::cli {

namespace {

struct MoveOptions {
    std::string note;
    std::string product;
    std::string customer;
    std::string pm;
    std::string date;
};

// The note argument: a path from the current folder, else from the root.
std::string resolve_note_path(const std::string& given, const Config& config) {
    std::error_code ec;
    const std::filesystem::path path(given);
    if (std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        return std::filesystem::absolute(path, ec).lexically_normal().string();
    if (std::filesystem::exists(std::filesystem::symlink_status(config.root / path, ec)))
        return (config.root / path).lexically_normal().string();
    throw Error(given + ": no such note");
}

int run_mv(const MoveOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    MoveChange change;
    if (!options.product.empty())
        change.product = options.product;
    if (!options.customer.empty()) // an alias in `customers:` becomes its canonical name, as in new
        change.customer = canonical_customer(context.config, options.customer);
    if (!options.pm.empty())
        change.pm = options.pm;
    if (!options.date.empty())
        change.date = parse_date_option(options.date, "--date");
    const MoveResult result =
        move_note(context.config, resolve_note_path(options.note, context.config), change);
    if (result.from == result.to)
        std::cout << escape::terminal(result.to) << (result.edited ? ": updated" : ": unchanged")
                  << '\n';
    else
        std::cout << escape::terminal(result.from) << " -> " << escape::terminal(result.to)
                  << (result.used_git ? " (git mv)" : "") << '\n';
    return exit_ok;
}

} // namespace

void setup_mv(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<MoveOptions>();
    command.add_option("note", options->note, "The note to move (its path)")->required();
    command.add_option("--product", options->product, "Set the product (and folder)");
    command.add_option("--date", options->date, "Set the date YYYY-MM-DD (and file name)");
    command.add_option("--customer", options->customer, "Set the customer (and file name)");
    command.add_option("--pm", options->pm, "Set the product manager");
    command.callback([options, &globals] { globals.exit_code = run_mv(*options, globals); });
}

} // namespace pmi::cli
