// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The library dock: the workflows of the engine's sources, grouped by category and source,
// with full-text search as you type (the SQLite store's FTS index), and open / duplicate /
// delete / import-folder actions.
#pragma once

#include <QSet>
#include <QWidget>

#include <memory>

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
    explicit LibraryWidget(Engine *engine, QWidget *parent = nullptr);
    ~LibraryWidget() override;

    QLineEdit *searchField() const { return m_search; }
    QTreeView *view() const { return m_view; }
    // Ids of the workflows the search currently shows (all when the search is empty).
    QStringList visibleIds() const;
    // Where duplicates and imports go: ~/.workrail/workflows.
    static QString userDirectory();

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
    QStandardItem *selectedEntry() const;

    Engine *m_engine;
    QLineEdit *m_search;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    LibraryFilter *m_filter;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::WorkflowStore> m_store;
};

} // namespace wfs::studio
