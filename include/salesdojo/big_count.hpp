#pragma once
// An exact non-negative integer for path counts, which grow exponentially with a scenario's length.
#include <cstdint>
#include <string>
#include <vector>

namespace salesdojo {

class BigCount {
public:
    BigCount() = default;
    explicit BigCount(std::uint64_t value);
    BigCount& operator+=(const BigCount& other);
    bool operator==(const BigCount& other) const { return m_limbs == other.m_limbs; }
    bool is_zero() const { return m_limbs.empty(); }
    std::string to_string() const;  // decimal
    double to_double() const;

private:
    std::vector<std::uint32_t> m_limbs;  // little-endian base 2^32, no leading zero limbs
};

}  // namespace salesdojo
