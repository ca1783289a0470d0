// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the bytes of one export file through the import parser (decoding, structure
// checks, JSON parsing, classification and the meta contract of every object it accepts).

#include "exportreader.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

/// Whether a string or member name anywhere in `value` holds U+0000. The dumped text cannot
/// tell: "\\u0000" there may be an escaped backslash followed by the letters "u0000".
bool holdsNul(const nlohmann::json& value)
{
    if (value.is_string())
        return value.get_ref<const std::string&>().find('\0') != std::string::npos;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (it.key().find('\0') != std::string::npos || holdsNul(it.value()))
                return true;
        }
    }
    if (value.is_array())
        return std::any_of(value.begin(), value.end(), holdsNul);
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace driftdesk;
    static const PolicyTypeRegistry& registry = PolicyTypeRegistry::builtIn();

    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data),
                                                     static_cast<qsizetype>(size));
    const ExportFileContent content
        = ExportReader::parseFile(bytes, QStringLiteral("fuzz.json"), registry);

    // A file is refused whole or read whole.
    if (!content.error.isEmpty() && !content.objects.empty())
        fail("a refused file returned objects");

    for (const ExportedObject& object : content.objects) {
        if (object.externalId.isEmpty() || object.policyType.isEmpty())
            fail("an accepted object has no id or no policy type");
        if (object.metaHash.size() != 64 || object.metaContractVersion < 1)
            fail("an accepted object has no meta contract hash");

        // What the stores write must be valid UTF-8 JSON (dump() throws otherwise) that
        // PostgreSQL can hold: no U+0000 anywhere.
        (void)object.raw.dump();
        if (holdsNul(object.raw))
            fail("an accepted object holds U+0000");
    }
    return 0;
}
