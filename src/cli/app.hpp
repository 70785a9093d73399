#pragma once

#include <string>
#include <vector>

namespace pmi::cli {

struct CommandSpec;

// The registered commands, in help order.
const std::vector<CommandSpec>& command_table();

// Parses the arguments, runs the command and returns the exit code. Never throws.
int run(int argc, char** argv);

} // namespace pmi::cli
