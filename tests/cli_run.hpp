#pragma once
// Runs the built `salesdojo` program as a user would (a shell command line), with `input` on stdin,
// and captures its exit code, stdout and stderr. Shared by the command-line test suites. `prefix`
// goes before the program (an environment assignment, `cd DIR &&`, setpriv ...); `program` replaces
// the built one (a copy that another user can reach).
#include "gui/temp_env.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>

namespace salesdojo::test {

struct Ran {
    int exit_code = -1;
    std::string out, err;
};

inline Ran run_cli(const std::string& arguments, const std::string& input = "", const std::string& prefix = "",
                   const std::string& program = SALESDOJO_CLI_PATH) {
    TempDir io("salesdojo-cli-io");
    ::chmod(io.path().c_str(), 0777);  // a program run as another user (prefix) writes its stderr here
    const auto in = io.path() / "in", err = io.path() / "err";
    std::ofstream(in) << input;
    const std::string command = prefix + program + " " + arguments + " <" + in.string() + " 2>" + err.string();
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
