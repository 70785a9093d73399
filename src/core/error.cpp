#include "core/error.hpp"

#include <fmt/format.h>

namespace pmi {

std::string format_problem(const Problem& problem) {
    const char* severity = problem.severity == Severity::error ? "error" : "warning";
    if (problem.line > 0)
        return fmt::format("{}:{}: {}: {}", problem.path, problem.line, severity, problem.message);
    return fmt::format("{}: {}: {}", problem.path, severity, problem.message);
}

} // namespace pmi
