// Stable names of the fulfilment enums: the JSON form and the JS API use them.
#include "shopcore/fulfilment/delivery_plan.h"
#include "shopcore/fulfilment/shipping_method.h"
#include "shopcore/fulfilment/warehouse.h"

namespace shopcore::fulfilment {

const char* WarehouseKindName(WarehouseKind kind) {
  switch (kind) {
    case WarehouseKind::kDomestic: return "domestic";
    case WarehouseKind::kOverseas: return "overseas";
    case WarehouseKind::kBonded: return "bonded";
    case WarehouseKind::kDirectMail: return "direct_mail";
  }
  return "domestic";
}

Result<WarehouseKind> ParseWarehouseKind(std::string_view name) {
  for (auto kind : {WarehouseKind::kDomestic, WarehouseKind::kOverseas, WarehouseKind::kBonded, WarehouseKind::kDirectMail}) {
    if (name == WarehouseKindName(kind)) return kind;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown warehouse kind '" + std::string(name) + "' (domestic, overseas, bonded, direct_mail)");
}

const char* ServiceClassName(ServiceClass service) {
  switch (service) {
    case ServiceClass::kExpress: return "express";
    case ServiceClass::kStandard: return "standard";
    case ServiceClass::kEconomy: return "economy";
  }
  return "standard";
}

Result<ServiceClass> ParseServiceClass(std::string_view name) {
  for (auto service : {ServiceClass::kExpress, ServiceClass::kStandard, ServiceClass::kEconomy}) {
    if (name == ServiceClassName(service)) return service;
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown service class '" + std::string(name) + "' (express, standard, economy)");
}

const char* ObjectiveName(Objective objective) {
  switch (objective) {
    case Objective::kCheapest: return "cheapest";
    case Objective::kFastest: return "fastest";
    case Objective::kFewestParcels: return "fewest_parcels";
  }
  return "cheapest";
}

}  // namespace shopcore::fulfilment
