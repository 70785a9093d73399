#include "core/merge_index.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

#include "core/error.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

using Blobs = std::map<std::string, std::string>; // path -> blob id

std::string git(const Config& config, std::vector<std::string> arguments) {
    std::vector<std::string> argv = {"git", "-C", config.root.string()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    auto output = util::capture_output(argv);
    if (!output)
        throw Error("git: " + output.error());
    return *output;
}

bool named_like_note_path(std::string_view path) {
    for (const auto& part : util::split(path, '/'))
        if (part.empty() || part[0] == '.')
            return false;
    const std::size_t slash = path.rfind('/');
    const std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
    return name.size() > 3 && name.substr(name.size() - 3) == ".md" && name != "INDEX.md" &&
           name != "TAGS.md";
}

// The note files of `commit` under the notes folder: regular files only.
Blobs note_blobs(const Config& config, const std::string& commit) {
    Blobs blobs;
    const std::string listing =
        git(config, {"ls-tree", "-r", "-z", commit, "--", config.notes_dir + "/"});
    for (const auto& entry : util::split(listing, '\0')) {
        // "<mode> blob <id>\t<path>"
        const std::size_t tab = entry.find('\t');
        if (tab == std::string::npos || entry.rfind("100", 0) != 0)
            continue;
        const auto fields = util::split(std::string_view(entry).substr(0, tab), ' ');
        const std::string path = entry.substr(tab + 1);
        if (fields.size() == 3 && fields[1] == "blob" && named_like_note_path(path))
            blobs[path] = fields[2];
    }
    return blobs;
}

std::string blob_of(const Blobs& blobs, const std::string& path) {
    const auto it = blobs.find(path);
    return it == blobs.end() ? std::string() : it->second;
}

} // namespace

std::vector<Note> merged_notes(const Config& config, const std::string& theirs) {
    const std::string base_id =
        std::string(util::trim(git(config, {"merge-base", "HEAD", theirs})));
    const Blobs base = note_blobs(config, base_id);
    const Blobs ours = note_blobs(config, "HEAD");
    const Blobs their = note_blobs(config, theirs);
    std::set<std::string> paths;
    for (const Blobs* side : {&base, &ours, &their})
        for (const auto& [path, id] : *side)
            paths.insert(path);
    std::vector<Note> notes;
    for (const auto& path : paths) {
        const std::string o = blob_of(base, path);
        const std::string a = blob_of(ours, path);
        const std::string b = blob_of(their, path);
        const std::string merged = (a == o) ? b : a; // theirs only where ours did not change it
        if (merged.empty())
            continue; // deleted (or never there) in the merge
        const auto parse =
            parse_note(git(config, {"cat-file", "blob", merged}), path, BodyScan::none);
        if (parse.note)
            notes.push_back(*parse.note);
    }
    return notes;
}

} // namespace pmi
