#include <doctest/doctest.h>

#include "core/error.hpp"
#include "core/search.hpp"
#include "core/search_index.hpp"
#include "core/search_query.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <vector>

using namespace pmi;

namespace {

// The hits' paths, sorted: find returns them in no particular order.
std::vector<std::string> paths_of(const std::vector<SearchHit>& hits) {
    std::vector<std::string> paths;
    for (const auto& hit : hits)
        paths.push_back(hit.path);
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace

TEST_CASE("parse_search_query") {
    SUBCASE("words are quoted and ANDed") {
        const auto query = parse_search_query("invoice  excel");
        CHECK(query.match == "(\"invoice\" AND \"excel\")");
        REQUIRE(query.words.size() == 2);
        CHECK(query.words[1].text == "excel");
    }
    SUBCASE("phrases, prefixes, OR") {
        CHECK(parse_search_query("\"fix by hand\" spread*").match ==
              "(\"fix by hand\" AND \"spread\" *)");
        CHECK(parse_search_query("a OR b c").match == "(\"a\" OR (\"b\" AND \"c\"))");
        CHECK(parse_search_query("(a OR b) c").match == "((\"a\" OR \"b\") AND \"c\")");
    }
    SUBCASE("exclusions are never highlighted") {
        const auto query = parse_search_query("a -b NOT c");
        CHECK(query.match == "(\"a\" NOT (\"b\" OR \"c\"))");
        REQUIRE(query.words.size() == 1);
        CHECK(query.words[0].text == "a");
        CHECK(!query.words[0].prefix);
        CHECK(parse_search_query("spread*").words[0].prefix);
    }
    SUBCASE("FTS5 syntax is only text") {
        CHECK(parse_search_query("NEAR col:x ^a +b").match ==
              "(\"NEAR\" AND \"col:x\" AND \"^a\" AND \"+b\")");
        CHECK(parse_search_query("or and not").match == "(\"or\" AND \"and\" AND \"not\")");
        CHECK(parse_search_query("a--b").match == "\"a--b\"");
    }
    SUBCASE("punctuation alone is left out") {
        CHECK(parse_search_query("acme & co").match == "(\"acme\" AND \"co\")");
    }
    SUBCASE("errors") {
        for (const char* bad : {"",          "   ",
                                "\"",        "a \"b",
                                "(",         ")",
                                "(a",        "a)",
                                "()",        "OR",
                                "a OR",      "OR a",
                                "a OR OR b", "NOT",
                                "a NOT",     "-a",
                                "NOT a",     "a AND",
                                "*",         "- -",
                                "a (-b)",    "((((((((((((((((((a))))))))))))))))))"})
            CHECK_THROWS_AS(parse_search_query(bad), Error);
        CHECK_NOTHROW(parse_search_query("((((((((((((((((a))))))))))))))))"));
    }
}

TEST_CASE("normalized_for_search") {
    CHECK(normalized_for_search("---\ncustomer: Acme\ntags:\n  - x\n---\ncustomer: body\n") ==
          "   \n          Acme\n     \n  - x\n   \ncustomer: body\n");
    CHECK(normalized_for_search("no front matter: here\n") == "no front matter: here\n");
    CHECK(normalized_for_search("---\r\npm: a\r\n---\r\n") == "    \n    a\r\n    \n");
}

TEST_CASE("SearchIndex") {
    TempDir dir;
    dir.write("a.md", "---\ncustomer: Acme\n---\nInvoicing in Excel.\n");
    dir.write("b.md", "---\ncustomer: Globex\n---\nCSV exports.\n");
    std::vector<std::string> warnings;
    const auto file = dir.path / ".pmi" / "cache" / "search.sqlite";
    {
        SearchIndex index(file, warnings);
        index.sync(dir.path, {"a.md", "b.md"});
        CHECK(paths_of(index.find(parse_search_query("invoices"))) ==
              std::vector<std::string>{"a.md"});
        CHECK(paths_of(index.find(parse_search_query("customer"))).empty());
        CHECK(paths_of(index.find(parse_search_query("acme OR globex"))) ==
              std::vector<std::string>{"a.md", "b.md"});
        // A deleted file leaves a tombstone, never a hit.
        index.sync(dir.path, {"b.md"});
        CHECK(paths_of(index.find(parse_search_query("acme OR globex"))) ==
              std::vector<std::string>{"b.md"});
        CHECK(index.tombstones() == 1);
    }
    CHECK(warnings.empty());
    SUBCASE("reopened, it remembers") {
        SearchIndex index(file, warnings);
        CHECK(paths_of(index.find(parse_search_query("globex"))) ==
              std::vector<std::string>{"b.md"});
    }
    SUBCASE("a foreign file is replaced, with a warning") {
        dir.write(".pmi/cache/search.sqlite", std::string(5000, 'x'));
        SearchIndex index(file, warnings);
        index.sync(dir.path, {"a.md"});
        CHECK(warnings.size() == 1);
        CHECK(paths_of(index.find(parse_search_query("excel"))) ==
              std::vector<std::string>{"a.md"});
    }
}

TEST_CASE("SearchIndex: a sync after a few changes finds each of them") {
    // Enough notes for every bucket of the index to hold some, written in the
    // past so the first sync trusts the fingerprints; then one note edited, one
    // deleted, one renamed and one added: each sync reads only the buckets of
    // the changed notes, and must still see every change.
    TempDir dir;
    const auto past = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    std::vector<std::string> paths;
    for (int i = 0; i < 3000; ++i) {
        paths.push_back("n" + std::to_string(i) + ".md");
        const auto file = dir.write(paths.back(), "---\ncustomer: C\n---\nword" +
                                                      std::to_string(i) + " common\n");
        std::filesystem::last_write_time(file, past);
    }
    std::vector<std::string> warnings;
    SearchIndex index(dir.path / "index.sqlite", warnings);
    index.sync(dir.path, paths);
    // Writing the files set their ctime to now: they are racy for 2 seconds,
    // and only a sync after that trusts the buckets' fingerprints.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    index.sync(dir.path, paths);
    const auto count = [&](const std::string& query) {
        return index.find(parse_search_query(query)).size();
    };
    CHECK(count("common") == 3000);
    CHECK(count("word17") == 1);

    const auto edited = dir.write("n17.md", "---\ncustomer: C\n---\nchanged common\n");
    std::filesystem::last_write_time(edited, past + std::chrono::seconds(1));
    std::filesystem::remove(dir.path / "n2000.md");
    std::filesystem::rename(dir.path / "n2500.md", dir.path / "renamed.md");
    std::filesystem::last_write_time(dir.write("added.md", "---\n---\nfresh common\n"), past);
    paths.erase(std::find(paths.begin(), paths.end(), "n2000.md"));
    *std::find(paths.begin(), paths.end(), "n2500.md") = "renamed.md";
    paths.push_back("added.md");
    index.sync(dir.path, paths);
    CHECK(count("common") == 3000);
    CHECK(count("word17") == 0);
    CHECK(count("changed") == 1);
    CHECK(count("word2000") == 0);
    CHECK(count("fresh") == 1);
    const auto renamed = index.find(parse_search_query("word2500"));
    REQUIRE(renamed.size() == 1);
    CHECK(renamed[0].path == "renamed.md");
    CHECK(index.tombstones() == 3); // the edit, the deletion, the rename's old path

    // Nothing changed: the same results, no new tombstone.
    index.sync(dir.path, paths);
    CHECK(count("common") == 3000);
    CHECK(index.tombstones() == 3);
    CHECK(warnings.empty());
}

TEST_CASE("SearchIndex: an index of an older format is rebuilt silently") {
    TempDir dir;
    dir.write("a.md", "---\ncustomer: Acme\n---\nInvoicing in Excel.\n");
    const auto file = dir.path / "index.sqlite";
    {
        // The schema of format pmi-search-2, without buckets, holding a row
        // for a note that is gone.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        const char* old_schema =
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
            "ctime_ns INTEGER, inode INTEGER, docid INTEGER UNIQUE, racy INTEGER, hash INTEGER);"
            "CREATE VIRTUAL TABLE text USING fts5(body, content='', "
            "tokenize='porter unicode61 remove_diacritics 2');"
            "INSERT INTO meta VALUES('format', 'pmi-search-2');"
            "INSERT INTO files VALUES('gone.md', 1, 1, 1, 1, 1, 0, 0);"
            "INSERT INTO text(rowid, body) VALUES(1, 'excel');";
        CHECK(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    std::vector<std::string> warnings;
    SearchIndex index(file, warnings);
    index.sync(dir.path, {"a.md"});
    const auto hits = index.find(parse_search_query("excel"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].path == "a.md");
    CHECK(index.tombstones() == 0);
    CHECK(warnings.empty());
}

TEST_CASE("SearchIndex: a damaged index is rebuilt, whichever page is zeroed") {
    TempDir dir;
    std::vector<std::string> paths;
    for (int i = 0; i < 60; ++i) {
        paths.push_back("note" + std::to_string(i) + ".md");
        std::string body = "---\ncustomer: C" + std::to_string(i) + "\n---\n";
        for (int word = 0; word < 40; ++word)
            body += "word" + std::to_string(i * 40 + word) + (i % 3 == 0 ? " excel\n" : "\n");
        dir.write(paths.back(), body);
    }
    std::vector<SearchIndex::File> files;
    for (const auto& path : paths)
        files.push_back({path, std::nullopt});
    std::vector<std::string> expected;
    for (int i = 0; i < 60; i += 3)
        expected.push_back("note" + std::to_string(i) + ".md");
    std::sort(expected.begin(), expected.end());
    const auto file = dir.path / ".pmi" / "cache" / "search.sqlite";
    const auto query = parse_search_query("excel");
    auto fresh_index = [&] {
        std::filesystem::remove_all(file.parent_path());
        std::vector<std::string> warnings;
        SearchIndex index(file, warnings);
        index.sync_files(dir.path, files);
    };
    auto zero_page = [&](std::uintmax_t page) {
        std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
        out.seekp(static_cast<std::streamoff>(page * 4096));
        out << std::string(4096, '\0');
    };
    fresh_index();
    const std::uintmax_t pages = std::filesystem::file_size(file) / 4096;
    REQUIRE(pages >= 8);
    int rebuilt = 0;
    int noticed_by_query = 0; // where sync alone saw nothing wrong
    for (std::uintmax_t page = 1; page < pages; ++page) {
        CAPTURE(page);
        fresh_index();
        zero_page(page);
        {
            std::vector<std::string> warnings;
            SearchIndex index(file, warnings);
            index.sync_files(dir.path, files);
            if (warnings.empty()) {
                try {
                    index.find(query);
                } catch (const Error&) {
                    ++noticed_by_query;
                }
            }
        }
        fresh_index();
        zero_page(page);
        std::vector<std::string> warnings;
        SearchIndex index(file, warnings);
        CHECK(paths_of(index.sync_and_find(dir.path, files, query)) == expected);
        rebuilt += warnings.empty() ? 0 : 1;
        for (const auto& warning : warnings)
            CHECK(warning == "search.sqlite is corrupt; rebuilding it");
    }
    CHECK(rebuilt > 0);
    CHECK(noticed_by_query > 0);
}

TEST_CASE("match_lines") {
    const auto query = parse_search_query("invoice -excel");
    const auto lines = match_lines(query, {"one\nWe INVOICED \x01 twice, invoices\nthree", "none"});
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].size() == 1);
    CHECK(lines[0][0].line == 2);
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(lines[0][0].spans == Spans{{3, 11}, {21, 29}});
    CHECK(lines[1].empty());
}

TEST_CASE("gather_evidence") {
    auto result = [](const char* customer, Date date, const char* segment,
                     std::vector<std::string> tags) {
        SearchResult r;
        r.note.customer = customer;
        r.note.date = date;
        r.note.segment = segment;
        r.note.tags = std::move(tags);
        return r;
    };
    const std::vector<SearchResult> results = {
        result("Acme", Date{2026, 11, 17}, "smb", {"a", "b"}),
        result("ACME", Date{2026, 11, 20}, "smb", {"a", "a"}),
        result("Globex", Date{2026, 9, 1}, "", {"a"}),
    };
    const Evidence by_tag = gather_evidence(results, "tag");
    CHECK(by_tag.customers == 2);
    CHECK(by_tag.segments == 1);
    CHECK(by_tag.notes == 3);
    CHECK(by_tag.first == Date{2026, 9, 1});
    CHECK(by_tag.latest == Date{2026, 11, 20});
    REQUIRE(by_tag.rows.size() == 2);
    CHECK(by_tag.rows[0].value == "a");
    CHECK(by_tag.rows[0].customers == 2);
    CHECK(by_tag.rows[0].notes == 3);
    CHECK(by_tag.rows[1].value == "b");
    const Evidence by_segment = gather_evidence(results, "segment");
    CHECK(by_segment.rows[0].value == "smb");
    CHECK(by_segment.rows[1].value == "(none)");
}

TEST_CASE("match_lines skips no line that matches") {
    // Stemming: "using" and "use" are one word; accents are ignored.
    const auto lines = match_lines(parse_search_query("using resume"),
                                   {"We USE it\nnothing\nr\xc3\xa9sum\xc3\xa9 sent\nponies"});
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].size() == 2);
    CHECK(lines[0][0].line == 1);
    CHECK(lines[0][1].line == 3);
    CHECK(match_lines(parse_search_query("pony"), {"ponies"})[0].size() == 1);
}

