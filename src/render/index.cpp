#include "render/index.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <iterator>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/query.hpp"
#include "core/summary.hpp"
#include "core/tags.hpp"
#include "render/escape.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

// Appends `text` with each character for which `replacement` gives a
// non-empty string replaced by it, copying the runs between in one go.
template <typename Replace>
void append_replacing(std::string& out, std::string_view text, Replace replacement) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view replaced = replacement(text[i]);
        if (replaced.empty())
            continue;
        out.append(text.substr(start, i - start));
        out.append(replaced);
        start = i + 1;
    }
    out.append(text.substr(start));
}

void append_url_encoded(std::string& out, std::string_view path) {
    static const char hex[] = "0123456789ABCDEF";
    char encoded[3] = {'%', 0, 0};
    append_replacing(out, path, [&](char c) -> std::string_view {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
            c == '/')
            return {};
        encoded[1] = hex[byte >> 4];
        encoded[2] = hex[byte & 15];
        return std::string_view(encoded, 3);
    });
}

// A table cell or link text, trimmed and escaped as escape::markdown_cell does;
// the common plain cell is copied as it is.
void append_table_cell(std::string& out, std::string_view text) {
    text = util::trim(text);
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x7F && !std::strchr("\\`*_[]<>|~&!", c);
    });
    if (plain)
        out.append(text);
    else
        out += escape::markdown_cell(text);
}

void append_link_text(std::string& out, std::string_view text) {
    append_table_cell(out, text);
}

} // namespace

std::string url_encode_path(std::string_view path) {
    std::string out;
    append_url_encoded(out, path);
    return out;
}

namespace {

// note_link for many notes: the notes folder is normalised once, and a note
// path that is plainly <folder>/<rest> (no '.', '..' or empty parts) is cut,
// with no std::filesystem::path per note.
class NoteLinks {
  public:
    explicit NoteLinks(std::string_view notes_dir)
        : notes_dir_(notes_dir),
          base_(std::filesystem::path(notes_dir).lexically_normal().generic_string()) {
        while (base_.size() > 1 && base_.back() == '/')
            base_.pop_back();
        usable_ = !base_.empty() && base_[0] != '/' && plain_parts(base_);
        base_ += '/';
    }

    std::string operator()(const Note& note) const {
        std::string out;
        append(out, note);
        return out;
    }

    void append(std::string& out, const Note& note) const {
        const std::string& path = note.path;
        if (usable_ && path.size() > base_.size() && path.compare(0, base_.size(), base_) == 0 &&
            plain_parts(std::string_view(path).substr(base_.size()))) {
            append_url_encoded(out, std::string_view(path).substr(base_.size()));
            return;
        }
        namespace fs = std::filesystem;
        const fs::path base = fs::path(notes_dir_).lexically_normal();
        const fs::path file = fs::path(path).lexically_normal();
        fs::path relative = file.lexically_relative(base);
        if (relative.empty())
            relative = file;
        append_url_encoded(out, relative.generic_string());
    }

  private:
    // Non-empty parts separated by single '/', none of them '.' or '..'.
    static bool plain_parts(std::string_view path) {
        std::size_t start = 0;
        while (true) {
            const std::size_t end = std::min(path.find('/', start), path.size());
            const std::string_view part = path.substr(start, end - start);
            if (part.empty() || part == "." || part == "..")
                return false;
            if (end == path.size())
                return true;
            start = end + 1;
        }
    }

    std::string notes_dir_;
    std::string base_;
    bool usable_ = false;
};

void sort_newest_first(std::vector<const Note*>& notes) {
    std::sort(notes.begin(), notes.end(), [](const Note* a, const Note* b) {
        if (a->date != b->date)
            return a->date > b->date;
        return a->path < b->path;
    });
}

} // namespace

std::string note_link(const Note& note, std::string_view notes_dir) {
    return NoteLinks(notes_dir)(note);
}

std::string markdown_table_cell(std::string_view text) {
    std::string out;
    append_table_cell(out, text);
    return out;
}

// format_date, appended; without fmt for the usual dates.
static void append_date(std::string& out, const Date& date) {
    if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 ||
        date.day > 99) {
        out += format_date(date);
        return;
    }
    const auto digit = [](int value) { return static_cast<char>('0' + value % 10); };
    const char text[] = {digit(date.year / 1000),
                         digit(date.year / 100),
                         digit(date.year / 10),
                         digit(date.year),
                         '-',
                         digit(date.month / 10),
                         digit(date.month),
                         '-',
                         digit(date.day / 10),
                         digit(date.day)};
    out.append(text, sizeof text);
}

// "[customer](link)".
static void append_note_anchor(std::string& out, const Note& note, const NoteLinks& links) {
    out += '[';
    append_link_text(out, note.customer);
    out += "](";
    links.append(out, note);
    out += ')';
}

// The notes newest first (ties by path): groups filled in this order need no sort.
static std::vector<const Note*> newest_first(const std::vector<Note>& notes) {
    std::vector<const Note*> sorted;
    sorted.reserve(notes.size());
    for (const auto& note : notes)
        sorted.push_back(&note);
    sort_newest_first(sorted);
    return sorted;
}

