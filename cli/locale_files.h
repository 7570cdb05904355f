// Finding and loading locale packs from the locale folder: "de-DE" is read
// from de-DE.json, or failing that from de.json (subtag truncation).
#ifndef SHOPCORE_CLI_LOCALE_FILES_H_
#define SHOPCORE_CLI_LOCALE_FILES_H_

#include <string>

#include "command.h"
#include "shopcore/money/locale_pack.h"

namespace shopcore::cli {

Result<LocalePack> LoadLocalePack(const CommandContext& context, const std::string& locale);

}  // namespace shopcore::cli

#endif  // SHOPCORE_CLI_LOCALE_FILES_H_
