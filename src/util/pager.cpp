#include "util/pager.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <spawn.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace util {

static bool paging = false;

bool Pager::output_is_terminal() {
    return paging || ::isatty(STDOUT_FILENO) == 1;
}

static std::string pager_command() {
    for (const char* name : {"PMI_PAGER", "PAGER"})
        if (const char* value = std::getenv(name))
            return value;
    return "less";
}

// The program of a pager command with no shell syntax ("less -R"), as git runs
// those without a shell; empty when the shell has to read the command.
static std::string plain_program(const std::string& command) {
    if (command.find_first_of("|&;<>()$`\\\"'\n*?[#~=%") != std::string::npos)
        return {};
    const auto start = command.find_first_not_of(" \t");
    if (start == std::string::npos)
        return {};
    return command.substr(start, command.find_first_of(" \t", start) - start);
}

static bool can_run(const std::string& program) {
    if (program.find('/') != std::string::npos)
        return ::access(program.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::string_view folders = path ? path : "/usr/bin:/bin";
    while (true) {
        const auto colon = folders.find(':');
        std::string folder(folders.substr(0, colon));
        if (folder.empty())
            folder = ".";
        if (::access((folder + "/" + program).c_str(), X_OK) == 0)
            return true;
        if (colon == std::string_view::npos)
            return false;
        folders.remove_prefix(colon + 1);
    }
}

void Pager::start() {
    if (pid_ >= 0 || ::isatty(STDOUT_FILENO) != 1)
        return;
    const std::string command = pager_command();
    if (command.empty() || command == "cat")
        return;
    // A pager that is not there would swallow the output: show it directly.
    if (const std::string program = plain_program(command); !program.empty() && !can_run(program)) {
        std::cerr << "pmi: warning: cannot run the pager '" << program
                  << "' (not found); writing directly\n";
        return;
    }
    int fds[2];
    if (::pipe(fds) != 0)
        return;
    if (!std::getenv("LESS"))
        ::setenv("LESS", "FRX", 1);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
    pid_t pid = 0;
    const int spawned =
        posix_spawnp(&pid, "sh", &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[0]);
    if (spawned != 0) {
        ::close(fds[1]);
        return;
    }
    std::cout.flush();
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[1]);
    pid_ = pid;
    paging = true;
}

void Pager::finish() {
    if (pid_ < 0)
        return;
    std::cout.flush();
    std::fflush(stdout);
    ::close(STDOUT_FILENO);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    paging = false;
}

} // namespace util
