#include "render/signals.hpp"

#include <fmt/format.h>
#include <set>

#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

static std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return text;
}

static std::string capitalized(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

static std::size_t workaround_count(const Signals& signals) {
    std::set<std::pair<std::string, int>> distinct; // a note with two tags is listed twice
    for (const auto& group : signals.workarounds)
        for (const auto& w : group.second)
            distinct.emplace(w.path, w.line);
    return distinct.size();
}

static Table workarounds_table(const Signals& signals) {
    Table table;
    table.headers = {"TAG", "DATE", "CUSTOMER", "PRODUCT", "NOTE", "WORKAROUND"};
    for (const auto& [tag, items] : signals.workarounds)
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Workaround& w = items[i];
            table.rows.push_back({Cell(i == 0 ? tag : "", Style::bold), Cell(format_date(w.date)),
                                  Cell(w.customer), Cell(w.product),
                                  Cell(w.path + ":" + std::to_string(w.line), Style::dim),
                                  Cell(w.text)});
        }
    return table;
}

static Table glossary_table(const Signals& signals, bool text) {
    Table table;
    table.headers = text ? std::vector<std::string>{"THEIR WORDS", "OUR TERM", "CUSTOMERS", "WHO"}
                         : std::vector<std::string>{"Their words", "Our term", "Customers", "Who"};
    table.align = {Align::left, Align::left, Align::right, Align::left};
    for (const auto& entry : signals.glossary)
        table.rows.push_back({Cell("\"" + entry.theirs + "\"", Style::bold), Cell(entry.ours),
                              Cell(std::to_string(entry.customers.size())),
                              Cell(util::join(entry.customers, ", "))});
    return table;
}

static Table emotions_table(const Signals& signals, const std::vector<EmotionRow>& rows,
                            const std::string& first, bool text) {
    Table table;
    table.headers = {text ? upper(first) : capitalized(first)};
    table.align = {Align::left};
    for (const auto& emotion : signals.emotions) {
        table.headers.push_back(text ? upper(emotion) : capitalized(emotion));
        table.align.push_back(Align::right);
    }
    for (const auto& row : rows) {
        std::vector<Cell> cells = {Cell(row.name)};
        for (const int count : row.counts)
            cells.emplace_back(std::to_string(count), count ? Style::plain : Style::dim);
        table.rows.push_back(std::move(cells));
    }
    return table;
}

std::string signals_text(const Signals& signals, const View& view) {
    const Color color = view.color;
    const std::size_t width = view.width;
    std::string out =
        paint(fmt::format("Workarounds ({})", workaround_count(signals)), Style::bold, color) +
        "\n";
    out += signals.workarounds.empty() ? "none\n"
                                       : render_text(workarounds_table(signals), color, width);
    out += "\n" +
           paint(fmt::format("Their words ({})", signals.glossary.size()), Style::bold, color) +
           "\n";
    out += signals.glossary.empty() ? "none\n"
                                    : render_text(glossary_table(signals, true), color, width);
    out += "\n" + paint("Emotions by product", Style::bold, color) + "\n";
    out += signals.by_product.empty()
               ? "none\n"
               : render_text(emotions_table(signals, signals.by_product, "product", true), color);
    out += "\n" + paint("Emotions by tag", Style::bold, color) + "\n";
    out += signals.by_tag.empty()
               ? "none\n"
               : render_text(emotions_table(signals, signals.by_tag, "tag", true), color);
    return out;
}

std::string signals_markdown(const Signals& signals, const View&) {
    std::string out = "# Signals\n\n## Workarounds\n";
    if (signals.workarounds.empty())
        out += "\nNone.\n";
    for (const auto& [tag, items] : signals.workarounds) {
        out += "\n### " + escape::markdown_inline(tag) + "\n\n";
        for (const auto& w : items)
            out +=
                fmt::format("- {} — {}, {}, {} ([note]({}))\n", escape::markdown_inline(w.text),
                            escape::markdown_inline(w.customer), escape::markdown_inline(w.product),
                            format_date(w.date), escape::url_path(w.path));
    }
    out += "\n## Their words\n\n";
    out += signals.glossary.empty() ? "None.\n" : render_markdown(glossary_table(signals, false));
    out += "\n## Emotions by product\n\n";
    out += signals.by_product.empty()
               ? "None.\n"
               : render_markdown(emotions_table(signals, signals.by_product, "product", false));
    out += "\n## Emotions by tag\n\n";
    out += signals.by_tag.empty()
               ? "None.\n"
               : render_markdown(emotions_table(signals, signals.by_tag, "tag", false));
    return out;
}

static void emotion_rows_json(util::JsonWriter& json, const Signals& signals,
                              const std::vector<EmotionRow>& rows, const char* name) {
    json.begin_array();
    for (const auto& row : rows) {
        json.begin_object();
        json.key(name).value(row.name);
        json.key("counts").begin_object();
        for (std::size_t i = 0; i < signals.emotions.size() && i < row.counts.size(); ++i)
            json.key(signals.emotions[i]).value(row.counts[i]);
        json.end_object();
        json.end_object();
    }
    json.end_array();
}

std::string signals_json(const Signals& signals, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("workarounds").begin_array();
    for (const auto& [tag, items] : signals.workarounds) {
        json.begin_object();
        json.key("tag").value(tag);
        json.key("items").begin_array();
        for (const auto& w : items) {
            json.begin_object();
            json.key("text").value(w.text);
            json.key("customer").value(w.customer);
            json.key("product").value(w.product);
            json.key("date").value(format_date(w.date));
            json.key("path").value(w.path);
            json.key("line").value(w.line);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.key("glossary").begin_array();
    for (const auto& entry : signals.glossary) {
        json.begin_object();
        json.key("theirs").value(entry.theirs);
        json.key("ours").value(entry.ours);
        json.key("customer_count").value(entry.customers.size());
        json.key("customers").strings(entry.customers);
        json.end_object();
    }
    json.end_array();
    json.key("emotions").strings(signals.emotions);
    json.key("emotions_by_product");
    emotion_rows_json(json, signals, signals.by_product, "product");
    json.key("emotions_by_tag");
    emotion_rows_json(json, signals, signals.by_tag, "tag");
    json.end_object();
    return json.str();
}

} // namespace pmi
