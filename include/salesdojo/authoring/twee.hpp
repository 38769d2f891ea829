#pragma once
// Twee 3 (the text form of Twine stories) to a SalesDojo scenario skeleton (docs/authoring-twee.md).
//
// Passages become nodes, links become choices ([[text]], [[text->target]], [[target<-text]],
// [[text|target]]), StoryTitle and StoryData give the title, id and start, passages without links
// become endings. Everything a story format does (macros, variables, setters, scripts) and
// everything SalesDojo needs that Twine has no word for (outcome classes, scores, feedback) is left
// to the author as a Todo problem naming the passage and its line.
//
// The skeleton always loads: links to passages that do not exist go to a placeholder ending,
// passages the start cannot reach are left out, and a part of the story from which no ending can
// be reached gets a placeholder way out; each of these is a Todo too.
#include <salesdojo/authoring/problem.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::authoring {

struct TweeOptions {
    std::string language = "en";  // the one language of the skeleton's texts
    std::string fallback_id;      // scenario id when the story has no StoryTitle (e.g. the file's stem)
};

struct TweeImport {
    nlohmann::ordered_json scenario;  // null when the story could not be read (an Error problem)
    std::vector<Problem> problems;    // in line order: errors, warnings, and Todos for the author
    std::size_t passages = 0;         // story passages read (special and script passages not counted)
    std::size_t choices = 0;
    std::size_t endings = 0;
};

TweeImport import_twee(std::string_view text, const std::string& file_name, const TweeOptions& options = {});

}  // namespace salesdojo::authoring
