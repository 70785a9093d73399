#include "core/move.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/create.hpp"
#include "core/edit.hpp"
#include "core/error.hpp"
#include "core/frontmatter.hpp"
#include "core/note.hpp"
#include "core/repo_files.hpp"
#include "core/store.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace fs = std::filesystem;

namespace {

// Whether `name` is <stem>.md or <stem>-N.md.
bool is_named_for(std::string_view name, const std::string& stem) {
    if (name.size() < stem.size() + 3 || name.substr(0, stem.size()) != stem ||
        name.substr(name.size() - 3) != ".md")
        return false;
    const std::string_view rest = name.substr(stem.size(), name.size() - stem.size() - 3);
    if (rest.empty())
        return true;
    if (rest.size() < 2 || rest[0] != '-')
        return false;
    return rest.find_first_not_of("0123456789", 1) == std::string_view::npos && rest[1] != '0';
}

// Removes the folder the note left when it is now empty and inside the notes
// folder (never the notes folder itself); rmdir(2) only, so nothing else goes.
void remove_left_folder(const Config& config, const fs::path& left) {
    const fs::path notes = config.notes_path().lexically_normal();
    const fs::path inside = left.lexically_normal().lexically_relative(notes);
    if (inside.empty() || inside == "." || *inside.begin() == "..")
        return;
    ::rmdir(left.c_str()); // fails, harmlessly, when something is still there
}

bool git_tracks(const Config& config, const std::string& path) {
    return util::capture_output(
               {"git", "-C", config.root.string(), "ls-files", "--error-unmatch", "--", path})
        .has_value();
}

// rename(2) into the open `folder` that never replaces an existing file.
bool rename_new(const fs::path& from, int folder, const std::string& name, int& error) {
    if (::renameat2(AT_FDCWD, from.c_str(), folder, name.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    error = errno;
    if (error != EINVAL && error != ENOSYS)
        return false;
    // A file system without RENAME_NOREPLACE: link, then unlink, never replaces either.
    if (::linkat(AT_FDCWD, from.c_str(), folder, name.c_str(), 0) != 0) {
        error = errno;
        return false;
    }
    ::unlink(from.c_str());
    return true;
}

// A value as YAML in the style of the one it replaces: quoted if that was, else
// plain when plain YAML reads it back as the same string.
std::string yaml_like(std::string_view text, std::string_view key, const std::string& value,
                      const std::string& path) {
    const ValueSpan span = front_matter_value(text, key, path);
    const bool was_quoted =
        span.end > span.start && (text[span.start] == '"' || text[span.start] == '\'');
    static const char* const keywords[] = {"true", "false", "yes", "no", "on",
                                           "off",  "null",  "y",   "n",  "~"};
    const std::string lower = util::to_lower_ascii(value);
    const bool plain_safe =
        !value.empty() && std::isalpha(static_cast<unsigned char>(value[0])) &&
        value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
                                "._-") == std::string::npos &&
        value.back() != ' ' &&
        std::none_of(std::begin(keywords), std::end(keywords),
                     [&](const char* keyword) { return lower == keyword; });
    return !was_quoted && plain_safe ? value : yaml_quote(value);
}

std::string edited_text(std::string text, const MoveChange& change, const std::string& path) {
    const std::pair<const char*, const std::optional<std::string>*> values[] = {
        {"customer", &change.customer}, {"pm", &change.pm}, {"product", &change.product}};
    for (const auto& [key, value] : values)
        if (*value)
            text = replace_front_matter_value(text, key, yaml_like(text, key, **value, path), path);
    if (change.date)
        text = replace_front_matter_value(text, "date", format_date(*change.date), path);
    return text;
}

void check_values(const Config& config, const Note& note) {
    check_known_product(config, note.product);
    (void)checked_note_slug(note); // throws on a customer or product that names no file
    if (!config.team.empty() && !config.member(note.pm)) {
        std::vector<std::string> ids;
        for (const auto& person : config.team)
            ids.push_back(person.id);
        throw Error(fmt::format("pm '{}' is not in the team of .pmi.yaml ({})", note.pm,
                                util::join(ids, ", ")));
    }
}

} // namespace

MoveResult move_note(const Config& config, const std::string& given, const MoveChange& change) {
    const fs::path file = fs::path(given).is_absolute() ? fs::path(given) : config.root / given;
    MoveResult result;
    result.from = display_path(config, file);
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0)
        throw Error(fmt::format("{}: {}", result.from, std::strerror(errno)));
    if (!S_ISREG(info.st_mode))
        throw Error(fmt::format("{}: not a regular file", result.from));
    const auto text = util::read_file(file);
    if (!text)
        throw Error(fmt::format("{}: {}", result.from, text.error()));

    const std::string new_text = edited_text(*text, change, result.from);
    NoteParse parsed = parse_note(new_text, result.from, BodyScan::none);
    for (const auto& problem : parsed.problems)
        if (problem.severity == Severity::error)
            throw Error(format_problem(problem) + " (nothing changed)");
    const Note& note = *parsed.note;
    check_values(config, note);

    const fs::path folder = config.notes_path() / note.product;
    // Opened (and created) before anything changes, and without following links, so
    // a link on the way to the product folder is refused with the note untouched.
    const util::FolderHandle target_folder =
        open_repo_folder(config.root, fs::path(config.notes_dir) / note.product,
                         util::MissingFolders::create, Access::write);
    const std::string stem = util::slugify(note.customer) + "-" + format_date(note.date);
    const bool in_place = file.parent_path().lexically_normal() == folder.lexically_normal() &&
                          is_named_for(file.filename().string(), stem);
    result.edited = new_text != *text;
    if (result.edited) {
        if (const auto written = util::write_atomic_keeping_mode(file, new_text, info.st_mode);
            !written)
            throw Error(fmt::format("{}: cannot write: {}", result.from, written.error()));
    }
    if (in_place) {
        result.to = result.from;
        return result;
    }

    const bool tracked = git_tracks(config, result.from);
    auto undo_edit = [&] {
        // Best effort: the failure that called for the undo is the one reported.
        if (result.edited)
            static_cast<void>(util::write_atomic_keeping_mode(file, *text, info.st_mode));
    };
    for (int n = 1; n <= 10000; ++n) {
        const std::string name = n == 1 ? stem + ".md" : fmt::format("{}-{}.md", stem, n);
        if (util::entry_kind_at(target_folder.fd(), name) != util::EntryKind::missing)
            continue;
        const std::string to = display_path(config, folder / name);
        if (tracked) {
            if (util::run_program(
                    {"git", "-C", config.root.string(), "mv", "--", result.from, to}) != 0) {
                undo_edit();
                throw Error(
                    fmt::format("{}: git mv to {} failed (nothing changed)", result.from, to));
            }
            result.used_git = true;
        } else {
            int rename_error = 0;
            if (!rename_new(file, target_folder.fd(), name, rename_error)) {
                if (rename_error == EEXIST)
                    continue;
                undo_edit();
                throw Error(fmt::format("{}: cannot move to {}: {} (nothing changed)", result.from,
                                        to, std::strerror(rename_error)));
            }
        }
        result.to = to;
        remove_left_folder(config, file.parent_path());
        return result;
    }
    undo_edit();
    throw Error(
        fmt::format("{}: too many notes named {}-N.md", display_path(config, folder), stem));
}

} // namespace pmi
