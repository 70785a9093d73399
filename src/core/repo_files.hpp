#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "util/fs.hpp"

namespace pmi {

// pmi's own files (notes, INDEX.md/TAGS.md, the cache, the template, the
// config) are read and written only inside the repository root and through
// no symbolic link: every folder from the root down is opened without
// following links. Temporary files go to .pmi/tmp (ignored by git), named
// with the writer's pid so a later run can remove those a killed run left.

// The message for a link met on the way: "<at> is a symbolic link; pmi does
// not write through links" (or "follow" when only reading).
enum class Access { read, write };
std::string walk_error_message(const util::WalkError& error, Access access);

// Opens root/relative (a folder path relative to the root) without following
// links, creating missing folders when asked; throws pmi::Error with
// walk_error_message when it cannot.
util::FolderHandle open_repo_folder(const std::filesystem::path& root,
                                    const std::filesystem::path& relative,
                                    util::MissingFolders missing, Access access);

// The folder for temporary files, <root>/.pmi/tmp, created with a .gitignore
// of its own; stale temporary files in it are removed first. An empty handle
// when it cannot be had (temporary files then go beside their file).
util::FolderHandle open_temporaries(const std::filesystem::path& root);

// Writes root/relative atomically (temporary file, then rename), creating its
// folders; throws pmi::Error naming the file when it cannot.
void write_repo_file(const std::filesystem::path& root, const std::filesystem::path& relative,
                     const std::function<void(const util::TextSink&)>& write);

// Creates root/relative whole or not at all, never replacing anything: `exists`
// when a file is there. Throws pmi::Error naming the file when it cannot.
util::CreateResult create_repo_file(const std::filesystem::path& root,
                                    const std::filesystem::path& relative,
                                    std::string_view content);

// Reads root/relative without following links; nullopt when there is no such
// file. Throws pmi::Error for a link on the way or an unreadable file.
std::optional<std::string> read_repo_file(const std::filesystem::path& root,
                                          const std::filesystem::path& relative);

// `path` (absolute, or relative to the current folder) relative to `root`
// when it is inside it; nullopt otherwise.
std::optional<std::filesystem::path> inside_root(const std::filesystem::path& root,
                                                 const std::filesystem::path& path);

} // namespace pmi
