#pragma once

#include <string>

#include "core/signals.hpp"
#include "render/format.hpp"

namespace pmi {

// Workarounds by tag, the glossary of their words, emotions by product and tag.
std::string signals_text(const Signals& signals, const View& view);
std::string signals_markdown(const Signals& signals, const View& view);
std::string signals_json(const Signals& signals, const View& view);

inline const FormatTable<Signals> signals_formats = {{Format::text, signals_text},
                                                     {Format::markdown, signals_markdown},
                                                     {Format::json, signals_json}};

} // namespace pmi
