#include <algorithm>
#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/site.hpp"
#include "render/site_parts.hpp"

namespace pmi::site {

namespace parts {

std::string h(std::string_view text) {
    return escape::html(text);
}

std::string screen_reader(std::string_view text) {
    return "<span class=\"sr\">" + h(text) + "</span>";
}

std::string bars_svg(const std::vector<std::size_t>& values, std::size_t max,
                     std::string_view label) {
    constexpr int bar = 6, gap = 2, height = 20;
    const int width = std::max(1, static_cast<int>(values.size()) * (bar + gap) - gap);
    std::string svg = fmt::format("<svg class=\"chart\" width=\"{}\" height=\"{}\" viewBox=\"0 0 "
                                  "{} {}\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
                                  width, height, width, height, h(label), h(label));
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int size =
            max == 0 ? 0 : static_cast<int>((values[i] * (height - 1) + max - 1) / max);
        const int x = static_cast<int>(i) * (bar + gap);
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"1\" class=\"base\"/>", x,
                           height - 1, bar);
        if (size > 0)
            svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", x,
                               height - 1 - size, bar, size);
    }
    return svg + "</svg>";
}

std::string counts_table(std::string_view caption, const std::vector<std::string>& names,
                         const std::vector<std::size_t>& counts) {
    std::string out = "<table class=\"counts\"><caption>" + h(caption) +
                      "</caption>\n<thead><tr><th scope=\"col\">Name</th><th "
                      "scope=\"col\">Interviews</th></tr></thead>\n<tbody>\n";
    const std::size_t max = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string width = std::to_string(max == 0 ? 0 : (counts[i] * 100 + max - 1) / max);
        out += "<tr><th scope=\"row\">" + h(names[i]) + "</th><td><svg class=\"meter\" " +
               "width=\"100\" height=\"10\" aria-hidden=\"true\"><rect width=\"" + width +
               "\" height=\"10\"/></svg> " + std::to_string(counts[i]) + "</td></tr>\n";
    }
    if (names.empty())
        out += "<tr><td colspan=\"2\">none</td></tr>\n";
    return out + "</tbody></table>\n";
}

} // namespace parts

std::string stylesheet() {
    return std::string(stylesheet_header) + R"(:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fff; }
nav { background: #22313f; padding: .5rem 1rem; }
nav a { color: #fff; margin-right: 1.2rem; text-decoration: none; }
nav a[aria-current] { text-decoration: underline; font-weight: bold; }
main { padding: 1rem 1.5rem; max-width: 75rem; }
h1 { font-size: 1.5rem; margin-top: .3rem; }
h2 { font-size: 1.2rem; margin-top: 1.6rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
th, td { border: 1px solid #c8ccd0; padding: .2rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
td.q { text-align: center; min-width: 2.4rem; white-space: nowrap; }
.q-met { background: #bfe5c6; }
.q-missed { background: #f4b9b2; font-weight: bold; }
.q-due { background: #fbe7a6; }
.q-away { background: #dcdcdc; }
.q-not-started { background: #fff; color: #777; }
.legend span { display: inline-block; border: 1px solid #c8ccd0; padding: 0 .4rem; margin-right: .3rem; }
.team { font-size: 1.05rem; }
td.heat { text-align: right; min-width: 2rem; }
.h0 { background: #fff; color: #999; }
.h1 { background: #e3eefa; }
.h2 { background: #b9d4f1; }
.h3 { background: #7fb0e3; }
.h4 { background: #3f82c9; color: #fff; font-weight: bold; }
svg.chart rect, svg.meter rect { fill: #3f82c9; }
svg.chart rect.base { fill: #9aa3ab; }
.rising { color: #1e6b2f; }
.falling { color: #9b2b1f; }
.tldr { background: #f3f6f9; border-left: 4px solid #3f82c9; padding: .5rem .8rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
.note-body { border-top: 1px solid #c8ccd0; margin-top: 1rem; }
.muted { color: #5f6770; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ul.notes li { margin: .2rem 0; }
@media print {
  @page { size: landscape; margin: 1cm; }
  nav { display: none; }
  body { font-size: 10px; }
  main { padding: 0; max-width: none; }
  h2 { margin-top: .6rem; }
  table { page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";
}

std::string page(std::string_view title, std::string_view to_root, std::string_view content) {
    using parts::h;
    const std::string root(to_root);
    struct Link {
        const char* label;
        std::string target;
    };
    const std::vector<Link> links = {
        {"Dashboard", dashboard_file},
        {"Themes", themes_file},
        {"Digest", digest_file},
        {"Notes", std::string(notes_folder) + "/" + notes_index_file},
    };
    std::string out(page_header);
    out += "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'self'; base-uri 'none'; form-action 'none'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" +
           h(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + h(root + stylesheet_file) +
           "\">\n</head>\n<body>\n<nav aria-label=\"Site\">";
    for (const auto& link : links)
        out += "<a href=\"" + h(root + link.target) + "\"" +
               (link.label == title ? " aria-current=\"page\"" : "") + ">" + link.label + "</a>";
    out += "</nav>\n<main>\n";
    constexpr std::string_view end = "</main>\n</body>\n</html>\n";
    // One allocation for the notes' index, tens of MB at 100,000 notes.
    out.reserve(out.size() + content.size() + end.size());
    out += content;
    out += end;
    return out;
}

} // namespace pmi::site
