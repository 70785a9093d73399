#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/expected.hpp"

namespace util {

// Runs a program exec-style (no shell), its output captured; the reason when
// it cannot be started or exits non-zero.
Expected<std::string> capture_output(const std::vector<std::string>& argv);

// Runs a program exec-style with the terminal inherited; returns its exit status,
// or -1 when it could not be started.
int run_program(const std::vector<std::string>& argv);

// The argv that runs `editor` on `file` as git does: a plain program name is run
// directly; a value with spaces or shell syntax is run as
// sh -c '<editor> "$@"' <editor> <file>, the file always a separate argument.
std::vector<std::string> editor_command(const std::string& editor, const std::string& file);

bool is_terminal(int fd);

} // namespace util
