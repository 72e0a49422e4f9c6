#pragma once

#include "BenchCluster.h"

#include <string>
#include <vector>

namespace frontdesk::bench {

struct PatientSearchRun
{
    // Each keystroke whose text is searched (two characters or more) to the end of the first
    // paint of the result list that shows that text's results, or a later text's when typing
    // overtook it (its own were then skipped or dropped: the list was behind for that long).
    std::vector<double> keystrokeToScreenMs;
    // The same texts, each searched once by a bare libpq call of search_patients as the desk's
    // login on a warm connection, right after each term was typed: what the database alone takes.
    std::vector<double> bareCallMs;
    // Both, for the texts of two characters only (which no trigram index serves: the function
    // reads the whole clinic) and for the longer ones.
    std::vector<double> twoCharacterMs, twoCharacterBareMs, longerMs, longerBareMs;
    int keystrokes = 0;          // every key typed, the first letters of each term included
    int searchedKeystrokes = 0;  // those whose text is searched
    int overtaken = 0;           // searched keystrokes whose own results never showed
    int queriesSent = 0;
    int skipped = 0;             // queries skipped on the database thread, superseded before they ran
    int cancelled = 0;           // queries cancelled while they ran, superseded
    int dropped = 0;             // answers that came after a newer text was asked for
    std::string typed;           // what was typed, in words
};

// Types `terms` search texts drawn from the clinic's own patients (the start of a name, a name
// and the start of the surname, the last digits of a phone number), key by key every
// `keyIntervalMs`, into a real PatientSearchPanel on a real ClinicSession as the desk's login,
// shown offscreen; the field is cleared (Escape) between terms.
PatientSearchRun runPatientSearchTyping(const BenchCluster &cluster, const BenchDatabase &db, int terms,
                                        int keyIntervalMs);

} // namespace frontdesk::bench
