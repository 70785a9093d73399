#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "render/table.hpp"
#include "util/json.hpp"

namespace pmi {

// Every output format, named once. `text` is for people (a terminal or a log);
// the others are for tools and files.
enum class Format { text, markdown, json, csv, paths, github, junit };

// "text", "markdown", "json", "csv", "paths", "github", "junit".
const char* format_name(Format format);

// How text output is shown: colour, and the terminal width to fit tables in
// (0: do not cut).
struct View {
    Color color = Color::off;
    std::size_t width = 0;
};

// The formats a command offers, each with its renderer, the first the default.
// One table feeds both the option's allowed values and the dispatch.
template <typename Data> using Renderer = std::string (*)(const Data& data, const View& view);

template <typename Data> using FormatTable = std::vector<std::pair<Format, Renderer<Data>>>;

// The formats of a FormatTable or a StreamFormatTable, in its order.
template <typename Table> std::vector<Format> formats_of(const Table& table) {
    std::vector<Format> formats;
    for (const auto& entry : table)
        formats.push_back(entry.first);
    return formats;
}

// The table's renderer for `format`; the first entry's if the table lacks it
// (the command's option only admits the table's formats).
template <typename Data>
std::string render(const FormatTable<Data>& table, Format format, const Data& data,
                   const View& view) {
    for (const auto& [entry_format, renderer] : table)
        if (entry_format == format)
            return renderer(data, view);
    return table.front().second(data, view);
}

// A table whose renderers write as they go, for outputs too large to build
// in memory first (every note of a large tree).
template <typename Data>
using StreamRenderer = void (*)(std::ostream& out, const Data& data, const View& view);

template <typename Data>
using StreamFormatTable = std::vector<std::pair<Format, StreamRenderer<Data>>>;

template <typename Data>
void render(const StreamFormatTable<Data>& table, Format format, std::ostream& out,
            const Data& data, const View& view) {
    for (const auto& [entry_format, renderer] : table)
        if (entry_format == format)
            return renderer(out, data, view);
    table.front().second(out, data, view);
}

// JSON documents start with this version of their shape, so scripts can tell
// when it changes.
constexpr int json_schema_version = 1;

// Opens a JSON document's top-level object with its "schema" key.
inline util::JsonWriter& begin_json_document(util::JsonWriter& json) {
    json.begin_object();
    json.key("schema").value(json_schema_version);
    return json;
}

} // namespace pmi
