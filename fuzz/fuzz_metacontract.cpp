// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: any JSON object through the meta contract builder, under every contract version.
// The input is JSON text; objects nested deeper than the export reader allows are skipped, as
// the reader refuses them before the builder sees them.

#include "exportreader.h"
#include "metacontract.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

/// Whether brackets outside strings nest deeper than the export reader accepts.
bool nestedTooDeep(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > driftdesk::ExportReader::maxNesting)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace driftdesk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (nestedTooDeep(text))
        return 0;
    const nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (!object.is_object())
        return 0;

    for (int version = 1; version <= MetaContractBuilder::latestVersion; ++version) {
        const MetaContract contract = MetaContractBuilder::build(object, version);
        if (contract.version != version || contract.hash.size() != 64)
            fail("a contract without its version or hash");

        // The canonical text is JSON whose own canonical form is itself, so a hash can be
        // recomputed from a stored payload.
        const nlohmann::json stored = nlohmann::json::parse(contract.canonicalText);
        if (MetaContractBuilder::hashOf(stored) != contract.hash)
            fail("the payload read back from its canonical text hashes differently");

        // Building twice gives the same hash.
        if (MetaContractBuilder::build(object, version).hash != contract.hash)
            fail("the contract is not deterministic");

        MetaContractBuilder::acrossTenants(contract.payload, version);
    }
    return 0;
}
