#include "core/import.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <optional>

#include "core/create.hpp"
#include "core/fields.hpp"
#include "core/frontmatter.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

// The date part of "2026-11-20 14:30" or "2026-11-20T14:30:00Z".
std::string_view without_time(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return text;
    const std::size_t cut = text.find_last_of(" T", colon);
    return cut == std::string_view::npos ? text : util::trim(text.substr(0, cut));
}

// Runs of digits and runs of letters; everything else separates them.
std::vector<std::string> date_tokens(std::string_view text) {
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < text.size();) {
        const bool digit = util::is_ascii_digit(text[i]);
        if (!digit && !util::is_ascii_letter(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() &&
               (digit ? util::is_ascii_digit(text[end]) : util::is_ascii_letter(text[end])))
            ++end;
        tokens.emplace_back(text.substr(i, end - i));
        i = end;
    }
    return tokens;
}

// 1..12 for an English month name or its first three letters or more; 0 otherwise.
int month_number(std::string_view word) {
    static constexpr const char* months[] = {"january",   "february", "march",    "april",
                                             "may",       "june",     "july",     "august",
                                             "september", "october",  "november", "december"};
    const std::string lower = util::to_lower_ascii(word);
    if (lower.size() < 3)
        return 0;
    for (int i = 0; i < 12; ++i)
        if (std::string_view(months[i]).substr(0, lower.size()) == lower ||
            (lower == "sept" && i == 8))
            return i + 1;
    return 0;
}

// Ordinal suffixes (20th), "of", and weekday names (Fri, Friday) around a date.
bool is_filler_word(std::string_view word) {
    static constexpr const char* exact[] = {"st", "nd", "rd", "th", "of"};
    static constexpr const char* weekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
    const std::string lower = util::to_lower_ascii(word);
    for (const char* filler : exact)
        if (lower == filler)
            return true;
    for (const char* weekday : weekdays)
        if (lower.size() >= 3 && std::string_view(weekday).substr(0, lower.size()) == lower)
            return true;
    return false;
}

util::Expected<Date> checked_date(int year, int month, int day, std::string_view text) {
    const std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
    if (const auto date = parse_date(iso))
        return *date;
    return util::failure(fmt::format("date '{}' {}", text, date_problem(iso)));
}

util::Expected<Date> numeric_date(const std::vector<int>& n, const std::vector<std::size_t>& width,
                                  DateOrder order, std::string_view text) {
    if (width[0] == 4)
        return checked_date(n[0], n[1], n[2], text);
    if (width[2] != 4)
        return util::failure(fmt::format("date '{}' has no four-digit year", text));
    if (order == DateOrder::unknown) {
        if (n[0] > 12 || n[0] == n[1])
            order = DateOrder::dmy;
        else if (n[1] > 12)
            order = DateOrder::mdy;
        else
            return util::failure(fmt::format(
                "date '{}' is ambiguous (day or month first?): use --date-format mdy or dmy",
                text));
    }
    return order == DateOrder::mdy ? checked_date(n[2], n[0], n[1], text)
                                   : checked_date(n[2], n[1], n[0], text);
}

std::string_view trim_separators(std::string_view text) {
    const std::size_t start = text.find_first_not_of(" -_.,");
    if (start == std::string_view::npos)
        return {};
    const std::size_t end = text.find_last_not_of(" -_.,");
    return text.substr(start, end - start + 1);
}

// "acme-corp" as a file name writes it -> "Acme Corp"; other names as they are.
std::string customer_from_name(std::string_view text) {
    std::string name;
    bool start = true;
    const bool slug = text == util::slugify(text);
    for (char c : text) {
        if (c == '_' || (slug && c == '-')) {
            name += ' ';
            start = true;
            continue;
        }
        name += slug && start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        start = c == ' ';
    }
    return util::one_line(name);
}

bool is_notion_id(std::string_view word) {
    return word.size() == 32 && std::all_of(word.begin(), word.end(), [](char c) {
               return util::is_ascii_digit(c) || (c >= 'a' && c <= 'f');
           });
}

// A note being built from a source, with what it must still get.
struct Draft {
    Note note;
    std::optional<Date> date;
    std::vector<std::string> body;
};

std::vector<std::string> split_any(const std::vector<std::string>& values, std::string_view seps) {
    std::vector<std::string> parts;
    for (const auto& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t end = std::min(value.find_first_of(seps, start), value.size());
            const std::string part = util::one_line(value.substr(start, end - start));
            if (!part.empty())
                parts.push_back(part);
            start = end + 1;
        }
    }
    return parts;
}

