#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "util/json.hpp"

namespace pmi {

// "path:line: severity: message" for a terminal or a log, escaped.
std::string problem_text(const Problem& problem);

// A GitHub Actions annotation (`::error file=…,line=…,title=…::message`), escaped
// as @actions/core does; `title` may be empty.
std::string github_annotation(const Problem& problem, std::string_view title = {});

// "- `path:line`: message" for a markdown list.
std::string problem_markdown(const Problem& problem);

// Problems as a JSON array of {path, line, severity, message}.
void write_problems_json(util::JsonWriter& json, const std::vector<Problem>& problems);

} // namespace pmi
