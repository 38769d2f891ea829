// The test runner. Every `salesdojo` the tests start inherits SALESDOJO_DATA_HOME, pointing at a
// folder of this run, so no test writes into the user's real results database.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path data = fs::temp_directory_path() / ("salesdojo_tests_data_" + std::to_string(::getpid()));
    ::setenv("SALESDOJO_DATA_HOME", data.string().c_str(), 1);
    doctest::Context context(argc, argv);
    const int code = context.run();
    std::error_code ignored;
    fs::remove_all(data, ignored);
    return code;
}
