#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>

#include "core/frontmatter.hpp"

using namespace pmi;

static std::string yaml_error(const std::string& text) {
    try {
        parse_yaml(text, 2);
    } catch (const YamlError& error) {
        return std::to_string(error.line) + ": " + error.message;
    }
    return "";
}

TEST_CASE("parse_yaml") {
    SUBCASE("keys keep their lines") {
        const YamlNode root = parse_yaml("a: 1\nb:\n  - x\nc: {d: 2}\n", 2);
        REQUIRE(root.entries.size() == 3);
        CHECK(root.key_lines == std::vector<int>{2, 3, 5});
        CHECK(root.entries[1].first == "b");
        CHECK(root.entries[1].second.line == 4);
    }
    SUBCASE("deep nesting is refused with a clear message") {
        CHECK(yaml_error("a: " + std::string(10000, '[') + "\n") == "3: values nested too deeply");
        std::string maps;
        for (int i = 0; i < 5000; ++i)
            maps += "{a: ";
        CHECK(yaml_error("a: " + maps + std::string(5000, '}') + "\n") ==
              "2: values nested too deeply");
    }
    SUBCASE("an unclosed list is a syntax error, not a complex key") {
        CHECK(yaml_error("a: [[\n") == "3: end of sequence flow not found");
        CHECK(yaml_error("a: [[x]: y]\n") == "2: keys must be plain strings, not lists or maps");
        CHECK(yaml_error("[a]: 1\n{b: 2}: 3\n") ==
              "2: keys must be plain strings, not lists or maps");
    }
    SUBCASE("escapes always give UTF-8 (found by fuzz_note)") {
        const YamlNode root = parse_yaml("a: \"x\\_y\\Nz\\x41\"\n", 2);
        CHECK(root.entries[0].second.scalar == "x\u00A0y\u0085zA");
    }
    SUBCASE("an alias bomb is refused") {
        std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
        std::string previous = "a";
        for (const char* name : {"b", "c", "d", "e", "f", "g"}) {
            text += std::string(name) + ": &" + name + " [";
            for (int i = 0; i < 9; ++i)
                text += (i ? ", *" : "*") + previous;
            text += "]\n";
            previous = name;
        }
        CHECK(yaml_error(text) == "7: aliases expand to too many values");
    }
}

TEST_CASE("yaml_flow") {
    SUBCASE("a map key over YAML's 1024-character limit is written explicitly (found by "
            "fuzz_note)") {
        // 400 raw control characters: a short key that grows to 1,600 when escaped.
        const std::string key(400, '\x04');
        const YamlNode root = parse_yaml("m: {\"" + key + "\": v}\n", 1);
        const std::string flow = yaml_flow(root.entries.at(0).second);
        CHECK(flow.rfind("{? ", 0) == 0);
        const YamlNode back = parse_yaml("m: " + flow + "\n", 1);
        REQUIRE(back.entries.at(0).second.entries.size() == 1);
        CHECK(back.entries.at(0).second.entries.at(0).first == key);
        CHECK(back.entries.at(0).second.entries.at(0).second.scalar == "v");
    }
    SUBCASE("short keys stay implicit") {
        const YamlNode root = parse_yaml("m: {a: 1, \"b c\": x}\n", 1);
        CHECK(yaml_flow(root.entries.at(0).second) == "{a: 1, b c: x}");
    }
}

namespace {

// What yaml-cpp makes of `text`: the tree, or the error.
std::string yaml_cpp_reading(const std::string& text) {
    try {
        return describe_yaml(parse_yaml_with_yaml_cpp(text, 2));
    } catch (const YamlError& error) {
        return "error " + std::to_string(error.line) + ": " + error.message;
    }
}

// What the fast path makes of `text`: the tree, the error, or nothing when it declines.
std::optional<std::string> fast_path_reading(const std::string& text) {
    try {
        const auto simple = parse_simple_yaml(text, 2);
        if (!simple)
            return std::nullopt;
        return describe_yaml(*simple);
    } catch (const YamlError& error) {
        return "error " + std::to_string(error.line) + ": " + error.message;
    }
}

// True when the fast path takes `text` (reads it or rejects it); then it must
// do as yaml-cpp does.
bool fast_path_agrees(const std::string& text) {
    const auto fast = fast_path_reading(text);
    if (!fast)
        return false;
    CHECK_MESSAGE(*fast == yaml_cpp_reading(text), text);
    return true;
}

} // namespace

