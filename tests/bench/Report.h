#pragma once

#include <string>
#include <vector>

namespace frontdesk::bench {

// One line of the benchmark's table: a figure, its baseline measured in the same run, the ratio
// and the target it is held to.
struct Figure
{
    std::string name;
    std::string median;          // the figure: a median (or a median run's rate)
    std::string p99;
    std::string baselineMedian;
    std::string baselineP99;
    std::string ratio;
    std::string target;
    std::string verdict;         // "met", "MISSED", or "" when there is no target
};

class Report
{
public:
    void section(const std::string &title);
    void add(Figure figure);
    void note(const std::string &line);
    // The table, as Markdown, so that README can show it as it was printed.
    std::string table() const;
    int missed() const;

private:
    struct Line { bool isSection; std::string title; Figure figure; };
    std::vector<Line> m_lines;
    std::vector<std::string> m_notes;
};

std::string fixed(double value, int decimals);
std::string millis(double ms);                 // "3.41 ms"
std::string micros(double us);                 // "41 µs"
std::string ratioText(double value);            // "0.46x"
std::string verdict(bool met);

} // namespace frontdesk::bench
