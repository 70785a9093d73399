#include "core/themes.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/tags.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

constexpr const char* none_label = "(none)";
constexpr std::size_t top_customer_limit = 10;

// Tag keys of a note, each once, in first-seen order.
std::vector<std::string> tag_keys(const Note& note) {
    std::vector<std::string> keys;
    for (const auto& tag : distinct_tags(note)) {
        std::string key = util::tag_key(tag);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(std::move(key));
    }
    return keys;
}

// Count descending, then name case-insensitively (then exactly, for a total order).
bool by_count_then_name(const NamedCount& a, const NamedCount& b) {
    if (a.count != b.count)
        return a.count > b.count;
    const std::string la = util::to_lower_ascii(a.name), lb = util::to_lower_ascii(b.name);
    return la != lb ? la < lb : a.name < b.name;
}

std::vector<NamedCount> sorted_counts(const std::map<std::string, std::size_t>& counts) {
    std::vector<NamedCount> out;
    for (const auto& [name, count] : counts)
        out.push_back({name, count});
    std::sort(out.begin(), out.end(), by_count_then_name);
    return out;
}

std::string or_none(std::string_view text) {
    const auto trimmed = util::trim(text);
    return trimmed.empty() ? std::string(none_label) : std::string(trimmed);
}

} // namespace

