#pragma once

#include <string>
#include <vector>

namespace pmi::cli {

struct CommandSpec;

// The registered commands, in help order.
const std::vector<CommandSpec>& command_table();

// The command `word` most likely misspells, or "" when none is close.
std::string closest_command(const std::string& word);

// Parses the arguments, runs the command and returns the exit code. Never throws.
int run(int argc, char** argv);

} // namespace pmi::cli