namespace {

// Collects text and hands it on in pieces of about 64 KiB.
class PieceBuffer {
  public:
    explicit PieceBuffer(const TextSink& sink) : sink_(sink) {}
    std::string out;
    void flush_if_full() {
        if (out.size() >= 64 * 1024)
            flush();
    }
    void flush() {
        if (!out.empty())
            sink_(out);
        out.clear();
    }

  private:
    const TextSink& sink_;
};

} // namespace

std::string index_markdown(const std::vector<Note>& notes, std::string_view notes_dir) {
    std::string text;
    write_index_markdown(notes, notes_dir, [&](std::string_view piece) { text += piece; });
    return text;
}

std::string tags_index_markdown(const std::vector<Note>& notes, std::string_view notes_dir) {
    std::string text;
    write_tags_index_markdown(notes, notes_dir, [&](std::string_view piece) { text += piece; });
    return text;
}

void write_index_markdown(const std::vector<Note>& notes, std::string_view notes_dir,
                          const TextSink& sink) {
    PieceBuffer buffer(sink);
    std::string& out = buffer.out;
    const NoteLinks links(notes_dir);
    std::map<std::string, std::vector<const Note*>> by_product;
    for (const Note* note : newest_first(notes))
        by_product[note->product].push_back(note);
    out = std::string(generated_header) + "\n# Interview index\n\n";
    out += fmt::format("{} {} across {} {}. Tags: [TAGS.md](TAGS.md).\n", notes.size(),
                       notes.size() == 1 ? "note" : "notes", by_product.size(),
                       by_product.size() == 1 ? "product" : "products");
    for (auto& [product, product_notes] : by_product) {
        out += fmt::format("\n## {} ({})\n\n", markdown_table_cell(product), product_notes.size());
        out += "| Date | Customer | PM | tl;dr |\n| --- | --- | --- | --- |\n";
        for (const Note* note : product_notes) {
            out += "| ";
            append_date(out, note->date);
            out += " | ";
            append_note_anchor(out, *note, links);
            out += " | ";
            append_table_cell(out, note->pm);
            out += " | ";
            TldrSource source = TldrSource::tldr;
            const std::string fallback = tldr_or_first_nugget(*note, source);
            append_table_cell(out, source == TldrSource::tldr ? note->tldr : fallback);
            out += " |\n";
            buffer.flush_if_full();
        }
    }
    buffer.flush();
}

void write_tags_index_markdown(const std::vector<Note>& notes, std::string_view notes_dir,
                               const TextSink& sink) {
    PieceBuffer buffer(sink);
    std::string& out = buffer.out;
    struct Group {
        std::map<std::string, std::size_t> spellings;
        std::vector<const Note*> notes;
    };
    const NoteLinks links(notes_dir);
    std::map<std::string, Group> by_key;
    // Each spelling met, with its group and its count there (map nodes stay put).
    std::unordered_map<std::string, std::pair<Group*, std::size_t*>> spellings_met;
    for (const Note* note : newest_first(notes)) {
        std::unordered_set<const Group*> groups_of_note;
        for (const auto& tag : distinct_tags(*note)) {
            auto met = spellings_met.find(tag);
            if (met == spellings_met.end()) {
                Group& group = by_key[util::tag_key(tag)];
                met = spellings_met.emplace(tag, std::pair(&group, &group.spellings[tag])).first;
            }
            auto [group, count] = met->second;
            ++*count;
            if (groups_of_note.insert(group).second)
                group->notes.push_back(note);
        }
    }
    out = std::string(generated_header) + "\n# Tags\n\n";
    if (by_key.empty()) {
        out += "No tagged notes yet.\n";
        buffer.flush();
        return;
    }
    out += fmt::format("{} {}. Notes by product: [INDEX.md](INDEX.md).\n", by_key.size(),
                       by_key.size() == 1 ? "tag" : "tags");
    for (auto& [key, group] : by_key) {
        const std::string name = most_used_spelling(group.spellings);
        out += fmt::format("\n## {} ({})\n", markdown_table_cell(name), group.notes.size());
        if (group.spellings.size() > 1) {
            std::vector<std::string> others;
            for (const auto& [spelling, count] : group.spellings)
                if (spelling != name)
                    others.push_back(escape::markdown_code(spelling));
            out += "\nAlso written " + util::join(others, ", ") + ".\n";
        }
        out += "\n";
        for (const Note* note : group.notes) {
            out += "- ";
            append_date(out, note->date);
            out += ' ';
            append_note_anchor(out, *note, links);
            out += " (";
            append_table_cell(out, note->product);
            out += ", ";
            append_table_cell(out, note->pm);
            out += ')';
            const std::size_t before_tldr = out.size();
            out += ": ";
            append_table_cell(out, note->tldr);
            if (out.size() == before_tldr + 2)
                out.resize(before_tldr); // no tl;dr
            out += '\n';
            buffer.flush_if_full();
        }
    }
    buffer.flush();
}

} // namespace pmi
