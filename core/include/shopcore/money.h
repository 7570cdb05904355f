// The money module: exact amounts, currencies, decimals, rounding,
// allocation, conversion and locale-correct display. Depends on nothing.
#ifndef SHOPCORE_MONEY_H_
#define SHOPCORE_MONEY_H_

#include "shopcore/money/allocation.h"
#include "shopcore/money/checked.h"
#include "shopcore/money/civil_date.h"
#include "shopcore/money/currency.h"
#include "shopcore/money/date_format.h"
#include "shopcore/money/decimal.h"
#include "shopcore/money/format.h"
#include "shopcore/money/fx.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/money/money.h"
#include "shopcore/money/rounding.h"

#endif  // SHOPCORE_MONEY_H_
