// SHA-1 against the FIPS 180 examples and padding edges; version 5 UUIDs against Python's uuid5.
#include <salesdojo/xapi/uuid.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace salesdojo::xapi;

namespace {
std::string hex(const Sha1Digest& d) {
    static const char* const digits = "0123456789abcdef";
    std::string out;
    for (auto b : d) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}
}  // namespace

TEST_CASE("sha1 gives the published digests, across the padding edges") {
    CHECK(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(hex(sha1(std::string(55, 'x'))) == "cef734ba81a024479e09eb5a75b6ddae62e6abf1");
    CHECK(hex(sha1(std::string(56, 'x'))) == "901305367c259952f4e7af8323f480d59f81335b");
    CHECK(hex(sha1(std::string(64, 'x'))) == "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
    CHECK(hex(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("uuid_v5 matches RFC 4122 name-based UUIDs (as Python's uuid.uuid5 makes them)") {
    CHECK(uuid_v5(kUrlNamespace, "http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e");
    CHECK(uuid_v5(kUrlNamespace, "https://salesdojo.invalid/xapi/") == "c9db2231-c6bc-567e-9657-ce5a319532d1");
    CHECK(uuid_v5(kUrlNamespace, "a") != uuid_v5(kUrlNamespace, "b"));
}
