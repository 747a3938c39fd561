// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "engine/engine.h"

namespace wfs {

MainWindow::MainWindow(Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Workflow Studio"));
    resize(1280, 800);
}

} // namespace wfs