ThemesReport build_themes(const std::vector<Note>& notes, const std::vector<std::string>& products,
                          const Period& period, const Date& today) {
    ThemesReport report;
    report.period = period;
    const long length = days_since_epoch(period.last) - days_since_epoch(period.first) + 1;
    report.previous = {add_days(period.first, -length), add_days(period.first, -1)};

    // Names for tag keys, from the whole tree: the most used spelling.
    std::map<std::string, std::map<std::string, std::size_t>> spellings;
    for (const auto& note : notes)
        for (const auto& tag : distinct_tags(note))
            ++spellings[util::tag_key(tag)][tag];
    std::map<std::string, std::string> tag_name;
    for (const auto& [key, counts] : spellings) {
        std::size_t best = 0;
        for (const auto& [spelling, count] : counts)
            if (count > best) {
                best = count;
                tag_name[key] = spelling;
            }
    }

    std::set<std::string> product_set;
    std::set<std::string> all_products(products.begin(), products.end());
    std::set<std::string> all_segments;
    std::map<std::string, std::size_t> segments, roles, kinds, channels, customers, now, before;
    std::map<std::string, std::map<std::string, std::size_t>> matrix; // key -> product -> n
    std::map<std::pair<std::string, std::string>, std::size_t> pairs;
    struct Seen {
        std::string name;
        Date last;
    };
    std::map<std::string, Seen> customer_last;        // by slug, up to today
    std::map<std::string, std::string> customer_name; // slug -> most recent spelling in period
    std::map<std::string, Date> customer_name_date;

    for (const auto& note : notes) {
        all_products.insert(note.product);
        if (!util::trim(note.segment).empty())
            all_segments.insert(std::string(util::trim(note.segment)));
        const std::string slug = util::slugify(note.customer);
        if (note.date <= today) {
            auto [it, inserted] = customer_last.try_emplace(slug, Seen{note.customer, note.date});
            if (!inserted && note.date >= it->second.last)
                it->second = {note.customer, note.date};
        }
        const auto keys = tag_keys(note);
        if (report.previous.contains(note.date))
            for (const auto& key : keys)
                ++before[key];
        if (!period.contains(note.date))
            continue;

        ++report.interviews;
        product_set.insert(note.product);
        ++segments[or_none(note.segment)];
        ++channels[or_none(note.channel)];
        ++kinds[effective_kind(note)];
        if (note.interviewees.empty())
            ++roles[none_label];
        for (const auto& person : note.interviewees)
            ++roles[or_none(person.role)];
        ++customers[slug];
        if (customer_name.count(slug) == 0 || note.date >= customer_name_date[slug]) {
            customer_name[slug] = note.customer;
            customer_name_date[slug] = note.date;
        }
        for (const auto& key : keys) {
            ++now[key];
            ++matrix[key][note.product];
        }
        std::vector<std::string> sorted_keys = keys;
        std::sort(sorted_keys.begin(), sorted_keys.end(),
                  [&](const auto& a, const auto& b) { return tag_name[a] < tag_name[b]; });
        for (std::size_t i = 0; i < sorted_keys.size(); ++i)
            for (std::size_t j = i + 1; j < sorted_keys.size(); ++j)
                ++pairs[{sorted_keys[i], sorted_keys[j]}];
    }

    report.products.assign(product_set.begin(), product_set.end());
    for (const auto& [key, by_product] : matrix) {
        TagRow row;
        row.tag = tag_name[key];
        for (const auto& product : report.products) {
            const auto it = by_product.find(product);
            row.counts.push_back(it == by_product.end() ? 0 : it->second);
        }
        row.total = now[key];
        report.matrix.push_back(std::move(row));
    }
    std::sort(report.matrix.begin(), report.matrix.end(), [](const TagRow& a, const TagRow& b) {
        return a.total != b.total ? a.total > b.total : a.tag < b.tag;
    });

    report.segments = sorted_counts(segments);
    report.roles = sorted_counts(roles);
    report.kinds = sorted_counts(kinds);
    report.channels = sorted_counts(channels);
    for (const auto& product : all_products)
        if (product_set.count(product) == 0)
            report.quiet_products.push_back(product);
    for (const auto& segment : all_segments)
        if (segments.count(segment) == 0)
            report.quiet_segments.push_back(segment);

    std::vector<NamedCount> top;
    for (const auto& [slug, count] : customers)
        top.push_back({customer_name[slug], count});
    std::sort(top.begin(), top.end(), by_count_then_name);
    if (top.size() > top_customer_limit)
        top.resize(top_customer_limit);
    report.top_customers = std::move(top);

    const Date lapsed_before = add_days(today, -lapsed_after_days);
    for (const auto& [slug, seen] : customer_last)
        if (seen.last < lapsed_before)
            report.lapsed.push_back({seen.name, seen.last});
    std::sort(report.lapsed.begin(), report.lapsed.end(),
              [](const LapsedCustomer& a, const LapsedCustomer& b) {
                  return a.last != b.last ? a.last < b.last : a.customer < b.customer;
              });

    std::set<std::string> trend_keys;
    for (const auto& [key, count] : now)
        trend_keys.insert(key);
    for (const auto& [key, count] : before)
        trend_keys.insert(key);
    for (const auto& key : trend_keys) {
        TagTrend trend{tag_name[key], now.count(key) ? now[key] : 0,
                       before.count(key) ? before[key] : 0};
        if (trend.delta() > 0)
            report.rising.push_back(trend);
        else if (trend.delta() < 0)
            report.falling.push_back(trend);
    }
    const auto by_delta = [](const TagTrend& a, const TagTrend& b) {
        if (a.delta() != b.delta())
            return std::labs(a.delta()) > std::labs(b.delta());
        return a.tag < b.tag;
    };
    std::sort(report.rising.begin(), report.rising.end(), by_delta);
    std::sort(report.falling.begin(), report.falling.end(), by_delta);

    for (const auto& [keys, count] : pairs)
        if (count >= 2)
            report.pairs.push_back({tag_name[keys.first], tag_name[keys.second], count});
    std::sort(report.pairs.begin(), report.pairs.end(), [](const TagPair& a, const TagPair& b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    return report;
}

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

std::string themes_text(const ThemesReport& report, Color color) {
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

std::string themes_markdown(const ThemesReport& report) {
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

std::string themes_json(const ThemesReport& report) {
    util::JsonWriter json;
    json.begin_object();
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
