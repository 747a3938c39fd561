// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Every WorkRail workflow opens in the editor, is drawn without overlapping nodes (a loop frame
// contains its own body nodes and touches nothing else), and saves back to an equal JSON value.
#include "testutil.h"

#include "model/jsonio.h"
#include "ui/canvas/nodeitems.h"
#include "ui/canvas/workflowscene.h"
#include "ui/document/workflowdocument.h"
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
    void openDrawSave_data();
    void openDrawSave();
};

void TestCorpus::openDrawSave_data()
{
    QTest::addColumn<QString>("path");
    if (!wfs::test::hasShared()) {
        QTest::newRow("shared corpus absent") << QString();
        return;
    }
    const QString root = wfs::test::sharedDir() + QStringLiteral("/workrail/workflows");
    QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &f : files)
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

    // One node per step (top level and inline), none overlapping another.
    const std::vector<NodeItem *> nodes = page.scene()->nodeItems();
    QCOMPARE(nodes.size(), page.document()->allStepPointers().size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        QVERIFY(nodes[i]);
        for (std::size_t j = i + 1; j < nodes.size(); ++j) {
            const QRectF a = nodes[i]->sceneBoundingRect();
            const QRectF b = nodes[j]->sceneBoundingRect();
            const std::string &pa = nodes[i]->pointer();
            const std::string &pb = nodes[j]->pointer();
            if (pb.rfind(pa + "/body/", 0) == 0) {
                QVERIFY2(a.contains(b), (pa + " does not contain " + pb).c_str());
                continue;
            }
            QVERIFY2(!a.intersects(b), (pa + " overlaps " + pb).c_str());
        }
    }

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
