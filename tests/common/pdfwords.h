#pragma once

#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>

// Reads a PDF the way a person would: every word with its box on its page, through poppler's
// `pdftotext -bbox` (coordinates in points, origin at the top left of the page).
namespace passlane::test {

struct PdfWord {
    int page = 0; ///< 0-based
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    QString text;
    double height() const { return yMax - yMin; }
};

struct PdfPage {
    double width = 0;
    double height = 0;
    QList<PdfWord> words;
    /// The page's words in reading order, one space between them.
    QString text() const
    {
        QStringList out;
        for (const PdfWord &w : words)
            out << w.text;
        return out.join(QLatin1Char(' '));
    }
};

struct PdfText {
    QList<PdfPage> pages;
    QString error; ///< empty when the PDF was read
};

inline QString pdftotextPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
}

/// Every page and word of the PDF at `path`.
inline PdfText readPdfWords(const QString &path)
{
    PdfText out;
    QProcess p;
    p.start(pdftotextPath(), {QStringLiteral("-bbox"), path, QStringLiteral("-")});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out.error = QStringLiteral("pdftotext -bbox %1 failed: %2").arg(path, QString::fromUtf8(p.readAllStandardError()));
        return out;
    }
    QXmlStreamReader xml(p.readAllStandardOutput());
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == u"page") {
            out.pages.append({a.value(QLatin1String("width")).toDouble(), a.value(QLatin1String("height")).toDouble(), {}});
        } else if (xml.name() == u"word" && !out.pages.isEmpty()) {
            PdfWord w;
            w.page = int(out.pages.size() - 1);
            w.xMin = a.value(QLatin1String("xMin")).toDouble();
            w.yMin = a.value(QLatin1String("yMin")).toDouble();
            w.xMax = a.value(QLatin1String("xMax")).toDouble();
            w.yMax = a.value(QLatin1String("yMax")).toDouble();
            // NFKC: the PDF's "ﬁ" and "ﬂ" ligature glyphs read as the letters they stand for.
            w.text = xml.readElementText().normalized(QString::NormalizationForm_KC);
            out.pages.last().words.append(w);
        }
    }
    if (xml.hasError())
        out.error = QStringLiteral("pdftotext -bbox %1: %2").arg(path, xml.errorString());
    return out;
}

/// A word's box is about 1.15 times its point size (ascent plus descent): 8 pt text measures
/// about 9.2 and the 1 pt text of a document laid out at screen resolution about 1.1, so 8.0
/// passes the first and fails the second.
constexpr double kMinWordHeight = 8.0;
/// How far past the page's right edge a word may reach (rounding of the boxes) and still count
/// as on the page.
constexpr double kEdgeTolerance = 1.0;

/// What is wrong with a printed report, empty when nothing is: no pages; a word smaller than
/// kMinWordHeight or running off the page; a page without `title` in its running header or
/// without "Page N of M" in its footer.
inline QString printedReportProblems(const PdfText &pdf, const QString &title)
{
    if (!pdf.error.isEmpty())
        return pdf.error;
    if (pdf.pages.isEmpty())
        return QStringLiteral("the PDF has no pages");
    QStringList problems;
    const QString wantTitle = title.simplified();
    const int total = int(pdf.pages.size());
    for (int i = 0; i < total; ++i) {
        const PdfPage &page = pdf.pages.at(i);
        if (page.words.isEmpty()) {
            problems << QStringLiteral("page %1 has no text").arg(i + 1);
            continue;
        }
        for (const PdfWord &w : page.words) {
            if (w.height() < kMinWordHeight)
                problems << QStringLiteral("page %1: '%2' is %3 pt high (< %4)")
                                .arg(i + 1).arg(w.text).arg(w.height(), 0, 'f', 2).arg(kMinWordHeight);
            if (w.xMax > page.width + kEdgeTolerance || w.xMin < -kEdgeTolerance)
                problems << QStringLiteral("page %1: '%2' runs off the page (x %3..%4, page width %5)")
                                .arg(i + 1).arg(w.text).arg(w.xMin, 0, 'f', 1).arg(w.xMax, 0, 'f', 1).arg(page.width, 0, 'f', 1);
        }
        // Word by word: the header shares its line with the (clipped) last line of the page
        // before, which pdftotext reads in x order.
        QSet<QString> shown;
        for (const PdfWord &w : page.words)
            shown.insert(w.text);
        for (const QString &word : wantTitle.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!shown.contains(word)) {
                problems << QStringLiteral("page %1 does not show the title '%2'").arg(i + 1).arg(wantTitle);
                break;
            }
        }
        const QString text = page.text();
        if (!text.contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(total)))
            problems << QStringLiteral("page %1 has no 'Page %1 of %2' footer").arg(i + 1).arg(total);
        if (problems.size() > 20)
            break;
    }
    return problems.mid(0, 20).join(QLatin1Char('\n'));
}

/// The words of an HTML report's text (no stylesheet, no SVG charts) that the PDF does not
/// show: a word counts as shown when it is a word of the PDF, or when a line break inside a
/// narrow table cell split it into two words of the PDF. Empty when nothing was lost.
inline QStringList wordsMissingFromPdf(const QString &htmlText, const PdfText &pdf)
{
    QSet<QString> shown;
    for (const PdfPage &page : pdf.pages)
        for (const PdfWord &w : page.words)
            shown.insert(w.text);
    QStringList missing;
    const QStringList words = htmlText.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (shown.contains(word))
            continue;
        bool split = false;
        for (qsizetype k = 1; k < word.size() && !split; ++k)
            split = shown.contains(word.left(k)) && shown.contains(word.mid(k));
        if (!split)
            missing << word;
    }
    return missing;
}

/// The smallest word box height in the PDF (for messages and the record).
inline double smallestWordHeight(const PdfText &pdf)
{
    double least = 1e9;
    for (const PdfPage &page : pdf.pages)
        for (const PdfWord &w : page.words)
            least = std::min(least, w.height());
    return least;
}

} // namespace passlane::test

/// Skips the test when poppler's pdftotext is not installed; fails under CI=true, where
/// packaging/install-deps.sh installs it.
#define PASSLANE_REQUIRE_PDFTOTEXT()                                                              \
    do {                                                                                          \
        if (passlane::test::pdftotextPath().isEmpty()) {                                          \
            if (qEnvironmentVariable("CI") == u"true")                                            \
                QFAIL("pdftotext (poppler-utils) is missing and CI=true: install-deps.sh installs it"); \
            QSKIP("pdftotext (poppler-utils) not found; skipping the PDF layout check");         \
        }                                                                                         \
    } while (false)
