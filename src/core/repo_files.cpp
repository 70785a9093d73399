#include "core/repo_files.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace pmi {

namespace fs = std::filesystem;

std::string walk_error_message(const util::WalkError& error, Access access) {
    using Kind = util::WalkError::Kind;
    switch (error.kind) {
    case Kind::symlink:
        return fmt::format("{} is a symbolic link; pmi does not {} links", error.at,
                           access == Access::write ? "write through" : "follow");
    case Kind::not_folder: return fmt::format("{} is not a folder", error.at);
    case Kind::missing: return fmt::format("{}: folder not found", error.at);
    case Kind::outside: return fmt::format("{} is outside the repository", error.at);
    case Kind::system:
    case Kind::none: break;
    }
    return fmt::format("{}: {}", error.at, error.detail);
}

util::FolderHandle open_repo_folder(const fs::path& root, const fs::path& relative,
                                    util::MissingFolders missing, Access access) {
    util::WalkError error;
    util::FolderHandle folder = util::open_beneath(root, relative, missing, error);
    if (!folder)
        throw Error(walk_error_message(error, access));
    return folder;
}

util::FolderHandle open_temporaries(const fs::path& root) {
    util::WalkError error;
    util::FolderHandle folder =
        util::open_beneath(root, ".pmi/tmp", util::MissingFolders::create, error);
    if (!folder)
        return folder;
    if (util::entry_kind_at(folder.fd(), ".gitignore") == util::EntryKind::missing &&
        !util::create_exclusive_at(folder.fd(), ".gitignore", "*\n"))
        return {};
    util::remove_stale_temporaries(folder.fd());
    return folder;
}

namespace {

// The folder part and the file name of a path relative to the root.
std::pair<fs::path, std::string> split(const fs::path& relative) {
    return {relative.parent_path(), relative.filename().string()};
}

// Refuses a link at `name`, and removes from the folder temporary files a killed run left
// there when .pmi/tmp could not be used.
void prepare_target(const util::FolderHandle& folder, const fs::path& relative,
                    const std::string& name) {
    util::remove_stale_temporaries(folder.fd());
    if (util::entry_kind_at(folder.fd(), name) == util::EntryKind::symlink)
        throw Error(fmt::format("{} is a symbolic link; pmi does not write through links",
                                relative.generic_string()));
}

} // namespace

void write_repo_file(const fs::path& root, const fs::path& relative,
                     const std::function<void(const util::TextSink&)>& write) {
    const auto [folder_path, name] = split(relative);
    const util::FolderHandle folder =
        open_repo_folder(root, folder_path, util::MissingFolders::create, Access::write);
    prepare_target(folder, relative, name);
    const util::FolderHandle temporaries = open_temporaries(root);
    if (const auto written = util::write_atomic_at(folder.fd(), name, write, temporaries.fd());
        !written)
        throw Error(
            fmt::format("{}: cannot write: {}", relative.generic_string(), written.error()));
}

util::CreateResult create_repo_file(const fs::path& root, const fs::path& relative,
                                    std::string_view content) {
    const auto [folder_path, name] = split(relative);
    const util::FolderHandle folder =
        open_repo_folder(root, folder_path, util::MissingFolders::create, Access::write);
    prepare_target(folder, relative, name);
    const util::FolderHandle temporaries = open_temporaries(root);
    const auto result = util::write_new_atomic_at(folder.fd(), name, content, temporaries.fd());
    if (!result)
        throw Error(
            fmt::format("{}: cannot create: {}", relative.generic_string(), result.error()));
    return *result;
}

std::optional<std::string> read_repo_file(const fs::path& root, const fs::path& relative) {
    const auto [folder_path, name] = split(relative);
    util::WalkError walk;
    const util::FolderHandle folder =
        util::open_beneath(root, folder_path, util::MissingFolders::fail, walk);
    if (!folder && walk.kind == util::WalkError::Kind::missing)
        return std::nullopt;
    if (!folder)
        throw Error(walk_error_message(walk, Access::read));
    switch (util::entry_kind_at(folder.fd(), name)) {
    case util::EntryKind::missing: return std::nullopt;
    case util::EntryKind::symlink:
        throw Error(fmt::format("{} is a symbolic link; pmi does not follow links",
                                relative.generic_string()));
    default: break;
    }
    auto text = util::read_file_at(folder.fd(), name);
    if (!text)
        throw Error(fmt::format("{}: cannot read: {}", relative.generic_string(), text.error()));
    return std::move(*text);
}

std::optional<fs::path> inside_root(const fs::path& root, const fs::path& path) {
    std::error_code ec;
    // The folders resolved, the last component kept: a link is judged by where it is.
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec)
        return std::nullopt;
    if (!absolute.has_filename())
        absolute = absolute.parent_path();
    const fs::path folder = fs::weakly_canonical(absolute.parent_path(), ec);
    const fs::path base = fs::weakly_canonical(root, ec);
    if (ec)
        return std::nullopt;
    const fs::path relative = (folder / absolute.filename()).lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..")
        return std::nullopt;
    return relative;
}

} // namespace pmi
