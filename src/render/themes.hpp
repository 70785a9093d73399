#pragma once

#include <string>

#include "core/themes.hpp"
#include "render/format.hpp"

namespace pmi {

// The report's sections (tags by product, who we hear from, quiet products and
// segments, customers, trends, pairs), each as a titled table.
std::string themes_text(const ThemesReport& report, const View& view);
std::string themes_markdown(const ThemesReport& report, const View& view);
std::string themes_json(const ThemesReport& report, const View& view);

inline const FormatTable<ThemesReport> themes_formats = {
    {Format::text, themes_text}, {Format::markdown, themes_markdown}, {Format::json, themes_json}};

} // namespace pmi
