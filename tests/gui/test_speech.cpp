// Read-aloud: a fake espeak-ng on PATH records its arguments and keeps running, so we can see that
// speak() returns while the speech is still going, that a new line stops the old one, and that
// without espeak-ng nothing happens. PATH is restored after each case.
#include "speech.hpp"
#include "temp_env.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace salesdojo::gui;
namespace fs = std::filesystem;
using salesdojo::test::ScopedEnv;
using salesdojo::test::TempDir;

namespace {

// A fake espeak-ng in `dir` that writes its arguments, one per line, to dir/args.<pid> (atomically,
// through a rename) and then sleeps 30 s as the same process — unless the text is "quick".
void install_fake_espeak(const fs::path& dir) {
    const fs::path script = dir / "espeak-ng";
    std::ofstream(script) << "#!/bin/sh\n"
                             "PATH=/usr/bin:/bin\n"
                             "out='" << dir.string() << "'\n"
                             "printf '%s\\n' \"$@\" > \"$out/args.$$.tmp\"\n"
                             "mv \"$out/args.$$.tmp\" \"$out/args.$$\"\n"
                             "for last; do :; done\n"
                             "[ \"$last\" = quick ] && exit 0\n"
                             "exec sleep 30\n";
    ::chmod(script.c_str(), 0755);
}

// Waits (up to 20 s, generous for a loaded machine) for `path` to exist; returns its lines.
std::optional<std::vector<std::string>> wait_for_lines(const fs::path& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!fs::exists(path)) {
        if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// True when `pid` no longer exists (it was reaped by its parent, i.e. by Speech).
bool gone(long pid) {
    return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
}

}  // namespace

TEST_CASE("speech: speak() returns while espeak-ng still runs, a new line stops the old one") {
    TempDir tmp{"salesdojo-speech"};
    install_fake_espeak(tmp.path());
    ScopedEnv path("PATH", tmp.path().string());

    Speech speech;
    REQUIRE(speech.available());
    CHECK(speech.program() == (tmp.path() / "espeak-ng").string());

    speech.speak("Goedemiddag, zegt u het maar.", "nl");
    const long first = speech.child_pid();
    REQUIRE(first > 0);
    CHECK(speech.speaking());  // returned, and the child is running

    // The fake writes its arguments only after speak() has returned: the file appears later.
    const auto args = wait_for_lines(tmp.path() / ("args." + std::to_string(first)));
    REQUIRE(args.has_value());
    CHECK(*args == std::vector<std::string>{"-v", "nl", "-s", "160", "--", "Goedemiddag, zegt u het maar."});
    CHECK(speech.speaking());  // still sleeping: speak() did not wait for it
    CHECK_FALSE(gone(first));

    // A second line stops (and reaps) the first.
    speech.speak("-not an option", "en");
    const long second = speech.child_pid();
    REQUIRE(second > 0);
    CHECK(second != first);
    CHECK(gone(first));
    const auto args2 = wait_for_lines(tmp.path() / ("args." + std::to_string(second)));
    REQUIRE(args2.has_value());
    CHECK(*args2 == std::vector<std::string>{"-v", "en", "-s", "160", "--", "-not an option"});

    // Any language but nl is English.
    speech.speak("hallo", "de");
    const long third = speech.child_pid();
    CHECK(gone(second));
    const auto args3 = wait_for_lines(tmp.path() / ("args." + std::to_string(third)));
    REQUIRE(args3.has_value());
    CHECK((*args3)[1] == "en");

    speech.stop();
    CHECK(speech.child_pid() == -1);
    CHECK_FALSE(speech.speaking());
    CHECK(gone(third));
    speech.stop();  // twice is fine
}

TEST_CASE("speech: the destructor stops the child, a finished child is reaped") {
    TempDir tmp{"salesdojo-speech"};
    install_fake_espeak(tmp.path());
    ScopedEnv path("PATH", tmp.path().string());

    long pid = -1;
    {
        Speech speech;
        speech.speak("Tot ziens.", "nl");
        pid = speech.child_pid();
        REQUIRE(pid > 0);
        REQUIRE(wait_for_lines(tmp.path() / ("args." + std::to_string(pid))).has_value());
    }
    CHECK(gone(pid));

    Speech speech;
    speech.speak("quick", "en");  // the fake exits at once for this text
    pid = speech.child_pid();
    REQUIRE(pid > 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (speech.speaking() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK_FALSE(speech.speaking());
    CHECK(speech.child_pid() == -1);
    CHECK(gone(pid));  // reaped, not a zombie
}

TEST_CASE("speech: without espeak-ng on PATH it is unavailable and speak does nothing") {
    TempDir tmp{"salesdojo-speech"};
    fs::create_directories(tmp.path() / "empty");
    fs::create_directories(tmp.path() / "noexec");
    std::ofstream(tmp.path() / "noexec" / "espeak-ng") << "#!/bin/sh\ntouch " << (tmp.path() / "ran").string() << "\n";
    fs::create_directories(tmp.path() / "dir" / "espeak-ng");  // a folder of that name

    for (const std::string& dirs : {(tmp.path() / "empty").string(),
                                   (tmp.path() / "noexec").string() + ":" + (tmp.path() / "dir").string(),
                                   std::string()}) {
        CAPTURE(dirs);
        ScopedEnv path("PATH", dirs);
        Speech speech;
        CHECK_FALSE(speech.available());
        CHECK(speech.program().empty());
        speech.speak("Hallo", "nl");
        CHECK(speech.child_pid() == -1);
        CHECK_FALSE(speech.speaking());
        speech.stop();
    }
    CHECK_FALSE(fs::exists(tmp.path() / "ran"));
}

TEST_CASE("speech: empty text is not spoken") {
    TempDir tmp{"salesdojo-speech"};
    install_fake_espeak(tmp.path());
    ScopedEnv path("PATH", tmp.path().string());
    Speech speech;
    REQUIRE(speech.available());
    speech.speak("", "nl");
    CHECK(speech.child_pid() == -1);
}
