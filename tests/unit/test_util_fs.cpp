#include <doctest/doctest.h>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "temp_dir.hpp"
#include "util/fs.hpp"

TEST_CASE("read_file") {
    TempDir dir;
    SUBCASE("a regular file") {
        dir.write("a.txt", "hello\n");
        const auto text = util::read_file(dir.path / "a.txt");
        REQUIRE(text);
        CHECK(*text == "hello\n");
        CHECK(text.error().empty());
    }
    SUBCASE("a FIFO is refused at once, not waited on") {
        REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
        const auto text = util::read_file(dir.path / "fifo");
        CHECK(!text);
        CHECK(text.error() == "not a regular file");
    }
    SUBCASE("a folder") {
        const auto text = util::read_file(dir.path);
        CHECK(!text);
        CHECK(text.error() == "is a folder");
    }
    SUBCASE("a missing file") {
        const auto text = util::read_file(dir.path / "nope");
        CHECK(!text);
        CHECK(text.error() == "No such file or directory");
    }
}

TEST_CASE("read_file_at") {
    TempDir dir;
    dir.write("a.txt", "hello");
    std::filesystem::create_symlink("a.txt", dir.path / "link.txt");
    util::WalkError walk;
    const auto folder = util::open_beneath(dir.path, ".", util::MissingFolders::fail, walk);
    REQUIRE(folder);
    const auto text = util::read_file_at(folder.fd(), "a.txt");
    REQUIRE(text);
    CHECK(*text == "hello");
    const auto link = util::read_file_at(folder.fd(), "link.txt"); // never followed
    CHECK(!link);
    CHECK(link.error() == "Too many levels of symbolic links");
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
    const auto pieces = [](std::vector<std::string> texts) {
        return [texts](const util::TextSink& sink) {
            for (const auto& text : texts)
                sink(text);
        };
    };
    const auto matches = [&](const std::filesystem::path& path, std::vector<std::string> texts) {
        const auto result = util::file_matches(path, pieces(std::move(texts)));
        REQUIRE(result);
        return *result;
    };
    CHECK(matches(file, {"one ", "two", " three"}));
    CHECK(matches(file, {"one two three"}));
    CHECK(!matches(file, {"one ", "two"}));           // shorter
    CHECK(!matches(file, {"one two three", "!"}));    // longer
    CHECK(!matches(file, {"one ", "tw0", " three"})); // differs
    CHECK(matches(dir.write("empty.txt", ""), {}));
    const auto missing = util::file_matches(dir.path / "missing.txt", pieces({}));
    CHECK(!missing);
    CHECK(missing.error() == "No such file or directory");
    const auto folder = util::file_matches(dir.path, pieces({}));
    CHECK(!folder);
    CHECK(folder.error() == "is a folder");
}

TEST_CASE("write_atomic piece by piece") {
    TempDir dir;
    const auto file = dir.path / "out.txt";
    const auto written = util::write_atomic(file, [](const util::TextSink& sink) {
        sink("one ");
        sink("");
        sink("two");
    });
    CHECK(written.ok());
    CHECK(written.error().empty());
    CHECK(util::read_file(file).value() == "one two");
    const auto failed = util::write_atomic(dir.path / "missing" / "out.txt",
                                           [](const util::TextSink& sink) { sink("x"); });
    CHECK(!failed);
    CHECK(failed.error() == "No such file or directory");
}

TEST_CASE("write_atomic_keeping_mode") {
    TempDir dir;
    const auto file = dir.write("a.txt", "old");
    CHECK(util::write_atomic_keeping_mode(file, "new", 0640).ok());
    CHECK(util::read_file(file).value() == "new");
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
           std::filesystem::perms::group_read));
    const auto failed = util::write_atomic_keeping_mode(dir.path / "no/a.txt", "x", 0644);
    CHECK(!failed);
    CHECK(failed.error() == "No such file or directory");
}

TEST_CASE("create_exclusive and write_new_atomic") {
    TempDir dir;
    for (const auto create : {util::create_exclusive, util::write_new_atomic}) {
        const auto file = dir.path / "a.txt";
        std::filesystem::remove(file);
        const auto created = create(file, "first");
        REQUIRE(created);
        CHECK(*created == util::CreateResult::created);
        const auto again = create(file, "second");
        REQUIRE(again);
        CHECK(*again == util::CreateResult::exists);
        CHECK(util::read_file(file).value() == "first"); // never replaced
        const auto failed = create(dir.path / "no" / "a.txt", "x");
        CHECK(!failed);
        CHECK(failed.error() == "No such file or directory");
    }
}

TEST_CASE("write_into") {
    TempDir dir;
    const auto file = dir.write("a.txt", "old text");
    CHECK(util::write_into(file, "new").ok());
    CHECK(util::read_file(file).value() == "new text"); // written into, not replaced
    const auto failed = util::write_into(dir.path / "missing", "x");
    CHECK(!failed);
    CHECK(failed.error() == "No such file or directory"); // never created
}

