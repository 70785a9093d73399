#include "util/pager.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <spawn.h>
#include <string>
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

void Pager::start() {
    if (pid_ >= 0 || ::isatty(STDOUT_FILENO) != 1)
        return;
    const std::string command = pager_command();
    if (command.empty() || command == "cat")
        return;
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
