#include "shopcore/fulfilment/delivery_promise.h"

#include "money/locale_pack_data.h"
#include "shopcore/money/date_format.h"

namespace shopcore::fulfilment {

Result<std::string> FormatDeliveryPromise(const LocalePack& pack, const CivilDate& from, const CivilDate& to) {
  const LocalePackData& data = pack.data();
  if (!data.dates) return MakeError(ErrorCode::kBadLocalePack, "pack '" + data.locale + "' has no date data (regenerate it)", "dates");
  auto range = FormatDateRange(pack, from, to, data.dates->arrives_style);
  if (!range.ok()) return range.error();
  std::string message = data.dates->arrives;
  message.replace(message.find("{0}"), 3, *range);
  return message;
}

}  // namespace shopcore::fulfilment
