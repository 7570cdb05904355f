// `shopcore model build` and `shopcore eval`: the offline model builder
// (cli/model/, Eigen) is native-only server tooling, so the wasm build, which
// never links Eigen, answers these commands with a clear REFUSED error.
#include <string>

#include "../args.h"
#include "commands.h"

#if SHOPCORE_HAVE_MODELBUILD
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../model/evaluation.h"
#include "../model/model_build.h"
#endif

namespace shopcore::cli {
namespace {

const char kModelUsage[] =
    "usage: shopcore model build --interactions LOG.csv --catalog CATALOG.json -o OUT.json\n"
    "         [--algorithm ease|cosine] [--neighbours K] [--lambda L] [--shrink S]\n"
    "         [--factors D] [--als-lambda L] [--alpha A] [--iterations N] [--seed N]\n"
    "         [--now-ms T] [--half-life-days D] [--fbt-min-count N]\n"
    "LOG.csv rows: user,item,timestamp_ms,event[,weight]\n";

const char kEvalUsage[] =
    "usage: shopcore eval --interactions POSITIVES.csv [--seed N] [--neighbours K] [--factors D] [--quick]\n";

[[maybe_unused]] CommandOutput NativeOnly(const std::string& command) {
  return Fail(MakeError(ErrorCode::kRefused,
                        "`shopcore " + command + "` is native-only server tooling (Eigen); run it without --wasm",
                        command));
}

#if SHOPCORE_HAVE_MODELBUILD

// A non-negative number option within [min, max], or USAGE naming it.
Result<double> Number(const ParsedArgs& parsed, const std::string& name, double fallback, double min, double max) {
  if (!parsed.Has(name)) return fallback;
  const std::string text = parsed.Get(name, "");
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(value >= min) || !(value <= max)) {
    return MakeError(ErrorCode::kUsage,
                     "--" + name + " must be a number in [" + std::to_string(min) + ", " + std::to_string(max) + "]",
                     "--" + name);
  }
  return value;
}

Result<modelbuild::Interactions> LoadLog(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kIoError, "cannot read " + path, path);
  auto log = modelbuild::ReadInteractions(in);
  if (!log.ok()) return MakeError(log.error().code, log.error().message, path + ":" + log.error().path);
  return log;
}

