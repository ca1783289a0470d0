// SPDX-License-Identifier: GPL-3.0-or-later
#include "runspage.h"

#include "jsonconvert.h"
#include "runsmodel.h"
#include "runstore.h"
#include "session.h"
#include "tableviews.h"
#include "vocabulary.h"

#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace driftdesk::views {

namespace {

QString text(const nlohmann::json& value)
{
    return value.is_string() ? toQString(value) : QString::fromStdString(value.dump());
}

QString listItems(const nlohmann::json& entries)
{
    QString html;
    for (const auto& entry : entries) {
        QStringList parts;
        for (const char* key : {"policy_type", "subject_external_id", "file"}) {
            if (entry.contains(key))
                parts.append(text(entry[key]));
        }
        QString line = parts.join(QLatin1Char(' '));
        for (const char* key : {"reason", "error"}) {
            if (entry.contains(key))
                line += QStringLiteral(": ") + text(entry[key]);
        }
        if (entry.contains("files"))
            line += QStringLiteral(" (") + text(entry["files"]) + QLatin1Char(')');
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    }
    return html;
}

} // namespace

RunsPage::RunsPage(Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new models::RunsModel(session.database(), session.workspaceId(), this))
    , m_table(makeTableView(tr("Operation runs"), this))
    , m_detail(new QTextBrowser(this))
{
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::RunsModel::IdColumn, Qt::DescendingOrder);
    m_detail->setAccessibleName(tr("Details of the run"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("runsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsPage::showSelected);
}

void RunsPage::refresh()
{
    const qint64 selected = selectedId(m_table);
    m_model->reload();
    fitColumns(m_table);
    if (!selectId(m_table, selected) && m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
}

bool RunsPage::showRun(qint64 runId)
{
    while (m_model->rowOfRun(runId) < 0 && m_model->canFetchMore({}))
        m_model->fetchMore({});
    return selectId(m_table, runId);
}

void RunsPage::showSelected()
{
    const qint64 id = selectedId(m_table);
    const auto run
        = id ? RunStore(m_session.database(), m_session.workspaceId()).byId(id) : std::nullopt;
    m_detail->setHtml(run ? describe(*run) : QString());
}

QString RunsPage::describe(const OperationRun& run)
{
    QString html = tr("<h3>Run %1: %2</h3>")
                       .arg(QString::number(run.id), models::RunsModel::typeLabel(run.type));
    const QString duration = run.startedAt.isValid() && run.completedAt.isValid()
        ? tr("%1 s").arg(run.startedAt.msecsTo(run.completedAt) / 1000.0, 0, 'f', 2)
        : QString();
    html += tr("<p><b>%1</b> (%2). Started %3 by %4; took %5.</p>")
                .arg(models::displayWord(run.outcome.isEmpty() ? run.status : run.outcome),
                     models::displayWord(run.status),
                     run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     run.initiatedBy.toHtmlEscaped(), duration);

    const nlohmann::json& context = run.context;
    for (const char* key : {"error", "reason"}) {
        if (context.contains(key))
            html += QStringLiteral("<p><b>%1</b></p>").arg(text(context[key]).toHtmlEscaped());
    }

    if (!run.summaryCounts.empty()) {
        html += tr("<p><b>Counts</b></p><table cellpadding='2'>");
        for (auto it = run.summaryCounts.begin(); it != run.summaryCounts.end(); ++it) {
            html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
                        .arg(models::displayWord(QString::fromStdString(it.key())), text(*it));
        }
        html += QStringLiteral("</table>");
    }

    const auto coverage = context.value("inventory", nlohmann::json::object())
                              .value("coverage", nlohmann::json::object());
    if (!coverage.empty()) {
        html += tr("<p><b>Coverage</b></p><table border='1' cellspacing='0' cellpadding='2'>"
                   "<tr><th>Type</th><th>Status</th><th>Items</th><th>Errors</th></tr>");
        for (const char* kind : {"policy_types", "foundation_types"}) {
            const auto types = coverage.value(kind, nlohmann::json::object());
            for (auto it = types.begin(); it != types.end(); ++it) {
                QStringList errors;
                for (const auto& error : it->value("errors", nlohmann::json::array()))
                    errors.append(text(error).toHtmlEscaped());
                html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                            .arg(QString::fromStdString(it.key()),
                                 models::displayWord(text(it->value("status", nlohmann::json()))),
                                 text(it->value("item_count", nlohmann::json())),
                                 errors.join(QStringLiteral("<br>")));
            }
        }
        html += QStringLiteral("</table>");
    }

    const QList<QPair<const char*, QString>> lists{
        {"compared_types", tr("Compared types")},
        {"captured_types", tr("Captured types")},
        {"skipped_types", tr("Skipped types")},
        {"excluded_subjects", tr("Excluded subjects")},
        {"ambiguous_subjects", tr("Ambiguous subjects")},
        {"file_errors", tr("Unreadable files")},
    };
    for (const auto& [key, label] : lists) {
        const auto entries = context.value(key, nlohmann::json::array());
        if (entries.empty())
            continue;
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(label);
        if (entries.front().is_string()) {
            for (const auto& entry : entries)
                html += QStringLiteral("<li>%1</li>").arg(text(entry).toHtmlEscaped());
        } else {
            html += listItems(entries);
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

} // namespace driftdesk::views
