// The `shopcore` command compiled to wasm for Node: the same RunCommand as
// the native binary, with Node's fs reached through JS callbacks. Used by
// scripts/shopcore --wasm and by the parity tests; not part of the package.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "command.h"

namespace {

using emscripten::val;

class NodeFileSystem : public shopcore::cli::FileSystem {
 public:
  explicit NodeFileSystem(val hooks) : hooks_(std::move(hooks)) {}

  shopcore::Result<std::string> ReadFile(const std::string& path) override {
    val bytes = hooks_.call<val>("readFile", path);
    if (bytes.isNull() || bytes.isUndefined()) {
      return shopcore::MakeError(shopcore::ErrorCode::kIoError, "cannot read " + path, path);
    }
    return bytes.as<std::string>();
  }

  shopcore::Status WriteFile(const std::string& path, const std::string& bytes) override {
    val view(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())));
    if (!hooks_.call<bool>("writeFile", path, view)) {
      return shopcore::MakeError(shopcore::ErrorCode::kIoError, "cannot write " + path, path);
    }
    return shopcore::Status::Ok();
  }

 private:
  val hooks_;
};

val RunCli(val js_args, val hooks, std::string locale_dir) {
  std::vector<std::string> args;
  const unsigned count = js_args["length"].as<unsigned>();
  for (unsigned i = 0; i < count; ++i) args.push_back(js_args[i].as<std::string>());
  NodeFileSystem files(hooks);
  shopcore::cli::CommandContext context;
  context.files = &files;
  context.locale_dir = std::move(locale_dir);
  auto output = shopcore::cli::RunCommand(args, context);
  val result = val::object();
  result.set("exitCode", output.exit_code);
  // Bytes, not strings: the caller writes them to stdout/stderr unchanged.
  result.set("out", val(emscripten::typed_memory_view(output.out.size(),
                                                      reinterpret_cast<const unsigned char*>(output.out.data())))
                        .call<val>("slice"));
  result.set("err", val(emscripten::typed_memory_view(output.err.size(),
                                                      reinterpret_cast<const unsigned char*>(output.err.data())))
                        .call<val>("slice"));
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(shopcore_cli) { emscripten::function("runCli", &RunCli); }
