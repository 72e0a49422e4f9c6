#include "Report.h"

#include <cstdio>

namespace frontdesk::bench {

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string millis(double ms)
{
    return fixed(ms, ms < 10 ? 2 : ms < 100 ? 1 : 0) + " ms";
}

std::string micros(double us)
{
    return fixed(us, us < 10 ? 1 : 0) + " µs";
}

std::string ratioText(double value)
{
    return fixed(value, value < 10 ? 2 : 1) + "x";
}

std::string verdict(bool met)
{
    return met ? "met" : "MISSED";
}

void Report::section(const std::string &title)
{
    m_lines.push_back({ true, title, {} });
    std::printf("\n-- %s\n", title.c_str());
    std::fflush(stdout);
}

void Report::add(Figure figure)
{
    // Printed as it is measured too: a long run shows progress.
    std::printf("   %s: %s (p99 %s) | baseline %s (p99 %s) | %s | target %s %s\n", figure.name.c_str(),
                figure.median.c_str(), figure.p99.c_str(), figure.baselineMedian.c_str(), figure.baselineP99.c_str(),
                figure.ratio.c_str(), figure.target.c_str(), figure.verdict.c_str());
    std::fflush(stdout);
    m_lines.push_back({ false, {}, std::move(figure) });
}

void Report::note(const std::string &line)
{
    m_notes.push_back(line);
}

int Report::missed() const
{
    int count = 0;
    for (const Line &line : m_lines)
        count += !line.isSection && line.figure.verdict == "MISSED";
    return count;
}

std::string Report::table() const
{
    std::string out = "| Figure | Median | p99 | Baseline median | Baseline p99 | Ratio | Target | |\n"
                      "|---|---:|---:|---:|---:|---:|---|---|\n";
    for (const Line &line : m_lines) {
        if (line.isSection) {
            out += "| **" + line.title + "** | | | | | | | |\n";
            continue;
        }
        const Figure &f = line.figure;
        out += "| " + f.name + " | " + f.median + " | " + f.p99 + " | " + f.baselineMedian + " | " + f.baselineP99
            + " | " + f.ratio + " | " + f.target + " | " + f.verdict + " |\n";
    }
    for (const std::string &note : m_notes)
        out += "\n" + note + "\n";
    return out;
}

} // namespace frontdesk::bench
