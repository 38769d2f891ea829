#pragma once
// A small class scenario shared by the classroom suites: two decisions, prompts and trainer notes.
#include "../test_support.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/classroom/class_run.hpp>

namespace salesdojo::test {

inline const char* const kClassBody = R"({
  "rubric": {"dimensions": [{"id": "qualify"}]},
  "nodes": [
    {"id": "open", "text": "What can you do for us?",
     "trainer_notes": "Listen for a question before any pitch.",
     "discussion": ["What does the client want?", "What would you ask first?"],
     "choices": [
       {"id": "ask", "text": "What is going on?", "score": {"qualify": 3}, "feedback": "Good question.", "next": "close"},
       {"id": "pitch", "text": "Our package costs 5000 euros.", "score": {"qualify": 0}, "feedback": "Too early.", "next": "close"},
       {"id": "leave", "text": "I will leave it.", "score": {"qualify": -2}, "feedback": "Gone.", "next": "lost"}]},
    {"id": "close", "text": "So, what now?",
     "choices": [
       {"id": "offer", "score": {"qualify": 2}, "next": "won"},
       {"id": "wait", "score": {"qualify": 0}, "next": "lost"}]},
    {"id": "won", "text": "Signed.", "ending": {"outcome": "qualified-fit"}},
    {"id": "lost", "text": "Gone.", "ending": {"outcome": "abandoned-fit"}}
  ]})";

struct ClassFixture {
    std::shared_ptr<const Scenario> scenario = load_compact(kClassBody, "class-fixture", "1.0.0", "Class");
    std::shared_ptr<const Analysis> analysis = analyse(scenario).analysis;
};

}  // namespace salesdojo::test
