// The data-folder search order (data_dirs.hpp), on temporary folders.
#include <salesdojo/data_dirs.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using salesdojo::data_dir_candidates;
using salesdojo::DataDirInputs;
using salesdojo::find_data_dir;

namespace {

struct TempTree {
    fs::path root;
    TempTree() {
        root = fs::temp_directory_path() / ("salesdojo_data_dirs_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempTree() { fs::remove_all(root); }
    // A data folder under `relative` holding scenarios/ (and returns its path).
    fs::path data(const std::string& relative) const {
        fs::create_directories(root / relative / "scenarios");
        return root / relative;
    }
};

}  // namespace

TEST_CASE("data folders: explicit, build tree, own prefix, XDG home, XDG dirs, in that order") {
    TempTree tree;
    fs::create_directories(tree.root / "prefix/bin");
    DataDirInputs inputs;
    inputs.salesdojo_data_dir = (tree.root / "explicit").string();
    inputs.xdg_data_home = (tree.root / "home").string();
    inputs.xdg_data_dirs = (tree.root / "sys1").string() + "::relative/ignored:" + (tree.root / "sys2").string();
    inputs.executable_dir = tree.root / "prefix/bin";
    inputs.relative_to_executable = {"../share/salesdojo", "../../share/salesdojo"};
    std::ofstream(tree.root / "prefix/bin/salesdojo-data-dir") << (tree.root / "source").string() << "\n";

    const auto candidates = data_dir_candidates(inputs);
    REQUIRE(candidates.size() == 7);
    CHECK(candidates[0] == tree.root / "explicit");
    CHECK(candidates[1] == tree.root / "source");
    CHECK(candidates[2] == tree.root / "prefix/share/salesdojo");
    CHECK(candidates[3] == tree.root / "share/salesdojo");
    CHECK(candidates[4] == tree.root / "home/salesdojo");
    CHECK(candidates[5] == tree.root / "sys1/salesdojo");
    CHECK(candidates[6] == tree.root / "sys2/salesdojo");

    // The first folder that holds the file wins; folders without it are passed over.
    CHECK_FALSE(find_data_dir("scenarios", inputs).has_value());
    tree.data("sys2/salesdojo");
    CHECK(find_data_dir("scenarios", inputs) == tree.root / "sys2/salesdojo");
    tree.data("home/salesdojo");
    CHECK(find_data_dir("scenarios", inputs) == tree.root / "home/salesdojo");
    tree.data("prefix/share/salesdojo");
    CHECK(find_data_dir("scenarios", inputs) == tree.root / "prefix/share/salesdojo");
    tree.data("source");
    CHECK(find_data_dir("scenarios", inputs) == tree.root / "source");
    tree.data("explicit");
    CHECK(find_data_dir("scenarios", inputs) == tree.root / "explicit");
    // A folder that has progress.json but no scenarios (the user's own data folder) is no answer.
    CHECK_FALSE(find_data_dir("assets/fonts/DejaVuSans.ttf", inputs).has_value());
}

TEST_CASE("data folders: defaults when the XDG variables are unset or relative") {
    DataDirInputs inputs;
    inputs.home = "/home/trainee";
    auto candidates = data_dir_candidates(inputs);
    REQUIRE(candidates.size() == 3);
    CHECK(candidates[0] == fs::path("/home/trainee/.local/share/salesdojo"));
    CHECK(candidates[1] == fs::path("/usr/local/share/salesdojo"));
    CHECK(candidates[2] == fs::path("/usr/share/salesdojo"));

    inputs.xdg_data_home = "relative/home";  // invalid per the XDG specification: the default applies
    candidates = data_dir_candidates(inputs);
    CHECK(candidates[0] == fs::path("/home/trainee/.local/share/salesdojo"));
    CHECK(salesdojo::describe_data_search("scenarios", inputs).find("/usr/share/salesdojo") != std::string::npos);
}

TEST_CASE("data folders: this process finds the bundled scenarios of its build tree") {
    // The test executable sits in the build folder next to the salesdojo-data-dir marker.
    DataDirInputs inputs = salesdojo::current_data_dir_inputs();
    inputs.salesdojo_data_dir.reset();
    inputs.xdg_data_home = "/nonexistent";
    inputs.xdg_data_dirs = "/nonexistent";
    const auto found = find_data_dir("scenarios/demanding_director.json", inputs);
    REQUIRE(found.has_value());
    CHECK(fs::equivalent(*found, SALESDOJO_SOURCE_DIR));
}
