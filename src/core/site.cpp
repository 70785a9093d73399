#include "core/site.hpp"

#include <set>

#include "core/fields.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

bool safe_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

std::string page_stem(std::string path, const std::string& notes_dir) {
    const std::string prefix = notes_dir.empty() ? "" : notes_dir + "/";
    if (!prefix.empty() && path.rfind(prefix, 0) == 0)
        path.erase(0, prefix.size());
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0)
        path.resize(path.size() - 3);
    std::string stem;
    for (const char c : path)
        stem += c == '/' ? std::string("--") : std::string(1, safe_name_char(c) ? c : '_');
    if (stem.empty() || stem[0] == '.')
        stem.insert(0, "_");
    return stem;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return util::to_lower_ascii(a) == util::to_lower_ascii(b);
}

} // namespace

std::vector<std::string> note_page_names(const std::vector<std::string>& paths,
                                         const std::string& notes_dir) {
    std::set<std::string> taken;
    std::vector<std::string> names;
    for (const auto& path : paths) {
        const std::string stem = page_stem(path, notes_dir);
        std::string name = stem + ".html";
        for (int n = 2; !taken.insert(name).second; ++n)
            name = stem + "-" + std::to_string(n) + ".html";
        names.push_back(name);
    }
    return names;
}

void omit_shared_fields(Note& note, const std::vector<std::string>& omit) {
    for (const auto& key : omit) {
        for (const auto& field : note_fields)
            if (same_ignoring_case(key, field.key))
                clear_field(note, field);
        std::erase_if(note.extra,
                      [&](const ExtraField& extra) { return same_ignoring_case(key, extra.key); });
    }
}

std::string_view note_body(std::string_view text) {
    const auto line_end = [&](std::size_t start) {
        const auto end = text.find('\n', start);
        return end == std::string_view::npos ? text.size() : end;
    };
    const auto is_fence = [&](std::size_t start, std::size_t end) {
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        return util::trim(line) == "---";
    };
    std::size_t end = line_end(0);
    if (!is_fence(0, end))
        return text;
    for (std::size_t start = end + 1; start < text.size(); start = end + 1) {
        end = line_end(start);
        if (is_fence(start, end))
            return end >= text.size() ? std::string_view() : text.substr(end + 1);
    }
    return text;
}

std::vector<std::string> body_nuggets(std::string_view body) {
    // The reader scans bodies only behind a valid front matter: give it one.
    std::string text = "---\ncustomer: x\ndate: 2000-01-01\npm: x\nproduct: x\n---\n";
    text += body;
    NoteParse parsed = parse_note(text, "", BodyScan::sections);
    return parsed.note ? std::move(parsed.note->nuggets) : std::vector<std::string>();
}

} // namespace pmi
