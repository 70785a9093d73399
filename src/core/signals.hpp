#pragma once

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"

namespace pmi {

// One emotion and the words that signal it. A word ending in '*' matches any word it
// starts; several words ("gave up") match as a phrase. Matching ignores case.
struct EmotionWords {
    std::string emotion;
    std::vector<std::string> words;
};

// The built-in lists (frustration, confusion, resignation, delight) extended by
// signals.emotions in the config: words added to a known emotion, or new emotions after.
std::vector<EmotionWords> emotion_words(const Config& config);

// The emotions a line of text signals, as indexes into `words`.
std::vector<std::size_t> emotions_in(std::string_view line, const std::vector<EmotionWords>& words);

// A customer term against ours, from a line `- "batch processing" = bulk operations`.
struct TermPair {
    std::string theirs;
    std::string ours;
};

// Parses a Their words line; false if it does not have that shape.
bool parse_term_line(std::string_view line, TermPair& pair);

// What one note's body says under Workarounds, Their words and Emotions.
struct NoteSignals {
    std::vector<std::pair<std::string, int>> workarounds; // bullet text, file line
    std::vector<TermPair> terms;
    std::vector<int> emotions; // lines signalling each emotion, indexed like the word list
};

// Reads a note line by line (front matter skipped, nothing kept but the signals).
NoteSignals scan_signals(std::istream& in, const std::vector<EmotionWords>& words);

struct Workaround {
    std::string text;
    std::string customer;
    std::string product;
    Date date;
    std::string path;
    int line = 0;
};

struct GlossaryEntry {
    std::string theirs;
    std::string ours;
    std::vector<std::string> customers; // distinct, sorted
};

struct EmotionRow {
    std::string name; // a product or a tag
    std::vector<int> counts;
};

struct Signals {
    std::vector<std::string> emotions;
    // Workarounds by tag (sorted; "(untagged)" last), each newest first.
    std::vector<std::pair<std::string, std::vector<Workaround>>> workarounds;
    // Most customers first, then by their term.
    std::vector<GlossaryEntry> glossary;
    std::vector<EmotionRow> by_product; // sorted by name; only rows with a count
    std::vector<EmotionRow> by_tag;
};

inline constexpr const char* untagged = "(untagged)";

// Combines per-note signals; `scans[i]` belongs to `notes[i]`.
Signals combine_signals(const std::vector<Note>& notes, const std::vector<NoteSignals>& scans,
                        const std::vector<EmotionWords>& words);

// Scans each note's file under the config root; unreadable files become problems.
Signals gather_signals(const std::vector<Note>& notes, const Config& config,
                       std::vector<Problem>& problems);

} // namespace pmi
