// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the bytes of one export file through the import parser (decoding, structure
// checks, JSON parsing, classification and the meta contract of every object it accepts).

#include "exportreader.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
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
        const std::string stored = object.raw.dump();
        if (stored.find("\\u0000") != std::string::npos)
            fail("an accepted object holds U+0000");
    }
    return 0;
}
