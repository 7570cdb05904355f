// Where goods ship from. The kind matters to the shopper (a bonded or
// overseas warehouse is faster than direct mail from the origin) and to the
// tax module (every kind but domestic crosses a border; bonded-warehouse and
// direct-mail orders into CN are both cross-border retail imports).
#ifndef SHOPCORE_FULFILMENT_WAREHOUSE_H_
#define SHOPCORE_FULFILMENT_WAREHOUSE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore::fulfilment {

enum class WarehouseKind {
  kDomestic,    // in the destination market
  kOverseas,    // 海外仓: stock held abroad in the destination market by a cross-border seller
  kBonded,      // 保税仓: in a bonded zone of the destination, duties paid on release
  kDirectMail,  // 直邮: shipped parcel by parcel from the origin country
};
const char* WarehouseKindName(WarehouseKind kind);  // "domestic", "overseas", "bonded", "direct_mail"
Result<WarehouseKind> ParseWarehouseKind(std::string_view name);

struct Warehouse {
  std::string id;
  WarehouseKind kind = WarehouseKind::kDomestic;
  std::string country;  // ISO 3166-1 alpha-2 where the goods physically leave from
  // Where customs considers the goods to come from, when that is not
  // `country`: goods in a bonded warehouse inside the destination have not
  // been imported yet, so an order from it is a cross-border import (CN
  // cross-border e-commerce retail, same quota rules as direct mail).
  // Empty = `country`.
  std::string customs_origin;
  // The warehouse clock as a fixed offset from UTC in minutes (+480 for
  // Shanghai). A zone with daylight saving time needs the offset in force on
  // the dates being planned, supplied as data (the snapshot carries the
  // current one); the engine has no time-zone database.
  int32_t utc_offset_minutes = 0;
  std::string calendar;  // id of the WorkingCalendar it dispatches on
  std::map<std::string, int64_t, std::less<>> stock;  // SKU -> units available
};

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_WAREHOUSE_H_
