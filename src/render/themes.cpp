#include "render/themes.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

std::string period_text(const Period& period) {
    return fmt::format("{} to {}", format_date(period.first), format_date(period.last));
}

// The sections of the report as titled tables, shared by text and markdown.
struct Section {
    std::string title;
    Table table;
    std::string empty; // shown instead of an empty table
};

Table counts_table(const char* heading, const std::vector<NamedCount>& counts) {
    Table table;
    table.headers = {heading, "INTERVIEWS"};
    table.align = {Align::left, Align::right};
    for (const auto& item : counts)
        table.rows.push_back({Cell(item.name), Cell(std::to_string(item.count))});
    return table;
}

Table trend_table(const std::vector<TagTrend>& trends) {
    Table table;
    table.headers = {"TAG", "NOW", "BEFORE", "CHANGE"};
    table.align = {Align::left, Align::right, Align::right, Align::right};
    for (const auto& trend : trends)
        table.rows.push_back({Cell(trend.tag), Cell(std::to_string(trend.now)),
                              Cell(std::to_string(trend.before)),
                              Cell(fmt::format("{:+d}", trend.delta()),
                                   trend.delta() > 0 ? Style::green : Style::yellow)});
    return table;
}

Table names_table(const char* heading, const std::vector<std::string>& names) {
    Table table;
    table.headers = {heading};
    for (const auto& name : names)
        table.rows.push_back({Cell(name)});
    return table;
}

std::vector<Section> sections(const ThemesReport& report) {
    std::vector<Section> out;

    Table matrix;
    matrix.headers = {"TAG"};
    matrix.align = {Align::left};
    for (const auto& product : report.products) {
        matrix.headers.push_back(product);
        matrix.align.push_back(Align::right);
    }
    matrix.headers.push_back("TOTAL");
    matrix.align.push_back(Align::right);
    for (const auto& row : report.matrix) {
        std::vector<Cell> cells{Cell(row.tag)};
        for (const auto count : row.counts)
            cells.emplace_back(count ? std::to_string(count) : "-",
                               count ? Style::plain : Style::dim);
        cells.emplace_back(std::to_string(row.total), Style::bold);
        matrix.rows.push_back(std::move(cells));
    }
    out.push_back({"What we hear across portfolios (tags by product)", matrix, "no tags"});

    out.push_back(
        {"Who we hear from: segments", counts_table("SEGMENT", report.segments), "no interviews"});
    out.push_back({"Who we hear from: interviewee roles", counts_table("ROLE", report.roles),
                   "no interviews"});
    out.push_back({"Who we hear from: kinds", counts_table("KIND", report.kinds), "no interviews"});
    out.push_back(
        {"Who we hear from: channels", counts_table("CHANNEL", report.channels), "no interviews"});
    out.push_back({"Products with no interview in the period",
                   names_table("PRODUCT", report.quiet_products), "none: every product was heard"});
    out.push_back({"Segments with no interview in the period",
                   names_table("SEGMENT", report.quiet_segments), "none"});
    out.push_back({"Customers heard from most", counts_table("CUSTOMER", report.top_customers),
                   "no interviews"});

    Table lapsed;
    lapsed.headers = {"CUSTOMER", "LAST INTERVIEW"};
    for (const auto& customer : report.lapsed)
        lapsed.rows.push_back({Cell(customer.customer), Cell(format_date(customer.last))});
    out.push_back(
        {fmt::format("Customers not heard from in {} days", lapsed_after_days), lapsed, "none"});

    const std::string against = fmt::format("against {}", period_text(report.previous));
    out.push_back({"Tags rising " + against, trend_table(report.rising), "none"});
    out.push_back({"Tags falling " + against, trend_table(report.falling), "none"});

    Table pairs;
    pairs.headers = {"TAGS", "NOTES"};
    pairs.align = {Align::left, Align::right};
    for (const auto& pair : report.pairs)
        pairs.rows.push_back(
            {Cell(pair.first + " + " + pair.second), Cell(std::to_string(pair.count))});
    out.push_back({"Tags that come up together (2 notes or more)", pairs, "none"});
    return out;
}