TEST_CASE("LineMatcher") {
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    const auto spans_of = [](const char* query, const std::string& text) {
        LineMatcher matcher(parse_search_query(query));
        const auto lines = matcher.match(text);
        return lines.empty() ? Spans{} : lines[0].spans;
    };
    // An ASCII line is stemmed word by word, a line with other characters whole:
    // both find the same words at the same places.
    const std::string ascii = "Orders: order-forms, ORDERING x";
    const std::string accented = ascii + " caf\xc3\xa9";
    for (const char* query : {"order", "order*", "ordering", "orders OR x", "\"order forms\""}) {
        CAPTURE(query);
        CHECK(!spans_of(query, ascii).empty());
        CHECK(spans_of(query, ascii) == spans_of(query, accented));
    }
    CHECK(spans_of("order", ascii) == Spans{{0, 6}, {8, 13}, {21, 29}});
    CHECK(spans_of("\"order forms\"", ascii) == Spans{{8, 19}});
    SUBCASE("a word is found whole, never inside another") {
        CHECK(spans_of("form", "reform, forms, FORM").size() == 2);
        CHECK(spans_of("form", "reform, platform").empty());
    }
    SUBCASE("one matcher for many texts") {
        LineMatcher matcher(parse_search_query("excel"));
        CHECK(matcher.match("no\nExcel\n").size() == 1);
        CHECK(matcher.match("").empty());
        CHECK(matcher.match("excels\nexcel").size() == 2);
    }
    SUBCASE("a word met again is matched as the first time") {
        LineMatcher matcher(parse_search_query("ordering"));
        const auto first = matcher.match("Orders x\norder\nORDERED, orders\nordinary");
        const auto again = matcher.match("Orders x\norder\nORDERED, orders\nordinary");
        REQUIRE(first.size() == 3);
        CHECK(first[2].spans == Spans{{0, 7}, {9, 15}});
        for (std::size_t i = 0; i < first.size(); ++i)
            CHECK(first[i].spans == again[i].spans);
    }
    SUBCASE("matching into a used list replaces all it held") {
        LineMatcher matcher(parse_search_query("order"));
        std::vector<LineMatch> lines;
        matcher.match("order order order\nx\norders\norder", lines);
        REQUIRE(lines.size() == 3);
        matcher.match("x\nan order", lines);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].line == 2);
        CHECK(lines[0].spans == Spans{{3, 8}});
        matcher.match("nothing here", lines);
        CHECK(lines.empty());
    }
}

