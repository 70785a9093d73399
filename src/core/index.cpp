#include "core/index.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>

#include "core/query.hpp"
#include "core/tags.hpp"
#include "util/strings.hpp"

namespace pmi {

std::string url_encode_path(std::string_view path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
            c == '/') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
    }
    return out;
}

std::string note_link(const Note& note, std::string_view notes_dir) {
    namespace fs = std::filesystem;
    const fs::path base = fs::path(notes_dir).lexically_normal();
    const fs::path file = fs::path(note.path).lexically_normal();
    fs::path relative = file.lexically_relative(base);
    if (relative.empty())
        relative = file;
    return url_encode_path(relative.generic_string());
}

std::string markdown_table_cell(std::string_view text) {
    std::string out;
    for (const char c : util::trim(text)) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r' || c == '\t')
            out += ' ';
        else
            out += c;
    }
    return out;
}

// Link text: brackets and backslashes escaped so the link stays a link.
static std::string link_text(std::string_view text) {
    std::string out;
    for (const char c : markdown_table_cell(text)) {
        if (c == '[' || c == ']')
            out += '\\';
        out += c;
    }
    return out;
}

static std::string note_anchor(const Note& note, std::string_view notes_dir) {
    return fmt::format("[{}]({})", link_text(note.customer), note_link(note, notes_dir));
}

std::string index_markdown(const std::vector<Note>& notes, std::string_view notes_dir) {
    std::map<std::string, std::vector<Note>> by_product;
    for (const auto& note : notes)
        by_product[note.product].push_back(note);
    std::string out = std::string(generated_header) + "\n# Interview index\n\n";
    out += fmt::format("{} {} across {} {}. Tags: [TAGS.md](TAGS.md).\n", notes.size(),
                       notes.size() == 1 ? "note" : "notes", by_product.size(),
                       by_product.size() == 1 ? "product" : "products");
    for (auto& [product, product_notes] : by_product) {
        sort_newest_first(product_notes);
        out += fmt::format("\n## {} ({})\n\n", markdown_table_cell(product), product_notes.size());
        out += "| Date | Customer | PM | tl;dr |\n| --- | --- | --- | --- |\n";
        for (const auto& note : product_notes)
            out += fmt::format("| {} | {} | {} | {} |\n", format_date(note.date),
                               note_anchor(note, notes_dir), markdown_table_cell(note.pm),
                               markdown_table_cell(note.tldr));
    }
    return out;
}

std::string tags_index_markdown(const std::vector<Note>& notes, std::string_view notes_dir) {
    struct Group {
        std::map<std::string, std::size_t> spellings;
        std::vector<Note> notes;
    };
    std::map<std::string, Group> by_key;
    for (const auto& note : notes) {
        std::vector<std::string> keys;
        for (const auto& tag : distinct_tags(note)) {
            const std::string key = util::tag_key(tag);
            auto& group = by_key[key];
            ++group.spellings[tag];
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                keys.push_back(key);
                group.notes.push_back(note);
            }
        }
    }
    std::string out = std::string(generated_header) + "\n# Tags\n\n";
    if (by_key.empty())
        return out + "No tagged notes yet.\n";
    out += fmt::format("{} {}. Notes by product: [INDEX.md](INDEX.md).\n", by_key.size(),
                       by_key.size() == 1 ? "tag" : "tags");
    for (auto& [key, group] : by_key) {
        // The most used spelling names the tag; ties go to the first in sort order.
        std::string name;
        std::size_t best = 0;
        for (const auto& [spelling, count] : group.spellings)
            if (count > best) {
                best = count;
                name = spelling;
            }
        sort_newest_first(group.notes);
        out += fmt::format("\n## {} ({})\n", markdown_table_cell(name), group.notes.size());
        if (group.spellings.size() > 1) {
            std::vector<std::string> others;
            for (const auto& [spelling, count] : group.spellings)
                if (spelling != name)
                    others.push_back("`" + spelling + "`");
            out += "\nAlso written " + util::join(others, ", ") + ".\n";
        }
        out += "\n";
        for (const auto& note : group.notes) {
            const std::string tldr = markdown_table_cell(note.tldr);
            out += fmt::format("- {} {} ({}, {}){}\n", format_date(note.date),
                               note_anchor(note, notes_dir), markdown_table_cell(note.product),
                               markdown_table_cell(note.pm), tldr.empty() ? "" : ": " + tldr);
        }
    }
    return out;
}

} // namespace pmi
