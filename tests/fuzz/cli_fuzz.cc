// The whole command line as a pure function: RunCommand over an in-memory
// FileSystem whose files hold fuzzed bytes. Every command's argument and
// input parsing is reached through here, including commands added later
// (their names come from `shopcore help` when the seeds are written).
// Input parts: ARGS RS FILE RS FILE ...; ARGS is one argument per line; each
// FILE part is its path on the first line, then its bytes. Locale packs not
// given as parts are read from the build's real locale folder.
// Invariants: no crash or UB; exit code 0, 1 or 2; a failure (1) prints one
// "error: CODE at PATH: message" line and nothing on stdout; success prints
// nothing on stderr; stdout is well-formed UTF-8; the same input gives the
// same bytes twice.
#include <cstdio>
#include <map>
#include <string>

#include "command.h"
#include "fuzz_support.h"

namespace shopcore::fuzz {
namespace {

constexpr char kLocaleDir[] = "locale";

class MemoryFiles : public cli::FileSystem {
 public:
  explicit MemoryFiles(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  Result<std::string> ReadFile(const std::string& path) override {
    auto it = files_.find(path);
    if (it != files_.end()) return it->second;
    // Real packs, read once per process: the format command finds its locale.
    const std::string prefix = std::string(kLocaleDir) + "/";
    if (path.compare(0, prefix.size(), prefix) == 0 && path.find('/', prefix.size()) == std::string::npos) {
      static std::map<std::string, std::string> real_packs;
      auto cached = real_packs.find(path);
      if (cached == real_packs.end()) {
        std::string bytes;
        FILE* file = std::fopen((std::string(SHOPCORE_LOCALE_DIR) + "/" + path.substr(prefix.size())).c_str(), "rb");
        if (file != nullptr) {
          char buffer[65536];
          size_t read;
          while ((read = std::fread(buffer, 1, sizeof(buffer), file)) > 0) bytes.append(buffer, read);
          std::fclose(file);
          cached = real_packs.emplace(path, bytes).first;
        }
      }
      if (cached != real_packs.end()) return cached->second;
    }
    return MakeError(ErrorCode::kIoError, "cannot read " + path, path);
  }
  Status WriteFile(const std::string& path, const std::string& bytes) override {
    files_[path] = bytes;
    return Status::Ok();
  }

 private:
  std::map<std::string, std::string> files_;
};

struct Invocation {
  std::vector<std::string> args;
  std::map<std::string, std::string> files;
};

Invocation Decode(const uint8_t* data, size_t size) {
  Invocation invocation;
  auto parts = SplitParts(data, size);
  std::string_view args = parts[0];
  while (!args.empty()) {
    size_t newline = args.find('\n');
    invocation.args.emplace_back(args.substr(0, newline));
    if (newline == std::string_view::npos) break;
    args.remove_prefix(newline + 1);
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    size_t newline = parts[i].find('\n');
    if (newline == std::string_view::npos) continue;
    invocation.files[std::string(parts[i].substr(0, newline))] = std::string(parts[i].substr(newline + 1));
  }
  return invocation;
}

std::string Encode(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& files) {
  std::string joined;
  for (size_t i = 0; i < args.size(); ++i) joined += (i ? "\n" : "") + args[i];
  std::vector<std::string> parts = {joined};
  for (const auto& [path, bytes] : files) parts.push_back(path + "\n" + bytes);
  return JoinParts(parts);
}

cli::CommandOutput Run(const Invocation& invocation) {
  MemoryFiles files(invocation.files);
  cli::CommandContext context;
  context.files = &files;
  context.locale_dir = kLocaleDir;
  return cli::RunCommand(invocation.args, context);
}

}  // namespace

std::vector<std::string> FuzzSeeds() {
  std::vector<std::string> seeds;
  // Every command the table has today, bare and asking for help: a new
  // command is fuzzed from the day it is added to cli/command.cc.
  auto help = Run(Invocation{{"help"}, {}});
  size_t at = 0;
  while ((at = help.out.find("\n  ", at)) != std::string::npos) {
    at += 3;
    std::string name = help.out.substr(at, help.out.find_first_of(" \n", at) - at);
    seeds.push_back(Encode({name}, {}));
    seeds.push_back(Encode({name, "--help"}, {}));
  }
  if (seeds.empty()) Violation("`shopcore help` lists no commands");

  // Real invocations with real inputs (add one per new command here).
  const std::string rules = ReadSourceFile("data/tax-rules.json");
  for (const auto& name : ListSourceFiles("tests/unit/tax/fixtures", ".request.json")) {
    seeds.push_back(Encode({"landed-cost", "rules.json", "request.json"},
                           {{"rules.json", rules}, {"request.json", ReadSourceFile("tests/unit/tax/fixtures/" + name)}}));
  }
  const char* const kFormats[][3] = {{"-123456", "CHF", "de-CH"}, {"150000", "JPY", "ja-JP"}, {"123456789", "INR", "en-IN"},
                                     {"-5", "EUR", "fr-FR"},      {"1234", "SAR", "ar-SA"},   {"99", "BRL", "pt-BR"}};
  for (const auto& format : kFormats) {
    seeds.push_back(Encode({"format", "--amount-minor", format[0], "--currency", format[1], "--locale", format[2]}, {}));
    seeds.push_back(Encode({"format", "--amount-minor", format[0], "--currency", format[1], "--locale", format[2],
                            "--display", "name", "--accounting", "--cash", "--rounding", "half-even"},
                           {}));
  }
  // A fuzzed pack under a tag of its own, so pack bytes reach the command too.
  seeds.push_back(Encode({"format", "--amount-minor", "100", "--currency", "USD", "--locale", "zz"},
                         {{"locale/zz.json", ReadLocalePack("en-US")}}));
  seeds.push_back(Encode({"money", "allocate", "--amount", "1000", "--weights", "1,1,1"}, {}));
  seeds.push_back(Encode({"money", "allocate", "--amount", "-9223372036854775808", "--weights", "3,0,9223372036854775807"}, {}));
  seeds.push_back(Encode({"money", "convert", "--amount-minor", "10000", "--from", "BRL", "--to", "USD", "--rate", "0.19",
                          "--rounding", "half-up"},
                         {}));
  seeds.push_back(Encode({"money", "convert", "--amount-minor", "1", "--from", "JPY", "--to", "KWD", "--rate", "0.0021"}, {}));
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore::fuzz;
  const Invocation invocation = Decode(data, size);
  const auto output = Run(invocation);
  Check(output.exit_code >= 0 && output.exit_code <= 2, "exit code " + std::to_string(output.exit_code));
  if (output.exit_code == 0) Check(output.err.empty(), "a success prints on stderr: " + output.err);
  if (output.exit_code == 1) {
    Check(output.out.empty(), "a failure prints on stdout: " + output.out);
    Check(output.err.compare(0, 7, "error: ") == 0 && output.err.back() == '\n',
          "a failure is not an 'error: ...' line: " + output.err);
  }
  Check(IsValidUtf8(output.out), "stdout is not UTF-8");
  const auto again = Run(invocation);
  Check(again.exit_code == output.exit_code && again.out == output.out && again.err == output.err,
        "the same command line prints different bytes");
  return 0;
}
