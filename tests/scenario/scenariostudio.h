// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The studio as main() builds it, for scenario tests: a Runtime on a private workflows folder
// and SQLite database (no standard locations, no WORKFLOW_STORAGE_PATH), the MainWindow on top
// with a private recovery folder, shown at a given size; and the gestures a person makes
// (drags on the canvas viewport, clicks, shortcuts, typing) plus what an agent would be served.
#pragma once

#include "testutil.h"

#include "engine/engine.h"
#include "engine/runtime.h"
#include "engine/services/runtimebackend.h"
#include "engine/workflowrepository.h"
#include "model/jsonio.h"
#include "ui/canvas/nodeitems.h"
#include "ui/canvas/workflowscene.h"
#include "ui/canvas/workflowview.h"
#include "ui/document/workflowdocument.h"
#include "ui/editorpage.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace wfs::test {

class ScenarioStudio
{
public:
    struct Config
    {
        /// The window's size; an invalid size leaves it as the window chose (main() does not
        /// resize: the saved geometry or, on a first start, one that fits the screen).
        QSize windowSize{1400, 1000};
        bool includeBundled = false;
        /// As main() starts with no workflow folders in the settings: the standard locations
        /// (~/.workrail/workflows and ./workflows, served once they exist) and no private
        /// workflows folder. The test points HOME at a temporary folder first.
        bool standardLocations = false;
        bool storage = true; ///< a SQLite database file in the temporary folder
        QString database = QStringLiteral("studio.db"); ///< its name in the temporary folder
        /// Files written (names relative to the temporary folder, e.g. "studio.db") before
        /// the Runtime is built: a broken database, a workflow to start with.
        QList<QPair<QString, QByteArray>> files;
        /// Runs with the temporary folder after `files` are written, before the Runtime is
        /// built (a read-only folder, a database of a newer schema).
        std::function<void(const QString &folder)> beforeStart;
        /// Settings ▸ Team server as main() passes them on (Runtime::Options::storeUrl,
        /// cacheUrl); the studio then joins that team store instead of its own database.
        std::string storeUrl;
        std::string cacheUrl;
        std::string instanceId;
    };

    ScenarioStudio()
        : ScenarioStudio(Config{})
    {}
    explicit ScenarioStudio(Config config)
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir().mkpath(workflowsDir());
        for (const auto &[name, bytes] : config.files) {
            QDir().mkpath(QFileInfo(path(name)).absolutePath());
            writeFile(path(name), bytes);
        }
        if (config.beforeStart)
            config.beforeStart(m_tmp.path());
        Runtime::Options o;
        if (!config.standardLocations)
            o.workflowDirs = {workflowsDir().toStdString()};
        o.includeBundled = config.includeBundled;
        o.useStandardLocations = config.standardLocations;
        o.useEnvironment = false;
        o.watchFiles = true;
        if (config.storage)
            o.databasePath = path(config.database).toStdString();
        else
            o.storage = Runtime::Storage::Disabled;
        o.warmLimit = 0;
        o.storeUrl = config.storeUrl;
        o.cacheUrl = config.cacheUrl;
        o.instanceId = config.instanceId;
        o.restoreSessions = 0;
        runtime = std::make_unique<Runtime>(std::move(o));
        window = std::make_unique<MainWindow>(&runtime->engine(), nullptr,
                                              path(QStringLiteral("recovery")));
        window->setRuntime(runtime.get());
        if (config.windowSize.isValid())
            window->resize(config.windowSize);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("ScenarioStudio: the window was not exposed");
        // As main() does once the window is up (a window-modal box, not blocking).
        window->offerDatabaseRepair();
    }
    ~ScenarioStudio()
    {
        // Nothing may ask questions while the window goes away.
        if (window) {
            for (studio::EditorPage *p : window->pages())
                p->document()->markSaved();
        }
        window.reset();
        runtime.reset();
    }

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QString workflowsDir() const { return path(QStringLiteral("workflows")); }

    studio::EditorPage *page() const { return window->currentPage(); }
    studio::WorkflowDocument *doc() const { return page()->document(); }
    studio::WorkflowView *view() const { return page()->view(); }
    studio::WorkflowScene *scene() const { return page()->scene(); }
    QWidget *viewport() const { return view()->viewport(); }

    // The node of a step (by id) in view coordinates; scrolls it into view first.
    QPoint nodePoint(const QString &stepId, QPointF relative = {0.5, 0.5}) const
    {
        const std::string pointer = doc()->findStep(stepId);
        studio::NodeItem *item = pointer.empty() ? nullptr : scene()->nodeItem(pointer);
        if (!item)
            return {};
        view()->ensureVisible(item, 10, 10);
        QApplication::processEvents();
        const QRectF r = item->sceneBoundingRect();
        return view()->mapFromScene(
            QPointF(r.left() + r.width() * relative.x(), r.top() + r.height() * relative.y()));
    }

    void click(const QString &stepId, Qt::KeyboardModifiers mods = {}) const
    {
        QTest::mouseClick(viewport(), Qt::LeftButton, mods, nodePoint(stepId));
    }

    // A mouse drag on the canvas viewport: press, moves with the button held, release.
    void drag(QPoint from, QPoint to) const
    {
        QWidget *vp = viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(vp, from + (to - from) * i / 10, 5);
        QTest::mouseRelease(vp, Qt::LeftButton, {}, to, 5);
        QApplication::processEvents();
    }

    // A shortcut as the keyboard sends it, to the focused widget of the window.
    void shortcut(const QKeySequence &keys) const
    {
        QWidget *target = QApplication::focusWidget();
        if (!target || target->window() != window.get())
            target = window.get();
        QTest::keySequence(target, keys);
        QApplication::processEvents();
    }

    // Replaces the text of a line edit or plain text edit by typing it.
    static void typeInto(QWidget *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Delete);
        QTest::keyClicks(field, text);
    }

    // Step ids in document order (loop bodies after their loop).
    QStringList stepIds() const { return doc()->allStepIds(); }

    // The whole workflow the engine serves under `id` (null when it serves none).
    Json servedDocument(const QString &id) const
    {
        const auto snapshot = runtime->engine().repository().snapshot();
        const WorkflowEntry *entry = snapshot->find(id.toStdString());
        return entry ? entry->workflow()->document() : Json();
    }

    // What an agent gets from workflow_get (null when it is not served).
    Json served(const QString &id) const
    {
        const ToolResult r =
            runtime->toolCall("workflow_get", Json{{"id", id.toStdString()}}, CallContext{});
        if (r.isError)
            return nullptr;
        return r.payload;
    }

    // Waits until `pred` holds, processing events; false after `ms`.
    template<typename Pred> static bool waitFor(Pred pred, int ms = 2000)
    {
        return QTest::qWaitFor(pred, ms);
    }

    static QByteArray readFile(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool writeFile(const QString &file, const QByteArray &bytes)
    {
        QSaveFile f(file);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
    }

    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<MainWindow> window;

private:
    QTemporaryDir m_tmp;
};

} // namespace wfs::test
