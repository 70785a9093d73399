#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace pmi::cli {

// Each command declares its options on `command` and sets its callback.
// They are registered in one table, in app.cpp.
void setup_init(CLI::App& command, Globals& globals);
void setup_new(CLI::App& command, Globals& globals);
void setup_import(CLI::App& command, Globals& globals);
void setup_list(CLI::App& command, Globals& globals);
void setup_report(CLI::App& command, Globals& globals);
void setup_check(CLI::App& command, Globals& globals);
void setup_lint(CLI::App& command, Globals& globals);
void setup_summary(CLI::App& command, Globals& globals);
void setup_tags(CLI::App& command, Globals& globals);
void setup_index(CLI::App& command, Globals& globals);
void setup_merge_index(CLI::App& command, Globals& globals);
void setup_themes(CLI::App& command, Globals& globals);
void setup_share(CLI::App& command, Globals& globals);
void setup_site(CLI::App& command, Globals& globals);
void setup_signals(CLI::App& command, Globals& globals);
void setup_search(CLI::App& command, Globals& globals);
void setup_mv(CLI::App& command, Globals& globals);
void setup_open(CLI::App& command, Globals& globals);
void setup_guide(CLI::App& command, Globals& globals);
void setup_help(CLI::App& command, Globals& globals);
void setup_completion(CLI::App& command, Globals& globals);

} // namespace pmi::cli
