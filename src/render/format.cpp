#include "render/format.hpp"

namespace pmi {

const char* format_name(Format format) {
    switch (format) {
    case Format::text: return "text";
    case Format::markdown: return "markdown";
    case Format::json: return "json";
    case Format::csv: return "csv";
    case Format::paths: return "paths";
    case Format::github: return "github";
    case Format::junit: return "junit";
    }
    return "text";
}

} // namespace pmi
