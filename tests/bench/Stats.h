#pragma once

#include <algorithm>
#include <vector>

namespace frontdesk::bench {

// Order statistics of a sample, nearest rank: p99 of 100 samples is the 99th smallest.
inline double percentile(std::vector<double> sample, double p)
{
    if (sample.empty())
        return 0;
    std::sort(sample.begin(), sample.end());
    const auto rank = size_t(std::max(1.0, p / 100.0 * double(sample.size()) + 0.999999));
    return sample[std::min(rank, sample.size()) - 1];
}

inline double median(const std::vector<double> &sample) { return percentile(sample, 50); }
inline double p99(const std::vector<double> &sample) { return percentile(sample, 99); }

} // namespace frontdesk::bench