std::string joined_line(const std::vector<std::string>& values) {
    std::vector<std::string> lines;
    for (const auto& value : values)
        if (auto line = util::one_line(value); !line.empty())
            lines.push_back(std::move(line));
    return util::join(lines, ", ");
}

void set_typed(Draft& draft, const NoteField& field, const std::vector<std::string>& values,
               DateOrder order) {
    Note& note = draft.note;
    switch (field.kind) {
    case FieldKind::text: note.*field.text = joined_line(values); break;
    case FieldKind::kind: {
        const std::string kind = util::to_lower_ascii(joined_line(values));
        if (!kind.empty() &&
            std::find(std::begin(note_kinds), std::end(note_kinds), kind) == std::end(note_kinds))
            throw Error(fmt::format("kind '{}' is not one of learning, sales, support, usability",
                                    joined_line(values)));
        note.kind = kind;
        break;
    }
    case FieldKind::date: {
        const std::string text = joined_line(values);
        if (text.empty())
            break;
        const auto date = parse_loose_date(text, order);
        if (!date)
            throw Error(date.error());
        draft.date = *date;
        break;
    }
    case FieldKind::people:
        for (const auto& person : split_any(values, ";\n"))
            note.interviewees.push_back(parse_interviewee(person));
        break;
    case FieldKind::text_list: note.*field.list = split_any(values, ",;\n"); break;
    case FieldKind::flag: {
        const std::string flag = util::to_lower_ascii(joined_line(values));
        if (flag == "true" || flag == "yes" || flag == "on")
            note.*field.flag = true;
        else if (!flag.empty() && flag != "false" && flag != "no" && flag != "off")
            throw Error(fmt::format("'{}' must be true or false, not '{}'", field.key,
                                    joined_line(values)));
        break;
    }
    }
}

// A key pmi does not type, kept with its value (`yaml`, or the text quoted).
void keep_extra(Draft& draft, const std::string& key, const std::vector<std::string>& values,
                const std::string& yaml) {
    if (values.empty() || (values.size() == 1 && util::trim(values.front()).empty()))
        return;
    const std::string text = util::join(values, ", ");
    draft.note.extra.push_back({key, text, yaml.empty() ? yaml_quote(text) : yaml});
}

// Gives `key` the source's values: a typed field, the body, or a kept key.
void assign(Draft& draft, const std::string& key, const std::vector<std::string>& values,
            const std::string& yaml, DateOrder order) {
    if (key == "body") {
        for (const auto& value : values)
            if (!util::trim(value).empty())
                draft.body.push_back(value);
        return;
    }
    if (const NoteField* field = find_note_field(key)) {
        set_typed(draft, *field, values, order);
        return;
    }
    keep_extra(draft, key, values, yaml);
}

void fill_required(Draft& draft, const ImportDefaults& defaults) {
    Note& note = draft.note;
    if (note.pm.empty())
        note.pm = defaults.pm;
    if (note.product.empty())
        note.product = defaults.product;
    if (note.kind.empty())
        note.kind = defaults.kind;
    if (note.customer.empty())
        throw Error("no customer");
    if (!draft.date)
        throw Error("no date");
    if (note.pm.empty())
        throw Error("no pm (give --pm for rows without one)");
    if (note.product.empty())
        throw Error("no product (give --product for rows without one)");
    note.date = *draft.date;
    checked_note_slug(note);
}

std::string joined_body(const std::vector<std::string>& parts) {
    std::string body;
    for (const auto& part : parts) {
        if (part.empty())
            continue;
        if (!body.empty())
            body += '\n';
        body += part;
        if (body.back() != '\n')
            body += '\n';
    }
    return body;
}

// "- Column: value", further lines of the value indented under it.
std::string labelled_line(std::string_view label, std::string_view value) {
    std::string line = "- " + util::one_line(label) + ":";
    const auto lines = util::split(util::trim(value), '\n');
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = util::trim(lines[i]);
        if (i == 0)
            line += " " + std::string(text);
        else
            line += text.empty() ? "\n" : "\n  " + std::string(text);
    }
    return line + "\n";
}

std::vector<std::string> node_values(const YamlNode& node) {
    switch (node.type) {
    case YamlNode::Type::null: return {};
    case YamlNode::Type::scalar: return {node.scalar};
    case YamlNode::Type::sequence: {
        std::vector<std::string> values;
        for (const auto& item : node.items)
            values.push_back(item.type == YamlNode::Type::scalar ? item.scalar : yaml_flow(item));
        return values;
    }
    case YamlNode::Type::map: return {yaml_flow(node)};
    }
    return {};
}

