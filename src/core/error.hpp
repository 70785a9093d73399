#pragma once

#include <stdexcept>
#include <string>

namespace pmi {

// Exit codes, documented in the man page.
enum ExitCode : int { exit_ok = 0, exit_check_failed = 1, exit_usage = 2 };

// A usage or input error that stops a command: printed as "pmi: error: …", exit 2.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class Severity { warning, error };

// A problem with one file, reported and skipped: "path:line: severity: message".
struct Problem {
    std::string path; // relative to the repository root where possible
    int line = 0;     // 1-based; 0 when unknown
    Severity severity = Severity::error;
    std::string message;
};

std::string format_problem(const Problem& problem);

} // namespace pmi
