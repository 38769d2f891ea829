#include "hostile_files.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/stat.h>

namespace salesdojo::test::hostile {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// --- small builders --------------------------------------------------------------------------------

json document(const std::string& id, const std::vector<std::string>& languages = {"en"}) {
    return {{"format_version", 1}, {"id", id},         {"version", "1.0.0"},   {"title", "Hostile file"},
            {"summary", "A generated test file."}, {"languages", languages}, {"start", "n0"}};
}

json choice(const std::string& id, const std::string& next) {
    return {{"id", id}, {"text", "Go on."}, {"next", next}};
}

json decision(const std::string& id, const std::string& next) {
    return {{"id", id}, {"text", "Go on?"}, {"choices", json::array({choice("go", next)})}};
}

json ending(const std::string& id) {
    return {{"id", id}, {"text", "The end."}, {"ending", {{"outcome", "qualified-fit"}}}};
}

std::string write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
    return path;
}

std::string write_json(const std::string& folder, const std::string& name, const json& doc) {
    return write(folder + "/" + name, doc.dump(1));
}

// A scenario whose only speaker has a neutral portrait at portraits/face.png.
json with_portrait(const std::string& id) {
    json doc = document(id);
    doc["cast"] = json::array({{{"id", "eva"}, {"name", "Eva"}, {"portraits", {{"neutral", "portraits/face.png"}}}}});
    json first = decision("n0", "end");
    first["speaker"] = "eva";
    doc["nodes"] = json::array({first, ending("end")});
    return doc;
}

// --- a PNG of zeros, written by hand (stored as a deflate stream of fixed-Huffman matches) ----------

class BitWriter {
public:
    void bits(std::uint32_t value, int count) {  // least significant bit first (deflate's order)
        for (int i = 0; i < count; ++i) put((value >> i) & 1u);
    }
    void code(std::uint32_t value, int count) {  // Huffman codes: most significant bit first
        for (int i = count - 1; i >= 0; --i) put((value >> i) & 1u);
    }
    std::string finish() {
        if (m_used) m_bytes.push_back(static_cast<char>(m_byte));
        return m_bytes;
    }

private:
    void put(std::uint32_t bit) {
        m_byte |= bit << m_used;
        if (++m_used == 8) {
            m_bytes.push_back(static_cast<char>(m_byte));
            m_byte = 0;
            m_used = 0;
        }
    }
    std::string m_bytes;
    std::uint32_t m_byte = 0;
    int m_used = 0;
};

std::uint32_t crc32(const std::string& bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string big_endian(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
    return big_endian(static_cast<std::uint32_t>(data.size())) + type + data + big_endian(crc32(type + data));
}

// zlib stream of `n` zero bytes: one literal 0, then matches of 258 at distance 1 (13 bits each).
std::string zlib_zeros(std::uint64_t n) {
    BitWriter w;
    w.bits(1, 1);           // BFINAL
    w.bits(1, 2);           // BTYPE 01: fixed Huffman codes
    w.code(0x30, 8);        // literal 0
    std::uint64_t left = n - 1;
    for (; left >= 258; left -= 258) {
        w.code(0xC5, 8);    // length 258: symbol 285
        w.code(0, 5);       // distance 1: code 0
    }
    for (; left > 0; --left) w.code(0x30, 8);
    w.code(0, 7);           // end of block: symbol 256
    const std::uint32_t adler = (static_cast<std::uint32_t>(n % 65521u) << 16) | 1u;  // all bytes zero
    return std::string("\x78\x01", 2) + w.finish() + big_endian(adler);
}

std::string png_black_1bit(std::uint32_t width, std::uint32_t height) {
    std::string header = big_endian(width) + big_endian(height);
    header += std::string("\x01\x00\x00\x00\x00", 5);  // 1-bit greyscale, deflate, no filter, no interlace
    const std::uint64_t row = 1 + (static_cast<std::uint64_t>(width) + 7) / 8;  // filter byte + pixels
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) +
           chunk("IDAT", zlib_zeros(row * height)) + chunk("IEND", "");
}

std::string lorem(std::size_t characters) {
    static const std::string words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
    std::string text;
    while (text.size() < characters) text += words;
    text.resize(characters);
    return text;
}

}  // namespace

std::string long_text(const std::string& folder) {
    json doc = document("long_text");
    json first = decision("n0", "end");
    first["text"] = lorem(100000);
    doc["nodes"] = json::array({first, ending("end")});
    return write_json(folder, "long_text.json", doc);
}

std::string automatic_run(const std::string& folder) {
    json doc = document("automatic_run");
    json nodes = json::array({decision("n0", "a0")});
    for (int i = 0; i < 20000; ++i)
        nodes.push_back({{"id", "a" + std::to_string(i)}, {"text", "And then."},
                         {"next", i + 1 < 20000 ? "a" + std::to_string(i + 1) : std::string("end")}});
    nodes.push_back(ending("end"));
    doc["nodes"] = std::move(nodes);
    return write_json(folder, "automatic_run.json", doc);
}

