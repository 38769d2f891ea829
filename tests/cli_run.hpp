#pragma once
// Runs the built `salesdojo` program as a user would (a shell command line), with `input` on stdin,
// and captures its exit code, stdout and stderr. Shared by the command-line test suites.
#include "gui/temp_env.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include <sys/wait.h>

namespace salesdojo::test {

struct Ran {
    int exit_code = -1;
    std::string out, err;
};

inline Ran run_cli(const std::string& arguments, const std::string& input = "") {
    TempDir io("salesdojo-cli-io");
    const auto in = io.path() / "in", err = io.path() / "err";
    std::ofstream(in) << input;
    const std::string command = std::string(SALESDOJO_CLI_PATH) + " " + arguments + " <" + in.string() + " 2>" + err.string();
    Ran ran;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) ran.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    ran.err = read_text_file(err.string());
    return ran;
}

}  // namespace salesdojo::test
