// Rows of docs/bad-input.md for the command line: bad arguments and files
// get one "error: CODE at PATH: message" line and exit 1, usage errors exit 2,
// through RunCommand (the function native and wasm both run).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "support/test_files.h"

namespace shopcore::cli {
namespace {

CommandOutput Shopcore(const std::vector<std::string>& args, test_support::TestFiles* files = nullptr) {
  test_support::TestFiles empty;
  CommandContext context;
  context.files = files ? files : &empty;
  context.locale_dir = SHOPCORE_LOCALE_DIR;
  return RunCommand(args, context);
}

void ExpectError(const CommandOutput& output, int exit_code, const std::string& err) {
  EXPECT_EQ(output.exit_code, exit_code);
  EXPECT_EQ(output.out, "");
  EXPECT_EQ(output.err, err);
}

TEST(CliBadInput, UsageErrorsExitTwo) {
  ExpectError(Shopcore({"frobnicate"}), 2, "error: USAGE at frobnicate: unknown command 'frobnicate' (try `shopcore help`)\n");
  ExpectError(Shopcore({"format", "--bogus"}), 2, "error: USAGE at --bogus: unknown option --bogus\n");
  ExpectError(Shopcore({"format", "--currency", "USD", "--locale", "en-US"}), 2,
              "error: USAGE at --amount-minor: missing required option --amount-minor\n");
  ExpectError(Shopcore({"format", "--amount-minor"}), 2, "error: USAGE at --amount-minor: --amount-minor needs a value\n");
  EXPECT_EQ(Shopcore({}).exit_code, 2);
}

TEST(CliBadInput, LocaleTagsThatAreNotTagsNeverReachTheDisk) {
  // Invalid UTF-8, path separators and dots: refused before any file name is built.
  for (const std::string tag : {"\xff\xfe", "../en-US", "en-US/..", ".hidden", "en US"}) {
    auto output = Shopcore({"format", "--amount-minor", "100", "--currency", "USD", "--locale", tag});
    EXPECT_EQ(output.exit_code, 1) << tag;
    EXPECT_EQ(output.err, "error: UNKNOWN_LOCALE at locale: not a locale tag: '" + tag + "'\n") << tag;
  }
  auto empty = Shopcore({"format", "--amount-minor", "100", "--currency", "USD", "--locale", ""});
  EXPECT_EQ(empty.err, std::string("error: UNKNOWN_LOCALE at locale: no locale pack for '' in ") + SHOPCORE_LOCALE_DIR + "\n");
  auto unknown = Shopcore({"format", "--amount-minor", "100", "--currency", "USD", "--locale", "xx-YY"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err.rfind("error: UNKNOWN_LOCALE at locale: no locale pack for 'xx-YY'", 0), 0u) << unknown.err;
}

TEST(CliBadInput, NumbersAndCurrencies) {
  ExpectError(Shopcore({"format", "--amount-minor", "1.5", "--currency", "USD", "--locale", "en-US"}), 1,
              "error: INVALID_ARGUMENT at --amount-minor: not an integer: '1.5'\n");
  ExpectError(Shopcore({"format", "--amount-minor", "9223372036854775808", "--currency", "USD", "--locale", "en-US"}), 1,
              "error: OVERFLOW at --amount-minor: integer does not fit in int64: '9223372036854775808'\n");
  ExpectError(Shopcore({"format", "--amount-minor", "1", "--currency", "usd", "--locale", "en-US"}), 1,
              "error: UNKNOWN_CURRENCY at currency: unknown currency 'usd' (ISO 4217 codes such as EUR, JPY)\n");
  ExpectError(Shopcore({"money", "convert", "--amount-minor", "100", "--from", "USD", "--to", "EUR", "--rate", "1e5"}), 1,
              "error: INVALID_ARGUMENT at --rate: not a decimal number: '1e5'\n");
  ExpectError(Shopcore({"money", "convert", "--amount-minor", "100", "--from", "USD", "--to", "EUR", "--rate", "0"}), 1,
              "error: INVALID_ARGUMENT at rate: exchange rate must be positive, got 0\n");
  ExpectError(Shopcore({"money", "allocate", "--amount", "100", "--weights", "1,,2"}), 1,
              "error: INVALID_ARGUMENT at --weights[1]: not an integer: ''\n");
}

TEST(CliBadInput, FilesThatAreMissingOrNotJson) {
  test_support::TestFiles files;
  files.files["rules.json"] = std::string("{\"version\": \"\xff\"}");
  files.files["request.json"] = "{}";
  ExpectError(Shopcore({"landed-cost", "rules.json", "request.json"}, &files), 1,
              "error: BAD_JSON at rules.json:$: input is not valid JSON\n");
  ExpectError(Shopcore({"landed-cost", "missing.json", "request.json"}, &files), 1,
              "error: IO_ERROR at missing.json: cannot read missing.json\n");
}

// A pack file with bad bytes under a valid tag: BAD_LOCALE_PACK, not a crash.
TEST(CliBadInput, ABadPackFileIsBadLocalePack) {
  test_support::TestFiles files;
  files.files[std::string(SHOPCORE_LOCALE_DIR) + "/zz.json"] = "{\"format\": 1, \"cldr\": \"48.2.0\"";
  auto output = Shopcore({"format", "--amount-minor", "1", "--currency", "USD", "--locale", "zz"}, &files);
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_EQ(output.err.rfind("error: BAD_LOCALE_PACK", 0), 0u) << output.err;
}

}  // namespace
}  // namespace shopcore::cli