CommandOutput Build(const Args& args, const CommandContext& context) {
  Args normalized;
  for (const auto& arg : args) normalized.push_back(arg == "-o" ? "--out" : arg);
  auto parsed = ParseArgs(normalized, ArgSpec{{"interactions", "catalog", "out", "algorithm", "neighbours", "lambda",
                                               "shrink", "factors", "als-lambda", "alpha", "iterations", "seed",
                                               "now-ms", "half-life-days", "fbt-min-count"},
                                              {}});
  if (!parsed.ok()) return Fail(parsed.error());
  if (!parsed->positionals.empty()) return Fail(MakeError(ErrorCode::kUsage, "unexpected argument", parsed->positionals[0]));
  auto log_path = parsed->Required("interactions");
  auto catalog_path = parsed->Required("catalog");
  auto out_path = parsed->Required("out");
  if (!log_path.ok()) return Fail(log_path.error());
  if (!catalog_path.ok()) return Fail(catalog_path.error());
  if (!out_path.ok()) return Fail(out_path.error());

  modelbuild::BuildOptions options;
  const std::string algorithm = parsed->Get("algorithm", "ease");
  if (algorithm != "ease" && algorithm != "cosine") {
    return Fail(MakeError(ErrorCode::kUsage, "--algorithm is ease or cosine", "--algorithm"));
  }
  options.algorithm = algorithm == "ease" ? modelbuild::NeighbourAlgorithm::kEase : modelbuild::NeighbourAlgorithm::kCosine;
  struct {
    const char* name;
    double fallback, min, max;
    double value;
  } numbers[] = {
      {"neighbours", 100, 1, 1000, 0},      {"lambda", 300, 1e-6, 1e9, 0},  {"shrink", 10, 0, 1e9, 0},
      {"factors", 64, 0, 256, 0},           {"als-lambda", 0.1, 1e-6, 1e6, 0}, {"alpha", 1, 0, 1e6, 0},
      {"iterations", 10, 1, 100, 0},        {"seed", 1, 0, 9007199254740992.0, 0},
      {"now-ms", 0, 0, 9007199254740992.0, 0}, {"half-life-days", 14, 0, 36500, 0},
      {"fbt-min-count", 3, 1, 1e9, 0},
  };
  for (auto& number : numbers) {
    auto value = Number(*parsed, number.name, number.fallback, number.min, number.max);
    if (!value.ok()) return Fail(value.error());
    number.value = *value;
  }
  options.neighbours = static_cast<uint32_t>(numbers[0].value);
  options.ease_lambda = numbers[1].value;
  options.cosine_shrink = numbers[2].value;
  options.ials.factors = static_cast<uint32_t>(numbers[3].value);
  options.ials.lambda = numbers[4].value;
  options.ials.alpha = numbers[5].value;
  options.ials.iterations = static_cast<uint32_t>(numbers[6].value);
  options.ials.seed = static_cast<uint64_t>(numbers[7].value);
  options.now_ms = static_cast<int64_t>(numbers[8].value);
  options.half_life_ms = static_cast<int64_t>(numbers[9].value * 24 * 3600 * 1000);
  options.fbt.min_count = static_cast<uint32_t>(numbers[10].value);

  auto catalog_text = context.files->ReadFile(*catalog_path);
  if (!catalog_text.ok()) return Fail(catalog_text.error());
  nlohmann::json catalog = nlohmann::json::parse(*catalog_text, nullptr, false);
  if (catalog.is_discarded()) return Fail(MakeError(ErrorCode::kBadJson, "catalog is not valid JSON", *catalog_path));
  if (!catalog.is_object() || !catalog.contains("items") || !catalog["items"].is_array()) {
    return Fail(MakeError(ErrorCode::kBadRequest, "catalog has no items array", "items"));
  }
  std::vector<std::string> known;
  for (const auto& item : catalog["items"]) {
    if (item.is_object() && item.contains("id") && item["id"].is_string()) known.push_back(item["id"].get<std::string>());
  }
  std::sort(known.begin(), known.end());

  auto log = LoadLog(*log_path);
  if (!log.ok()) return Fail(log.error());
  const size_t rows = log->size();
  const size_t dropped = modelbuild::KeepKnownItems(known, &*log);
  auto model = modelbuild::BuildModel(*log, options);
  if (!model.ok()) return Fail(model.error());
  if (auto written = modelbuild::WriteModelSections(*log, *model, options, &catalog); !written.ok()) {
    return Fail(written.error());
  }
  if (auto saved = context.files->WriteFile(*out_path, catalog.dump(1) + "\n"); !saved.ok()) return Fail(saved.error());
  size_t neighbour_count = model->neighbours.items.size();
  std::string summary = "model " + model->algorithm + ": " + std::to_string(rows) + " rows (" +
                        std::to_string(dropped) + " for items not in the catalog), " +
                        std::to_string(log->users.size()) + " users, " + std::to_string(log->items.size()) +
                        " items, " + std::to_string(neighbour_count) + " neighbours, " +
                        std::to_string(model->factors.factors) + " factors, " + std::to_string(model->fbt.size()) +
                        " bought-together rules\n";
  return CommandOutput{0, summary, ""};
}

CommandOutput Eval(const Args& args) {
  auto parsed = ParseArgs(args, ArgSpec{{"interactions", "seed", "neighbours", "factors"}, {"quick"}});
  if (!parsed.ok()) return Fail(parsed.error());
  auto log_path = parsed->Required("interactions");
  if (!log_path.ok()) return Fail(log_path.error());
  modelbuild::EvalOptions options;
  auto seed = Number(*parsed, "seed", 1, 0, 9007199254740992.0);
  auto neighbours = Number(*parsed, "neighbours", 200, 1, 1000);
  auto factors = Number(*parsed, "factors", 64, 1, 256);
  if (!seed.ok()) return Fail(seed.error());
  if (!neighbours.ok()) return Fail(neighbours.error());
  if (!factors.ok()) return Fail(factors.error());
  options.seed = static_cast<uint64_t>(*seed);
  options.neighbours = static_cast<uint32_t>(*neighbours);
  options.factors = static_cast<uint32_t>(*factors);
  options.quick = parsed->Switch("quick");
  auto log = LoadLog(*log_path);
  if (!log.ok()) return Fail(log.error());
  auto table = modelbuild::Evaluate(*log, options);
  if (!table.ok()) return Fail(table.error());
  return CommandOutput{0, *table, ""};
}

#endif

}  // namespace

CommandOutput ModelCommand(const Args& args, const CommandContext& context) {
  if (args.empty() || args[0] != "build") return CommandOutput{2, "", kModelUsage};
#if SHOPCORE_HAVE_MODELBUILD
  return Build(Args(args.begin() + 1, args.end()), context);
#else
  return NativeOnly("model build");
#endif
}

CommandOutput EvalCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", kEvalUsage};
#if SHOPCORE_HAVE_MODELBUILD
  return Eval(args);
#else
  return NativeOnly("eval");
#endif
}

}  // namespace shopcore::cli
