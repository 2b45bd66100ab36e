#include "sources/tarparser.h"

#include <cstring>

namespace passlane {

namespace {

constexpr qsizetype block = 512;

/// Octal (NUL/space padded) or base-256 (high bit set) numeric field.
bool numberField(const char *p, int len, qint64 &out)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    if (u[0] & 0x80) {
        qint64 v = u[0] & 0x3f;
        for (int i = 1; i < len; ++i) {
            if (v > (qint64(1) << 54))
                return false;
            v = (v << 8) | u[i];
        }
        out = v;
        return true;
    }
    qint64 v = 0;
    int i = 0;
    while (i < len && (p[i] == ' ' || p[i] == '\0'))
        ++i;
    bool any = false;
    for (; i < len && p[i] >= '0' && p[i] <= '7'; ++i) {
        if (v > (qint64(1) << 58))
            return false;
        v = v * 8 + (p[i] - '0');
        any = true;
    }
    for (; i < len; ++i)
        if (p[i] != ' ' && p[i] != '\0')
            return false;
    out = any ? v : 0;
    return true;
}

QByteArray cString(const char *p, int len)
{
    return QByteArray(p, qsizetype(strnlen(p, size_t(len))));
}

bool checksumOk(const char *h)
{
    qint64 stored = 0;
    if (!numberField(h + 148, 8, stored))
        return false;
    // Plain sum (vectorizes), then the checksum field counts as eight spaces.
    const auto *u = reinterpret_cast<const unsigned char *>(h);
    unsigned int sum = 0;
    for (int i = 0; i < block; ++i)
        sum += u[i];
    for (int i = 148; i < 156; ++i)
        sum -= u[i];
    sum += 8 * ' ';
    return qint64(sum) == stored;
}

/// pax records "<len> key=value\n": only path, linkpath and size matter here.
void readPax(const QByteArray &data, QByteArray &path, QByteArray &linkPath, qint64 &size)
{
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype space = data.indexOf(' ', pos);
        if (space < 0)
            return;
        bool ok = false;
        const qsizetype len = data.mid(pos, space - pos).toLongLong(&ok);
        if (!ok || len <= 0 || pos + len > data.size())
            return;
        const QByteArray record = data.mid(space + 1, len - (space + 1 - pos) - 1);
        const qsizetype eq = record.indexOf('=');
        if (eq > 0) {
            const QByteArray key = record.left(eq);
            const QByteArray value = record.mid(eq + 1);
            if (key == "path")
                path = value;
            else if (key == "linkpath")
                linkPath = value;
            else if (key == "size")
                size = value.toLongLong();
        }
        pos += len;
    }
}

Finding unsafe(const QString &file, const QString &message, const char *kind = "unsafe-entry")
{
    Finding f;
    f.severity = Severity::Error;
    f.kind = QLatin1String(kind);
    f.file = file;
    f.message = message;
    return f;
}

} // namespace

Result<SourceTree> TarParser::parse(const QByteArray &tar, const QString &name)
{
    using R = Result<SourceTree>;
    SourceTree tree;
    tree.source = name;
    tree.isArchive = true;
    tree.storage = tar;
    const char *base = tree.storage.constData();
    const qsizetype total = tar.size();
    qsizetype offset = 0;
    qint64 entries = 0;
    QByteArray longName, longLink, paxPath, paxLink;
    qint64 paxSize = -1;
    bool sawEnd = false;

    while (offset + block <= total) {
        const char *h = base + offset;
        if (h[0] == '\0' && std::memcmp(h, h + 1, block - 1) == 0) { // a zero block ends the archive
            sawEnd = true;
            break;
        }
        if (!checksumOk(h))
            return R::failure(name, QStringLiteral("corrupt archive: bad tar header checksum at offset %1").arg(offset));
        if (++entries > sourcelimits::maxEntries)
            return R::failure(name, QStringLiteral("more than %1 entries").arg(sourcelimits::maxEntries));
        qint64 size = 0;
        if (!numberField(h + 124, 12, size) || size < 0)
            return R::failure(name, QStringLiteral("corrupt archive: bad size field at offset %1").arg(offset));
        const char type = h[156];
        if (type == 'x' || type == 'L' || type == 'K' || type == 'g') {
            // Metadata entries describe the next real entry.
            if (size > 16 * 1024 * 1024 || offset + block + size > total)
                return R::failure(name, QStringLiteral("corrupt or truncated archive at offset %1").arg(offset));
            const QByteArray data(base + offset + block, qsizetype(size));
            if (type == 'x')
                readPax(data, paxPath, paxLink, paxSize);
            else if (type == 'L')
                longName = cString(data.constData(), int(data.size()));
            else if (type == 'K')
                longLink = cString(data.constData(), int(data.size()));
            offset += block + ((size + block - 1) / block) * block;
            continue;
        }
        if (paxSize >= 0)
            size = paxSize;
        QByteArray rawPath;
        if (!paxPath.isEmpty()) {
            rawPath = paxPath;
        } else if (!longName.isEmpty()) {
            rawPath = longName;
        } else {
            rawPath = cString(h, 100);
            if (std::memcmp(h + 257, "ustar", 5) == 0 && h[345] != '\0')
                rawPath = cString(h + 345, 155) + '/' + rawPath;
        }
        const bool hasLink = !paxLink.isEmpty() || !longLink.isEmpty() || h[157] != '\0';
        longName.clear();
        longLink.clear();
        paxPath.clear();
        paxLink.clear();
        paxSize = -1;

        const qsizetype dataStart = offset + block;
        const qsizetype padded = qsizetype(((size + block - 1) / block) * block);
        const bool hasData = type == '0' || type == '\0' || type == '7';
        if (hasData && dataStart + size > total)
            return R::failure(name, QStringLiteral("corrupt or truncated archive: '%1' ends early")
                                        .arg(QString::fromUtf8(rawPath)));
        offset = dataStart + (hasData ? padded : 0);

        QString path = QString::fromUtf8(rawPath);
        while (path.startsWith(u"./"))
            path.remove(0, 2);
        if (type == '5' || path.isEmpty() || path.endsWith(u'/'))
            continue;
        if (isUnsafeEntryPath(path)) {
            tree.findings.append(unsafe(name, QStringLiteral("entry '%1' has an absolute path or '..'; skipped").arg(path)));
            continue;
        }
        if (!hasData || type == '1' || type == '2' || (hasLink && type != '0' && type != '\0' && type != '7')) {
            tree.findings.append(unsafe(tree.displayPath(path), QStringLiteral("link or special file in archive; not followed, skipped")));
            continue;
        }
        if (!isSnapshotFile(path))
            continue;
        if (size > sourcelimits::maxFileBytes) {
            tree.findings.append(unsafe(tree.displayPath(path),
                                        QStringLiteral("%1 bytes, more than the limit of %2; skipped").arg(size).arg(sourcelimits::maxFileBytes),
                                        "file-too-large"));
            continue;
        }
        // No copy: the file views the tree's storage; the DefinitionStore copies what it keeps.
        tree.files.append(SourceFile{path, QByteArray::fromRawData(base + dataStart, qsizetype(size))});
    }
    if (!sawEnd && offset < total)
        return R::failure(name, QStringLiteral("corrupt or truncated archive: partial header at offset %1").arg(offset));
    if (!sawEnd && entries == 0)
        return R::failure(name, QStringLiteral("not a tar archive"));
    return tree;
}

} // namespace passlane
