#include "locale_files.h"

namespace shopcore::cli {

Result<LocalePack> LoadLocalePack(const CommandContext& context, const std::string& locale) {
  // Tags are looked up as file names: refuse anything that could climb out
  // of the folder or name a hidden file.
  for (char c : locale) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || locale.empty() || locale.size() > 64) {
      return MakeError(ErrorCode::kUnknownLocale, "not a locale tag: '" + locale + "'", "locale");
    }
  }
  std::string tag = locale;
  while (!tag.empty()) {
    auto bytes = context.files->ReadFile(context.locale_dir + "/" + tag + ".json");
    if (bytes.ok()) return LocalePack::Parse(*bytes);
    auto dash = tag.rfind('-');
    if (dash == std::string::npos) break;
    tag.resize(dash);
  }
  return MakeError(ErrorCode::kUnknownLocale, "no locale pack for '" + locale + "' in " + context.locale_dir, "locale");
}

}  // namespace shopcore::cli
