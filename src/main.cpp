#include "tco/cli/app.hpp"

int main(int argc, char** argv) { return tco::run_tco(argc, argv); }
