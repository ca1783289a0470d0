// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "records.h"

#include <QString>

#include <map>
#include <utility>
#include <vector>

namespace driftdesk {

class SnapshotStore;

/// The item heads (SnapshotStore::itemHeads) of the snapshots one worker compares against,
/// kept from one compare to the next. A snapshot never changes once written, so when an MSP
/// compares hundreds of tenants against one profile its items are read once, not once per
/// tenant. Heads are keyed by snapshot id and identity hash: an id that a database hands out
/// again after a delete never serves another snapshot's items.
class SnapshotCache
{
public:
    const std::vector<BaselineSnapshotItem>& heads(SnapshotStore& store,
                                                   const BaselineSnapshot& snapshot);

private:
    // A handful of profiles at most in one compare of many tenants; past that, start again.
    static constexpr std::size_t maxSnapshots = 16;

    std::map<std::pair<qint64, QString>, std::vector<BaselineSnapshotItem>> m_heads;
};

} // namespace driftdesk