namespace {

// The lines, spans and line starts of a match, to compare two ways of matching.
std::string describe_matches(const std::vector<LineMatch>& lines) {
    std::string out;
    for (const auto& line : lines) {
        out += std::to_string(line.line) + "@" + std::to_string(line.start) + ":";
        for (const auto& [first, last] : line.spans)
            out += " " + std::to_string(first) + "-" + std::to_string(last);
        out += "\n";
    }
    return out;
}

} // namespace

TEST_CASE("LineMatcher: a whole ASCII text and its lines one by one find the same") {
    // A text of plain ASCII is scanned whole, 16 bytes at a time; one line of
    // other characters makes every line be matched one by one. Both ways must
    // find the same lines, spans and line starts.
    std::string ascii;
    for (int i = 0; i < 40; ++i) {
        ascii += std::string(static_cast<std::size_t>(i % 17), ' ');
        ascii += i % 3 == 0 ? "Spreadsheets, a SPREADSHEET; spread sheet\n"
                            : "no match on this line, sp sp s\r\n";
        ascii += i % 5 == 0 ? "\n" : "export csv-EXPORTED x1 x spreadsheet\n";
    }
    ascii += "the last line, spreadsheet"; // no line end
    const std::string other = ascii + "\ncaf\xc3\xa9 spreadsheet";
    for (const std::string query : {"spreadsheet", "spreadsheet*", "export OR csv", "x1", "x", "s",
                                    "spread OR sheet OR export", "nothing"}) {
        CAPTURE(query);
        LineMatcher matcher(parse_search_query(query));
        const auto whole = matcher.match(ascii);
        const auto by_line = matcher.match(other);
        REQUIRE(by_line.size() >= whole.size());
        const std::vector<LineMatch> same(by_line.begin(),
                                          by_line.begin() + static_cast<long>(whole.size()));
        CHECK(describe_matches(whole) == describe_matches(same));
        if (query != "nothing")
            CHECK(!whole.empty());
    }
    LineMatcher matcher(parse_search_query("spreadsheet"));
    const auto lines = matcher.match("a\nb spreadsheet\n\nSpreadsheets");
    CHECK(describe_matches(lines) == "2@2: 2-13\n4@17: 0-12\n");
}