// The note, marked with the id of its source.
ImportedNote finished(Draft draft, const std::string& id) {
    draft.note.extra.push_back({std::string(imported_key), id, yaml_quote(id)});
    return {std::move(draft.note), joined_body(draft.body), id};
}

} // namespace

util::Expected<Date> parse_loose_date(std::string_view text, DateOrder order) {
    const std::string_view date_text = without_time(util::trim(text));
    if (date_text.empty())
        return util::failure("the date is empty");
    std::vector<int> numbers;
    std::vector<std::size_t> widths;
    int month = 0;
    for (const auto& token : date_tokens(date_text)) {
        if (util::is_ascii_digit(token[0])) {
            if (token.size() > 4)
                return util::failure(fmt::format("date '{}' is not a date", date_text));
            numbers.push_back(std::stoi(token));
            widths.push_back(token.size());
        } else if (const int m = month_number(token); m != 0 && month == 0)
            month = m;
        else if (!is_filler_word(token))
            return util::failure(fmt::format("date '{}' is not a date", date_text));
    }
    if (month == 0 && numbers.size() == 3)
        return numeric_date(numbers, widths, order, date_text);
    if (month != 0 && numbers.size() == 2) {
        const std::size_t year = widths[0] == 4 ? 0 : 1;
        if (widths[year] == 4 && widths[1 - year] <= 2)
            return checked_date(numbers[year], month, numbers[1 - year], date_text);
    }
    return util::failure(fmt::format(
        "date '{}' is not a date like 2026-11-20, 11/20/2026 or 20 Nov 2026", date_text));
}

std::string ImportMap::key_of(std::string_view source) const {
    for (const auto& [key, name] : entries)
        if (name == source)
            return key;
    // Exports change a column's case or spacing; the mapping still means it.
    for (const auto& [key, name] : entries)
        if (util::to_lower_ascii(util::trim(name)) == util::to_lower_ascii(util::trim(source)))
            return key;
    return {};
}

ImportMap parse_import_map(const std::vector<std::string>& specs) {
    ImportMap map;
    for (const auto& spec : specs)
        for (const auto& entry : util::split(spec, ',')) {
            if (util::trim(entry).empty())
                continue;
            const std::size_t equals = entry.find('=');
            const std::string key(util::trim(entry.substr(0, std::min(equals, entry.size()))));
            const std::string source(
                equals == std::string::npos ? "" : util::trim(entry.substr(equals + 1)));
            if (key.empty() || source.empty())
                throw Error(fmt::format("--map: '{}' is not KEY=SOURCE (e.g. date=Date)", entry));
            if (key == imported_key)
                throw Error("--map: 'imported' is the key pmi marks imported notes with");
            if (const std::string meant = near_miss_key(key); !meant.empty())
                throw Error(fmt::format("--map: unknown key '{}'; did you mean '{}'?", key, meant));
            for (const auto& [other, other_source] : map.entries)
                if (other == key)
                    throw Error(fmt::format("--map: key '{}' is given twice", key));
            map.entries.emplace_back(key, source);
        }
    return map;
}

std::string import_id(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
}

// The key of a column: the one --map gives it, else a typed key it is named
// after (any case) that --map gives no other column.
std::string column_key(const ImportMap& map, const std::string& column) {
    if (std::string key = map.key_of(column); !key.empty())
        return key;
    const std::string name = util::to_lower_ascii(util::trim(column));
    if (!find_note_field(name))
        return {};
    for (const auto& [key, source] : map.entries)
        if (key == name)
            return {};
    return name;
}

std::string row_id(const std::vector<std::string>& header, const std::vector<std::string>& cells) {
    // The same row gets the same id whatever the order of the columns.
    std::vector<std::pair<std::string, std::string>> filled;
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (!util::trim(cells[i]).empty())
            filled.emplace_back(i < header.size() ? header[i] : std::string(), cells[i]);
    std::sort(filled.begin(), filled.end());
    std::string identity;
    for (const auto& [name, value] : filled)
        identity += name + '\x1f' + value + '\x1e';
    return import_id(identity);
}

