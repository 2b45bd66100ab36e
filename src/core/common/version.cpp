#include "version.h"

#include <QRegularExpression>

namespace passlane {

namespace {
// Components are bounded so that a typo like "6.300000000000" cannot overflow int.
bool parseComponent(QStringView s, int &out)
{
    if (s.isEmpty() || s.size() > 9)
        return false;
    for (QChar c : s)
        if (!c.isDigit())
            return false;
    out = s.toInt();
    return true;
}

QStringView stripV(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(u'v') || text.startsWith(u'V'))
        text = text.mid(1);
    return text;
}
} // namespace

std::optional<MinorVersion> MinorVersion::parse(QStringView text)
{
    const auto parts = stripV(text).split(u'.');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    MinorVersion v;
    int ignored = 0;
    if (!parseComponent(parts[0], v.major) || !parseComponent(parts[1], v.minor))
        return std::nullopt;
    if (parts.size() == 3 && !parseComponent(parts[2], ignored))
        return std::nullopt;
    return v;
}

QString MinorVersion::toString() const
{
    return QString::number(major) + u'.' + QString::number(minor);
}

std::optional<Version> Version::parse(QStringView text)
{
    const auto parts = stripV(text).split(u'.');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    Version v;
    if (!parseComponent(parts[0], v.major) || !parseComponent(parts[1], v.minor))
        return std::nullopt;
    if (parts.size() == 3 && !parseComponent(parts[2], v.patch))
        return std::nullopt;
    return v;
}

std::optional<Version> Version::fromSourceName(QStringView fileName)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(?:migrations-)?v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})(?:\.tar\.gz|\.tgz|\.tar|\.zip)?$)"));
    const auto m = re.match(fileName.toString());
    if (!m.hasMatch())
        return std::nullopt;
    return Version{m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt()};
}

QString Version::toString() const
{
    return QString::number(major) + u'.' + QString::number(minor) + u'.' + QString::number(patch);
}

QString Version::tag() const
{
    return u'v' + toString();
}

} // namespace passlane