TEST_CASE("parse_simple_yaml") {
    SUBCASE("reads common front matter exactly as yaml-cpp does") {
        const char* accepted[] = {
            "customer: Acme Corp\ndate: 2026-11-20\npm: caroline\nproduct: reseller-portal\n",
            "kind: learning                 # learning | sales\n",
            "interviewees:\n  - {name: Jo Smith, role: end user}\n  - {name: 'A', role: \"B\"}\n",
            "interviewees:\n- Jo Smith (end user)\n- \"Ana\"\nsegment: smb\n",
            "tags: [navigation, \"security-config\", 'a''s']\n",
            "tags: []\nextra: {}\n",
            "tags: [ a ,  b  ]\n",
            "tldr: \"Raves: \\\"great\\\" and \\\\ more; # not a comment\"\n",
            "customer: O'Brien & Sons [EU] {x} a#b\n",
            "a:\nb:   \n\nc: 2\n",
            "a:\n",
            "a:\n\n   \n",
            "# comment\n\na: 1 # comment\n# trailing\n",
            "a:\n  # comment\n  - x\n\n  - y\nb: 1\n",
            "customer: Café 日本 \xC2\xA0x\n",
            "true: yes\n2026: 1.5\nb-c_d: x:y\n",
        };
        for (const char* text : accepted)
            CHECK_MESSAGE(fast_path_agrees(text), text);
    }
    SUBCASE("leaves anything else to yaml-cpp") {
        const char* declined[] = {
            "",
            "# only a comment\n",
            "a: b\n  continued\n",
            "a: |\n  block\n",
            "a: &x 1\nb: *x\n",
            "a: !tag x\n",
            "a: \"x\\ny\"\n",
            "a: \"open\n  close\"\n",
            "a: [x,\n  y]\n",
            "a: [x, y,]\n",
            "a: [x, , y]\n",
            "a: [a?b]\n",
            "a: null\n",
            "a: ~\n",
            "a: [~]\n",
            "null: x\n",
            "a: 1\na: 2\n",
            "a: {n: 1, n: 2}\n",
            "a: b: c\n",
            "a: b:\n",
            "a:\n  b: 1\n",
            "a:\n  - x\n   - y\n",
            "a:\n  -\n",
            "a:\n  - - x\n",
            " a: 1\n",
            "- x\n",
            "\"a\": 1\n",
            "a b: 1\n",
            "a :1\n",
            "a:1\n",
            "a:\tx\n",
            "a: x\r\n",
            "a: -1\n",
            "a: \xEF\xBB\xBFx\n",
            "a: x\xC2\x85y\n",
            "---\na: 1\n",
            "a: 1\n---\nb: 2\n",
            "? a\n: 1\n",
        };
        for (const char* text : declined)
            CHECK_MESSAGE(!parse_simple_yaml(text, 2), text);
    }
    SUBCASE("rejects an unclosed quote at its line, as yaml-cpp does") {
        struct Case {
            const char* text;
            int line;
            char quote;
        };
        const Case unclosed[] = {
            {"tldr: \"unclosed\nsegment: smb\n", 2, '"'},
            {"customer: Acme\ntldr: 'unclosed\nsegment: smb\n", 3, '\''},
            {"tldr: \"unclosed\n", 2, '"'},
            {"tldr: \"unclosed\nsegment: smb\nchannel: \"video\"\n", 2, '"'},
            {"tldr: \"unclosed\nsegment: \"smb\n", 2, '"'},
            {"tags: [\"a, b\nsegment: smb\n", 2, '"'},
            {"interviewees:\n  - \"Jo\n  - Ana\"\n", 3, '"'},
            {"a: 1\ntldr: \"it\\\"s\nb: 2\n", 3, '"'},
            {"a: |\n  x\nb: [1, 'two\nc: 3\n", 4, '\''},
        };
        for (const auto& [text, line, quote] : unclosed) {
            const std::string expected = "error " + std::to_string(line) + ": the " +
                                         std::string(1, quote) +
                                         " that opens this value is not closed (a value that "
                                         "goes on to the next line must indent it)";
            CHECK_MESSAGE(yaml_cpp_reading(text) == expected, text);
            const auto fast = fast_path_reading(text);
            CHECK_MESSAGE((!fast || *fast == expected), text);
        }
        // The fast path itself finds it in the common case.
        CHECK(fast_path_reading("tldr: \"unclosed\nsegment: smb\n") ==
              "error 2: the \" that opens this value is not closed (a value that goes on to the "
              "next line must indent it)");
    }
    SUBCASE("a quoted value that goes on, indented, is read as one") {
        const YamlNode root = parse_yaml("tldr: \"first\n  second\"\nsegment: smb\n", 2);
        REQUIRE(root.find("tldr"));
        CHECK(root.find("tldr")->scalar == "first second");
        REQUIRE(root.find("segment"));
        CHECK(root.find("segment")->scalar == "smb");
    }
    SUBCASE("parse_yaml gives yaml-cpp's tree and errors either way") {
        for (const char* text :
             {"a: 1\nb: [x, 'y']\nc:\n  - {n: m}\n", "a: [x,\n", "a: 1\na: 2\n"}) {
            std::string reading;
            try {
                reading = describe_yaml(parse_yaml(text, 2));
            } catch (const YamlError& error) {
                reading = "error " + std::to_string(error.line) + ": " + error.message;
            }
            CHECK(reading == yaml_cpp_reading(text));
        }
    }
}