// "LAST INTERVIEW" -> "Last interview", for markdown headers; product names stay.
std::string sentence_case(const std::string& header) {
    for (const char c : header)
        if (c >= 'a' && c <= 'z')
            return header;
    std::string out = util::to_lower_ascii(header);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string title(const ThemesReport& report) {
    return fmt::format("Themes {}: {} {}", period_text(report.period), report.interviews,
                       report.interviews == 1 ? "interview" : "interviews");
}

void write_counts(util::JsonWriter& json, const char* key, const std::vector<NamedCount>& counts,
                  const char* name_key = "name") {
    json.key(key).begin_array();
    for (const auto& item : counts) {
        json.begin_object();
        json.key(name_key).value(item.name);
        json.key("count").value(item.count);
        json.end_object();
    }
    json.end_array();
}

void write_trends(util::JsonWriter& json, const char* key, const std::vector<TagTrend>& trends) {
    json.key(key).begin_array();
    for (const auto& trend : trends) {
        json.begin_object();
        json.key("tag").value(trend.tag);
        json.key("now").value(trend.now);
        json.key("before").value(trend.before);
        json.key("delta").value(static_cast<long long>(trend.delta()));
        json.end_object();
    }
    json.end_array();
}

void write_period(util::JsonWriter& json, const char* key, const Period& period) {
    json.key(key).begin_object();
    json.key("since").value(format_date(period.first));
    json.key("until").value(format_date(period.last));
    json.end_object();
}

} // namespace

std::string themes_text(const ThemesReport& report, const View& view) {
    const Color color = view.color;
    std::string out = paint(title(report), Style::bold, color) + "\n";
    for (const auto& section : sections(report)) {
        out += "\n" + paint(section.title, Style::bold, color) + "\n";
        if (section.table.rows.empty())
            out += "  " + section.empty + "\n";
        else
            out += render_text(section.table, color);
    }
    return out;
}

std::string themes_markdown(const ThemesReport& report, const View&) {
    std::string out = "# " + title(report) + "\n";
    for (const auto& section : sections(report)) {
        out += "\n## " + section.title + "\n\n";
        if (section.table.rows.empty()) {
            out += "_" + section.empty + "_\n";
            continue;
        }
        Table table = section.table;
        for (auto& header : table.headers)
            header = sentence_case(header);
        out += render_markdown(table);
    }
    return out;
}

std::string themes_json(const ThemesReport& report, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    write_period(json, "period", report.period);
    write_period(json, "previous", report.previous);
    json.key("interviews").value(report.interviews);
    json.key("products").strings(report.products);
    json.key("matrix").begin_array();
    for (const auto& row : report.matrix) {
        json.begin_object();
        json.key("tag").value(row.tag);
        json.key("total").value(row.total);
        json.key("by_product").begin_object();
        for (std::size_t i = 0; i < report.products.size(); ++i)
            json.key(report.products[i]).value(row.counts[i]);
        json.end_object();
        json.end_object();
    }
    json.end_array();
    write_counts(json, "segments", report.segments);
    write_counts(json, "roles", report.roles);
    write_counts(json, "kinds", report.kinds);
    write_counts(json, "channels", report.channels);
    json.key("quiet_products").strings(report.quiet_products);
    json.key("quiet_segments").strings(report.quiet_segments);
    write_counts(json, "top_customers", report.top_customers, "customer");
    json.key("lapsed_customers").begin_array();
    for (const auto& customer : report.lapsed) {
        json.begin_object();
        json.key("customer").value(customer.customer);
        json.key("last").value(format_date(customer.last));
        json.end_object();
    }
    json.end_array();
    write_trends(json, "rising", report.rising);
    write_trends(json, "falling", report.falling);
    json.key("pairs").begin_array();
    for (const auto& pair : report.pairs) {
        json.begin_object();
        json.key("tags").strings({pair.first, pair.second});
        json.key("count").value(pair.count);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
