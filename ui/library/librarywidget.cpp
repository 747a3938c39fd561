// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "librarywidget.h"

#include "engine/engine.h"
#include "engine/store/database.h"
#include "engine/store/storeopen.h"
#include "engine/store/workflowstore.h"
#include "engine/workflowrepository.h"
#include "model/jsonio.h"
#include "ui/document/commands.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <optional>

namespace wfs::studio {

namespace {

constexpr int PathRole = LibraryWidget::PathRole;
constexpr int IdRole = LibraryWidget::IdRole;
constexpr int EntryRole = LibraryWidget::EntryRole;
constexpr int MatchRole = LibraryWidget::MatchRole;

// The store's snippet (matched words between \x02 and \x03) as HTML, matched words bold on a
// highlight that stays readable in the light and the dark theme.
QString snippetHtml(const std::string &snippet)
{
    QString text = QString::fromStdString(snippet).toHtmlEscaped();
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\x02'),
                 QStringLiteral("<b style=\"background-color:#ffe066;color:#000000\">"));
    text.replace(QLatin1Char('\x03'), QStringLiteral("</b>"));
    return text;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString str(const Json &obj, const char *key)
{
    return obj.is_object() && obj.contains(key) && obj[key].is_string()
               ? qs(obj[key].get<std::string>())
               : QString();
}

QString sourceLabel(const std::string &source, const QString &publishedFolder)
{
    const QString s = qs(source);
    if (s.startsWith(QLatin1Char(':')))
        return LibraryWidget::tr("Bundled samples");
    if (!publishedFolder.isEmpty() && QDir::cleanPath(s) == QDir::cleanPath(publishedFolder))
        return LibraryWidget::tr("Published on the team server");
    if (QDir::cleanPath(s) == QDir::cleanPath(LibraryWidget::userDirectory()))
        return LibraryWidget::tr("My workflows (%1)").arg(s);
    return s;
}

} // namespace

// Shows the entries the search matched (all when there is no search), with their groups, and
// hands each match's highlighted text to the delegate (MatchRole).
class LibraryFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // id -> highlighted match; nullopt = no search.
    void setMatches(std::optional<QHash<QString, QString>> matches)
    {
        m_matches = std::move(matches);
        invalidateFilter();
    }
    QString match(const QString &id) const { return m_matches ? m_matches->value(id) : QString(); }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != MatchRole)
            return QSortFilterProxyModel::data(index, role);
        if (!m_matches || !QSortFilterProxyModel::data(index, EntryRole).toBool())
            return {};
        const auto it = m_matches->constFind(QSortFilterProxyModel::data(index, IdRole).toString());
        return it == m_matches->constEnd() ? QVariant() : QVariant(*it);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (!index.data(EntryRole).toBool())
            return false; // groups show when a child shows (recursive filtering)
        return !m_matches || m_matches->contains(index.data(IdRole).toString());
    }

private:
    std::optional<QHash<QString, QString>> m_matches;
};

namespace {

// A search match: the row tinted, the name in bold, and under it the matching text with the
// matched words highlighted.
class MatchDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QString match = index.data(MatchRole).toString();
        if (match.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const bool selected = opt.state & QStyle::State_Selected;
        if (!selected) {
            QColor tint = opt.palette.color(QPalette::Highlight);
            tint.setAlpha(45);
            painter->fillRect(opt.rect, tint);
        }
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(1);
        doc.setHtml(richText(name, match));
        painter->save();
        painter->translate(textRect.topLeft());
        painter->setClipRect(QRect(QPoint(0, 0), textRect.size()));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(
            QPalette::Text,
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString match = index.data(MatchRole).toString();
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (match.isEmpty())
            return size;
        QTextDocument doc;
        doc.setDefaultFont(option.font);
        doc.setDocumentMargin(1);
        doc.setHtml(richText(index.data(Qt::DisplayRole).toString(), match));
        const QSizeF docSize = doc.size();
        return {std::max(size.width(), int(docSize.width()) + 8),
                std::max(size.height(), int(docSize.height()) + 2)};
    }

private:
    static QString richText(const QString &name, const QString &match)
    {
        return QStringLiteral("<b>%1</b><br><small>%2</small>").arg(name.toHtmlEscaped(), match);
    }
};

} // namespace

