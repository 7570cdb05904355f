#include "args.h"

namespace shopcore::cli {

Result<std::string> ParsedArgs::Required(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return MakeError(ErrorCode::kUsage, "missing required option --" + name, "--" + name);
  return it->second;
}

std::string ParsedArgs::Get(const std::string& name, const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args, const ArgSpec& spec) {
  ParsedArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg.compare(0, 2, "--") != 0 || arg == "--") {
      parsed.positionals.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::string value;
    bool has_inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    if (spec.switches.count(name)) {
      if (has_inline_value) return MakeError(ErrorCode::kUsage, "--" + name + " takes no value", arg);
      parsed.switches.insert(name);
    } else if (spec.options.count(name)) {
      if (!has_inline_value) {
        if (i + 1 >= args.size()) return MakeError(ErrorCode::kUsage, "--" + name + " needs a value", arg);
        value = args[++i];
      }
      if (parsed.options.count(name)) return MakeError(ErrorCode::kUsage, "--" + name + " given twice", arg);
      parsed.options[name] = value;
    } else {
      return MakeError(ErrorCode::kUsage, "unknown option --" + name, arg);
    }
  }
  return parsed;
}

}  // namespace shopcore::cli
