// The delivery promise a shopper reads: the locale pack's "arrives" message
// around the date range in the message's style (data/delivery-messages.json):
//   FormatDeliveryPromise(pack "en-US", 2026-11-24, 2026-11-26) -> "Arrives Tue, Nov 24 – Thu, Nov 26"
#ifndef SHOPCORE_FULFILMENT_DELIVERY_PROMISE_H_
#define SHOPCORE_FULFILMENT_DELIVERY_PROMISE_H_

#include <string>

#include "shopcore/money/civil_date.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/status.h"

namespace shopcore::fulfilment {

// BAD_LOCALE_PACK when the pack carries no date data; FormatDateRange's errors.
Result<std::string> FormatDeliveryPromise(const LocalePack& pack, const CivilDate& from, const CivilDate& to);

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_DELIVERY_PROMISE_H_
