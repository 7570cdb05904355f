// What every fuzz target in this folder shares: the seed hook, the part
// format of multi-input targets, real files to seed from, and the check that
// turns a broken invariant into a crash libFuzzer reports and minimizes.
#ifndef SHOPCORE_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define SHOPCORE_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shopcore::fuzz {

// Defined once per target file: the seed inputs, built from real files of
// this checkout and build. fuzz_<name>_seeds writes them (seeds_main.cc).
std::vector<std::string> FuzzSeeds();

// Targets that take several inputs (rules + request, argv + files) get them
// as one byte string cut at ASCII RS (0x1E): a byte that cannot appear raw
// in valid JSON, easy for the mutator to insert or delete, visible in a hex
// dump of a crash file.
constexpr char kPartSeparator = '\x1e';
std::vector<std::string_view> SplitParts(const uint8_t* data, size_t size);
std::string JoinParts(const std::vector<std::string>& parts);

// Real inputs. Paths are relative to the source tree or the build's locale
// folder; a missing file stops the seed writer (a seed list that silently
// shrinks would hide a broken build).
std::string ReadSourceFile(const std::string& relative_path);
std::string ReadLocalePack(const std::string& tag);
// Sorted file names (not paths) in a source folder that end with suffix.
std::vector<std::string> ListSourceFiles(const std::string& relative_dir, const std::string& suffix);
// Sorted tags of every generated locale pack.
std::vector<std::string> ListLocaleTags();

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF):
// everything the engine prints must be, since JS and JSON readers choke on
// or silently alter anything else.
bool IsValidUtf8(std::string_view text);

// An invariant of the code under test does not hold for this input: print
// why and abort, so libFuzzer saves and minimizes the input.
[[noreturn]] void Violation(const std::string& what);
inline void Check(bool condition, const std::string& what) {
  if (!condition) Violation(what);
}

}  // namespace shopcore::fuzz

#endif  // SHOPCORE_TESTS_FUZZ_FUZZ_SUPPORT_H_
