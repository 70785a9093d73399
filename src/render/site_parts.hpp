#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Pieces the site's pages share (internal to src/render/site*.cpp).
namespace pmi::site::parts {

// A value as HTML text or a quoted attribute value.
std::string h(std::string_view text);

// Text only screen readers read (the symbols beside it are hidden from them).
std::string screen_reader(std::string_view text);

// A small bar chart drawn inline, one bar per value, scaled to `max`; `label`
// says in words what it shows (the chart's title and accessible name).
std::string bars_svg(const std::vector<std::size_t>& values, std::size_t max,
                     std::string_view label);

// A table of names and counts, each with a bar: "who we hear from".
std::string counts_table(std::string_view caption, const std::vector<std::string>& names,
                         const std::vector<std::size_t>& counts);

} // namespace pmi::site::parts