TEST_CASE("open_beneath") {
    TempDir dir;
    namespace fs = std::filesystem;
    fs::create_directories(dir.path / "a" / "b");
    fs::create_directory(dir.path / "outside");
    fs::create_directory_symlink(dir.path / "outside", dir.path / "a" / "link");
    dir.write("a/file", "x");
    util::WalkError error;

    SUBCASE("folders are opened and created") {
        CHECK(util::open_beneath(dir.path, "a/b", util::MissingFolders::fail, error));
        CHECK_FALSE(util::open_beneath(dir.path, "a/c", util::MissingFolders::fail, error));
        CHECK(error.kind == util::WalkError::Kind::missing);
        CHECK(error.at == "a/c");
        CHECK(util::open_beneath(dir.path, "a/c/d", util::MissingFolders::create, error));
        CHECK(fs::is_directory(dir.path / "a/c/d"));
    }
    SUBCASE("a link on the way is refused, and nothing is created through it") {
        CHECK_FALSE(
            util::open_beneath(dir.path, "a/link/new", util::MissingFolders::create, error));
        CHECK(error.kind == util::WalkError::Kind::symlink);
        CHECK(error.at == "a/link");
        CHECK(fs::is_empty(dir.path / "outside"));
    }
    SUBCASE("a file, '..' and an absolute path are refused") {
        CHECK_FALSE(util::open_beneath(dir.path, "a/file", util::MissingFolders::create, error));
        CHECK(error.kind == util::WalkError::Kind::not_folder);
        CHECK_FALSE(util::open_beneath(dir.path, "a/../..", util::MissingFolders::fail, error));
        CHECK(error.kind == util::WalkError::Kind::outside);
        CHECK_FALSE(util::open_beneath(dir.path, "/tmp", util::MissingFolders::fail, error));
        CHECK(error.kind == util::WalkError::Kind::outside);
    }
}

TEST_CASE("write_atomic_at with a folder for temporary files") {
    TempDir dir;
    namespace fs = std::filesystem;
    fs::create_directories(dir.path / "notes");
    fs::create_directories(dir.path / "tmp");
    util::WalkError error;
    const auto notes = util::open_beneath(dir.path, "notes", util::MissingFolders::fail, error);
    const auto tmp = util::open_beneath(dir.path, "tmp", util::MissingFolders::fail, error);
    REQUIRE(notes);
    REQUIRE(tmp);
    const auto write = [](std::string_view text) {
        return [text](const util::TextSink& sink) { sink(text); };
    };
    CHECK(util::write_atomic_at(notes.fd(), "INDEX.md", write("one"), tmp.fd()).ok());
    CHECK(util::write_atomic_at(notes.fd(), "INDEX.md", write("two"), tmp.fd()).ok());
    CHECK(util::read_file(dir.path / "notes/INDEX.md").value() == "two");
    CHECK(util::write_new_atomic_at(notes.fd(), "INDEX.md", "three", tmp.fd()).value() ==
          util::CreateResult::exists);
    CHECK(util::write_new_atomic_at(notes.fd(), "new.md", "four", tmp.fd()).value() ==
          util::CreateResult::created);
    const auto link =
        util::file_matches_at(notes.fd(), "INDEX.md", write("two"), util::FollowLinks::no);
    CHECK(link.value());
    CHECK(fs::is_empty(dir.path / "tmp"));
    CHECK(std::distance(fs::directory_iterator(dir.path / "notes"), fs::directory_iterator()) == 2);
}

TEST_CASE("remove_stale_temporaries") {
    TempDir dir;
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    ::waitpid(child, nullptr, 0); // its pid now names no process
    const std::string dead = std::to_string(child);
    const std::string alive = std::to_string(::getpid());
    dir.write(".INDEX.md.tmp-" + dead + "-abcdefgh", "left");
    dir.write(".INDEX.md.tmp-" + alive + "-abcdefgh", "ours");
    dir.write(".INDEX.md.tmp-abcdefgh", "unknown writer");
    dir.write("INDEX.md", "kept");
    util::WalkError error;
    const auto folder = util::open_beneath(dir.path, ".", util::MissingFolders::fail, error);
    REQUIRE(folder);
    CHECK(util::remove_stale_temporaries(folder.fd()) == 1);
    CHECK_FALSE(std::filesystem::exists(dir.path / (".INDEX.md.tmp-" + dead + "-abcdefgh")));
    CHECK(std::filesystem::exists(dir.path / (".INDEX.md.tmp-" + alive + "-abcdefgh")));
    CHECK(std::filesystem::exists(dir.path / ".INDEX.md.tmp-abcdefgh"));
    CHECK(std::filesystem::exists(dir.path / "INDEX.md"));
}
