#include "cli/app.hpp"

int main(int argc, char** argv) {
    return pmi::cli::run(argc, argv);
}
