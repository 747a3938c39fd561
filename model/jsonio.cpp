// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "jsonio.h"

#include <QFile>
#include <QFileInfo>

namespace wfs {

ParsedJson parseJson(std::string_view text, const std::string &file)
{
    ParsedJson out;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF
        && static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        text.remove_prefix(3);
    try {
        out.value = Json::parse(text.begin(), text.end());
        out.ok = true;
    } catch (const Json::parse_error &e) {
        Diagnostic d;
        d.file = file;
        const TextPos p = positionOfOffset(text, e.byte > 0 ? e.byte - 1 : 0);
        d.line = p.line;
        d.column = p.column;
        d.message = e.what();
        d.source = "json";
        out.diagnostics.push_back(std::move(d));
    }
    return out;
}

Result<std::string> readTextFile(const std::string &path, std::size_t maxBytes)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Result<std::string>::failure("cannot open " + path + ": "
                                            + f.errorString().toStdString());
    if (static_cast<std::size_t>(f.size()) > maxBytes)
        return Result<std::string>::failure(path + " is " + std::to_string(f.size())
                                            + " bytes; the limit is " + std::to_string(maxBytes));
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

ParsedJson loadJsonFile(const std::string &path, std::string *sourceOut)
{
    auto text = readTextFile(path);
    if (!text) {
        ParsedJson out;
        Diagnostic d;
        d.file = path;
        d.message = text.error();
        d.source = "io";
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    ParsedJson out = parseJson(*text, path);
    if (sourceOut)
        *sourceOut = std::move(*text);
    return out;
}

TextPos positionOfOffset(std::string_view text, std::size_t offset)
{
    TextPos p{1, 1};
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

TextPos locatePointer(std::string_view, std::string_view)
{
    return {};
}

std::string toJsJson(const Json &value, int indent)
{
    return value.dump(indent > 0 ? indent : -1);
}

std::string formatJsonForSave(const Json &value)
{
    return value.dump(2) + "\n";
}

} // namespace wfs
