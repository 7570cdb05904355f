// A locale pack: everything needed to display money in one locale, generated
// at build time from the CLDR JSON (scripts/gen/locale-packs.mjs) and loaded
// at run time from bytes. Packs are not compiled into the binary: the CLI
// reads them from a folder, the wasm module receives them from JS, and a
// snapshot carries the packs of its markets.
#ifndef SHOPCORE_MONEY_LOCALE_PACK_H_
#define SHOPCORE_MONEY_LOCALE_PACK_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

struct LocalePackData;  // defined in src/money/; the public API stays stable

class LocalePack {
 public:
  // Packs are a few tens of KB; anything larger is refused unread (callers
  // holding bytes outside the heap check it before copying them in).
  static constexpr size_t kMaxBytes = 1 << 20;

  // Parses and validates pack bytes; BAD_LOCALE_PACK names the bad field.
  static Result<LocalePack> Parse(std::string_view bytes);

  const std::string& locale() const;         // the tag it was generated for: "de-CH"
  const std::string& cldr_version() const;   // "48.2.0"
  const LocalePackData& data() const { return *data_; }

 private:
  explicit LocalePack(std::shared_ptr<const LocalePackData> data) : data_(std::move(data)) {}
  std::shared_ptr<const LocalePackData> data_;
};

// The packs an engine has loaded, by locale tag. Lookup falls back by
// truncating subtags ("de-DE-u-nu-latn" -> "de-DE" -> "de").
class LocaleRegistry {
 public:
  void Add(LocalePack pack);  // replaces a pack with the same tag
  Result<const LocalePack*> Find(std::string_view locale) const;
  bool empty() const { return packs_.empty(); }

 private:
  std::map<std::string, LocalePack, std::less<>> packs_;
};

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_LOCALE_PACK_H_
