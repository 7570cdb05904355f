// Fulfilment and delivery promise: where an order ships from, how, when it
// arrives and what the shipping costs. See the headers under fulfilment/.
#ifndef SHOPCORE_FULFILMENT_H_
#define SHOPCORE_FULFILMENT_H_

#include "shopcore/fulfilment/delivery_plan.h"
#include "shopcore/fulfilment/delivery_promise.h"
#include "shopcore/fulfilment/fulfilment_data.h"
#include "shopcore/fulfilment/fulfilment_json.h"
#include "shopcore/fulfilment/shipping_method.h"
#include "shopcore/fulfilment/warehouse.h"
#include "shopcore/fulfilment/working_calendar.h"

#endif  // SHOPCORE_FULFILMENT_H_