std::string many_choices(const std::string& folder) {
    json doc = document("many_choices");
    json first = {{"id", "n0"}, {"text", "Pick one."}, {"choices", json::array()}};
    for (int i = 0; i < 3000; ++i) first["choices"].push_back(choice("c" + std::to_string(i), "end"));
    doc["nodes"] = json::array({first, ending("end")});
    return write_json(folder, "many_choices.json", doc);
}

std::string fifo_portrait(const std::string& folder) {
    fs::create_directories(folder + "/portraits");
    if (::mkfifo((folder + "/portraits/face.png").c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
    return write_json(folder, "fifo_portrait.json", with_portrait("fifo_portrait"));
}

std::string huge_png_portrait(const std::string& folder) {
    fs::create_directories(folder + "/portraits");
    write(folder + "/portraits/face.png", png_black_1bit(30000, 30000));
    return write_json(folder, "huge_png_portrait.json", with_portrait("huge_png_portrait"));
}

std::string many_warnings(const std::string& folder) {
    json doc = document("many_warnings");
    json nodes = json::array();
    for (int i = 0; i < 10000; ++i) {
        json node = decision("n" + std::to_string(i), i + 1 < 10000 ? "n" + std::to_string(i + 1) : std::string("end"));
        node["colour"] = "red";  // an unknown key: one SD1009 warning per node
        nodes.push_back(std::move(node));
    }
    nodes.push_back(ending("end"));
    doc["nodes"] = std::move(nodes);
    return write_json(folder, "many_warnings.json", doc);
}

std::string missing_translations(const std::string& folder) {
    json doc = document("missing_translations", {"nl", "en"});
    doc["title"] = {{"nl", "Vijandig"}, {"en", "Hostile"}};
    doc["summary"] = {{"nl", "Een gemaakt bestand."}, {"en", "A generated file."}};
    json nodes = json::array();
    for (int i = 0; i < 5000; ++i) {
        const std::string next = i + 1 < 5000 ? "n" + std::to_string(i + 1) : std::string("end");
        nodes.push_back({{"id", "n" + std::to_string(i)}, {"text", {{"nl", "Tekst."}}},
                         {"choices", json::array({{{"id", "go"}, {"text", {{"nl", "Verder."}}}, {"next", next}}})}});
    }
    nodes.push_back({{"id", "end"}, {"text", {{"nl", "Einde."}, {"en", "The end."}}}, {"ending", {{"outcome", "qualified-fit"}}}});
    doc["nodes"] = std::move(nodes);
    return write_json(folder, "missing_translations.json", doc);
}

std::string unknown_targets(const std::string& folder) {
    json doc = document("unknown_targets");
    // Ids of about 60 characters: "did you mean" compares words of up to 64.
    const auto id = [](int i) { return "node_" + std::to_string(i) + "_" + std::string(50, 'q'); };
    json nodes = json::array();
    for (int i = 0; i < 300; ++i) {
        json node = {{"id", id(i)}, {"text", "Where to?"}, {"choices", json::array()}};
        for (int k = 0; k < 10; ++k) node["choices"].push_back(choice("c" + std::to_string(k), id((i + k) % 300) + "x"));
        nodes.push_back(std::move(node));
    }
    doc["start"] = id(0);
    doc["nodes"] = std::move(nodes);
    return write_json(folder, "unknown_targets.json", doc);
}

std::string long_chain(const std::string& folder) {
    json doc = document("long_chain");
    json nodes = json::array();
    for (int i = 0; i < 40000; ++i)
        nodes.push_back(decision("n" + std::to_string(i), i + 1 < 40000 ? "n" + std::to_string(i + 1) : std::string("end")));
    nodes.push_back(ending("end"));
    doc["nodes"] = std::move(nodes);
    return write_json(folder, "long_chain.json", doc);
}

std::string trailing_comma_31mib(const std::string& folder) {
    std::string text = document("trailing_comma").dump(1);
    text.pop_back();  // the closing brace
    text += ",\n \"nodes\": [\n";
    const std::string filler = lorem(1000);
    const std::size_t target = 31u << 20;
    for (int i = 0; text.size() < target - 4096; ++i) {
        text += json(decision("n" + std::to_string(i), "n" + std::to_string(i + 1))).dump();
        text.pop_back();
        text += ",\"narration\":\"" + filler + "\"},\n";
    }
    text += json(ending("end")).dump();
    // (The last decision names a node that does not exist: the syntax error below comes first.)
    text += "\n ],\n}\n";  // the trailing comma
    return write(folder + "/trailing_comma.json", text);
}

std::string duplicate_keys(const std::string& folder) {
    json doc = document("duplicate_keys");
    doc["nodes"] = json::array({decision("n0", "end"), ending("end")});
    std::string text = doc.dump(1);
    text.pop_back();
    text += ",\n \"nodes\": [{\"id\": \"n0\", \"text\": \"Said twice.\", \"text\": \"Said again.\", "
            "\"ending\": {\"outcome\": \"declined-misfit\"}}]\n}\n";
    return write(folder + "/duplicate_keys.json", text);
}

std::string bytes_after_nul(const std::string& folder) {
    json doc = document("bytes_after_nul");
    doc["nodes"] = json::array({decision("n0", "end"), ending("end")});
    return write(folder + "/bytes_after_nul.json", doc.dump(1) + std::string(1, '\0') + "{\"hidden\": true}\n");
}

std::string automatic_steps(const std::string& folder) {
    json doc = document("automatic_steps");
    json nodes = json::array({decision("n0", "a0")});
    constexpr int kSteps = 100001;
    for (int i = 0; i < kSteps; ++i)
        nodes.push_back({{"id", "a" + std::to_string(i)}, {"text", "."},
                         {"next", i + 1 < kSteps ? "a" + std::to_string(i + 1) : std::string("end")}});
    nodes.push_back(ending("end"));
    doc["nodes"] = std::move(nodes);
    return write(folder + "/automatic_steps.json", doc.dump());
}

std::string score_overflow(const std::string& folder) {
    json doc = document("score_overflow");
    json facts = json::array(), required = json::array();
    for (int i = 0; i < 1000; ++i) {
        facts.push_back({{"id", "f" + std::to_string(i)}, {"title", "A fact never learned."}});
        required.push_back("f" + std::to_string(i));
    }
    doc["facts"] = std::move(facts);
    doc["rubric"] = {{"assumption", {{"dimension", "bias"}, {"penalty", 1000}}}};
    json again = choice("again", "n0");  // each time round: 1000 assumptions at 1000 points
    again["requires"] = std::move(required);
    again["score"] = {{"qualify", 1000}, {"relationship", -1000}};
    json first = {{"id", "n0"}, {"text", "Again?"}, {"choices", json::array({again, choice("stop", "end")})}};
    doc["nodes"] = json::array({first, ending("end")});
    return write(folder + "/score_overflow.json", doc.dump());
}

std::string terminal_controls(const std::string& folder) {
    const std::string clear = "\x1b[2J", title = "\x1b]0;pwned\x07", csi_c1 = "\xc2\x9b" "31m";
    json doc = document("terminal_controls");
    doc["title"] = title + "Hostile";
    json first = decision("n0", "end");
    first["text"] = "Hello " + clear + "world" + title;
    first["narration"] = csi_c1 + "red";
    first["choices"][0]["text"] = clear + "Go on." + "\x07";
    first["choices"][0]["feedback"] = title + "Feedback.";
    first[clear + "key"] = "an unknown key, reported by lint";
    json last = ending("end");
    last["ending"]["title"] = title + "The end";
    last["text"] = "Bye" + clear;
    doc["nodes"] = json::array({first, last});
    return write_json(folder, "terminal_controls.json", doc);
}

std::string terminal_controls_in_ids(const std::string& folder) {
    json doc = document("terminal_controls_in_ids");
    json first = decision("n0", "\x1b]0;pwned\x07");  // an unknown target
    first["speaker"] = "\x1b[2J";                        // an unknown speaker
    json second = ending("end\x1b[2J");                  // an invalid id
    doc["nodes"] = json::array({first, second});
    return write_json(folder, "terminal_controls_in_ids.json", doc);
}

std::string nul_in_string(const std::string& folder) {
    json doc = document("nul_in_string");
    doc["nodes"] = json::array({decision("n0", "end"), ending("end")});
    std::string text = doc.dump(1);
    const std::string needle = "\"The end.\"";
    text.replace(text.find(needle), needle.size(), std::string("\"The\0end.\"", 10));
    return write(folder + "/nul_in_string.json", text);
}

std::string nul_between_tokens(const std::string& folder) {
    json doc = document("nul_between_tokens");
    doc["nodes"] = json::array({decision("n0", "end"), ending("end")});
    std::string text = doc.dump(1);
    const std::string needle = "\"format_version\": ";
    text.insert(text.find(needle) + needle.size(), std::string(1, '\0'));
    return write(folder + "/nul_between_tokens.json", text);
}

std::string utf32(const std::string& folder) {
    json doc = document("utf32");
    doc["nodes"] = json::array({decision("n0", "end"), ending("end")});
    const std::string text = doc.dump(1);  // ASCII only: one code unit per byte
    std::string encoded("\xFF\xFE\x00\x00", 4);  // UTF-32LE byte order mark
    for (char c : text) encoded += std::string{c, '\0', '\0', '\0'};
    return write(folder + "/utf32.json", encoded);
}

std::string two_to_the_64(const std::string& folder) {
    json doc = document("two_to_the_64");
    doc["nodes"] = json::array({decision("n0", "end"), ending("end")});
    std::string text = doc.dump(1);
    text.pop_back();
    text += ",\n \"estimated_minutes\": 18446744073709551616\n}\n";
    return write(folder + "/two_to_the_64.json", text);
}

std::string too_long_id(const std::string& folder) {
    json doc = document("too_long_id");
    const std::string id(300, 'a');
    doc["start"] = id;
    doc["nodes"] = json::array({decision(id, "end"), ending("end")});
    return write_json(folder, "too_long_id.json", doc);
}

std::string folder_named_json(const std::string& folder) {
    const std::string path = folder + "/x.json";
    fs::create_directories(path);
    write(path + "/notes.txt", "Not a scenario.\n");
    return path;
}

}  // namespace salesdojo::test::hostile