TEST_CASE("parse_simple_yaml agrees with yaml-cpp on generated front matter") {
    // Lines built from pieces that are valid and invalid, plain and tricky;
    // deterministic, so a failure is reproducible.
    const char* keys[] = {"customer", "tags", "a",   "b-c", "x_1",
                          "2026",     "true", "nul", "-a",  "k y"};
    const char* values[] = {
        " Acme Corp",
        " 2026-11-20",
        " a b  c",
        " a#b",
        " a #b",
        " O'Brien",
        " \"q\"",
        " 'it''s'",
        " \"a\\\"b\"",
        " [docs] x",
        " a:b",
        " a: b",
        " x   ",
        " \"x\" # c",
        " [x, 'y', \"z\"]",
        " [ a , b ]",
        " []",
        " [a?b]",
        " [x,]",
        " {n: x, r: y z}",
        " {}",
        " {n: x, n: y}",
        "",
        "   ",
        " # c",
        "\n  - x\n  - 'y'",
        "\n- {n: m}\n- z",
        "\n  - x\n  more",
        " é café",
        " ~",
        " null",
        " &a x",
        " |\n  x",
        " -1",
        " 1.5",
        " \"open",
        " 'open",
        " [\"open, x]",
    };
    const char* between[] = {"\n", "\n", "\n", "\n\n", "\n# c\n", "\n  x\n", "\n   \n"};
    std::uint32_t state = 12345;
    const auto pick = [&](std::size_t count) {
        state = state * 1103515245u + 12345u;
        return static_cast<std::size_t>((state >> 8) % count);
    };
    int agreed = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        for (std::size_t lines = pick(5) + 1; lines > 0; --lines) {
            text += keys[pick(std::size(keys))];
            text += ':';
            text += values[pick(std::size(values))];
            text += between[pick(std::size(between))];
        }
        agreed += fast_path_agrees(text) ? 1 : 0;
    }
    CHECK(agreed > 100); // the generator does reach the fast path
}
