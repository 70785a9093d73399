#include <algorithm>
#include <fmt/format.h>

#include "render/site.hpp"
#include "render/site_parts.hpp"

namespace pmi::site {

namespace {

using parts::h;

// 0 for none, then 1 to 4 by the share of the largest count.
int heat_level(std::size_t count, std::size_t max) {
    if (count == 0 || max == 0)
        return 0;
    return static_cast<int>(std::min<std::size_t>(4, (count * 4 + max - 1) / max));
}

std::string heatmap(const ThemesReport& themes) {
    std::size_t max = 0;
    for (const auto& row : themes.matrix)
        for (const auto count : row.counts)
            max = std::max(max, count);
    std::string out = "<table class=\"heatmap\"><caption>Tags by product: interviews that "
                      "mention each tag</caption>\n<thead><tr><th scope=\"col\">Tag</th>";
    for (const auto& product : themes.products)
        out += "<th scope=\"col\">" + h(product) + "</th>";
    out += "<th scope=\"col\">Total</th></tr></thead>\n<tbody>\n";
    for (const auto& row : themes.matrix) {
        out += "<tr><th scope=\"row\">" + h(row.tag) + "</th>";
        for (const auto count : row.counts)
            out += fmt::format("<td class=\"heat h{}\">{}</td>", heat_level(count, max), count);
        out += fmt::format("<td class=\"heat\">{}</td></tr>\n", row.total);
    }
    if (themes.matrix.empty())
        out += "<tr><td>No tags in the period.</td></tr>\n";
    return out + "</tbody></table>\n";
}

std::string named_counts(std::string_view caption, const std::vector<NamedCount>& items) {
    std::vector<std::string> names;
    std::vector<std::size_t> counts;
    for (const auto& item : items) {
        names.push_back(item.name);
        counts.push_back(item.count);
    }
    return parts::counts_table(caption, names, counts);
}

std::string trends(std::string_view caption, const std::vector<TagTrend>& items, const char* css) {
    std::string out = "<table class=\"trends " + std::string(css) + "\"><caption>" + h(caption) +
                      "</caption>\n<thead><tr><th scope=\"col\">Tag</th><th "
                      "scope=\"col\">Before, now</th><th scope=\"col\">Change</th></tr></thead>\n"
                      "<tbody>\n";
    for (const auto& item : items) {
        const std::size_t max = std::max(item.before, item.now);
        const std::string label = fmt::format("{} interviews in the period before, {} in this one",
                                              item.before, item.now);
        out +=
            "<tr><th scope=\"row\">" + h(item.tag) + "</th><td>" +
            parts::bars_svg({item.before, item.now}, max, label) +
            fmt::format("</td><td>{} → {} ({:+})</td></tr>\n", item.before, item.now, item.delta());
    }
    if (items.empty())
        out += "<tr><td colspan=\"3\">none</td></tr>\n";
    return out + "</tbody></table>\n";
}

std::string name_list(const std::vector<std::string>& names) {
    if (names.empty())
        return "<p>none</p>\n";
    std::string out = "<ul>";
    for (const auto& name : names)
        out += "<li>" + h(name) + "</li>";
    return out + "</ul>\n";
}

std::string lapsed(const std::vector<LapsedCustomer>& customers) {
    if (customers.empty())
        return "<p>none</p>\n";
    std::string out = "<ul>";
    for (const auto& customer : customers)
        out += "<li>" + h(customer.customer) + " <span class=\"muted\">last " +
               h(format_date(customer.last)) + "</span></li>";
    return out + "</ul>\n";
}

} // namespace

std::string themes_page(const ThemesReport& themes) {
    std::string content = "<h1>Themes</h1>\n";
    content += "<p>" +
               h(fmt::format("{} to {}: {} interviews, compared with {} to {}.",
                             format_date(themes.period.first), format_date(themes.period.last),
                             themes.interviews, format_date(themes.previous.first),
                             format_date(themes.previous.last))) +
               "</p>\n";
    content += "<h2>What we hear across products</h2>\n" + heatmap(themes);
    content += "<h2>Tags rising and falling</h2>\n";
    content +=
        trends("Rising", themes.rising, "rising") + trends("Falling", themes.falling, "falling");
    content += "<h2>Who we hear from</h2>\n";
    content += named_counts("Segments", themes.segments) + named_counts("Roles", themes.roles) +
               named_counts("Kinds", themes.kinds) + named_counts("Channels", themes.channels);
    content += named_counts("Customers we hear from most", themes.top_customers);
    content += "<h2>Customers not heard from in " + std::to_string(lapsed_after_days) +
               " days</h2>\n" + lapsed(themes.lapsed);
    content +=
        "<h2>Products with no interview in the period</h2>\n" + name_list(themes.quiet_products);
    content +=
        "<h2>Segments with no interview in the period</h2>\n" + name_list(themes.quiet_segments);
    return page("Themes", "", content);
}

} // namespace pmi::site
