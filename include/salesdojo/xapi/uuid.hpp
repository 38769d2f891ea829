#pragma once
// Name-based UUIDs (RFC 4122 version 5, SHA-1): the same name always gives the same UUID, so a
// statement re-sent after a crash or a retry carries the id it had and a learning record store
// keeps it once.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace salesdojo::xapi {

using Sha1Digest = std::array<std::uint8_t, 20>;
using UuidBytes = std::array<std::uint8_t, 16>;

Sha1Digest sha1(std::string_view bytes);

// Version 5 UUID of `name` in `name_space`, in the canonical lower-case 8-4-4-4-12 form.
std::string uuid_v5(const UuidBytes& name_space, std::string_view name);

// RFC 4122's namespace for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
extern const UuidBytes kUrlNamespace;

}  // namespace salesdojo::xapi
