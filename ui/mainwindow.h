// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The studio's main window.
#pragma once

#include <QMainWindow>

namespace wfs {

class Engine;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Engine *engine, QWidget *parent = nullptr);

private:
    Engine *m_engine;
};

} // namespace wfs
