// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Every WorkRail workflow opens in the editor, is drawn without overlapping nodes (a loop frame
// contains its own body nodes and touches nothing else), and saves back to an equal JSON value.
#include "testutil.h"

#include "model/jsonio.h"
#include "ui/canvas/nodeitems.h"
#include "ui/canvas/workflowscene.h"
#include "ui/document/workflowdocument.h"
#include "ui/document/workflowlayout.h"
#include "ui/editorpage.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using namespace wfs::studio;

class TestCorpus : public QObject
{
    Q_OBJECT
private slots:
    void corpusIsThere();
    void openDrawSave_data();
    void openDrawSave();
};

namespace {
QStringList corpusFiles()
{
    const QString root = wfs::test::sharedDir() + QStringLiteral("/workrail/workflows");
    QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

bool isInLoopBody(const std::string &pointer, const std::string &loop)
{
    return pointer.rfind(loop + "/body/", 0) == 0;
}
} // namespace

// The rows below come from the corpus: an empty folder would make them pass vacuously.
void TestCorpus::corpusIsThere()
{
    WFS_REQUIRE_SHARED();
    QVERIFY2(corpusFiles().size() >= 10, qPrintable(QString::number(corpusFiles().size())));
}

void TestCorpus::openDrawSave_data()
{
    QTest::addColumn<QString>("path");
    if (!wfs::test::hasShared()) {
        QTest::newRow("shared corpus absent") << QString();
        return;
    }
    const QString root = wfs::test::sharedDir() + QStringLiteral("/workrail/workflows");
    for (const QString &f : corpusFiles())
        QTest::newRow(qPrintable(QDir(root).relativeFilePath(f))) << f;
}

void TestCorpus::openDrawSave()
{
    WFS_REQUIRE_SHARED();
    QFETCH(QString, path);
    EditorPage page;
    WFS_VERIFY_RESULT(page.loadFile(path));
    const ParsedJson original = loadJsonFile(path.toStdString());
    QVERIFY(original.ok);

    // One visible node per step (top level and inline) where the layout put it, none
    // overlapping another; a loop frame contains exactly its own body nodes.
    const std::vector<NodeItem *> nodes = page.scene()->nodeItems();
    QCOMPARE(nodes.size(), page.document()->allStepPointers().size());
    QVERIFY(!nodes.empty());
    const WorkflowLayout &layout = page.scene()->currentLayout();
    for (NodeItem *n : nodes) {
        QVERIFY(n);
        QVERIFY2(n->isVisible(), n->pointer().c_str());
        const LayoutNode *placed = layout.node(n->pointer());
        QVERIFY2(placed, n->pointer().c_str());
        QVERIFY2(n->scenePos() == placed->rect.topLeft(), n->pointer().c_str());
        QVERIFY2(n->sceneBoundingRect().contains(placed->rect), n->pointer().c_str());
        QVERIFY2(page.scene()->sceneRect().contains(n->sceneBoundingRect()), n->pointer().c_str());
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (std::size_t j = i + 1; j < nodes.size(); ++j) {
            const QRectF a = nodes[i]->sceneBoundingRect();
            const QRectF b = nodes[j]->sceneBoundingRect();
            const std::string &pa = nodes[i]->pointer();
            const std::string &pb = nodes[j]->pointer();
            if (isInLoopBody(pb, pa) || isInLoopBody(pa, pb)) {
                const bool aOuter = isInLoopBody(pb, pa);
                QVERIFY2((aOuter ? a : b).contains(aOuter ? b : a),
                         (pa + " and " + pb + ": the frame does not contain its body").c_str());
                continue;
            }
            QVERIFY2(!a.intersects(b), (pa + " overlaps " + pb).c_str());
        }
    }
    // Guard labels (runConditions) cover no step node and do not cut through a loop frame.
    int labels = 0;
    for (QGraphicsItem *item : page.scene()->items()) {
        if (item->type() != EdgeItem::Type)
            continue;
        const QRectF label = static_cast<EdgeItem *>(item)->labelRect();
        if (label.isEmpty())
            continue;
        ++labels;
        const QRectF box = item->mapRectToScene(label);
        for (NodeItem *n : nodes) {
            const QRectF r = n->sceneBoundingRect();
            if (n->kind() == NodeItem::Kind::Loop && r.contains(box))
                continue; // a guard inside the loop's body
            QVERIFY2(!r.intersects(box),
                     qPrintable(QStringLiteral("a guard label at %1,%2 overlaps %3")
                                    .arg(box.x())
                                    .arg(box.y())
                                    .arg(QString::fromStdString(n->pointer()))));
        }
    }
    const std::string text = original.value.dump();
    if (text.find("\"runCondition\"") != std::string::npos)
        QVERIFY2(labels > 0, "the workflow has run conditions but the canvas shows no guard");

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("saved.json"));
    WFS_VERIFY_RESULT(page.saveTo(out));
    const ParsedJson saved = loadJsonFile(out.toStdString());
    QVERIFY(saved.ok);
    QVERIFY(saved.value == original.value);
    QCOMPARE(saved.value.dump(), original.value.dump());
}

QTEST_MAIN(TestCorpus)
#include "tst_corpus.moc"
