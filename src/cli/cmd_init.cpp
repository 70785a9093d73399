#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/create.hpp"
#include "core/repo_files.hpp"
#include "render/escape.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace fs = std::filesystem;

namespace {

// `text` with control characters written as escapes, for an error message.
std::string visible(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else
            out += c;
    }
    return out;
}

// A PM id is one word: ASCII letters and digits, '.', '_', '-', '@', '+', and
// letters of other scripts (UTF-8), starting with a letter or digit. No YAML
// syntax, no line break, so the config written with it says what was meant.
void validate_pm_id(const std::string& pm) {
    const auto word_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    bool valid = !pm.empty() && word_char(pm[0]) && util::is_valid_utf8(pm);
    for (char c : pm)
        valid = valid && (word_char(c) || c == '.' || c == '_' || c == '-' || c == '@' || c == '+');
    if (!valid)
        throw Error(fmt::format("--pm '{}': a PM id is one word of letters, digits, '.', '_', "
                                "'-', '@' or '+', starting with a letter or digit",
                                visible(pm)));
}

// Refuses, before anything is created, a repository pmi could only half set
// up: a link or a file where one of its folders or files goes.
void check_places(const fs::path& root, const std::string& notes_dir) {
    std::error_code ec;
    if (fs::exists(root, ec) && !fs::is_directory(root, ec))
        throw Error(fmt::format("{} is not a folder", root.string()));
    if (fs::exists(fs::symlink_status(root / config_file_name, ec)))
        throw Error(
            fmt::format("{} already exists; not overwritten", (root / config_file_name).string()));
    for (const fs::path& folder : {fs::path(notes_dir), fs::path(".pmi")}) {
        util::WalkError error;
        if (!util::open_beneath(root, folder, util::MissingFolders::fail, error) &&
            error.kind != util::WalkError::Kind::missing)
            throw Error(walk_error_message(error, Access::write));
    }
    for (const char* file : {".pmi/template.md", ".pmi/.gitignore", ".gitattributes"}) {
        const auto status = fs::symlink_status(root / file, ec);
        if (fs::is_symlink(status))
            throw Error(
                fmt::format("{} is a symbolic link; pmi does not write through links", file));
        if (fs::exists(status) && !fs::is_regular_file(status))
            throw Error(fmt::format("{} is not a file", file));
    }
}

void write_once(const fs::path& root, const fs::path& relative, const std::string& content,
                const char* what) {
    const std::string shown = escape::terminal((root / relative).string());
    switch (create_repo_file(root, relative, content)) {
    case util::CreateResult::created:
        std::cout << "created " << what << ": " << shown << '\n';
        break;
    case util::CreateResult::exists:
        std::cout << "kept existing " << what << ": " << shown << '\n';
        break;
    }
}

// Names the merge driver that regenerates INDEX.md and TAGS.md when branches
// merge; enabled by `git config merge.pmi-index.driver "pmi merge-index %O %A %B %P"`.
std::string merge_attributes(const std::string& notes_dir) {
    return fmt::format("# INDEX.md and TAGS.md are regenerated when branches merge: run once\n"
                       "#   git config merge.pmi-index.driver \"pmi merge-index %O %A %B %P\"\n"
                       "/{0}/INDEX.md merge=pmi-index\n/{0}/TAGS.md merge=pmi-index\n",
                       notes_dir);
}

// The folder of the .pmi.yaml in `folder` or above it, if any.
fs::path enclosing_repository(const fs::path& folder) {
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

// git's `user.NAME` as seen from `dir` (or from here when `dir` does not
// exist yet); empty when unset or git is missing.
std::string git_user_setting(const fs::path& dir, const std::string& name) {
    std::error_code ec;
    const std::string from = fs::is_directory(dir, ec) ? dir.string() : ".";
    const auto value = util::capture_output({"git", "-C", from, "config", "user." + name});
    return value ? std::string(util::trim(*value)) : std::string();
}

// The config for `pm` as written, and checked to read back as that PM with that
// name and email.
std::string init_config_text(const std::string& pm, const std::string& name,
                             const std::string& email, const Date& since) {
    const std::string text = default_config(pm, name, email, since);
    const Config config = parse_config(text, config_file_name);
    if (config.team.size() != 1 || config.team[0].id != (pm.empty() ? "caroline" : pm))
        throw Error(
            fmt::format("--pm '{}' cannot be written to {}", visible(pm), config_file_name));
    if (!pm.empty() && (config.team[0].name != name || config.team[0].email != email))
        throw Error("git's user.name or user.email cannot be written to " +
                    std::string(config_file_name));
    return text;
}

// With --pm, the entry takes git's user.name and user.email; one that does not
// read back as written (an invalid UTF-8 name) is left for the user to fill in.
// With --pm, the PM is on the team since the Monday of today's week.
std::string init_config(const fs::path& root, const std::string& pm, const Date& today) {
    if (pm.empty())
        return default_config(pm);
    const Date since = week_containing(today, WeekStart::monday).start;
    try {
        return init_config_text(pm, git_user_setting(root, "name"), git_user_setting(root, "email"),
                                since);
    } catch (const Error&) {
        return init_config_text(pm, {}, {}, since);
    }
}

int run_init(const std::string& directory, const std::string& pm, const Date& today) {
    if (!pm.empty())
        validate_pm_id(pm);
    const fs::path root = directory.empty() ? fs::path(".") : fs::path(directory);
    const std::string config_text = init_config(root, pm, today);
    Config config = parse_config(config_text, config_file_name);
    std::error_code ec;
    // A nested config would shadow the team's for everyone working below it.
    if (const fs::path existing = enclosing_repository(root);
        !existing.empty() && !fs::exists(root / config_file_name, ec))
        throw Error(fmt::format("{} is already in the pmi repository at {}; not creating another",
                                root.string(), existing.string()));
    check_places(root, config.notes_dir);

    fs::create_directories(root, ec);
    if (ec)
        throw Error(fmt::format("{}: cannot create folder: {}", root.string(), ec.message()));
    if (create_repo_file(root, config_file_name, config_text) == util::CreateResult::exists)
        throw Error(
            fmt::format("{} already exists; not overwritten", (root / config_file_name).string()));
    std::cout << "created config: " << escape::terminal((root / config_file_name).string()) << '\n';
    config.root = root;
    static_cast<void>(
        open_repo_folder(root, config.notes_dir, util::MissingFolders::create, Access::write));
    std::cout << "notes folder: " << escape::terminal(config.notes_path().string()) << '\n';
    write_once(root, fs::path(".pmi") / "template.md", default_template(), "note template");
    write_once(root, fs::path(".pmi") / ".gitignore", "cache/\ntmp/\n", "ignore file");
    write_once(root, ".gitattributes", merge_attributes(config.notes_dir), "git attributes");
    std::cout << "next: list your products and team in " << config_file_name
              << ", then after each call run `pmi new CUSTOMER`\n";
    return exit_ok;
}

} // namespace

void setup_init(CLI::App& command, Globals& globals) {
    struct Options {
        std::string directory;
        std::string pm;
    };
    auto options = std::make_shared<Options>();
    command.add_option("directory", options->directory, "Repository folder (default: here)");
    command.add_option("--pm", options->pm,
                       "Your PM id: the team entry, with git's user.name and user.email (default: "
                       "a sample, caroline)");
    command.callback([options, &globals] {
        std::string directory = options->directory;
        if (directory.empty())
            directory = globals.root;
        globals.exit_code = run_init(directory, options->pm, today_of(globals));
    });
}

} // namespace pmi::cli
