// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <openssl/sha.h>

namespace driftdesk {

std::string sha256Hex(std::string_view bytes)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);

    static const char hexDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * SHA256_DIGEST_LENGTH);
    for (const unsigned char byte : digest) {
        hex.push_back(hexDigits[byte >> 4]);
        hex.push_back(hexDigits[byte & 0x0F]);
    }
    return hex;
}

} // namespace driftdesk
