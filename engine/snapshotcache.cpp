// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotcache.h"

#include "snapshotstore.h"

namespace driftdesk {

const std::vector<BaselineSnapshotItem>& SnapshotCache::heads(SnapshotStore& store,
                                                              const BaselineSnapshot& snapshot)
{
    const std::pair<qint64, QString> key{snapshot.id, snapshot.identityHash};
    const auto kept = m_heads.find(key);
    if (kept != m_heads.end())
        return kept->second;
    if (m_heads.size() >= maxSnapshots)
        m_heads.clear();
    return m_heads.emplace(key, store.itemHeads(snapshot.id)).first->second;
}

} // namespace driftdesk
