#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace pmi::cli {

// Each command declares its options on `command` and sets its callback.
// They are registered in one table, in app.cpp.
void setup_init(CLI::App& command, Globals& globals);
void setup_new(CLI::App& command, Globals& globals);
void setup_list(CLI::App& command, Globals& globals);
void setup_help(CLI::App& command, Globals& globals);
void setup_completion(CLI::App& command, Globals& globals);

} // namespace pmi::cli