TEST_CASE("LineMatcher::match_note matches the normalised text") {
    const std::vector<std::string> texts = {
        "---\ncustomer: Acme\ntags: [customer]\n---\ncustomer: the customer said\n",
        "---\r\npm: customer\r\n---\r\nthe customer\r\n",
        "---\ncustomer: no closing fence\ncustomer again\n",
        "no front matter\ncustomer: here\n",
        "---\ncustomer: caf\xc3\xa9 customer\n---\ncustomer",
        "---",
        "",
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        for (const char* query : {"customer", "customer OR tags", "\"the customer\""}) {
            CAPTURE(query);
            LineMatcher matcher(parse_search_query(query));
            std::vector<LineMatch> note;
            matcher.match_note(text, note);
            CHECK(describe_matches(note) ==
                  describe_matches(matcher.match(normalized_for_search(text))));
        }
    }
    CHECK(front_matter_size("---\na: b\n---\nbody\n") == 13);
    CHECK(front_matter_size("---\r\na: b\r\n---") == 14);
    CHECK(front_matter_size("---\na: b\n") == 9);
    CHECK(front_matter_size("body\n---\n") == 0);
}

TEST_CASE("search_notes keeps only the lines shown") {
    TempDir dir;
    std::string body = "---\ncustomer: Acme\n---\n";
    for (int i = 4; i <= 12; ++i)
        body += i == 8 ? "We use Excel daily\r\n" : "line " + std::to_string(i) + "\n";
    dir.write("a.md", body);
    Config config;
    config.root = dir.path;
    Note note;
    note.path = "a.md";
    std::vector<std::string> warnings;
    SearchOptions options;
    options.lines = SearchLines::matching;
    options.context = 1;
    const auto results =
        search_notes(config, {note}, {}, {}, parse_search_query("excel"), options, warnings);
    REQUIRE(results.size() == 1);
    REQUIRE(results[0].lines.size() == 1);
    CHECK(results[0].lines[0].line == 8);
    REQUIRE(results[0].shown.size() == 3);
    CHECK(*shown_line(results[0], 7) == "line 7");
    CHECK(*shown_line(results[0], 8) == "We use Excel daily");
    CHECK(*shown_line(results[0], 9) == "line 9");
    CHECK(!shown_line(results[0], 6));
    CHECK(!shown_line(results[0], 10));
    SUBCASE("a context larger than the file keeps every line, once") {
        options.context = static_cast<std::size_t>(-1);
        const auto all =
            search_notes(config, {note}, {}, {}, parse_search_query("excel"), options, warnings);
        REQUIRE(all.size() == 1);
        CHECK(all[0].shown.size() == 12);
        CHECK(*shown_line(all[0], 1) == "---");
    }
}

