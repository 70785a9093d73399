#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/create.hpp"
#include "render/escape.hpp"
#include "util/fs.hpp"

namespace pmi::cli {

namespace fs = std::filesystem;

static void write_once(const fs::path& file, const std::string& content, const char* what) {
    std::string error;
    switch (util::write_new_atomic(file, content, error)) {
    case util::CreateResult::created:
        std::cout << "created " << what << ": " << escape::terminal(file.string()) << '\n';
        break;
    case util::CreateResult::exists:
        std::cout << "kept existing " << what << ": " << escape::terminal(file.string()) << '\n';
        break;
    case util::CreateResult::failed:
        throw Error(fmt::format("{}: cannot write: {}", file.string(), error));
    }
}

// The folder of the .pmi.yaml in `folder` or above it, if any.
static fs::path enclosing_repository(const fs::path& folder) {
    std::error_code ec;
    for (fs::path dir = fs::absolute(folder, ec).lexically_normal(); !dir.empty();
         dir = dir.parent_path()) {
        if (fs::exists(dir / config_file_name, ec))
            return dir;
        if (dir == dir.parent_path())
            break;
    }
    return {};
}

static int run_init(const std::string& directory, const std::string& pm) {
    const fs::path root = directory.empty() ? fs::path(".") : fs::path(directory);
    std::error_code ec;
    // A nested config would shadow the team's for everyone working below it.
    if (const fs::path existing = enclosing_repository(root);
        !existing.empty() && !fs::exists(root / config_file_name, ec))
        throw Error(fmt::format("{} is already in the pmi repository at {}; not creating another",
                                root.string(), existing.string()));
    fs::create_directories(root, ec);
    if (ec)
        throw Error(fmt::format("{}: cannot create folder: {}", root.string(), ec.message()));
    const fs::path config_file = root / config_file_name;
    std::string error;
    switch (util::write_new_atomic(config_file, default_config(pm), error)) {
    case util::CreateResult::created: break;
    case util::CreateResult::exists:
        throw Error(fmt::format("{} already exists; not overwritten", config_file.string()));
    case util::CreateResult::failed:
        throw Error(fmt::format("{}: cannot write: {}", config_file.string(), error));
    }
    std::cout << "created config: " << escape::terminal(config_file.string()) << '\n';

    Config config = parse_config(default_config(pm), config_file.string());
    config.root = root;
    fs::create_directories(config.notes_path(), ec);
    if (ec)
        throw Error(fmt::format("{}: cannot create folder: {}", config.notes_path().string(),
                                ec.message()));
    std::cout << "notes folder: " << escape::terminal(config.notes_path().string()) << '\n';
    fs::create_directories(config.template_path().parent_path(), ec);
    write_once(config.template_path(), default_template(), "note template");
    write_once(root / ".pmi" / ".gitignore", "cache/\n", "ignore file");
    std::cout << "next: list your products and team in " << config_file_name
              << ", then after each call run `pmi new CUSTOMER`\n";
    return exit_ok;
}

void setup_init(CLI::App& command, Globals& globals) {
    struct Options {
        std::string directory;
        std::string pm;
    };
    auto options = std::make_shared<Options>();
    command.add_option("directory", options->directory, "Repository folder (default: here)");
    command.add_option("--pm", options->pm, "Id of the sample team entry (default: caroline)");
    command.callback([options, &globals] {
        std::string directory = options->directory;
        if (directory.empty())
            directory = globals.root;
        globals.exit_code = run_init(directory, options->pm);
    });
}

} // namespace pmi::cli