ImportedNote note_from_row(const std::vector<std::string>& header,
                           const std::vector<std::string>& cells, const ImportMap& map,
                           const ImportDefaults& defaults) {
    if (cells.size() > header.size())
        throw Error(fmt::format("{} cells where the header has {}", cells.size(), header.size()));
    Draft draft;
    std::string labelled;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string cell = i < cells.size() ? cells[i] : std::string();
        // A note is UTF-8; a spreadsheet saved as Latin-1 would give one lint rejects.
        if (!util::is_valid_utf8(cell))
            throw Error(fmt::format("column '{}' is not UTF-8 text (save the spreadsheet as "
                                    "CSV UTF-8)",
                                    header[i]));
        const std::string key = column_key(map, header[i]);
        if (!key.empty())
            assign(draft, key, {cell}, "", defaults.order);
        else if (!util::trim(cell).empty())
            labelled += labelled_line(header[i], cell);
    }
    fill_required(draft, defaults);
    if (!labelled.empty())
        draft.body.push_back("## Imported\n" + labelled);
    return finished(std::move(draft), row_id(header, cells));
}

NameParts parts_of_file_name(std::string_view file_name) {
    std::string_view stem = file_name;
    if (stem.size() > 3 && util::to_lower_ascii(stem.substr(stem.size() - 3)) == ".md")
        stem.remove_suffix(3);
    if (const std::size_t space = stem.rfind(' ');
        space != std::string_view::npos && is_notion_id(stem.substr(space + 1)))
        stem = stem.substr(0, space);
    NameParts parts;
    for (std::size_t i = 0; i + 10 <= stem.size(); ++i) {
        if ((i > 0 && util::is_ascii_digit(stem[i - 1])) ||
            (i + 10 < stem.size() && util::is_ascii_digit(stem[i + 10])))
            continue;
        if (const auto date = parse_date(stem.substr(i, 10))) {
            parts.date = *date;
            const std::string rest = std::string(trim_separators(stem.substr(0, i))) + " " +
                                     std::string(trim_separators(stem.substr(i + 10)));
            parts.customer = customer_from_name(trim_separators(util::trim(rest)));
            return parts;
        }
    }
    parts.customer = customer_from_name(trim_separators(stem));
    return parts;
}

ImportedNote note_from_markdown(std::string_view text, std::string_view file_name,
                                const ImportMap& map, const ImportDefaults& defaults) {
    std::string content(text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text);
    for (std::size_t at = content.find("\r\n"); at != std::string::npos;
         at = content.find("\r\n", at))
        content.erase(at, 1);
    Draft draft;
    std::string_view body = content;
    if (content.rfind("---\n", 0) == 0) {
        std::size_t end = content.find("\n---\n", 3);
        std::size_t body_start = end + 5;
        if (end == std::string::npos && content.size() >= 7 &&
            content.compare(content.size() - 4, 4, "\n---") == 0) {
            end = content.size() - 4;
            body_start = content.size();
        }
        if (end == std::string::npos)
            throw SourceError(1, "front matter opened with '---' is never closed");
        YamlNode front;
        try {
            front = parse_yaml(std::string_view(content).substr(4, end - 3), 2);
        } catch (const YamlError& error) {
            throw SourceError(error.line, error.message);
        }
        if (front.type != YamlNode::Type::map && front.type != YamlNode::Type::null)
            throw SourceError(2, "the front matter is not a list of keys and values");
        std::vector<std::string> typed_given;
        for (const auto& [source_key, value] : front.entries) {
            if (source_key == imported_key)
                continue;
            std::string key = map.key_of(source_key);
            if (key.empty())
                key = find_note_field(source_key) ? source_key : near_miss_key(source_key);
            if (key.empty()) {
                keep_extra(draft, source_key, node_values(value), yaml_flow(value));
                continue;
            }
            if (find_note_field(key)) {
                if (util::contains(typed_given, key))
                    throw SourceError(value.line, fmt::format("a second key gives {}", key));
                typed_given.push_back(key);
            }
            try {
                assign(draft, key, node_values(value), yaml_flow(value), defaults.order);
            } catch (const Error& error) {
                throw SourceError(value.line, error.what());
            }
        }
        body = std::string_view(content).substr(std::min(body_start, content.size()));
    }
    const NameParts parts = parts_of_file_name(file_name);
    if (draft.note.customer.empty())
        draft.note.customer = parts.customer;
    if (!draft.date)
        draft.date = parts.date;
    try {
        fill_required(draft, defaults);
    } catch (const Error& error) {
        throw SourceError(1, error.what());
    }
    draft.body.insert(draft.body.begin(), std::string(body));
    return finished(std::move(draft), import_id(text));
}

bool is_imported(const Note& note) {
    return std::any_of(note.extra.begin(), note.extra.end(),
                       [](const ExtraField& field) { return field.key == imported_key; });
}

} // namespace pmi