LibraryWidget::LibraryWidget(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_search(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_filter(new LibraryFilter(this))
{
    m_search->setPlaceholderText(tr("Search workflows (names, steps, prompts)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_hint->setObjectName(QStringLiteral("libraryHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->hide();
    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_view->setModel(m_filter);
    m_view->setHeaderHidden(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setObjectName(QStringLiteral("libraryView"));
    m_view->setItemDelegate(new MatchDelegate(m_view));

    // A tool bar: when the dock is narrow, what does not fit goes to its » menu.
    auto *buttons = new QToolBar(this);
    buttons->setObjectName(QStringLiteral("libraryToolBar"));
    buttons->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto button = [&](const QString &text, const QString &tip, auto slot) {
        QAction *a = buttons->addAction(text);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    button(tr("Open"), tr("Open the selected workflow"), &LibraryWidget::openSelected);
    button(tr("Duplicate"), tr("Copy the selected workflow into %1").arg(userDirectory()),
           &LibraryWidget::duplicateSelected);
    button(tr("Delete"), tr("Delete the selected workflow's file"), &LibraryWidget::deleteSelected);
    button(tr("Import…"), tr("Copy every workflow of a folder into %1").arg(userDirectory()),
           [this] { importFolder(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    // The search index: an in-memory database with the product schema (FTS5 included).
    if (auto db = store::openProductDatabase(":memory:")) {
        m_db = std::move(*db);
        m_store = std::make_unique<store::WorkflowStore>(*m_db);
    } else {
        m_indexError = tr("the search index could not be created: %1").arg(qs(db.error()));
    }

    connect(m_search, &QLineEdit::textChanged, this, &LibraryWidget::applySearch);
    connect(m_view, &QTreeView::activated, this, [this] { openSelected(); });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!selectedEntry())
            return;
        QMenu menu;
        menu.addAction(tr("Open"), this, &LibraryWidget::openSelected);
        menu.addAction(tr("Duplicate"), this, &LibraryWidget::duplicateSelected);
        menu.addAction(tr("Delete File…"), this, &LibraryWidget::deleteSelected);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    if (m_engine) {
        connect(&m_engine->repository(), &WorkflowRepository::changed, this,
                &LibraryWidget::refresh);
    }
    refresh();
}

LibraryWidget::~LibraryWidget() = default;

QString LibraryWidget::userDirectory()
{
    return QDir::homePath() + QStringLiteral("/.workrail/workflows");
}

void LibraryWidget::setPublishedFolder(const QString &folder)
{
    if (folder == m_publishedFolder)
        return;
    m_publishedFolder = folder;
    refresh();
}

void LibraryWidget::refresh()
{
    m_model->clear();
    if (!m_engine)
        return;
    const auto snapshot = m_engine->repository().snapshot();
    m_entryCount = static_cast<int>(snapshot->entries().size());
    std::map<QString, std::map<QString, QStandardItem *>> groups; // category -> source -> item
    std::vector<std::pair<Json, store::WorkflowMeta>> forStore;
    for (const WorkflowEntry &e : snapshot->entries()) {
        Json doc = e.document();
        const QString category =
            str(doc, "category").isEmpty() ? tr("General") : str(doc, "category");
        QStandardItem *&group = groups[category][sourceLabel(e.source, m_publishedFolder)];
        if (!group) {
            QStandardItem *categoryItem = nullptr;
            for (int r = 0; r < m_model->rowCount(); ++r) {
                if (m_model->item(r)->text() == category)
                    categoryItem = m_model->item(r);
            }
            if (!categoryItem) {
                categoryItem = new QStandardItem(category);
                m_model->appendRow(categoryItem);
            }
            group = new QStandardItem(sourceLabel(e.source, m_publishedFolder));
            group->setToolTip(qs(e.source));
            categoryItem->appendRow(group);
        }
        auto *item = new QStandardItem(str(doc, "name").isEmpty() ? qs(e.id) : str(doc, "name"));
        item->setData(qs(e.file), PathRole);
        item->setData(qs(e.id), IdRole);
        item->setData(true, EntryRole);
        item->setToolTip(QStringLiteral("%1 — %2\n%3")
                             .arg(qs(e.id), str(doc, "version"), str(doc, "description")));
        group->appendRow(item);
        forStore.push_back({std::move(doc), store::WorkflowMeta{category.toStdString(), e.source}});
    }
    if (m_store) {
        const auto synced = m_store->sync(forStore);
        m_indexError =
            synced ? QString()
                   : tr("the search index could not be updated: %1").arg(qs(synced.error()));
    }
    m_view->expandAll();
    applySearch();
}

void LibraryWidget::showHint(const QString &text, bool problem)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, QColor(200, 40, 40));
    m_hint->setPalette(palette);
}

void LibraryWidget::applySearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_filter->setMatches(std::nullopt);
        showHint(m_indexError.isEmpty() ? QString() : tr("Search: %1.").arg(m_indexError),
                 !m_indexError.isEmpty());
    } else if (!m_store) {
        m_filter->setMatches(std::nullopt);
        showHint(tr("Search is unavailable (%1). Showing every workflow.").arg(m_indexError), true);
    } else {
        store::SearchOptions options;
        options.limit = std::max(m_entryCount, 1); // every match, however many
        options.snippetTokens = 10;
        const auto hits = m_store->search(text.toStdString(), options);
        if (!hits) {
            m_filter->setMatches(std::nullopt);
            showHint(tr("Search failed: %1. Showing every workflow.").arg(qs(hits.error())), true);
        } else {
            QHash<QString, QString> matches;
            for (const store::SearchHit &h : *hits)
                matches.insert(qs(h.workflowId), snippetHtml(h.snippet));
            m_filter->setMatches(std::move(matches));
            QString message =
                hits->empty()
                    ? tr("No workflow matches “%1”.").arg(text)
                    : tr("%n workflow(s) match “%1”.", nullptr, int(hits->size())).arg(text);
            if (!m_indexError.isEmpty())
                message += QLatin1Char(' ') + tr("Search: %1.").arg(m_indexError);
            showHint(message, !m_indexError.isEmpty());
        }
    }
    m_view->expandAll();
}

QString LibraryWidget::matchHtml(const QString &id) const
{
    return visibleIds().contains(id) ? m_filter->match(id) : QString();
}

QStringList LibraryWidget::visibleIds() const
{
    QStringList ids;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_filter->rowCount(parent); ++r) {
            const QModelIndex i = m_filter->index(r, 0, parent);
            if (i.data(EntryRole).toBool())
                ids << i.data(IdRole).toString();
            walk(i);
        }
    };
    walk({});
    return ids;
}

QStandardItem *LibraryWidget::selectedEntry() const
{
    const QModelIndex index = m_filter->mapToSource(m_view->currentIndex());
    QStandardItem *item = m_model->itemFromIndex(index);
    return item && item->data(EntryRole).toBool() ? item : nullptr;
}

void LibraryWidget::openSelected()
{
    if (QStandardItem *item = selectedEntry())
        emit openRequested(item->data(PathRole).toString());
}

void LibraryWidget::duplicateSelected()
{
    QStandardItem *item = selectedEntry();
    if (!item)
        return;
    const QString path = item->data(PathRole).toString();
    std::string text;
    const ParsedJson parsed = loadJsonFile(path.toStdString(), &text);
    if (!parsed.ok || !parsed.value.is_object()) {
        QMessageBox::warning(this, tr("Duplicate"), tr("Cannot read %1.").arg(path));
        return;
    }
    Json copy = parsed.value;
    QDir().mkpath(userDirectory());
    const QString baseId = item->data(IdRole).toString() + QStringLiteral("-copy");
    QStringList taken;
    for (const QString &f : QDir(userDirectory()).entryList({QStringLiteral("*.json")}))
        taken << QFileInfo(f).completeBaseName();
    for (const WorkflowEntry &e : m_engine->repository().snapshot()->entries())
        taken << qs(e.id);
    const QString id = uniqueStepId(baseId, taken);
    copy["id"] = id.toStdString();
    if (copy.contains("name") && copy["name"].is_string())
        copy["name"] = tr("%1 (copy)").arg(str(copy, "name")).toStdString();
    const QString target = userDirectory() + QLatin1Char('/') + id + QStringLiteral(".json");
    QFile out(target);
    const std::string bytes = formatJsonForSave(copy);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(bytes.data(), static_cast<qint64>(bytes.size())) !=
            static_cast<qint64>(bytes.size())) {
        QMessageBox::warning(this, tr("Duplicate"),
                             tr("Cannot write %1: %2").arg(target, out.errorString()));
        return;
    }
    out.close();
    m_engine->repository().reload();
    emit statusMessage(tr("Duplicated as %1").arg(target));
    emit openRequested(target);
}

void LibraryWidget::deleteSelected()
{
    QStandardItem *item = selectedEntry();
    if (!item)
        return;
    const QString path = item->data(PathRole).toString();
    if (path.isEmpty() || path.startsWith(QLatin1Char(':'))) {
        QMessageBox::information(
            this, tr("Delete"),
            tr("“%1” is bundled with the application and cannot be deleted.").arg(item->text()));
        return;
    }
    if (QMessageBox::question(this, tr("Delete Workflow"),
                              tr("Delete the file %1?\nThis cannot be undone.").arg(path),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!QFile::remove(path)) {
        QMessageBox::warning(this, tr("Delete"), tr("Cannot delete %1.").arg(path));
        return;
    }
    m_engine->repository().reload();
    emit statusMessage(tr("Deleted %1").arg(path));
}

void LibraryWidget::importFolder(const QString &dirArg)
{
    const QString dir =
        dirArg.isEmpty() ? QFileDialog::getExistingDirectory(this, tr("Import Workflows")) : dirArg;
    if (dir.isEmpty())
        return;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files);
    QDir().mkpath(userDirectory());
    QProgressDialog progress(tr("Importing workflows…"), tr("Cancel"), 0,
                             static_cast<int>(files.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    int imported = 0;
    QStringList failures;
    for (int i = 0; i < files.size(); ++i) {
        progress.setValue(i);
        if (progress.wasCanceled())
            break;
        const QString source = dir + QLatin1Char('/') + files[i];
        const ParsedJson parsed = loadJsonFile(source.toStdString());
        if (!parsed.ok || !parsed.value.is_object() || str(parsed.value, "id").isEmpty()) {
            failures << (parsed.ok ? tr("%1: not a workflow (no \"id\")").arg(source)
                                   : qs(formatDiagnostic(parsed.diagnostics.front())));
            continue;
        }
        QString target = userDirectory() + QLatin1Char('/') + files[i];
        for (int n = 2; QFile::exists(target); ++n)
            target = userDirectory() + QLatin1Char('/') + QFileInfo(files[i]).completeBaseName() +
                     QLatin1Char('-') + QString::number(n) + QStringLiteral(".json");
        if (!QFile::copy(source, target)) {
            failures << tr("%1: cannot copy to %2").arg(source, target);
            continue;
        }
        ++imported;
    }
    progress.setValue(static_cast<int>(files.size()));
    m_engine->repository().reload();
    emit statusMessage(tr("Imported %n workflow(s)", nullptr, imported));
    if (!failures.isEmpty())
        QMessageBox::warning(this, tr("Import"),
                             tr("Imported %1 of %2 files. Skipped:\n%3")
                                 .arg(imported)
                                 .arg(files.size())
                                 .arg(failures.join(QLatin1Char('\n'))));
}

} // namespace wfs::studio
