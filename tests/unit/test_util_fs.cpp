#include <doctest/doctest.h>

#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "temp_dir.hpp"
#include "util/fs.hpp"

TEST_CASE("read_file") {
    TempDir dir;
    std::string error;
    SUBCASE("a regular file") {
        dir.write("a.txt", "hello\n");
        CHECK(util::read_file(dir.path / "a.txt", error) == "hello\n");
    }
    SUBCASE("a FIFO is refused at once, not waited on") {
        REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
        CHECK(!util::read_file(dir.path / "fifo", error));
        CHECK(error == "not a regular file");
    }
    SUBCASE("a folder") {
        CHECK(!util::read_file(dir.path, error));
        CHECK(error == "is a folder");
    }
    SUBCASE("a missing file") {
        CHECK(!util::read_file(dir.path / "nope", error));
        CHECK(error == "No such file or directory");
    }
}

TEST_CASE("relative_to") {
    TempDir dir;
    dir.write("root/notes/a.md", "");
    dir.write("outside/b.md", "");
    const auto root = dir.path / "root";
    CHECK(util::relative_to(root / "notes/a.md", root) == "notes/a.md");
    SUBCASE("a symbolic link keeps its own name") {
        std::filesystem::create_symlink(dir.path / "outside/b.md", root / "notes/link.md");
        std::filesystem::create_symlink("a.md", root / "notes/inside.md");
        CHECK(util::relative_to(root / "notes/link.md", root) == "notes/link.md");
        CHECK(util::relative_to(root / "notes/inside.md", root) == "notes/inside.md");
    }
    SUBCASE("a path outside the base stays as given") {
        CHECK(util::relative_to(dir.path / "outside/b.md", root) ==
              (dir.path / "outside/b.md").generic_string());
    }
}

TEST_CASE("file_matches") {
    TempDir dir;
    const auto file = dir.write("a.txt", "one two three");
    std::string error;
    const auto pieces = [](std::vector<std::string> texts) {
        return [texts](const util::TextSink& sink) {
            for (const auto& text : texts)
                sink(text);
        };
    };
    CHECK(util::file_matches(file, pieces({"one ", "two", " three"}), error) == true);
    CHECK(util::file_matches(file, pieces({"one two three"}), error) == true);
    CHECK(util::file_matches(file, pieces({"one ", "two"}), error) == false);        // shorter
    CHECK(util::file_matches(file, pieces({"one two three", "!"}), error) == false); // longer
    CHECK(util::file_matches(file, pieces({"one ", "tw0", " three"}), error) == false);
    CHECK(util::file_matches(dir.write("empty.txt", ""), pieces({}), error) == true);
    CHECK(!util::file_matches(dir.path / "missing.txt", pieces({}), error));
    CHECK(!error.empty());
    CHECK(!util::file_matches(dir.path, pieces({}), error));
    CHECK(error == "is a folder");
}

TEST_CASE("write_atomic piece by piece") {
    TempDir dir;
    const auto file = dir.path / "out.txt";
    CHECK(util::write_atomic(file, [](const util::TextSink& sink) {
              sink("one ");
              sink("");
              sink("two");
          }).empty());
    std::string error;
    CHECK(util::read_file(file, error) == std::string("one two"));
    CHECK(!util::write_atomic(dir.path / "missing" / "out.txt", [](const util::TextSink& sink) {
               sink("x");
           }).empty());
}