TEST_CASE("search_notes shows each line within the context of a match, once") {
    // Matches near each other (their contexts overlap), far apart (a gap
    // between), on the first and last lines, with empty and CRLF lines.
    const std::vector<int> matching = {1, 3, 4, 9, 15, 16, 24};
    const int last = 24;
    std::vector<std::string> texts(last + 1);
    std::string body;
    for (int i = 1; i <= last; ++i) {
        const bool match = std::count(matching.begin(), matching.end(), i) > 0;
        texts[i] = match        ? "excel " + std::to_string(i)
                   : i % 4 == 0 ? ""
                                : "line " + std::to_string(i);
        body += texts[i] + (i % 3 == 0 ? "\r\n" : i == last ? "" : "\n");
    }
    TempDir dir;
    dir.write("a.md", body);
    Config config;
    config.root = dir.path;
    Note note;
    note.path = "a.md";
    std::vector<std::string> warnings;
    for (std::size_t context = 0; context <= 4; ++context) {
        CAPTURE(context);
        SearchOptions options;
        options.lines = SearchLines::matching;
        options.context = context;
        const auto results =
            search_notes(config, {note}, {}, {}, parse_search_query("excel"), options, warnings);
        REQUIRE(results.size() == 1);
        CHECK(results[0].lines.size() == matching.size());
        std::vector<std::size_t> expected;
        for (int i = 1; i <= last; ++i)
            if (std::any_of(matching.begin(), matching.end(), [&](int line) {
                    return std::abs(line - i) <= static_cast<int>(context);
                }))
                expected.push_back(static_cast<std::size_t>(i));
        std::vector<std::size_t> numbers;
        for (const auto& line : results[0].shown) {
            numbers.push_back(line.number);
            const auto text = shown_line(results[0], line.number);
            REQUIRE(text);
            CHECK(*text == texts[line.number]);
        }
        CHECK(numbers == expected);
        // Asked for in order, from a cursor: the same lines as by search.
        std::size_t from = 0;
        for (std::size_t number = 1; number <= last + 1; ++number) {
            CAPTURE(number);
            CHECK(shown_line(results[0], number, from) == shown_line(results[0], number));
        }
    }
}

