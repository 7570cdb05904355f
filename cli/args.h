// A small, strict argument parser: positionals, "--name value" options and
// "--flag" switches. Unknown options are a usage error, never ignored.
#ifndef SHOPCORE_CLI_ARGS_H_
#define SHOPCORE_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "shopcore/status.h"

namespace shopcore::cli {

struct ArgSpec {
  std::set<std::string> options;   // take a value: {"amount-minor", "currency"}
  std::set<std::string> switches;  // take none: {"accounting"}
};

struct ParsedArgs {
  std::vector<std::string> positionals;
  std::map<std::string, std::string> options;
  std::set<std::string> switches;

  bool Has(const std::string& name) const { return options.count(name) != 0; }
  bool Switch(const std::string& name) const { return switches.count(name) != 0; }
  // The value of a required option, or a USAGE error naming it.
  Result<std::string> Required(const std::string& name) const;
  std::string Get(const std::string& name, const std::string& fallback) const;
};

Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args, const ArgSpec& spec);

}  // namespace shopcore::cli

#endif  // SHOPCORE_CLI_ARGS_H_
