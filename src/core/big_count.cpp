#include <salesdojo/big_count.hpp>

#include <algorithm>

namespace salesdojo {

BigCount::BigCount(std::uint64_t value) {
    while (value) {
        m_limbs.push_back(static_cast<std::uint32_t>(value));
        value >>= 32;
    }
}

BigCount& BigCount::operator+=(const BigCount& other) {
    if (other.m_limbs.size() > m_limbs.size()) m_limbs.resize(other.m_limbs.size(), 0);
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < m_limbs.size(); ++i) {
        std::uint64_t sum = carry + m_limbs[i] + (i < other.m_limbs.size() ? other.m_limbs[i] : 0);
        m_limbs[i] = static_cast<std::uint32_t>(sum);
        carry = sum >> 32;
        if (!carry && i >= other.m_limbs.size()) break;
    }
    if (carry) m_limbs.push_back(static_cast<std::uint32_t>(carry));
    return *this;
}

std::string BigCount::to_string() const {
    if (m_limbs.empty()) return "0";
    std::vector<std::uint32_t> n = m_limbs;
    std::string digits;
    while (!n.empty()) {
        std::uint64_t remainder = 0;
        for (std::size_t i = n.size(); i-- > 0;) {
            std::uint64_t current = (remainder << 32) | n[i];
            n[i] = static_cast<std::uint32_t>(current / 1000000000u);
            remainder = current % 1000000000u;
        }
        while (!n.empty() && n.back() == 0) n.pop_back();
        std::string chunk = std::to_string(remainder);
        if (!n.empty()) chunk.insert(0, 9 - chunk.size(), '0');
        digits.insert(0, chunk);
    }
    return digits;
}

double BigCount::to_double() const {
    double value = 0.0;
    for (std::size_t i = m_limbs.size(); i-- > 0;) value = value * 4294967296.0 + m_limbs[i];
    return value;
}

}  // namespace salesdojo
