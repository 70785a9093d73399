#pragma once

namespace util {

// Sends this process's standard output through the user's pager, as git does:
// only when stdout is a terminal; PMI_PAGER, then PAGER, else "less" (with
// LESS=FRX unless LESS is set); "cat" or an empty value means no pager. The
// pager value is a user setting and runs through sh, like git's core.pager.
class Pager {
  public:
    Pager() = default;
    ~Pager() { finish(); }
    Pager(const Pager&) = delete;
    Pager& operator=(const Pager&) = delete;

    void start();
    // Closes our end and waits for the pager to exit.
    void finish();

    // Whether output goes to a terminal, directly or through the pager.
    static bool output_is_terminal();

  private:
    int pid_ = -1;
};

} // namespace util
