// `shopcore snapshot build|verify|dump|delta|apply`: the server-side tools
// around core/snapshot. Every command reads and writes through
// context.files, so `scripts/shopcore --wasm` runs them unchanged.
#include "../args.h"
#include "commands.h"
#include "shopcore/engine/checked_build.h"
#include "shopcore/snapshot.h"

namespace shopcore::cli {
namespace {

const char kSnapshotUsage[] =
    "usage: shopcore snapshot build CATALOG.json -o SNAP.bin\n"
    "       shopcore snapshot verify SNAP.bin|DELTA.bin\n"
    "       shopcore snapshot dump SNAP.bin [-o CATALOG.json]\n"
    "       shopcore snapshot delta OLD.bin NEW.bin -o DELTA.bin\n"
    "       shopcore snapshot apply BASE.bin DELTA.bin -o OUT.bin\n";

// "-o FILE" is the conventional spelling; the strict parser knows "--out".
Args Normalize(const Args& args) {
  Args out;
  for (const auto& arg : args) out.push_back(arg == "-o" ? "--out" : arg);
  return out;
}

Result<ParsedArgs> Parse(const Args& args, size_t positionals, bool out_required) {
  auto parsed = ParseArgs(Normalize(args), ArgSpec{{"out"}, {}});
  if (!parsed.ok()) return parsed.error();
  if (parsed->positionals.size() != positionals) {
    return MakeError(ErrorCode::kUsage,
                     "expected " + std::to_string(positionals) + " file argument" + (positionals == 1 ? "" : "s") +
                         ", got " + std::to_string(parsed->positionals.size()));
  }
  if (out_required && !parsed->Has("out")) return MakeError(ErrorCode::kUsage, "missing -o OUTPUT", "-o");
  return parsed;
}

CommandOutput Ok(std::string line) { return CommandOutput{0, std::move(line) + "\n", ""}; }

// Writes only what was fully built: an error leaves the output untouched.
CommandOutput WriteAndDescribe(const CommandContext& context, const std::string& path, std::string bytes,
                               bool is_delta) {
  auto summary = is_delta ? DescribeSnapshotDelta(bytes) : Result<std::string>(std::string());
  if (!is_delta) {
    auto opened = Snapshot::Open(bytes);
    if (!opened.ok()) return Fail(opened.error());
    // Built or patched, a snapshot leaves here only if the modules' rules
    // accept it (campaigns, delivery data).
    if (auto checked = CheckSnapshotRules(**opened); !checked.ok()) return Fail(checked.error());
    summary = (*opened)->Describe();
  }
  if (!summary.ok()) return Fail(summary.error());
  if (auto written = context.files->WriteFile(path, bytes); !written.ok()) return Fail(written.error());
  return Ok(*summary);
}

Result<std::string> Read(const CommandContext& context, const std::string& path) {
  return context.files->ReadFile(path);
}

CommandOutput Build(const Args& args, const CommandContext& context) {
  auto parsed = Parse(args, 1, true);
  if (!parsed.ok()) return Fail(parsed.error());
  auto text = Read(context, parsed->positionals[0]);
  if (!text.ok()) return Fail(text.error());
  auto bytes = BuildSnapshot(*text);
  if (!bytes.ok()) return Fail(bytes.error());
  return WriteAndDescribe(context, parsed->options.at("out"), std::move(*bytes), false);
}

CommandOutput Verify(const Args& args, const CommandContext& context) {
  auto parsed = Parse(args, 1, false);
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->Has("out")) return Fail(MakeError(ErrorCode::kUsage, "verify writes nothing; drop -o", "-o"));
  auto bytes = Read(context, parsed->positionals[0]);
  if (!bytes.ok()) return Fail(bytes.error());
  if (bytes->size() >= 12 && bytes->compare(8, 4, "SDLT") == 0) {
    auto summary = DescribeSnapshotDelta(*bytes);
    if (!summary.ok()) return Fail(summary.error());
    return Ok(*summary);
  }
  auto opened = Snapshot::Open(std::move(*bytes));
  if (!opened.ok()) return Fail(opened.error());
  if (auto checked = CheckSnapshotRules(**opened); !checked.ok()) return Fail(checked.error());
  return Ok((*opened)->Describe());
}

CommandOutput Dump(const Args& args, const CommandContext& context) {
  auto parsed = Parse(args, 1, false);
  if (!parsed.ok()) return Fail(parsed.error());
  auto bytes = Read(context, parsed->positionals[0]);
  if (!bytes.ok()) return Fail(bytes.error());
  auto text = DumpSnapshot(*bytes);
  if (!text.ok()) return Fail(text.error());
  *text += "\n";
  if (!parsed->Has("out")) return CommandOutput{0, std::move(*text), ""};
  if (auto written = context.files->WriteFile(parsed->options.at("out"), *text); !written.ok()) {
    return Fail(written.error());
  }
  return CommandOutput{};
}

CommandOutput Delta(const Args& args, const CommandContext& context) {
  auto parsed = Parse(args, 2, true);
  if (!parsed.ok()) return Fail(parsed.error());
  auto base = Read(context, parsed->positionals[0]);
  if (!base.ok()) return Fail(base.error());
  auto target = Read(context, parsed->positionals[1]);
  if (!target.ok()) return Fail(target.error());
  auto delta = MakeSnapshotDelta(*base, *target);
  if (!delta.ok()) return Fail(delta.error());
  return WriteAndDescribe(context, parsed->options.at("out"), std::move(*delta), true);
}

CommandOutput Apply(const Args& args, const CommandContext& context) {
  auto parsed = Parse(args, 2, true);
  if (!parsed.ok()) return Fail(parsed.error());
  auto base = Read(context, parsed->positionals[0]);
  if (!base.ok()) return Fail(base.error());
  auto delta = Read(context, parsed->positionals[1]);
  if (!delta.ok()) return Fail(delta.error());
  auto result = ApplySnapshotDelta(*base, *delta);
  if (!result.ok()) return Fail(result.error());
  return WriteAndDescribe(context, parsed->options.at("out"), std::move(*result), false);
}

}  // namespace

CommandOutput SnapshotCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", kSnapshotUsage};
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "build") return Build(rest, context);
  if (args[0] == "verify") return Verify(rest, context);
  if (args[0] == "dump") return Dump(rest, context);
  if (args[0] == "delta") return Delta(rest, context);
  if (args[0] == "apply") return Apply(rest, context);
  return Fail(MakeError(ErrorCode::kUsage, "unknown snapshot subcommand '" + args[0] + "'", args[0]));
}

}  // namespace shopcore::cli
