#pragma once
// Synthetic scenarios for benchmarks: deterministic JSON text shaped like a real SalesDojo scenario
// (docs/scenario-format.md), at any size.
//
// Shape: nodes are laid out in layers. The start fans out (x3 per layer) to a layer width of about
// sqrt(N); every node's choices go to nearby nodes of the next layer, so many nodes have several
// parents (a DAG with lots of merges). The last layer is all endings, plus about 1 % early endings
// reached from the middle of the story. Every node is reachable and every node with choices has one
// unconditional choice, so the file lints clean and no state is stuck.
//
// Content: two languages (nl, en) with texts of 60 to 120 characters, a cast of three, a rubric of
// three dimensions with three principles, an int variable `trust` (0..3) changed by `add`, a few
// facts learned and required by some choices, conditions on about 10 % of choices, a few `next` and
// `random` nodes.
//
// Density (calibration). The analyser's work grows with the reachable states per node (node +
// variables + facts). The bundled scenarios have 1.7 to 16 (median about 4: `salesdojo analyze`).
// Facts here are global and never forgotten, so every extra fact roughly doubles the states of the
// later nodes: the default of 2 facts with trust 0..3 gives about 15 states per node at 10,000 nodes,
// the dense end of the real scenarios. 4 facts give about 57, denser than any real scenario: the
// benchmark prints that as a separate "stress" column.
#include <cstdint>
#include <string>

namespace salesdojo::bench {

struct SyntheticOptions {
    int nodes = 1000;             // exact number of nodes in the file (at least 20)
    std::uint64_t seed = 1;
    int facts = 2;                // 1..8 (see "Density" above)
    int trust_max = 3;            // trust ranges over 0..trust_max
    double condition_rate = 0.10; // share of all choices with a condition (never a node's first)
    double learn_rate = 0.08;     // share of choices that learn a fact
    double require_rate = 0.06;   // share of choices that require a fact
    double continue_rate = 0.05;  // share of inner nodes that are `next` nodes
    double random_rate = 0.03;    // share of inner nodes that are `random` nodes
    bool pretty = true;           // one key per line, like a hand-edited file (else one node per line)
};

struct SyntheticStats {
    int nodes = 0;
    int layers = 0;
    int width = 0;               // nodes per full layer
    int choice_nodes = 0;
    int continue_nodes = 0;
    int random_nodes = 0;
    int endings = 0;             // all endings, early ones included
    int early_endings = 0;
    int choices = 0;
    int conditional_choices = 0;
    int learning_choices = 0;
    int requiring_choices = 0;
    int merge_nodes = 0;         // nodes with two or more distinct parents
    std::size_t bytes = 0;
};

// The scenario as JSON text. Same options, same text, on every machine.
std::string generate_scenario(const SyntheticOptions& options, SyntheticStats* stats = nullptr);

}  // namespace salesdojo::bench
