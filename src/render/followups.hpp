#pragma once

#include <string>

#include "core/followups.hpp"
#include "render/format.hpp"

namespace pmi {

// One line per item: "path:line: 2026-11-17 Acme Corp, caroline: <text>", done
// items (with --all) marked "[x]", private ones "(private)".
std::string followups_text(const FollowUps& followups, const View& view);
// GFM task items, ready to paste.
std::string followups_markdown(const FollowUps& followups, const View& view);
// {schema, all, followups: [{path, line, date, customer, pm, product, text, done, private}]}.
std::string followups_json(const FollowUps& followups, const View& view);

inline const FormatTable<FollowUps> followups_formats = {{Format::text, followups_text},
                                                         {Format::markdown, followups_markdown},
                                                         {Format::json, followups_json}};

} // namespace pmi
