#pragma once

#include <string>

#include "core/tags.hpp"
#include "render/format.hpp"

namespace pmi {

// The tags with their counts, products and dates, then the likely duplicates.
std::string tags_text(const TagReport& report, const View& view);
std::string tags_markdown(const TagReport& report, const View& view);
std::string tags_json(const TagReport& report, const View& view);

inline const FormatTable<TagReport> tags_formats = {
    {Format::text, tags_text}, {Format::markdown, tags_markdown}, {Format::json, tags_json}};

} // namespace pmi
