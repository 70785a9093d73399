#include <doctest/doctest.h>

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
