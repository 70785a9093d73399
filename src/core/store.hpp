#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/cache.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"
#include "util/fs.hpp"

namespace pmi {

// The valid notes of a tree, sorted by path, and the problems of the others.
struct NoteSet {
    std::vector<Note> notes;
    std::vector<Problem> problems;
    // stamps[i]: the stamp notes[i] had when it was loaded (taken before its
    // text was read), when known; the search index reuses it rather than
    // stat-ing every note again.
    std::vector<std::optional<FileStamp>> stamps;
    bool has_errors() const;
};

inline constexpr const char* generated_files[] = {"INDEX.md", "TAGS.md"};

// The notes folder, reached from the root without following links. Throws
// pmi::Error when it is missing, unreadable or a link: no notes folder is
// never an empty tree.
util::FolderHandle open_notes_folder(const Config& config);

// Every candidate note file under the notes folder (sorted): *.md files, except
// the generated INDEX.md and TAGS.md and anything under a dot-folder. Symbolic
// links are not followed; those named *.md, and those to folders, are reported
// as warnings. Throws as open_notes_folder does.
std::vector<std::filesystem::path> find_note_files(const Config& config,
                                                   std::vector<Problem>& problems);

// find_note_files with the paths as strings, in the same order: lighter for large trees.
std::vector<std::string> find_note_paths(const Config& config, std::vector<Problem>& problems);

// Whether load_note_files may use the cache of parsed notes (.pmi/cache).
// `automatic` uses it unless PMI_NO_CACHE is set; the result is the same.
enum class CacheMode { automatic, off };

// Loads the given files, in parallel when there are many; the result does not
// depend on the number of threads, nor on the cache.
NoteSet load_note_files(const Config& config, const std::vector<std::filesystem::path>& files,
                        BodyScan scan, unsigned threads = 0,
                        CacheMode cache = CacheMode::automatic);
NoteSet load_note_files(const Config& config, const std::vector<std::string>& files, BodyScan scan,
                        unsigned threads = 0, CacheMode cache = CacheMode::automatic);

// find_note_files + load_note_files.
NoteSet load_notes(const Config& config, BodyScan scan = BodyScan::none);

// Gives each note without a tldr (and without nuggets read yet) its first nugget, as
// the only element of `nuggets`: the tl;dr's fallback, as in `pmi summary`. Only those
// notes' bodies are read, a batch at a time, so memory stays that of one batch.
void load_first_nuggets(const Config& config, std::vector<Note>& notes);

// Gives each note's customer its canonical name (`customers:` in the config), so
// reports group a customer's notes under one name; the files are not changed.
void apply_customer_aliases(const Config& config, std::vector<Note>& notes);

// load_notes for reports: each customer under its canonical name (apply_customer_aliases).
NoteSet load_notes_for_reports(const Config& config, BodyScan scan = BodyScan::none);

// A path as shown to users and stored in notes: relative to the repository root.
std::string display_path(const Config& config, const std::filesystem::path& file);

} // namespace pmi