TEST_CASE("visit_with_lines finds what search_notes finds, in order") {
    TempDir dir;
    Config config;
    config.root = dir.path;
    std::vector<Note> notes;
    for (int i = 0; i < 300; ++i) {
        std::string body = "---\ncustomer: C" + std::to_string(i) + "\n---\n";
        for (int line = 0; line < i % 7; ++line)
            body += "filler\n";
        body +=
            i % 3 == 0 ? "no match here\n" : "Excel and excels, note " + std::to_string(i) + "\n";
        body += "tail\n";
        const std::string path = "n" + std::to_string(1000 + i) + ".md";
        dir.write(path, body);
        Note note;
        note.path = path;
        notes.push_back(note);
    }
    std::vector<std::string> warnings;
    SearchOptions options;
    options.lines = SearchLines::matching;
    options.context = 1;
    const SearchQuery query = parse_search_query("excel");
    const auto expected = search_notes(config, notes, {}, {}, query, options, warnings);
    REQUIRE(expected.size() == 200);
    options.lines = SearchLines::none;
    auto results = search_notes(config, notes, {}, {}, query, options, warnings);
    std::size_t visited = 0;
    visit_with_lines(config, query, 1, results, [&](const SearchResult& result) {
        REQUIRE(visited < expected.size());
        const SearchResult& want = expected[visited++];
        CHECK(result.note.path == want.note.path);
        REQUIRE(result.lines.size() == 1);
        CHECK(result.lines[0].line == want.lines[0].line);
        CHECK(result.lines[0].spans == want.lines[0].spans);
        REQUIRE(result.shown.size() == 3);
        for (const auto& shown : want.shown)
            CHECK(shown_line(result, shown.number) == shown_line(want, shown.number));
    });
    CHECK(visited == expected.size());
    CHECK(results[0].text.empty()); // let go after its visit
}
