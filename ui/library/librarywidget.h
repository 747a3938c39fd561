// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The library dock: the workflows of the engine's sources, grouped by category and source,
// with full-text search as you type over names, descriptions, step titles and prompts (an
// in-memory, migrated copy of the store's FTS index, synced on every repository change),
// matches highlighted with the matching text, a hint when nothing matches or the index fails,
// and open / duplicate / delete / import-folder actions. Every entry is a file: bundled ones
// open as untitled copies, the others open their file.
#pragma once

#include <QSet>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTreeView;
class QStandardItemModel;
class QStandardItem;

namespace wfs {
class Engine;
namespace store {
class Database;
class WorkflowStore;
} // namespace store
} // namespace wfs

namespace wfs::studio {

class LibraryFilter;

class LibraryWidget : public QWidget
{
    Q_OBJECT
public:
    // Data of the view's entries (groups have none of them).
    enum Role {
        PathRole = Qt::UserRole + 1, ///< the file (":/workflows/x.json" for bundled samples)
        IdRole,                      ///< the workflow's id
        EntryRole,                   ///< true for workflow entries
        MatchRole                    ///< the highlighted match (HTML) while a search shows it
    };

    explicit LibraryWidget(Engine *engine, QWidget *parent = nullptr);
    ~LibraryWidget() override;

    QLineEdit *searchField() const { return m_search; }
    QTreeView *view() const { return m_view; }
    // Under the search field: "No workflow matches …", how many match, or why search failed.
    QLabel *hint() const { return m_hint; }
    // Ids of the workflows the search currently shows (all when the search is empty).
    QStringList visibleIds() const;
    // The highlighted match of a workflow the search shows (HTML, matched words in <b>); ""
    // when the search is empty or `id` is not a match.
    QString matchHtml(const QString &id) const;
    // Where duplicates and imports go: ~/.workrail/workflows.
    static QString userDirectory();
    // The folder the runtime mirrors a team store's published workflows into (listed as
    // "Published on the team server"; "" = none). Refreshes.
    void setPublishedFolder(const QString &folder);

public slots:
    void refresh();
    void openSelected();
    void duplicateSelected();
    void deleteSelected();
    void importFolder(const QString &dir = {});

signals:
    // `path` may be a resource path (":/workflows/x.json": opened as an untitled copy).
    void openRequested(const QString &path);
    void statusMessage(const QString &message);

private:
    void applySearch();
    void showHint(const QString &text, bool problem = false);
    QStandardItem *selectedEntry() const;

    Engine *m_engine;
    QLineEdit *m_search;
    QLabel *m_hint;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    LibraryFilter *m_filter;
    QString m_publishedFolder;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::WorkflowStore> m_store;
    QString m_indexError; ///< why search is unavailable or the index is not current ("" = fine)
    int m_entryCount = 0;
};

} // namespace wfs::studio
