#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace pmi::cli {

// What a command line offers, read from the same CLI11 definitions the parser
// uses, so a new command or option completes without touching this code.
struct OptionSpec {
    std::vector<std::string> names; // "--format", "-h"
    bool takes_value = false;
    std::vector<std::string> choices; // from IsMember checks
    std::string values;               // a source in the notes tree: products, pms, tags, weeks
    bool takes_path = false;
    std::string description;
};

struct CommandShape {
    std::string name;
    std::string description;
    std::vector<OptionSpec> options;
    bool takes_paths = false;
    std::vector<std::string> first_words; // choices for the first positional (guide: lint)
};

struct CommandLineShape {
    CommandShape global; // pmi's own options; name empty
    std::vector<CommandShape> commands;
};

CommandLineShape shape_of(const CLI::App& root);

enum class CompletionKind { words, files };

struct Candidate {
    std::string value;
    std::string description;
};

// What to offer for the last of `words` (the command line after `pmi`, the
// word under the cursor last, possibly empty). `prefix` is the `--option=`
// part of that word, which every candidate goes after.
struct Completion {
    CompletionKind kind = CompletionKind::words;
    std::string prefix;
    std::vector<Candidate> candidates;
    std::string values; // a source in the notes tree still to look up, or ""
    std::string root;   // --root and --today as given on the line, for that look-up
    std::string today;
};

Completion complete_words(const CommandLineShape& shape, const std::vector<std::string>& words);

} // namespace pmi::cli
