// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Anchor translation unit of the resources library; the qrc content is linked in by
// qt_add_resources (bundled sample workflows under :/workflows, schemas under :/schema).
namespace wfs {
int resourcesAnchor()
{
    return 0;
}
} // namespace wfs
