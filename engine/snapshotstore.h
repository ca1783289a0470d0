// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "records.h"

#include <QList>

#include <optional>
#include <unordered_map>
#include <vector>

namespace driftdesk {

/// Baseline snapshots and their items. Both are immutable once written: this class only
/// inserts and reads them, and the schema refuses every other change.
class SnapshotStore
{
public:
    SnapshotStore(Database& database, qint64 workspaceId);

    std::optional<BaselineSnapshot> byId(qint64 id);
    std::optional<BaselineSnapshot> byIdentity(qint64 profileId, const QString& identityHash);
    QList<BaselineSnapshot> listForProfile(qint64 profileId);

    /// Writes a snapshot with all its items and returns its id. Call inside a transaction.
    qint64 insert(const BaselineSnapshot& snapshot, const std::vector<BaselineSnapshotItem>& items);

    /// The items of a snapshot, ordered by policy type and subject.
    std::vector<BaselineSnapshotItem> items(qint64 snapshotId);

    /// The items of a snapshot as a compare first needs them, ordered like items(): their meta
    /// holds the display name, the contract version and, of the payload, only what identity
    /// matching reads (templateReference.templateId and technologies). item() gives the rest
    /// for the few items whose hash differs.
    std::vector<BaselineSnapshotItem> itemHeads(qint64 snapshotId);

    /// One item by its id.
    std::optional<BaselineSnapshotItem> item(qint64 itemId);

    /// Whole items by id, read a few hundred per statement; throws EngineError naming an item
    /// that no longer exists.
    std::unordered_map<qint64, BaselineSnapshotItem> itemsById(const QList<qint64>& itemIds);
    int itemCount(qint64 snapshotId);

private:
    Database& m_database;
    qint64 m_workspaceId;
};

} // namespace driftdesk
